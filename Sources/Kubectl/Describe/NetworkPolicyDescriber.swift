import KubeModel

/// `describeNetworkPolicy`: the selector, then each ingress/egress rule's ports and peers.
enum NetworkPolicyDescriber {
    static func describe(_ object: KubeObject, _ session: DescribeSession) -> String {
        let policy = DValue(object.content)
        let spec = policy["spec"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        w.write(0, "Created on:\t\(goTimeString(policy["metadata", "creationTimestamp"].string))\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Spec:\n")
        w.write(1, "PodSelector: ")
        let podSelector = spec["podSelector"]
        if podSelector["matchLabels"].stringMap.isEmpty, podSelector["matchExpressions"].isEmptyList {
            w.write(2, "<none> (Allowing the specific traffic to all pods in this namespace)\n")
        } else {
            w.write(2, "\(DescribeFormat.formatLabelSelector(podSelector))\n")
        }
        let types = spec["policyTypes"].strings
        if types.contains("Ingress") {
            w.write(1, "Allowing ingress traffic:\n")
            rules(spec["ingress"].array, peersKey: "from", title: "From", direction: "ingress", w)
        } else {
            w.write(1, "Not affecting ingress traffic\n")
        }
        if types.contains("Egress") {
            w.write(1, "Allowing egress traffic:\n")
            rules(spec["egress"].array, peersKey: "to", title: "To", direction: "egress", w)
        } else {
            w.write(1, "Not affecting egress traffic\n")
        }
        w.write(1, "Policy Types: \(types.joined(separator: ", "))\n")
        return w.text
    }

    private static func rules(_ rules: [DValue], peersKey: String, title: String, direction: String, _ w: DescribeWriter) {
        let indent = "    "
        guard !rules.isEmpty else {
            w.write(0, "\(indent)<none> (Selected pods are isolated for \(direction) connectivity)\n")
            return
        }
        for (i, rule) in rules.enumerated() {
            let ports = rule["ports"].array
            if ports.isEmpty {
                w.write(0, "\(indent)To Port: <any> (traffic allowed to all ports)\n")
            }
            for port in ports {
                let proto = port["protocol"].exists ? port["protocol"].string : "TCP"
                let number = port["port"].exists ? port["port"].text : "<nil>"
                if let end = port["endPort"].intOrNil {
                    w.write(0, "\(indent)To Port Range: \(number)-\(end)/\(proto)\n")
                } else {
                    w.write(0, "\(indent)To Port: \(number)/\(proto)\n")
                }
            }
            let peers = rule[peersKey].array
            if peers.isEmpty {
                let what = direction == "ingress" ? "From: <any> (traffic not restricted by source)"
                    : "To: <any> (traffic not restricted by destination)"
                w.write(0, "\(indent)\(what)\n")
            }
            for peer in peers {
                w.write(0, "\(indent)\(title):\n")
                let pods = peer["podSelector"], namespaces = peer["namespaceSelector"]
                if pods.exists, namespaces.exists {
                    w.write(1, "\(indent)NamespaceSelector: \(DescribeFormat.formatLabelSelector(namespaces))\n")
                    w.write(1, "\(indent)PodSelector: \(DescribeFormat.formatLabelSelector(pods))\n")
                } else if pods.exists {
                    w.write(1, "\(indent)PodSelector: \(DescribeFormat.formatLabelSelector(pods))\n")
                } else if namespaces.exists {
                    w.write(1, "\(indent)NamespaceSelector: \(DescribeFormat.formatLabelSelector(namespaces))\n")
                } else if peer["ipBlock"].exists {
                    w.write(1, "\(indent)IPBlock:\n")
                    w.write(2, "\(indent)CIDR: \(peer["ipBlock", "cidr"].string)\n")
                    w.write(2, "\(indent)Except: \(peer["ipBlock", "except"].strings.joined(separator: ", "))\n")
                }
            }
            if i != rules.count - 1 { w.write(0, "\(indent)----------\n") }
        }
    }

    /// Go's `time.Time.String()` in UTC: `2026-01-05 09:00:00 +0000 UTC`.
    static func goTimeString(_ timestamp: String) -> String {
        guard let seconds = RFC3339.seconds(timestamp) else { return "0001-01-01 00:00:00 +0000 UTC" }
        let text = RFC3339.string(seconds: seconds)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(8)) + " +0000 UTC"
    }
}
