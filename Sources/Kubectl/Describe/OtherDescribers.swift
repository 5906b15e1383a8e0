import KubeModel

/// RBAC describers and the generic fallback (`genericDescriber`) for kinds without their own.
enum OtherDescribers {
    /// Role and ClusterRole (rules listed as written; kubectl also compacts equal rules).
    static func role(_ object: KubeObject, _ session: DescribeSession) -> String {
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "PolicyRule:\n")
        w.write(1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n")
        w.write(1, "---------\t-----------------\t--------------\t-----\n")
        var rows: [(String, String, String, String)] = []
        for rule in DValue(object.content)["rules"].array {
            let groups = rule["apiGroups"].strings
            let names = DescribeFormat.goList(rule["resourceNames"].strings)
            let verbs = DescribeFormat.goList(rule["verbs"].strings)
            let urls = rule["nonResourceURLs"].strings
            if !urls.isEmpty { rows.append(("", DescribeFormat.goList(urls), names, verbs)) }
            for resource in rule["resources"].strings {
                for group in groups.isEmpty ? [""] : groups {
                    let parts = resource.split(separator: "/", maxSplits: 1).map(String.init)
                    var combined = parts.first ?? ""
                    if !group.isEmpty { combined += "." + group }
                    if parts.count == 2 { combined += "/" + parts[1] }
                    rows.append((combined, "[]", names, verbs))
                }
            }
        }
        for row in rows.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
            w.write(1, "\(row.0)\t\(row.1)\t\(row.2)\t\(row.3)\n")
        }
        return w.text
    }

    /// RoleBinding and ClusterRoleBinding.
    static func binding(_ object: KubeObject, _ session: DescribeSession) -> String {
        let binding = DValue(object.content)
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Role:\n")
        w.write(1, "Kind:\t\(binding["roleRef", "kind"].string)\n")
        w.write(1, "Name:\t\(binding["roleRef", "name"].string)\n")
        w.write(0, "Subjects:\n")
        w.write(1, "Kind\tName\tNamespace\n")
        w.write(1, "----\t----\t---------\n")
        for subject in binding["subjects"].array {
            w.write(1, "\(subject["kind"].string)\t\(subject["name"].string)\t\(subject["namespace"].string)\n")
        }
        return w.text
    }

    /// `genericDescriber`: metadata, then every other field by its "smart label", then events.
    static func generic(_ object: KubeObject, _ session: DescribeSession) -> String {
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        let skip: Set<String> = [".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels",
                                 ".metadata.annotations"]
        content(w, 0, object.content.objectValue ?? [:], prefix: "", skip: skip, depth: 0)
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    private static func content(_ w: DescribeWriter, _ level: Int, _ members: JSONObject, prefix: String, skip: Set<String>,
                                depth: Int) {
        guard depth < 64 else { return }
        for field in DescribeFormat.sorted(members.keys) {
            let path = "\(prefix).\(field)"
            guard !skip.contains(path), let value = members[field] else { continue }
            switch value {
            case .object(let child):
                w.write(level, "\(smartLabel(field)):\n")
                content(w, level + 1, child, prefix: path, skip: skip, depth: depth + 1)
            case .array(let items):
                w.write(level, "\(smartLabel(field)):\n")
                for item in items {
                    if case .object(let child) = item {
                        content(w, level + 1, child, prefix: path, skip: skip, depth: depth + 1)
                    } else {
                        w.write(level + 1, "\(item.goText)\n")
                    }
                }
            case .null:
                w.write(level, "\(smartLabel(field)):\t<nil>\n")
            default:
                w.write(level, "\(smartLabel(field)):\t\(value.goText)\n")
            }
        }
    }

    /// `smartLabelFor`: camelCase split into title-cased words, API/URL/UID kept upper case.
    static func smartLabel(_ field: String) -> String {
        guard field.allSatisfy({ $0.isLetter || $0 == "-" }) else { return field }
        var parts: [String] = []
        var current = ""
        var previousUpper = false
        for character in field {
            let upper = character.isUppercase
            if upper, !current.isEmpty, !previousUpper {
                parts.append(current)
                current = ""
            }
            current.append(character)
            previousUpper = upper
        }
        if !current.isEmpty { parts.append(current) }
        return parts.map { part in
            if ["API", "URL", "UID", "GUID"].contains(part.uppercased()) { return part.uppercased() }
            if part.lowercased() == part, let first = part.first { return first.uppercased() + part.dropFirst() }
            return part
        }.joined(separator: " ")
    }
}
