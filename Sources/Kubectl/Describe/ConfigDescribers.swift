import KubeModel

/// Describers of configuration objects: ConfigMap, Secret, ServiceAccount, Namespace,
/// ResourceQuota, LimitRange, PriorityClass.
enum ConfigDescribers {
    static func configMap(_ object: KubeObject, _ session: DescribeSession) -> String {
        let cm = DValue(object.content)
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "\nData\n====\n")
        let data = cm["data"].stringMap
        for key in DescribeFormat.sorted(data.keys) {
            w.write(0, "\(key):\n----\n")
            w.write(0, "\(data[key] ?? "")\n")
            w.write(0, "\n")
        }
        w.write(0, "\nBinaryData\n====\n")
        let binary = cm["binaryData"].stringMap
        for key in DescribeFormat.sorted(binary.keys) {
            w.write(0, "\(key): \(Base64Length.decoded(binary[key] ?? "")) bytes\n")
        }
        w.write(0, "\n")
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    static func secret(_ object: KubeObject, _ session: DescribeSession) -> String {
        let secret = DValue(object.content)
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        let type = secret["type"].string
        w.write(0, "\nType:\t\(type)\n")
        w.write(0, "\nData\n====\n")
        let data = secret["data"].stringMap
        for key in DescribeFormat.sorted(data.keys) {
            let encoded = data[key] ?? ""
            if key == "token", type == "kubernetes.io/service-account-token" {
                w.write(0, "\(key):\t\(Base64Length.decodedText(encoded))\n")
            } else {
                w.write(0, "\(key):\t\(Base64Length.decoded(encoded)) bytes\n")
            }
        }
        return w.text
    }

