import Cluster
import LabTestSupport
import Testing

/// `minReadySeconds` on a DaemonSet (k8s `pkg/controller/daemon`): a pod counts as available
/// only once it has been Ready that long, so AVAILABLE lags READY, and a rolling update with
/// maxUnavailable 1 replaces the next node only once the new pod on the last one is available.
struct DaemonSetMinReadyTests {
    /// The time, each node's pod (image, phase), then the DaemonSet's counts.
    static let probe = "date +%T; kubectl get pods -l app=nginx --sort-by=.spec.nodeName -o custom-columns=NODE:.spec.nodeName,IMAGE:.spec.containers[0].image,PHASE:.status.phase --no-headers; kubectl get ds nginx -o jsonpath='ready={.status.numberReady} available={.status.numberAvailable} unavailable={.status.numberUnavailable} updated={.status.updatedNumberScheduled}{\"\\n\"}'"

    @Test func availabilityLagsReadinessAndPacesTheRollout() {
        let run = DaemonSetUpdateTests.run("""
            \(DaemonSetUpdateTests.daemonSet(extra: "  minReadySeconds: 10"))
            sleep 3; \(Self.probe); sleep 10; \(Self.probe)
            sleep 30
            kubectl set image ds/nginx nginx=nginx:1.27; sleep 8; \(Self.probe); sleep 4; \(Self.probe); sleep 4; \(Self.probe); sleep 6; \(Self.probe); sleep 10; \(Self.probe)
            kubectl rollout status ds/nginx
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            daemonset.apps/nginx created
            09:00:09
            controlplane   nginx:1.26   Running
            node01         nginx:1.26   Running
            ready=2 available= unavailable=2 updated=2
            09:00:19
            controlplane   nginx:1.26   Running
            node01         nginx:1.26   Running
            ready=2 available=2 unavailable= updated=2
            daemonset.apps/nginx image updated
            09:01:03
            controlplane   nginx:1.27   Running
            node01         nginx:1.26   Running
            ready=2 available=1 unavailable=1 updated=1
            09:01:07
            controlplane   nginx:1.27   Running
            node01         nginx:1.26   Running
            ready=2 available=1 unavailable=1 updated=1
            09:01:11
            controlplane   nginx:1.27   Running
            node01         nginx:1.27   Pending
            ready=1 available=1 unavailable=1 updated=2
            09:01:17
            controlplane   nginx:1.27   Running
            node01         nginx:1.27   Running
            ready=2 available=1 unavailable=1 updated=2
            09:01:27
            controlplane   nginx:1.27   Running
            node01         nginx:1.27   Running
            ready=2 available=2 unavailable= updated=2
            daemon set "nginx" successfully rolled out

            """)
    }
}
