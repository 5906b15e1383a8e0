import KubeModel

/// `kubectl cluster-info`: the control plane's address and the kube-system services labelled
/// `kubernetes.io/cluster-service=true`, in green and yellow on a terminal.
enum ClusterInfoVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let colour = request.invocation.stdoutIsTerminal
        let server = context.serverURL
        var text = line("Kubernetes control plane", server, colour: colour)
        let services = (try? context.list(resource: "services", namespace: "kube-system")) ?? []
        for service in services where service.labels["kubernetes.io/cluster-service"] == "true" {
            let name = service.labels["kubernetes.io/name"] ?? service.name
            var target = service.name
            if let port = service.content[path: ["spec", "ports"]]?.arrayValue?.first {
                let portName = port["name"]?.stringValue ?? ""
                target += ":" + (portName.isEmpty ? String(port["port"]?.intValue ?? 0) : portName)
            }
            text += line(name, "\(server)/api/v1/namespaces/kube-system/services/\(target)/proxy", colour: colour)
        }
        text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
        request.invocation.stdout.write(text)
    }

    /// printService: the name in green, the link in yellow (go-colortext's codes).
    private static func line(_ name: String, _ link: String, colour: Bool) -> String {
        guard colour else { return "\(name) is running at \(link)\n" }
        return "\u{1B}[0;32m\(name)\u{1B}[0m is running at \u{1B}[0;33m\(link)\u{1B}[0m\n"
    }
}
