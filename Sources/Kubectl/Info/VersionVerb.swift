import KubeModel

/// `kubectl version`: the client (the lab's kubectl is the nodes' kubelet release), Kustomize
/// and the API server.
enum VersionVerb {
    static let kustomize = "v5.5.0"

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let flags = request.flags
        let output = flags.string("output")
        guard ["", "yaml", "json"].contains(output) else {
            throw .error("--output must be 'yaml' or 'json'")
        }
        let clientOnly = flags.bool("client")
        let version = release(request.context)
        var info: [(String, JSONValue)] = [("clientVersion", details(version)), ("kustomizeVersion", .string(kustomize))]
        if !clientOnly, request.context != nil { info.append(("serverVersion", details(version))) }
        switch output {
        case "yaml":
            request.invocation.stdout.write(KubeYAML.print(.object(JSONObject(uniqueKeysWithValues: info))) + "\n")
        case "json":
            request.invocation.stdout.write(indented(info) + "\n")
        default:
            var text = "Client Version: \(version)\nKustomize Version: \(kustomize)\n"
            if !clientOnly, request.context != nil { text += "Server Version: \(version)\n" }
            request.invocation.stdout.write(text)
        }
        if !clientOnly, request.context == nil { throw KubectlFailure.connectionRefused }
    }

    /// The kubelet version the nodes report (`v1.32.4`).
    static func release(_ context: (any KubectlContext)?) -> String {
        let nodes = (try? context?.list(resource: "nodes", namespace: nil)) ?? []
        return nodes.lazy.compactMap { $0.content[path: ["status", "nodeInfo", "kubeletVersion"]]?.stringValue }.first ?? "v1.32.4"
    }

    /// version.Info as kubectl marshals it (fields in Go order, which `-o json` keeps).
    static func details(_ version: String) -> JSONValue {
        let numbers = version.dropFirst().split(separator: ".")
        let major = numbers.first.map(String.init) ?? "1"
        let minor = numbers.count > 1 ? String(numbers[1]) : "32"
        return ["major": .string(major), "minor": .string(minor), "gitVersion": .string(version),
                "gitCommit": "0000000000000000000000000000000000000000", "gitTreeState": "clean",
                "buildDate": "2025-04-22T15:57:56Z", "goVersion": "go1.23.6", "compiler": "gc", "platform": "linux/amd64"]
    }

    /// json.MarshalIndent(v, "", "  ") of the version struct.
    private static func indented(_ info: [(String, JSONValue)]) -> String {
        var lines: [String] = []
        for (index, (key, value)) in info.enumerated() {
            let comma = index < info.count - 1 ? "," : ""
            if case .object(let fields) = value {
                lines.append("  \(GoJSON.quote(key)): {")
                for (fieldIndex, (name, field)) in fields.enumerated() {
                    let fieldComma = fieldIndex < fields.count - 1 ? "," : ""
                    lines.append("    \(GoJSON.quote(name)): \(GoJSON.quote(field.stringValue ?? ""))\(fieldComma)")
                }
                lines.append("  }\(comma)")
            } else {
                lines.append("  \(GoJSON.quote(key)): \(GoJSON.quote(value.stringValue ?? ""))\(comma)")
            }
        }
        return "{\n" + lines.joined(separator: "\n") + "\n}"
    }
}
