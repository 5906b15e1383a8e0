import LabTestSupport
import Testing

/// The live kube-scheduler seen through kubectl: where pods land, and what describe and events say.
@Suite struct SchedulingTests {
    private static let selectorMessage = "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
        + "1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. "
        + "preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."

    /// A pod that wants a node labelled `disk=ssd` (`kubectl run --overrides` is not supported yet).
    private static let picky = """
        cat <<'EOF' | kubectl apply -f -
        apiVersion: v1
        kind: Pod
        metadata:
          name: picky
        spec:
          nodeSelector:
            disk: ssd
          containers:
          - name: nginx
            image: nginx
        EOF
        """

    @Test func aPlainPodLandsOnTheWorker() {
        let run = runLab("""
            kubectl run nginx --image=nginx
            kubectl get pod nginx -o jsonpath='{.spec.nodeName}{"\\n"}'
            kubectl get pod nginx -o wide --no-headers | tr -s ' ' | cut -d' ' -f1,7
            kubectl describe pod nginx | grep -E '^Node:|Scheduled'
            kubectl get events --field-selector reason=Scheduled --no-headers | tr -s ' ' | cut -d' ' -f2-
            """)
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "pod/nginx created")
        #expect(lines.dropFirst().first == "node01")
        #expect(lines.contains("nginx node01"))
        #expect(lines.contains("Node:             node01/172.30.2.2") || lines.contains { $0.hasPrefix("Node:") && $0.contains("node01") })
        #expect(lines.contains { $0.hasPrefix("  Normal  Scheduled") && $0.hasSuffix("default-scheduler  Successfully assigned default/nginx to node01") })
        #expect(lines.contains("Normal Scheduled pod/nginx Successfully assigned default/nginx to node01"))
    }

    @Test func aSelectorNobodyMatchesStaysPending() {
        let run = runLab(Self.picky + """

            kubectl get pod picky --no-headers | tr -s ' ' | cut -d' ' -f1-3
            kubectl describe pod picky | grep -A3 '^Events:' | tr -s ' '
            kubectl get pod picky -o jsonpath='{.status.conditions[0].reason}{"\\n"}'
            """)
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("picky 0/1 Pending"))
        #expect(lines.contains { $0.hasPrefix(" Warning FailedScheduling") && $0.hasSuffix(" default-scheduler " + Self.selectorMessage) })
        #expect(lines.last == "Unschedulable")
    }

    @Test func labellingTheNodeLetsTheWaitingPodIn() {
        let run = runLab(Self.picky + """

            kubectl get pod picky -o jsonpath='{.spec.nodeName}{"\\n"}'
            kubectl label node node01 disk=ssd
            kubectl get pod picky -o jsonpath='{.spec.nodeName}{"\\n"}'
            """)
        #expect(run.stdout == "pod/picky created\n\nnode/node01 labeled\nnode01\n")
    }

    @Test func toleratingTheControlPlaneTaintWithNodeNameAffinity() {
        let run = runLab("""
            cat <<'EOF' | kubectl apply -f -
            apiVersion: v1
            kind: Pod
            metadata:
              name: on-cp
            spec:
              tolerations:
              - key: node-role.kubernetes.io/control-plane
                operator: Exists
                effect: NoSchedule
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions:
                      - key: kubernetes.io/hostname
                        operator: In
                        values: [controlplane]
              containers:
              - name: nginx
                image: nginx
            EOF
            kubectl get pod on-cp -o jsonpath='{.spec.nodeName}{"\\n"}'
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == "pod/on-cp created\ncontrolplane\n")
    }

    @Test func cordonedWorkerLeavesNoRoom() {
        let run = runLab("""
            kubectl cordon node01
            kubectl run late --image=nginx
            kubectl get events --field-selector involvedObject.name=late -o jsonpath='{.items[*].message}{"\\n"}'
            kubectl uncordon node01
            sleep 15
            kubectl get pod late -o jsonpath='{.spec.nodeName}{"\\n"}'
            """)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
                               + "1 node(s) were unschedulable. preemption: 0/2 nodes are available: "
                               + "2 Preemption is not helpful for scheduling."))
        #expect(lines.last == "node01")
    }

    @Test func theStartingClusterIsLeftAsItWas() {
        let run = runLab("kubectl get events -A --field-selector reason=Scheduled --no-headers")
        #expect(run.stdout == "")
    }
}
