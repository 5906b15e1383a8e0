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

    /// `smartLabelFor` (1.32): camelcase.Split words, each title-cased, API/URL/UID/OSB/GUID upper-cased.
    static func smartLabel(_ field: String) -> String {
        guard field.allSatisfy({ $0.isLetter || $0 == "-" }) else { return field }
        return camelCaseSplit(field).compactMap { part -> String? in
            guard part != "_" else { return nil }
            if ["API", "URL", "UID", "OSB", "GUID"].contains(part.uppercased()) { return part.uppercased() }
            guard let first = part.first else { return part }
            return first.uppercased() + part.dropFirst()
        }.joined(separator: " ")
    }

    /// fatih/camelcase's Split: runs of lower, upper, digit and other characters, where an upper
    /// run followed by a lower run gives its last letter to the lower one (`PDFLoader` → PDF Loader).
    static func camelCaseSplit(_ text: String) -> [String] {
        func kind(_ c: Character) -> Int { c.isLowercase ? 1 : c.isUppercase ? 2 : c.isNumber ? 3 : 4 }
        var runs: [[Character]] = []
        var lastKind = 0
        for c in text {
            let k = kind(c)
            if k == lastKind, !runs.isEmpty { runs[runs.count - 1].append(c) } else { runs.append([c]) }
            lastKind = k
        }
        var i = 0
        while i + 1 < runs.count {
            if let first = runs[i].first, first.isUppercase, let next = runs[i + 1].first, next.isLowercase {
                let moved = runs[i].removeLast()
                runs[i + 1].insert(moved, at: 0)
            }
            i += 1
        }
        return runs.filter { !$0.isEmpty }.map { String($0) }
    }
}
