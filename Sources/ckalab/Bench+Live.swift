import Cluster
import CommandKit
import Foundation

/// The live cluster under load: a DaemonSet rolled out to 5,001 nodes, and an ordinary
/// session's 1,000 commands (each one runs the cluster 3 simulated seconds on).
extension Bench {
    static func liveRows(runs: Int, workers: Int = 5_000, measure: (Int, () -> Void) -> [Double],
                         row: (String, [Double]) -> String) {
        var ready = ""
        var updates: [Double] = []
        var rolledOut = ""
        var rollouts: [Double] = []
        // The closure's own time includes the update below: each row keeps its own figures.
        _ = measure(max(1, runs / 10)) {
            let boot = DispatchTime.now().uptimeNanoseconds
            let world = World(.large(workers: workers))
            let session = TerminalSession(world: world, stdout: .discarding(), stderr: .discarding())
            _ = session.runScript("cat > ds.yaml <<'EOF'\n" + everyNodeDaemonSet + "EOF\n")
            let start = DispatchTime.now().uptimeNanoseconds
            _ = session.runScript("kubectl apply -f ds.yaml\nsleep 30\n")
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            let out = OutputBuffer()
            let check = TerminalSession(world: world, stdout: out.sink, stderr: .discarding())
            _ = check.runScript("kubectl get ds agent --no-headers\n")
            ready = out.text.split(separator: " ", omittingEmptySubsequences: true).dropFirst().prefix(3).joined(separator: "/")
            rollouts.append(Double(DispatchTime.now().uptimeNanoseconds - boot) / 1_000_000)
            print("  (DaemonSet rollout alone: \(String(format: "%.0f", elapsed)) ms)")
            fflush(nil)
            // A RollingUpdate to a new image, 10% of the nodes at a time, followed to the end.
            let update = OutputBuffer()
            let updater = TerminalSession(world: world, stdout: update.sink, stderr: .discarding())
            let begin = DispatchTime.now().uptimeNanoseconds
            let writesBefore = world.store.revision
            let faultsBefore = minorPageFaults()
            defer {
                print("  (API writes during the update: \(world.store.revision - writesBefore); "
                      + "page faults: \(minorPageFaults() - faultsBefore))")
            }
            _ = updater.runScript("""
                kubectl patch ds agent -p '{"spec":{"updateStrategy":{"rollingUpdate":{"maxUnavailable":"10%"}}}}'
                kubectl set image ds/agent agent=busybox:1.36
                kubectl rollout status ds/agent --timeout=10m | tail -1

                """)
            updates.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000)
            rolledOut = update.text.split(separator: "\n").last.map(String.init) ?? ""
        }
        print(row("DaemonSet on \(workers + 1) nodes: boot, apply, run until every pod is Ready (desired/current/ready \(ready))", rollouts))
        print(row("DaemonSet on \(workers + 1) nodes: RollingUpdate to a new image, maxUnavailable 10%, until rolled out (\(rolledOut))", updates))
        let script = ordinarySession()
        let session = measure(max(1, runs / 10)) {
            let lab = TerminalSession(world: World(), stdout: .discarding(), stderr: .discarding())
            _ = lab.runScript(script)
        }
        print(row("1,000 commands of an ordinary session (kubectl and shell, live cluster)", session))
    }

    /// The process's minor page faults so far (fresh heap pages: the first run in a process has more).
    static func minorPageFaults() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt
    }

    static let everyNodeDaemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels:
              app: agent
          template:
            metadata:
              labels:
                app: agent
            spec:
              tolerations:
              - operator: Exists
              containers:
              - name: agent
                image: busybox
                command: ["sh", "-c", "echo started > /host/agent; sleep 3600"]
                volumeMounts:
                - name: host
                  mountPath: /host
              volumes:
              - name: host
                hostPath:
                  path: /var/lib/agent

        """

    /// What a candidate types in an hour: gets, runs, describes, greps, files, applies, deletes.
    static func ordinarySession() -> String {
        (1...100).map { n in
            """
            kubectl get pods
            kubectl run web-\(n) --image=nginx
            kubectl get pods -o wide | grep web
            echo "checking \(n)" >> /tmp/notes.txt
            kubectl describe pod web-\(n) | grep -i status
            grep image: /etc/kubernetes/manifests/kube-scheduler.yaml
            kubectl get nodes
            kubectl create deployment app-\(n) --image=nginx --replicas=2 --dry-run=client -o yaml > app.yaml
            kubectl apply -f app.yaml
            kubectl delete pod web-\(n)

            """
        }.joined()
    }
}
