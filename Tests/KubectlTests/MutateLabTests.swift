import LabTestSupport
import Testing

/// The changing verbs in a whole default lab (the world's store, admission and kubeadm objects).
@Suite struct MutateLabTests {
    @Test func workloadLifecycle() {
        let run = runLab("""
            kubectl create deployment web --image=nginx --port=80
            kubectl scale deploy web --replicas=3
            kubectl scale deploy web --replicas=-1
            kubectl label deploy web tier=fe
            kubectl label deploy web 'bad key=x'
            kubectl annotate deploy web owner=team-a
            kubectl set image deploy/web nginx=nginx:1.27
            kubectl set image deploy/web nope=nginx:1.27
            kubectl patch deploy web -p '{"spec":{"replicas":-2}}'
            kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2}]'
            kubectl expose deploy web --port=8080 --target-port=80
            kubectl get deploy web -o jsonpath='{.spec.replicas} {.metadata.labels.tier} {.spec.template.spec.containers[0].image}'
            """)
        #expect(run.stdout == """
            deployment.apps/web created
            deployment.apps/web scaled
            deployment.apps/web labeled
            deployment.apps/web annotated
            deployment.apps/web image updated
            deployment.apps/web patched
            service/web exposed
            2 fe nginx:1.27
            """)
        #expect(run.stderr == """
            error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0
            The Deployment "web" is invalid: metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            error: unable to find container named "nope"
            The Deployment "web" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0

            """)
    }

    @Test func nodeMaintenance() {
        let run = runLab("""
            kubectl taint node node01 dedicated=gpu:NoSchedule
            kubectl taint node node01 dedicated=gpu:NoSchedule
            kubectl taint node node01 dedicated-
            kubectl cordon node01
            kubectl drain node01
            kubectl drain node01 --ignore-daemonsets --dry-run=client
            kubectl uncordon node01
            """)
        #expect(run.stdout.hasPrefix("node/node01 tainted\nnode/node01 untainted\nnode/node01 cordoned\nnode/node01 already cordoned\n"))
        #expect(run.stdout.hasSuffix("node/node01 drained (dry run)\nnode/node01 uncordoned\n"))
        #expect(run.stderr.hasPrefix("""
            error: node node01 already has dedicated taint(s) with same effect(s) and --overwrite is false
            error: unable to drain node "node01" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/
            """))
        #expect(run.stderr.contains("There are pending nodes to be drained:\n node01\ncannot delete DaemonSet-managed Pods"))
    }
}
