@testable import Course
import Testing

/// What each check kind found, as `lab check` prints it in Traditional Chinese: the fixed words
/// translated, what is quoted from the system (names, strerror texts, reasons, values, output)
/// kept as it is. English stays as the grader's reports print it.
struct CheckDetailChineseTests {
    private static let exercise = Exercise(id: "t", title: "t", topic: "workloads", difficulty: "easy", estimatedMinutes: 1,
                                           task: "t", hints: [], world: ExerciseWorld())
    private static let chinese = LabMessages(.traditionalChinese)

    /// For each check of `checks` (YAML list items) after `script`: `name: (English, Chinese)`.
    private func details(_ script: String, _ checks: String) throws -> [String: (english: String, chinese: String)] {
        let rubric = try Rubric.decode("exercise: t\nwait: 20\nchecks:\n" + checks, file: "grader/t.yaml")
        let grade = Grader.grade(Self.exercise, rubric: rubric, script: script)
        #expect(grade.failed.count == grade.results.count, "every check here fails")
        return Dictionary(grade.results.map { ($0.name, ($0.outcome.detail, $0.outcome.detail(Self.chinese))) },
                          uniquingKeysWith: { first, _ in first })
    }

    private static let deployment = "kubectl create deployment web --image=nginx --replicas=2"

    @Test func file() throws {
        let found = try details("echo hi > /root/a.txt", """
              - {name: missing, points: 1, feedback: f, file: {path: /root/a.txt, nodes: node01}}
              - {name: present, points: 1, feedback: f, file: {path: /root/a.txt, nodes: [controlplane], exists: false}}
              - {name: contents, points: 1, feedback: f, file: {path: /root/a.txt, nodes: controlplane, matches: "^h.$"}}
              - {name: everywhere, points: 1, feedback: f, file: {path: /root/a.txt, contains: hi}}
              - {name: no-node, points: 1, feedback: f, file: {path: /root/a.txt, nodes: [node09]}}
            """)
        #expect(found["missing"]?.chinese == "1 個節點中有 0 個有 /root/a.txt；node01：no such file or directory")
        #expect(found["present"]?.chinese == "1 個節點中有 0 個沒有 /root/a.txt；controlplane：/root/a.txt 存在")
        #expect(found["contents"]?.chinese == #"1 個節點中有 0 個的 /root/a.txt 內容符合 /^h.$/；controlplane：內容是 "hi\n""#)
        #expect(found["everywhere"]?.chinese == #"2 個節點中有 1 個的 /root/a.txt 內容包含 "hi"；node01：no such file or directory"#)
        #expect(found["everywhere"]?.english == #"/root/a.txt containing "hi" on 1 of 2 nodes; node01: no such file or directory"#)
        #expect(found["no-node"]?.chinese == "1 個節點中有 0 個有 /root/a.txt；node09：沒有這個節點")
    }

    @Test func objectAndField() throws {
        let found = try details(Self.deployment, """
              - {name: missing, points: 1, feedback: f, object: {kind: Deployment, name: nope}}
              - {name: still, points: 1, feedback: f, object: {kind: Node, name: node01, absent: true}}
              - {name: field, points: 1, feedback: f, field: {kind: Deployment, name: web, path: "{.spec.replicas}", equals: "3"}}
              - {name: field-missing, points: 1, feedback: f, field: {kind: Deployment, name: nope, path: "{.spec}", contains: "x"}}
            """)
        #expect(found["missing"]?.chinese == "找不到 Deployment default/nope")
        #expect(found["still"]?.chinese == "Node node01 仍然存在")
        #expect(found["field"]?.chinese == #"Deployment default/web 的 {.spec.replicas} 是 "2"，應該等於 "3""#)
        #expect(found["field"]?.english == #"Deployment default/web {.spec.replicas} is "2", expected equal to "3""#)
        #expect(found["field-missing"]?.chinese == "找不到 Deployment default/nope")
    }

    @Test func pods() throws {
        let pending = """
            kubectl apply -f - <<'EOF'
            apiVersion: v1
            kind: Pod
            metadata: {name: p, labels: {app: p}}
            spec:
              nodeSelector: {disk: ssd}
              containers: [{name: c, image: nginx}]
            EOF
            """
        let found = try details(Self.deployment + "\n" + pending, """
              - {name: count, points: 1, feedback: f, pods: {selector: app=web, count: 3}}
              - {name: running, points: 1, feedback: f, pods: {selector: app=p, count: 1, running: true}}
              - {name: both, points: 1, feedback: f, pods: {selector: app=web, count: 1, running: true, ready: true}}
            """)
        #expect(found["count"]?.chinese == "default 中有 2 個 Pod 符合 app=web，預期 3 個")
        #expect(found["running"]?.chinese == "default 中有 0 個 Running 的 Pod 符合 app=p，預期 1 個；p：Pending，未 Ready")
        #expect(found["running"]?.english == "0 Running pods match app=p in default, expected 1; p: Pending, not Ready")
        #expect(found["both"]?.chinese == "default 中有 2 個 Running 且 Ready 的 Pod 符合 app=web，預期 1 個")
    }

