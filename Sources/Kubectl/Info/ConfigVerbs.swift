import KubeModel

/// `kubectl config view|current-context|get-contexts` over the lab's admin kubeconfig
/// (one cluster `kubernetes`, one user `kubernetes-admin`, one context).
enum ConfigVerbs {
    static let contextName = "kubernetes-admin@kubernetes"

    static func currentContext(_ request: inout VerbRequest) throws(KubectlFailure) {
        request.invocation.stdout.write(contextName + "\n")
    }

    static func getContexts(_ request: inout VerbRequest) throws(KubectlFailure) {
        let wanted = request.arguments
        if let missing = wanted.first(where: { $0 != contextName }) {
            throw .error("context \(missing) not found")
        }
        if request.flags.string("output") == "name" {
            request.invocation.stdout.write(contextName + "\n")
            return
        }
        var rows: [[String]] = []
        if !request.flags.bool("no-headers") { rows.append(["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]) }
        rows.append(["*", contextName, "kubernetes", "kubernetes-admin", ""])
        var out: [UInt8] = []
        GetTableOutput.align(rows, into: &out)
        request.invocation.stdout.write(out)
    }

    static func view(_ request: inout VerbRequest) throws(KubectlFailure) {
        let server = request.context?.serverURL ?? "https://172.30.1.2:6443"
        let raw = request.flags.bool("raw")
        let secret: JSONValue = raw ? "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==" : "DATA+OMITTED"
        let config: JSONValue = [
            "apiVersion": "v1",
            "clusters": [["cluster": ["certificate-authority-data": secret, "server": .string(server)], "name": "kubernetes"]],
            "contexts": [["context": ["cluster": "kubernetes", "user": "kubernetes-admin"], "name": .string(contextName)]],
            "current-context": .string(contextName),
            "kind": "Config",
            "preferences": .emptyObject,
            "users": [["name": "kubernetes-admin", "user": ["client-certificate-data": secret, "client-key-data": secret]]],
        ]
        switch request.flags.string("output") {
        case "", "yaml": request.invocation.stdout.write(KubeYAML.print(config))
        case "json": request.invocation.stdout.write(GoJSON.indented(config, sortKeys: true) + "\n")
        case let other:
            if other.hasPrefix("jsonpath=") {
                request.invocation.stdout.write(try JSONPathPrinter.render(
                    template: String(other.dropFirst("jsonpath=".count)), object: config, asJSON: false,
                    allowMissingKeys: true, numbersAreFloats: false))
            } else {
                throw .error("-o \(other) is not available in this lab yet")
            }
        }
    }
}
