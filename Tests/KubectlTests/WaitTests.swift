import Testing

/// `kubectl wait`: the cluster runs on in simulated time until the condition holds or time runs out.
@Suite struct WaitTests {
    static let offline: [[String]] = [
        ["wait", "pod/x"], ["wait", "--for=foo", "pod/x"], ["wait", "--for=condition=Ready"],
        ["wait", "--for=jsonpath=x=1=2", "pod/x"], ["wait", "--for=jsonpath=", "pod/x"], ["wait", "--for=delete"],
        ["wait", "--for=jsonpath={.a}=''", "pod/x"], ["wait", "--for=condition=Ready", "--timeout=x", "pod/x"],
    ]

    @Test(arguments: offline)
    func offlineRefusalsMatchKubectl(_ line: [String]) {
        guard KubectlHarness.oracleAvailable else { return }
        let run = ApplyLab().run("kubectl " + line.map { "'\($0)'" }.joined(separator: " "))
        #expect(run == KubectlHarness.real(line), "kubectl \(line.joined(separator: " "))")
    }

    @Test func conditionsAlreadyMetPrintConditionMet() {
        let lab = ApplyLab()
        let run = lab.run("kubectl -n kube-system wait --for=condition=Ready pod/etcd-controlplane pod/kube-apiserver-controlplane")
        #expect(run.stdout == "pod/etcd-controlplane condition met\npod/kube-apiserver-controlplane condition met\n")
        #expect(run.status == 0)
        let phase = lab.run("kubectl -n kube-system wait --for=jsonpath='{.status.phase}'=Running pod -l component=etcd")
        #expect(phase.stdout == "pod/etcd-controlplane condition met\n")
        let named = lab.run("kubectl -n kube-system wait --for=condition=available deploy/coredns -o name")
        #expect(named.stdout == "deployment.apps/coredns\n")
    }

    @Test func timeoutsAdvanceTheClockAndSayWhatTheyWaitedOn() {
        let lab = ApplyLab()
        lab.run("kubectl create configmap cm")
        let before = lab.world.clock.seconds
        let run = lab.run("kubectl wait --for=condition=Ready configmap/cm --timeout=45s")
        #expect(run.stderr == "error: timed out waiting for the condition on configmaps/cm\n")
        #expect(run.status == 1)
        #expect(lab.world.clock.seconds - before == 45 + 3)
        let once = lab.run("kubectl wait --for=condition=Ready configmap/cm --timeout=0")
        #expect(once.stderr == "error: condition not met for configmaps/cm\n")
        let missing = lab.run("kubectl wait --for=condition=Ready configmap/nope")
        #expect(missing.stderr == "Error from server (NotFound): configmaps \"nope\" not found\n")
        let none = lab.run("kubectl wait --for=condition=Ready configmap -l a=b")
        #expect(none.stderr == "error: no matching resources found\n")
    }

    @Test func deleteAndCreate() {
        let lab = ApplyLab()
        lab.run("kubectl create configmap cm")
        let gone = lab.run("kubectl delete configmap cm; kubectl wait --for=delete configmap/cm")
        #expect(gone.stdout == "configmap \"cm\" deleted\n")
        #expect(gone.stderr == "")
        #expect(gone.status == 0)
        let notYet = lab.run("kubectl wait --for=create configmap/later --timeout=5s")
        #expect(notYet.stderr == "error: timed out waiting for the condition\n")
        lab.run("kubectl create configmap later")
        #expect(lab.run("kubectl wait --for=create configmap/later").stdout == "configmap/later condition met\n")
    }
}
