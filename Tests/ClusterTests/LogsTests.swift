import Cluster
import LabTestSupport
import Testing

/// `kubectl logs TYPE/NAME` and `-l`: which pod kubectl picks, what it says on stderr, its errors.
struct LogsTests {
    /// Seed 000's DaemonSet (tolerating the control-plane taint), its container also saying hello on stdout.
    static let configDaemonSet = """
        cat > config.yaml <<'EOF'
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          labels:
            app: config
          name: config
        spec:
          selector:
            matchLabels:
              app: config
          template:
            metadata:
              labels:
                app: config
            spec:
              tolerations:
              - key: node-role.kubernetes.io/control-plane
                effect: NoSchedule
              volumes:
              - name: config
                hostPath:
                  path: /config
              containers:
              - image: busybox
                name: busybox
                command: ["/bin/sh", "-c"]
                args: ["echo 'Hello, k8s Day 17' > /configuration/conf ; echo wrote on $(hostname); sleep 3000"]
                volumeMounts:
                - name: config
                  mountPath: /configuration
        EOF
        kubectl apply -f config.yaml >/dev/null
        sleep 30

        """

    @Test func daemonSetLogsUseTheFirstPod() {
        let run = runLab(Self.configDaemonSet + """
            cat /config/conf
            kubectl logs ds/config
            kubectl logs daemonset.apps/config --prefix
            """)
        #expect(run.stdout == """
            Hello, k8s Day 17
            wrote on config-bnfx5
            [pod/config-bnfx5/busybox] wrote on config-bnfx5

            """)
        #expect(run.stderr == "Found 2 pods, using pod/config-bnfx5\nFound 2 pods, using pod/config-bnfx5\n")
        #expect(run.status == 0)
    }

    @Test func selectorAndAllPodsReadEveryPod() {
        let run = runLab(Self.configDaemonSet + """
            kubectl logs -l app=config
            kubectl logs -l app=config --prefix
            kubectl logs ds/config --all-pods
            """)
        #expect(run.stdout == """
            wrote on config-bnfx5
            wrote on config-fzkp8
            [pod/config-bnfx5/busybox] wrote on config-bnfx5
            [pod/config-fzkp8/busybox] wrote on config-fzkp8
            [pod/config-bnfx5/busybox] wrote on config-bnfx5
            [pod/config-fzkp8/busybox] wrote on config-fzkp8

            """)
        #expect(run.stderr == "")
    }

    @Test func followingTooManyStreamsIsRefused() {
        let run = runLab(Self.configDaemonSet + "kubectl logs -f -l app=config --max-log-requests 1")
        #expect(run.stdout == "")
        #expect(run.stderr == "error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, "
            + "use --max-log-requests to increase the limit\n")
        #expect(run.status == 1)
    }

    @Test func deploymentWithTwoReplicas() {
        let run = runLab("""
            kubectl create deployment web --image=busybox --replicas=2 -- sh -c 'echo started $(hostname); sleep 3600' >/dev/null
            sleep 20
            kubectl logs deploy/web
            kubectl logs deployment.apps/web --timestamps
            kubectl logs deploy/web -c nope
            """)
        #expect(run.stdout == """
            started web-54496967cd-bnfx5
            2026-01-05T09:00:05.801337080Z started web-54496967cd-bnfx5

            """)
        #expect(run.stderr == """
            Found 2 pods, using pod/web-54496967cd-bnfx5
            Found 2 pods, using pod/web-54496967cd-bnfx5
            Found 2 pods, using pod/web-54496967cd-bnfx5
            error: container nope is not valid for pod web-54496967cd-bnfx5

            """)
        #expect(run.status == 1)
    }

    @Test func jobLogs() {
        let run = runLab("""
            kubectl create job hello --image=busybox -- echo hello from job >/dev/null
            sleep 10
            kubectl logs job/hello
            """)
        #expect(run.stdout == "hello from job\n")
        #expect(run.stderr == "")
    }

    @Test func errors() {
        let cases: [(String, String)] = [
            ("kubectl logs ds/nope", "Error from server (NotFound): daemonsets.apps \"nope\" not found\n"),
            ("kubectl logs nope", "Error from server (NotFound): pods \"nope\" not found\n"),
            ("kubectl logs foo/bar", "error: the server doesn't have a resource type \"foo\"\n"),
            ("kubectl logs cm/kube-root-ca.crt",
             "error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n"),
            ("kubectl logs svc/kubernetes",
             "error: cannot get the logs from *v1.Service: invalid service 'kubernetes': Service is defined without a selector\n"),
            ("kubectl logs node/controlplane", "error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n"),
            ("kubectl logs -l app=none", "No resources found in default namespace.\n"),
            ("kubectl logs", "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
                + "POD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"),
            ("kubectl logs -l a=b x", "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n"),
            ("kubectl logs deploy/", "error: arguments in resource/name form must have a single resource and name\n"),
            ("kubectl logs -n kube-system deploy/coredns --tail=-2",
             "error: --tail must be greater than or equal to -1\n"),
        ]
        for (script, stderr) in cases {
            let run = runLab(script)
            #expect(run.stdout == "", "\(script)")
            #expect(run.stderr == stderr, "\(script)")
        }
    }

    @Test func waitsForAPodThenTimesOut() {
        let run = runLab("""
            kubectl create deployment later --image=busybox --replicas=0 >/dev/null
            kubectl logs deploy/later --pod-running-timeout=5s
            """)
        #expect(run.stderr == "error: timed out waiting for the condition\n")
        #expect(run.status == 1)
    }

    /// `kubectl exec TYPE/NAME` attaches to the controller's most active pod, without a note on stderr.
    @Test func execIntoAControllersPod() {
        let run = runLab("""
            kubectl create deployment web --image=busybox --replicas=2 -- sleep 3600 >/dev/null
            sleep 20
            kubectl exec deploy/web -- hostname
            kubectl exec deployment.apps/web -- cat /etc/hostname
            kubectl exec cm/kube-root-ca.crt -- ls
            kubectl exec svc/kubernetes -- ls
            """)
        #expect(run.stdout == "web-868dbd79d-bnfx5\nweb-868dbd79d-bnfx5\n")
        #expect(run.stderr == """
            error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented
            error: cannot attach to *v1.Service: invalid service 'kubernetes': Service is defined without a selector

            """)
    }

    @Test func sinceAndSinceTime() {
        let run = runLab("""
            kubectl run t --image=busybox -- sh -c 'echo one; sleep 30; echo two; sleep 3600' >/dev/null
            sleep 45
            kubectl logs t
            kubectl logs t --since=10s
            kubectl logs t --since-time=2026-01-05T09:00:20Z
            kubectl logs t --since-time=bogus
            kubectl logs t --since-time=2026-01-05T09:00:20Z --since=5s
            kubectl logs t --timestamps --tail=1
            """)
        #expect(run.stdout == "one\ntwo\ntwo\n2026-01-05T09:00:36.025716197Z two\n")
        #expect(run.stderr == """
            error: parsing time "bogus" as "2006-01-02T15:04:05Z07:00": cannot parse "bogus" as "2006"
            error: at most one of `sinceTime` or `sinceSeconds` may be specified

            """)
    }
}
