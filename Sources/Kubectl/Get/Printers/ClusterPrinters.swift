import KubeModel

/// Kinds outside the core group and workloads: coordination, scheduling, storage, RBAC, networking.
enum ClusterPrinters {
    static let all: [(String, KindPrinter)] = [
        ("coordination.k8s.io/Lease", lease), ("scheduling.k8s.io/PriorityClass", priorityClass),
        ("storage.k8s.io/StorageClass", storageClass),
        ("rbac.authorization.k8s.io/Role", createdAt), ("rbac.authorization.k8s.io/ClusterRole", createdAt),
        ("rbac.authorization.k8s.io/RoleBinding", binding), ("rbac.authorization.k8s.io/ClusterRoleBinding", binding),
        ("networking.k8s.io/Ingress", ingress), ("networking.k8s.io/NetworkPolicy", networkPolicy),
        ("networking.k8s.io/IngressClass", ingressClass), ("node.k8s.io/RuntimeClass", runtimeClass),
        ("admissionregistration.k8s.io/MutatingWebhookConfiguration", webhooks),
        ("admissionregistration.k8s.io/ValidatingWebhookConfiguration", webhooks),
        ("apiextensions.k8s.io/CustomResourceDefinition", createdAt),
    ]

    /// NAME and CREATED AT (the creation time in RFC 3339, UTC).
    static let createdAt = KindPrinter(columns: [TableColumn("Name"), TableColumn("Created At")]) { object, _ in
        let stamp = object.text("metadata", "creationTimestamp")
        return [object.name, RFC3339.seconds(stamp).map { RFC3339.string(seconds: $0) } ?? stamp]
    }

    static let lease = KindPrinter(columns: [TableColumn("Name"), TableColumn("Holder"), TableColumn("Age")]) { object, context in
        [object.name, object.text("spec", "holderIdentity"), context.age(of: object)]
    }

    static let priorityClass = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Value"), TableColumn("Global-Default"), TableColumn("Age"),
        TableColumn("PreemptionPolicy"),
    ]) { object, context in
        let policy = object.text("preemptionPolicy")
        return [object.name, String(object.number("value")),
                object.content["globalDefault"]?.boolValue == true ? "true" : "false", context.age(of: object),
                policy.isEmpty ? "<none>" : policy]
    }

    static let storageClass = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Provisioner"), TableColumn("ReclaimPolicy"), TableColumn("VolumeBindingMode"),
        TableColumn("AllowVolumeExpansion"), TableColumn("Age"),
    ]) { object, context in
        let isDefault = object.annotations["storageclass.kubernetes.io/is-default-class"] == "true"
            || object.annotations["storageclass.beta.kubernetes.io/is-default-class"] == "true"
        let reclaim = object.text("reclaimPolicy")
        let binding = object.text("volumeBindingMode")
        return [isDefault ? object.name + " (default)" : object.name, object.text("provisioner"),
                reclaim.isEmpty ? "Delete" : reclaim, binding.isEmpty ? "Immediate" : binding,
                object.content["allowVolumeExpansion"]?.boolValue == true ? "true" : "false", context.age(of: object)]
    }

    static let binding = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Role"), TableColumn("Age"), TableColumn("Users", wide: true),
        TableColumn("Groups", wide: true), TableColumn("ServiceAccounts", wide: true),
    ]) { object, context in
        let cells = [object.name, object.text("roleRef", "kind") + "/" + object.text("roleRef", "name"), context.age(of: object)]
        guard context.wide else { return cells }
        var users: [String] = []
        var groups: [String] = []
        var accounts: [String] = []
        for subject in object.list("subjects") {
            let name = subject["name"]?.stringValue ?? ""
            switch subject["kind"]?.stringValue ?? "" {
            case "User": users.append(name)
            case "Group": groups.append(name)
            case "ServiceAccount": accounts.append((subject["namespace"]?.stringValue ?? "") + ":" + name)
            default: break
            }
        }
        return cells + [users.joined(separator: ", "), groups.joined(separator: ", "), accounts.joined(separator: ", ")]
    }

    static let ingress = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Class"), TableColumn("Hosts"), TableColumn("Address"), TableColumn("Ports"),
        TableColumn("Age"),
    ]) { object, context in
        let rules = object.list("spec", "rules")
        let hostNames = rules.compactMap { $0["host"]?.stringValue }.filter { !$0.isEmpty }
        var hosts = hostNames.prefix(3).joined(separator: ",")
        if hosts.isEmpty { hosts = "*" } else if rules.count > 3 { hosts += " + \(rules.count - 3) more..." }
        var seen: Set<String> = []
        var addresses: [String] = []
        for entry in object.list("status", "loadBalancer", "ingress") {
            let ip = entry["ip"]?.stringValue ?? ""
            let address = ip.isEmpty ? (entry["hostname"]?.stringValue ?? "") : ip
            if !address.isEmpty, seen.insert(address).inserted { addresses.append(address) }
        }
        let className = object.text("spec", "ingressClassName")
        return [object.name, className.isEmpty ? "<none>" : className, hosts,
                addresses.sorted(by: GoJSON.utf8Less).joined(separator: ","),
                object.list("spec", "tls").isEmpty ? "80" : "80, 443", context.age(of: object)]
    }

    static let networkPolicy = KindPrinter(columns: [TableColumn("Name"), TableColumn("Pod-Selector"), TableColumn("Age")]) {
        object, context in
        [object.name, Cells.formatLabelSelector(object.content[path: ["spec", "podSelector"]]), context.age(of: object)]
    }

    static let ingressClass = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("Controller"), TableColumn("Parameters"), TableColumn("Age"),
    ]) { object, context in
        var parameters = "<none>"
        if let p = object.content[path: ["spec", "parameters"]], !p.isNull {
            let group = p["apiGroup"]?.stringValue.map { "." + $0 } ?? ""
            parameters = (p["kind"]?.stringValue ?? "") + group + "/" + (p["name"]?.stringValue ?? "")
        }
        return [object.name, object.text("spec", "controller"), parameters, context.age(of: object)]
    }

    static let runtimeClass = KindPrinter(columns: [TableColumn("Name"), TableColumn("Handler"), TableColumn("Age")]) {
        object, context in
        [object.name, object.text("handler"), context.age(of: object)]
    }

    static let webhooks = KindPrinter(columns: [TableColumn("Name"), TableColumn("Webhooks"), TableColumn("Age")]) {
        object, context in
        [object.name, String(object.list("webhooks").count), context.age(of: object)]
    }
}
