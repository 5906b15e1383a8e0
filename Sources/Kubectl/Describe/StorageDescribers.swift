import KubeModel

/// PersistentVolume and PersistentVolumeClaim describers.
enum StorageDescribers {
    /// `GetAccessModesAsString`: RWO, ROX, RWX, RWOP in that order, comma-joined.
    static func accessModes(_ modes: [String]) -> String {
        let order: [(String, String)] = [("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"),
                                         ("ReadWriteOncePod", "RWOP")]
        return order.filter { modes.contains($0.0) }.map(\.1).joined(separator: ",")
    }

    static func persistentVolume(_ object: KubeObject, _ session: DescribeSession) -> String {
        let pv = DValue(object.content)
        let spec = pv["spec"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Finalizers:\t\(DescribeFormat.goList(pv["metadata", "finalizers"].strings))\n")
        let className = spec["storageClassName"].exists ? spec["storageClassName"].string
            : object.annotations["volume.beta.kubernetes.io/storage-class"] ?? ""
        w.write(0, "StorageClass:\t\(className)\n")
        if pv["metadata", "deletionTimestamp"].exists {
            w.write(0, "Status:\tTerminating (lasts \(DescribeTime.since(pv["metadata", "deletionTimestamp"].string, now: session.now)))\n")
        } else {
            w.write(0, "Status:\t\(pv["status", "phase"].string)\n")
        }
        let claim = spec["claimRef"]
        w.write(0, "Claim:\t\(claim.exists ? "\(claim["namespace"].string)/\(claim["name"].string)" : "")\n")
        w.write(0, "Reclaim Policy:\t\(spec["persistentVolumeReclaimPolicy"].string)\n")
        w.write(0, "Access Modes:\t\(accessModes(spec["accessModes"].strings))\n")
        if spec["volumeMode"].exists { w.write(0, "VolumeMode:\t\(spec["volumeMode"].string)\n") }
        let storage = spec["capacity", "storage"].text
        w.write(0, "Capacity:\t\(storage.isEmpty ? "0" : ResourceQuantity(storage)?.description ?? storage)\n")
        w.write(0, "Node Affinity:\t")
        let required = spec["nodeAffinity", "required"]
        if !required.exists {
            w.line("<none>")
        } else {
            w.line("")
            w.write(1, "Required Terms:\t")
            let terms = required["nodeSelectorTerms"].array
            if terms.isEmpty {
                w.line("<none>")
            } else {
                w.line("")
                for (i, term) in terms.enumerated() {
                    w.write(2, "Term \(i):\t")
                    let expressions = term["matchExpressions"].array
                    if expressions.isEmpty { w.line("<none>") }
                    for (j, expression) in expressions.enumerated() {
                        if j != 0 { w.write(2, "\t") }
                        var text = "\(expression["key"].string) \(expression["operator"].string.lowercased())"
                        let values = expression["values"].strings
                        if !values.isEmpty { text += " [\(values.joined(separator: ", "))]" }
                        w.write(0, text + "\n")
                    }
                }
            }
        }
        w.write(0, "Message:\t\(pv["status", "message"].string)\n")
        w.write(0, "Source:\n")
        DescribeVolumes.source(spec, w)
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    static func persistentVolumeClaim(_ object: KubeObject, _ session: DescribeSession) -> String {
        let pvc = DValue(object.content)
        let spec = pvc["spec"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        let className = spec["storageClassName"].exists ? spec["storageClassName"].string
            : object.annotations["volume.beta.kubernetes.io/storage-class"] ?? ""
        w.write(0, "StorageClass:\t\(className)\n")
        if pvc["metadata", "deletionTimestamp"].exists {
            w.write(0, "Status:\tTerminating (lasts \(DescribeTime.since(pvc["metadata", "deletionTimestamp"].string, now: session.now)))\n")
        } else {
            w.write(0, "Status:\t\(pvc["status", "phase"].string)\n")
        }
        w.write(0, "Volume:\t\(spec["volumeName"].string)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Finalizers:\t\(DescribeFormat.goList(pvc["metadata", "finalizers"].strings))\n")
        var capacity = "", modes = ""
        if !spec["volumeName"].string.isEmpty {
            modes = accessModes(pvc["status", "accessModes"].strings)
            let storage = pvc["status", "capacity", "storage"].text
            capacity = storage.isEmpty ? "0" : ResourceQuantity(storage)?.description ?? storage
        }
        w.write(0, "Capacity:\t\(capacity)\n")
        w.write(0, "Access Modes:\t\(modes)\n")
        if spec["volumeMode"].exists { w.write(0, "VolumeMode:\t\(spec["volumeMode"].string)\n") }
        if spec["dataSource"].exists {
            w.write(0, "DataSource:\n")
            if spec["dataSource", "apiGroup"].exists { w.write(1, "APIGroup:\t\(spec["dataSource", "apiGroup"].string)\n") }
            w.write(1, "Kind:\t\(spec["dataSource", "kind"].string)\n")
            w.write(1, "Name:\t\(spec["dataSource", "name"].string)\n")
        }
        let users = session.list("pods", namespace: object.namespace).filter { pod in
            DValue(pod.content)["spec", "volumes"].array.contains { $0["persistentVolumeClaim", "claimName"].string == object.name }
        }.map(\.name)
        w.write(0, "Used By:\t")
        if users.isEmpty {
            w.line("<none>")
        } else {
            for (i, name) in DescribeFormat.sorted(users).enumerated() {
                if i != 0 { w.write(0, "\t") }
                w.write(0, name + "\n")
            }
        }
        let conditions = pvc["status", "conditions"].array
        if !conditions.isEmpty {
            w.write(0, "Conditions:\n")
            w.write(1, "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n")
            w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n")
            for c in conditions {
                w.write(1, "\(c["type"].string) \t\(c["status"].string) \t\(DescribeTime.rfc1123z(c["lastProbeTime"].string)) \t\(DescribeTime.rfc1123z(c["lastTransitionTime"].string)) \t\(c["reason"].string) \t\(c["message"].string)\n")
            }
        }
        session.writeEvents(session.events(of: object), w)
        return w.text
    }
}
