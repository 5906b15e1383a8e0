import CommandKit
import KubeModel

/// `ps` (`aux`, `-ef`, `-e`, none): the node's system processes, its kubelet and its containers.
enum ProcessStatus {
    static let kubeletCommand = "/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf "
        + "--kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml "
        + "--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock "
        + "--pod-infra-container-image=registry.k8s.io/pause:3.10"

    struct Process {
        var user = "root"
        var pid: Int
        var ppid: Int
        var cpu = "0.0"
        var memory = "0.0"
        var vsz = 0
        var rss = 0
        var tty = "?"
        var stat = "S"
        var start: Int64
        var time = "0:00"
        var command: String
    }

    static func processes(on node: String, _ world: World, tty: String) -> [Process] {
        let boot = world.clock.now - 180 * 1_000_000_000
        var list = [
            Process(pid: 1, ppid: 0, cpu: "0.3", memory: "0.3", vsz: 22_440, rss: 13_356, stat: "Ss", start: boot, time: "0:02",
                    command: "/sbin/init"),
            Process(pid: 2, ppid: 0, start: boot, command: "[kthreadd]"),
            Process(pid: 318, ppid: 1, vsz: 50_400, rss: 15_872, stat: "S<s", start: boot, command: "/usr/lib/systemd/systemd-journald"),
            Process(user: "systemd+", pid: 512, ppid: 1, vsz: 21_584, rss: 12_800, stat: "Ss", start: boot,
                    command: "/usr/lib/systemd/systemd-resolved"),
            Process(pid: 604, ppid: 1, cpu: "0.9", memory: "1.2", vsz: 1_874_916, rss: 49_664, stat: "Ssl", start: boot,
                    time: "0:03", command: "/usr/bin/containerd"),
            Process(pid: 611, ppid: 1, vsz: 12_020, rss: 7_936, stat: "Ss", start: boot,
                    command: "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"),
        ]
        if let unit = world.agents.units[node], unit.state == .running {
            list.append(Process(pid: unit.pid, ppid: 1, cpu: "1.4", memory: "2.8", vsz: 1_956_112, rss: 57_888, stat: "Ssl",
                                start: unit.since, time: "0:04", command: kubeletCommand))
        }
        var pid = 3_000
        for (pod, container, started) in world.agents.kubelet?.runningContainers(on: node) ?? [] {
            let words = ((container["command"]?.arrayValue ?? []) + (container["args"]?.arrayValue ?? [])).compactMap(\.stringValue)
            let image = container["image"]?.stringValue ?? ""
            let command = words.isEmpty ? defaultCommand(image) : words.joined(separator: " ")
            _ = pod
            list.append(Process(pid: pid, ppid: pid - 1, vsz: 1_200_000, rss: 40_000, stat: "Ssl", start: started, time: "0:01",
                                command: command))
            pid += 23
        }
        list.append(Process(pid: 4_102, ppid: 4_101, vsz: 8_772, rss: 5_504, tty: tty, stat: "Ss", start: world.clock.now, command: "-bash"))
        list.append(Process(pid: 4_815, ppid: 4_102, vsz: 11_320, rss: 4_480, tty: tty, stat: "R+", start: world.clock.now,
                            command: "ps"))
        return list
    }

    private static func defaultCommand(_ image: String) -> String {
        let name = image.split(separator: "/").last.map { String($0.split(separator: ":").first ?? "") } ?? image
        switch name {
        case "nginx": return "nginx: master process nginx -g daemon off;"
        case "httpd": return "httpd -DFOREGROUND"
        case "redis": return "redis-server *:6379"
        case "busybox", "alpine", "ubuntu": return "sh"
        default: return name
        }
    }

    static func run(_ invocation: inout Invocation, _ world: World) -> Int32 {
        let arguments = invocation.operands.joined()
        let node = invocation.host.hostname
        var list = processes(on: node, world, tty: "pts/0")
        if let index = list.indices.last { list[index].command = (["ps"] + invocation.operands).joined(separator: " ") }
        let full = arguments.contains("f") && arguments.contains("-")
        let all = arguments.contains("a") || arguments.contains("e") || arguments.contains("x")
        if !all { list = list.filter { $0.tty != "?" } }
        var text: String
        if arguments.contains("u") {
            text = "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
            for process in list {
                text += pad(process.user, 8) + " " + left(String(process.pid), 7) + " " + left(process.cpu, 4) + " "
                    + left(process.memory, 4) + " " + left(String(process.vsz), 6) + " " + left(String(process.rss), 5) + " "
                    + pad(process.tty, 8) + " " + pad(process.stat, 4) + " " + left(SystemTime.clock(process.start).prefix(5), 5)
                    + " " + left(process.time, 6) + " " + process.command + "\n"
            }
        } else if full {
            text = "UID          PID    PPID  C STIME TTY          TIME CMD\n"
            for process in list {
                text += pad(process.user, 8) + " " + left(String(process.pid), 7) + " " + left(String(process.ppid), 7) + "  0 "
                    + SystemTime.clock(process.start).prefix(5) + " " + pad(process.tty, 8) + " "
                    + left("00:0" + process.time, 8) + " " + process.command + "\n"
            }
        } else {
            text = "    PID TTY          TIME CMD\n"
            for process in list {
                let name = process.command.split(separator: " ").first.map { String($0.split(separator: "/").last ?? "") } ?? ""
                text += left(String(process.pid), 7) + " " + pad(process.tty, 8) + " " + left("00:0" + process.time, 8) + " "
                    + (name.hasPrefix("-") ? String(name.dropFirst()) : name) + "\n"
            }
        }
        invocation.stdout.write(text)
        return 0
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func left<S: StringProtocol>(_ text: S, _ width: Int) -> String {
        text.count >= width ? String(text) : String(repeating: " ", count: width - text.count) + text
    }
}