    @Test func daemonSet() throws {
        let daemonSet = """
            kubectl apply -f - <<'EOF'
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: config}
            spec:
              selector: {matchLabels: {app: config}}
              template:
                metadata: {labels: {app: config}}
                spec: {containers: [{name: c, image: busybox, command: [sleep, "3600"]}]}
            EOF
            """
        let found = try details(daemonSet, """
              - {name: every, points: 1, feedback: f, daemonSet: {name: config, nodes: all}}
              - {name: missing, points: 1, feedback: f, daemonSet: {name: nope}}
            """)
        #expect(found["every"]?.chinese
            == "DaemonSet config 在 2 個節點中的 1 個上執行；controlplane：有未容忍的 taint node-role.kubernetes.io/control-plane:NoSchedule")
        #expect(found["every"]?.english
            == "DaemonSet config runs on 1 of 2 nodes; controlplane: untolerated taint node-role.kubernetes.io/control-plane:NoSchedule")
        #expect(found["missing"]?.chinese == "找不到 DaemonSet default/nope")
    }

    @Test func staticPod() throws {
        let found = try details("", """
              - {name: worker, points: 1, feedback: f, staticPod: {name: web, node: node01}}
              - {name: no-node, points: 1, feedback: f, staticPod: {name: web, node: node09}}
            """)
        #expect(found["worker"]?.chinese == "node01：staticPodPath /etc/kubernetes/manifests 中沒有 Pod web 的 manifest（目錄是空的）")
        #expect(found["worker"]?.english == "node01: no manifest for pod web in staticPodPath /etc/kubernetes/manifests (it is empty)")
        #expect(found["no-node"]?.chinese == "沒有 node09 這個節點")
    }

    @Test func staticPodListsTheManifests() throws {
        let found = try details("", "  - {name: cp, points: 1, feedback: f, staticPod: {name: web, node: controlplane}}\n")
        #expect(found["cp"]?.chinese == "controlplane：staticPodPath /etc/kubernetes/manifests 中沒有 Pod web 的 manifest"
            + "（裡面有 etcd.yaml、kube-apiserver.yaml、kube-controller-manager.yaml、kube-scheduler.yaml）")
    }

    @Test func event() throws {
        let found = try details(Self.deployment, """
              - {name: reason, points: 1, feedback: f, event: {kind: Deployment, name: web, reason: Killing}}
              - {name: message, points: 1, feedback: f, event: {kind: Deployment, name: web, reason: ScalingReplicaSet, message: "to 5$"}}
            """)
        #expect(found["reason"]?.chinese == "Deployment default/web 上沒有 Killing 事件（已有的事件：ScalingReplicaSet）")
        #expect(found["message"]?.chinese
            == #"Deployment default/web 上沒有訊息符合 /to 5$/ 的 ScalingReplicaSet 事件（已有的事件：ScalingReplicaSet）"#)
        #expect(found["message"]?.english == #"no event ScalingReplicaSet matching /to 5$/ on Deployment default/web (seen: ScalingReplicaSet)"#)
    }

    @Test func commandAndScript() throws {
        let found = try details(Self.deployment, """
              - {name: output, points: 1, feedback: f, command: {run: "kubectl get deploy web -o jsonpath='{.spec.replicas}'", equals: "3"}}
              - {name: both, points: 1, feedback: f, command: {run: "echo 2; false", equals: "3", status: 0}}
              - {name: script, points: 1, feedback: f, script: {run: "kubectl get deploy nope"}}
            """)
        #expect(found["output"]?.chinese == #""kubectl get deploy web -o jsonpath='{.spec.replicas}'"：輸出 "2"，應該等於 "3""#)
        #expect(found["both"]?.chinese == #""echo 2; false"：結束狀態 1，預期 0；輸出 "2\n"，應該等於 "3""#)
        #expect(found["both"]?.english == #""echo 2; false": exit status 1, expected 0; output "2\n", expected equal to "3""#)
        #expect(found["script"]?.chinese == #""kubectl get deploy nope"：結束狀態 1，預期 0"#)
    }

    /// `lab check` in zh-TW on a DaemonSet that misses the control plane, the line the learner reads.
    @Test func labCheckPrintsTheDetailInChinese() throws {
        let library = CourseLibrary.load(root: CourseRoot.path, language: .traditionalChinese)
        let lab = LabHarness(library: library)
        defer { lab.cleanUp() }
        lab.open(.exercise, "ds-config-file")
        let solution = try #require(library.entries["ds-config-file"]?.solution)
        let untolerated = solution.replacingOccurrences(
            of: "      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        effect: NoSchedule\n", with: "")
        #expect(untolerated != solution)
        for line in untolerated.split(separator: "\n", omittingEmptySubsequences: false) { lab.type(String(line)) }
        lab.type("sleep 60")
        let report = lab.type("lab check").out
        #expect(report.contains("""
            ✗ runs-on-every-node (0/3)：DaemonSet 必須在每個 Node 上都執行一個 Pod，包含 control plane（它的 Pod 需要 control-plane taint 的 toleration）。
                實際狀況：DaemonSet config 在 2 個節點中的 1 個上執行；controlplane：有未容忍的 taint node-role.kubernetes.io/control-plane:NoSchedule

            """), "\(report)")
    }
}