    /// kubectl 1.32's ServiceAccount describer (still with mountable secrets and tokens).
    static func serviceAccount(_ object: KubeObject, _ session: DescribeSession) -> String {
        let sa = DValue(object.content)
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        let secrets = session.list("secrets", namespace: object.namespace)
        let existing = Set(secrets.map(\.name))
        let tokens = secrets.filter {
            $0[path: ["type"]]?.stringValue == "kubernetes.io/service-account-token"
                && $0.annotations["kubernetes.io/service-account.name"] == object.name
                && ($0.annotations["kubernetes.io/service-account.uid"] ?? "") == object.uid
        }.map(\.name)
        let mountable = sa["secrets"].array.map { $0["name"].string }
        let sections: [(String, [String])] = [
            ("Image pull secrets:", sa["imagePullSecrets"].array.map { $0["name"].string }),
            ("Mountable secrets: ", mountable),
            ("Tokens:            ", tokens),
        ]
        for (header, names) in sections {
            guard !names.isEmpty else {
                w.write(0, "\(header)\t<none>\n")
                continue
            }
            var prefix = header
            for name in names {
                let missing = header.hasPrefix("Mountable") && !existing.contains(name)
                w.write(0, "\(prefix)\t\(name)\(missing ? " (not found)" : "")\n")
                prefix = "                   "
            }
        }
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    static func namespace(_ object: KubeObject, _ session: DescribeSession) -> String {
        let ns = DValue(object.content)
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Status:\t\(ns["status", "phase"].string)\n")
        let conditions = ns["status", "conditions"].array
        if !conditions.isEmpty {
            w.write(0, "Conditions:\n")
            w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n")
            w.write(1, "----\t------\t------------------\t------\t-------\n")
            for c in conditions {
                w.write(1, "\(c["type"].string)\t\(c["status"].string)\t\(DescribeTime.rfc1123z(c["lastTransitionTime"].string))\t\(c["reason"].string)\t\(c["message"].string)\n")
            }
        }
        w.write(0, "\n")
        let quotas = session.list("resourcequotas", namespace: object.name).sorted { $0.name < $1.name }
        if quotas.isEmpty {
            w.write(0, "No resource quota.\n")
        } else {
            w.write(0, "Resource Quotas\n")
            for quota in quotas {
                let q = DValue(quota.content)
                w.write(1, "Name:\t\(quota.name)\n")
                let scopes = DescribeFormat.sorted(q["spec", "scopes"].strings)
                if !scopes.isEmpty {
                    w.write(1, "Scopes:\t\(scopes.joined(separator: ", "))\n")
                    for scope in scopes where !scopeHelp(scope).isEmpty { w.write(1, "* \(scopeHelp(scope))\n") }
                }
                w.write(1, "Resource\tUsed\tHard\n")
                w.write(1, "--------\t---\t---\n")
                let hard = q["status", "hard"].stringMap, used = q["status", "used"].stringMap
                for name in DescribeFormat.sorted(hard.keys) {
                    w.write(1, "\(name)\t\(canonical(used[name] ?? "0"))\t\(canonical(hard[name] ?? ""))\n")
                }
            }
        }
        w.write(0, "\n")
        limitRanges(session.list("limitranges", namespace: object.name), w)
        return w.text
    }

    /// `DescribeLimitRanges` (the namespace's merged table).
    private static func limitRanges(_ ranges: [KubeObject], _ w: DescribeWriter) {
        guard !ranges.isEmpty else {
            w.write(0, "No LimitRange resource.\n")
            return
        }
        w.write(0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n")
        w.write(0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n")
        for range in ranges { limitRangeRows(DValue(range.content)["spec"], prefix: " ", w) }
    }

    static func limitRangeRows(_ spec: DValue, prefix: String, _ w: DescribeWriter) {
        for item in spec["limits"].array {
            let columns = ["min", "max", "defaultRequest", "default", "maxLimitRequestRatio"].map { item[$0].stringMap }
            var names = Set<String>()
            for column in columns { names.formUnion(column.keys) }
            for name in DescribeFormat.sorted(names) {
                let values = columns.map { $0[name].map(canonical) ?? "-" }
                w.write(0, "\(prefix)\(item["type"].string)\t\(name)\t\(values.joined(separator: "\t"))\n")
            }
        }
    }

    static func limitRange(_ object: KubeObject, _ session: DescribeSession) -> String {
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        w.write(0, "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n")
        w.write(0, "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n")
        limitRangeRows(DValue(object.content)["spec"], prefix: "", w)
        return w.text
    }

    static func resourceQuota(_ object: KubeObject, _ session: DescribeSession) -> String {
        let q = DValue(object.content)
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        let scopes = DescribeFormat.sorted(q["spec", "scopes"].strings)
        if !scopes.isEmpty {
            w.write(0, "Scopes:\t\(scopes.joined(separator: ", "))\n")
            for scope in scopes where !scopeHelp(scope).isEmpty { w.write(0, " * \(scopeHelp(scope))\n") }
        }
        w.write(0, "Resource\tUsed\tHard\n")
        w.write(0, "--------\t----\t----\n")
        let hard = q["status", "hard"].stringMap, used = q["status", "used"].stringMap
        for name in DescribeFormat.sorted(hard.keys) {
            w.write(0, "\(name)\t\(canonical(used[name] ?? "0"))\t\(canonical(hard[name] ?? ""))\n")
        }
        return w.text
    }

    private static func canonical(_ text: String) -> String { ResourceQuantity(text)?.description ?? text }

    private static func scopeHelp(_ scope: String) -> String {
        switch scope {
        case "Terminating": "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system."
        case "NotTerminating": "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate."
        case "BestEffort": "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service."
        case "NotBestEffort": "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service."
        default: ""
        }
    }

    static func priorityClass(_ object: KubeObject, _ session: DescribeSession) -> String {
        let pc = DValue(object.content)
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Value:\t\(pc["value"].int)\n")
        w.write(0, "GlobalDefault:\t\(pc["globalDefault"].bool)\n")
        w.write(0, "PreemptionPolicy:\t\(pc["preemptionPolicy"].exists ? pc["preemptionPolicy"].string : "<nil>")\n")
        w.write(0, "Description:\t\(pc["description"].string)\n")
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        session.writeEvents(session.events(of: object), w)
        return w.text
    }
}

/// Lengths and text of base64 data fields (Secrets and binaryData hold base64 in JSON).
enum Base64Length {
    /// The decoded byte count.
    static func decoded(_ text: String) -> Int {
        let count = text.utf8.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }.count
        let padding = text.utf8.reversed().prefix(2).filter { $0 == UInt8(ascii: "=") }.count
        return max(0, count / 4 * 3 - padding + (count % 4 == 0 ? 0 : max(0, count % 4 - 1)))
    }

    /// The decoded bytes as text (the service-account token).
    static func decodedText(_ text: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var table = [UInt8: UInt32]()
        for (i, c) in alphabet.enumerated() { table[c] = UInt32(i) }
        var bytes: [UInt8] = [], buffer: UInt32 = 0, bits = 0
        for c in text.utf8 {
            guard let value = table[c] else { continue }
            buffer = (buffer << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8((buffer >> UInt32(bits)) & 0xff))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
