import CommandKit
import NodeFS

/// `systemctl status|start|stop|restart|is-active|enable|daemon-reload` for the kubelet unit
/// (other units: containerd runs, the rest are not found).
enum Systemctl {
    static let description = "kubelet: The Kubernetes Node Agent"

    static func run(_ invocation: inout Invocation, _ world: World) -> Int32 {
        let words = invocation.operands.filter { !$0.hasPrefix("-") }
        let node = invocation.host.hostname
        guard let verb = words.first else {
            invocation.stderr.write("systemctl: listing units is not available in this lab\n")
            return 1
        }
        let units = words.dropFirst().map { $0.hasSuffix(".service") ? String($0.dropLast(8)) : $0 }
        let agents = world.agents
        switch verb {
        case "daemon-reload":
            return 0
        case "status":
            var status: Int32 = 0
            for unit in units.isEmpty ? ["kubelet"] : units {
                let code = printStatus(unit, node: node, &invocation, agents)
                if status == 0 { status = code }
            }
            return status
        case "start", "stop", "restart", "reload", "try-restart", "enable", "disable", "is-active", "is-enabled":
            guard !units.isEmpty else {
                invocation.stderr.write("Too few arguments.\n")
                return 1
            }
            for unit in units where unit != "kubelet" && unit != "containerd" {
                if verb == "is-active" || verb == "is-enabled" {
                    invocation.stdout.write(verb == "is-active" ? "inactive\n" : "not-found\n")
                    return verb == "is-active" ? 3 : 4
                }
                invocation.stderr.write("Failed to \(verb) \(unit).service: Unit \(unit).service not found.\n")
                return 5
            }
            return act(verb, units: units, node: node, &invocation, agents)
        default:
            invocation.stderr.write("Unknown command verb '\(verb)'.\n")
            return 1
        }
    }

    private static func act(_ verb: String, units: [String], node: String, _ invocation: inout Invocation,
                            _ agents: NodeAgents) -> Int32 {
        for unit in units where unit == "kubelet" {
            let state = agents.units[node]?.state ?? .inactive
            switch verb {
            case "start":
                if state != .running {
                    agents.record(node, ident: "systemd", pid: 1, text: "Started kubelet.service - \(description).")
                    agents.startKubelet(node)
                }
            case "stop":
                agents.stopKubelet(node)
            case "restart", "reload", "try-restart":
                if verb == "try-restart", state != .running { continue }
                agents.stopKubelet(node)
                agents.record(node, ident: "systemd", pid: 1, text: "Started kubelet.service - \(description).")
                agents.startKubelet(node)
            case "is-active":
                let text = state == .running ? "active" : state == .autoRestart ? "activating" : "inactive"
                invocation.stdout.write(text + "\n")
                return state == .running ? 0 : 3
            case "is-enabled":
                invocation.stdout.write("enabled\n")
            default:
                break
            }
        }
        if verb == "is-active", units.contains("containerd") { invocation.stdout.write("active\n") }
        if verb == "is-enabled", units.contains("containerd") { invocation.stdout.write("enabled\n") }
        return 0
    }

    private static func printStatus(_ unit: String, node: String, _ invocation: inout Invocation, _ agents: NodeAgents) -> Int32 {
        guard unit == "kubelet", let state = agents.units[node] else {
            if unit == "containerd" {
                invocation.stdout.write("● containerd.service - containerd container runtime\n"
                    + "     Loaded: loaded (/usr/lib/systemd/system/containerd.service; enabled; preset: enabled)\n"
                    + "     Active: active (running)\n")
                return 0
            }
            invocation.stderr.write("Unit \(unit).service could not be found.\n")
            return 4
        }
        let world = agents.world
        let layout = world.description.kubeletLayout
        let now = world.clock.now
        let ago = SystemTime.ago((now - state.since) / 1_000_000_000)
        var text: String
        switch state.state {
        case .running: text = "● kubelet.service - \(description)\n"
        case .autoRestart: text = "● kubelet.service - \(description)\n"
        case .inactive: text = "○ kubelet.service - \(description)\n"
        }
        text += "     Loaded: loaded (\(layout.unitPath); enabled; preset: enabled)\n"
        let dropIn = layout.dropInPath
        text += "    Drop-In: \(Path.dirname(dropIn))\n             └─10-kubeadm.conf\n"
        let command = ProcessStatus.kubeletCommand
        switch state.state {
        case .running:
            text += "     Active: active (running) since \(SystemTime.full(state.since)); \(ago)\n"
            text += "       Docs: https://kubernetes.io/docs/\n"
            text += "   Main PID: \(state.pid) (kubelet)\n      Tasks: 11 (limit: 4597)\n     Memory: 57.9M (peak: 58.8M)\n"
            text += "        CPU: 4.123s\n     CGroup: /system.slice/kubelet.service\n"
            text += "             └─\(state.pid) \(command)\n"
        case .autoRestart:
            text += "     Active: activating (auto-restart) (Result: exit-code) since \(SystemTime.full(state.since)); \(ago)\n"
            text += "       Docs: https://kubernetes.io/docs/\n"
            text += "    Process: \(state.pid) ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS "
                + "$KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS (code=exited, status=1/FAILURE)\n"
            text += "   Main PID: \(state.pid) (code=exited, status=1/FAILURE)\n        CPU: 81ms\n"
        case .inactive:
            text += "     Active: inactive (dead) since \(SystemTime.full(state.since)); \(ago)\n"
            text += "       Docs: https://kubernetes.io/docs/\n"
            text += "    Process: \(state.pid) ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS "
                + "$KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS (code=exited, status=0/SUCCESS)\n"
            text += "   Main PID: \(state.pid) (code=exited, status=0/SUCCESS)\n        CPU: 4.123s\n"
        }
        let lines = (agents.journals[node] ?? []).suffix(10)
        if !lines.isEmpty {
            text += "\n"
            for entry in lines { text += Journalctl.format(entry, node: node) + "\n" }
        }
        invocation.stdout.write(text)
        return state.state == .running ? 0 : 3
    }
}
