import KubeModel

/// `kubectl create role|clusterrole|rolebinding|clusterrolebinding`.
extension CreateVerbs {
    static func roleBinding(_ request: inout VerbRequest) throws(KubectlFailure) {
        try binding(&request, kind: "RoleBinding", allowsRole: true)
    }

    static func clusterRoleBinding(_ request: inout VerbRequest) throws(KubectlFailure) {
        try request.require("clusterrole")
        try binding(&request, kind: "ClusterRoleBinding", allowsRole: false)
    }

    private static func binding(_ request: inout VerbRequest, kind: String, allowsRole: Bool) throws(KubectlFailure) {
        let name = try request.singleName()
        let role = allowsRole ? request.flags.string("role") : ""
        let clusterRole = request.flags.string("clusterrole")
        if allowsRole, role.isEmpty == clusterRole.isEmpty {
            throw .error("exactly one of clusterrole or role must be specified")
        }
        let group = "rbac.authorization.k8s.io"
        var subjects: [JSONValue] = []
        for user in request.flags.strings("user") {
            subjects.append(["kind": "User", "apiGroup": .string(group), "name": .string(user)])
        }
        for member in request.flags.strings("group") {
            subjects.append(["kind": "Group", "apiGroup": .string(group), "name": .string(member)])
        }
        for account in request.flags.strings("serviceaccount") {
            let parts = account.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .error("serviceaccount must be <namespace>:<name>")
            }
            subjects.append(["kind": "ServiceAccount", "name": .string(String(parts[1])), "namespace": .string(String(parts[0]))])
        }
        var object = Generated.object(kind: kind, apiVersion: "\(group)/v1",
                                      metadata: Generated.metadata(name: name, namespace: allowsRole ? request.enforcedNamespace : nil))
        if !subjects.isEmpty { object["subjects"] = .array(subjects) }
        object["roleRef"] = ["apiGroup": .string(group), "kind": role.isEmpty ? "ClusterRole" : "Role",
                             "name": .string(role.isEmpty ? clusterRole : role)]
        try request.finishCreate(.object(object))
    }

    static func role(_ request: inout VerbRequest) throws(KubectlFailure) {
        try rbacRole(&request, kind: "Role")
    }

    static func clusterRole(_ request: inout VerbRequest) throws(KubectlFailure) {
        try rbacRole(&request, kind: "ClusterRole")
    }

    /// One rule from --verb/--resource/--resource-name; groups from a small built-in table
    /// (real kubectl asks the server's discovery).
    private static func rbacRole(_ request: inout VerbRequest, kind: String) throws(KubectlFailure) {
        let name = try request.singleName()
        let verbs = request.flags.strings("verb")
        guard !verbs.isEmpty else { throw .error("at least one verb must be specified") }
        let resources = request.flags.strings("resource")
        guard !resources.isEmpty || kind == "ClusterRole" else { throw .error("at least one resource must be specified") }
        var byGroup: [(String, [String])] = []
        for resource in resources {
            var plural = resource
            var group = ""
            if let dot = resource.firstIndex(of: ".") {
                plural = String(resource[..<dot])
                group = String(resource[resource.index(after: dot)...])
            } else {
                group = knownGroups[resource] ?? ""
            }
            if let index = byGroup.firstIndex(where: { $0.0 == group }) { byGroup[index].1.append(plural) }
            else { byGroup.append((group, [plural])) }
        }
        var rules: [JSONValue] = []
        for (group, plurals) in byGroup {
            var rule: JSONObject = ["verbs": .array(verbs.map(JSONValue.string)), "apiGroups": [.string(group)],
                                    "resources": .array(plurals.map(JSONValue.string))]
            let names = request.flags.strings("resource-name")
            if !names.isEmpty { rule["resourceNames"] = .array(names.map(JSONValue.string)) }
            rules.append(.object(rule))
        }
        var object = Generated.object(kind: kind, apiVersion: "rbac.authorization.k8s.io/v1",
                                      metadata: Generated.metadata(name: name, namespace: kind == "Role" ? request.enforcedNamespace : nil))
        object["rules"] = .array(rules)
        try request.finishCreate(.object(object))
    }

    private static let knownGroups: [String: String] = [
        "deployments": "apps", "daemonsets": "apps", "statefulsets": "apps", "replicasets": "apps",
        "jobs": "batch", "cronjobs": "batch", "ingresses": "networking.k8s.io", "networkpolicies": "networking.k8s.io",
        "roles": "rbac.authorization.k8s.io", "rolebindings": "rbac.authorization.k8s.io",
        "clusterroles": "rbac.authorization.k8s.io", "clusterrolebindings": "rbac.authorization.k8s.io",
        "storageclasses": "storage.k8s.io", "priorityclasses": "scheduling.k8s.io",
        "horizontalpodautoscalers": "autoscaling", "poddisruptionbudgets": "policy", "leases": "coordination.k8s.io",
    ]
}
