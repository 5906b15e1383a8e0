import Cluster
import LabTestSupport
import Testing

/// StatefulSet scaling by `podManagementPolicy` (k8s `stateful_set_control.go`): OrderedReady
/// creates one pod at a time, each once the one below is Running and available (minReadySeconds),
/// and scales down from the highest ordinal, the next only once the last is gone; Parallel creates
/// and deletes them all at once. `updateStrategy.rollingUpdate.maxUnavailable` is dropped by the
/// API server (its MaxUnavailableStatefulSet gate is off in v1.32).
struct StatefulSetScalingTests {
    /// A StatefulSet `web` of `replicas` pods with `policy`: each available 5 s after it is ready,
    /// and 5 s to stop (the container ignores SIGTERM, so the grace period runs out).
    static func statefulSet(replicas: Int, policy: String, strategy: String = "") -> String {
        """
        cat <<EOF | kubectl apply -f -
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: web
          replicas: \(replicas)
          podManagementPolicy: \(policy)
          minReadySeconds: 5
          selector:
            matchLabels: {app: web}
        \(strategy)
          template:
            metadata:
              labels: {app: web}
            spec:
              terminationGracePeriodSeconds: 5
              containers:
              - name: app
                image: busybox:1.36
                command: ["sh", "-c", "trap '' TERM; sleep 3600"]
        EOF
        """
    }

    /// The time, then each pod: phase, readiness, when its deletion ends.
    static let pods = "date +%T; kubectl get pods -l app=web -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,READY:.status.containerStatuses[0].ready,DELETING:.metadata.deletionTimestamp --no-headers"

    /// `pods` every 2 s, `count` times, on one typed line (a line costs 3 s of typing).
    static func watch(_ count: Int) -> String {
        Array(repeating: pods, count: count).joined(separator: "; sleep 2; ")
    }

    @Test func maxUnavailableIsDroppedByTheServer() {
        let run = runLab("""
            \(Self.statefulSet(replicas: 1, policy: "OrderedReady", strategy: """
              updateStrategy:
                type: RollingUpdate
                rollingUpdate: {maxUnavailable: 2, partition: 0}
            """))
            kubectl get sts web -o jsonpath='{.spec.updateStrategy}{"\\n"}'
            kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"maxUnavailable":"50%"}}}}'
            kubectl get sts web -o jsonpath='{.spec.updateStrategy}{"\\n"}'
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            statefulset.apps/web created
            {"rollingUpdate":{"partition":0},"type":"RollingUpdate"}
            statefulset.apps/web patched (no change)
            {"rollingUpdate":{"partition":0},"type":"RollingUpdate"}

            """)
    }

    @Test func orderedReadyScalesOneAtATime() {
        let run = runLab("""
            \(Self.statefulSet(replicas: 3, policy: "OrderedReady"))
            \(Self.watch(10))
            kubectl scale sts web --replicas=0; \(Self.watch(9))
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            statefulset.apps/web created
            09:00:06
            web-0   Running   true   <none>
            09:00:08
            web-0   Running   true   <none>
            09:00:10
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            09:00:12
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            09:00:14
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            09:00:16
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   <none>
            09:00:18
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   <none>
            09:00:20
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   <none>
            09:00:22
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   <none>
            09:00:24
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   <none>
            statefulset.apps/web scaled
            09:00:27
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   2026-01-05T09:00:32Z
            09:00:29
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   2026-01-05T09:00:32Z
            09:00:31
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   2026-01-05T09:00:32Z
            09:00:33
            web-0   Running   true   <none>
            web-1   Running   true   2026-01-05T09:00:37Z
            09:00:35
            web-0   Running   true   <none>
            web-1   Running   true   2026-01-05T09:00:37Z
            09:00:37
            web-0   Running   true   2026-01-05T09:00:42Z
            09:00:39
            web-0   Running   true   2026-01-05T09:00:42Z
            09:00:41
            web-0   Running   true   2026-01-05T09:00:42Z
            09:00:43

            """)
    }

    @Test func parallelScalesAllAtOnce() {
        let run = runLab("""
            \(Self.statefulSet(replicas: 3, policy: "Parallel"))
            \(Self.watch(3))
            kubectl scale sts web --replicas=0; \(Self.watch(4))
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            statefulset.apps/web created
            09:00:06
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   <none>
            09:00:08
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   <none>
            09:00:10
            web-0   Running   true   <none>
            web-1   Running   true   <none>
            web-2   Running   true   <none>
            statefulset.apps/web scaled
            09:00:13
            web-0   Running   true   2026-01-05T09:00:18Z
            web-1   Running   true   2026-01-05T09:00:18Z
            web-2   Running   true   2026-01-05T09:00:18Z
            09:00:15
            web-0   Running   true   2026-01-05T09:00:18Z
            web-1   Running   true   2026-01-05T09:00:18Z
            web-2   Running   true   2026-01-05T09:00:18Z
            09:00:17
            web-0   Running   true   2026-01-05T09:00:18Z
            web-1   Running   true   2026-01-05T09:00:18Z
            web-2   Running   true   2026-01-05T09:00:18Z
            09:00:19

            """)
    }
}
