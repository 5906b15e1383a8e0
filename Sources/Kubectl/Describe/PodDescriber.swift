import KubeModel

/// `describePod` and `DescribePodTemplate`.
enum PodDescriber {
    static func describe(_ object: KubeObject, _ session: DescribeSession) -> String {
        let pod = DValue(object.content)
        let spec = pod["spec"], status = pod["status"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        if let priority = spec["priority"].intOrNil { w.write(0, "Priority:\t\(priority)\n") }
        if !spec["priorityClassName"].string.isEmpty { w.write(0, "Priority Class Name:\t\(spec["priorityClassName"].string)\n") }
        if !spec["runtimeClassName"].string.isEmpty { w.write(0, "Runtime Class Name:\t\(spec["runtimeClassName"].string)\n") }
        if !spec["serviceAccountName"].string.isEmpty { w.write(0, "Service Account:\t\(spec["serviceAccountName"].string)\n") }
        let node = spec["nodeName"].string
        w.write(0, node.isEmpty ? "Node:\t<none>\n" : "Node:\t\(node)/\(status["hostIP"].string)\n")
        if status["startTime"].exists { w.write(0, "Start Time:\t\(DescribeTime.rfc1123z(status["startTime"].string))\n") }
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        let phase = status["phase"].string
        if pod["metadata", "deletionTimestamp"].exists, phase != "Failed", phase != "Succeeded" {
            w.write(0, "Status:\tTerminating (lasts \(DescribeTime.since(pod["metadata", "deletionTimestamp"].string, now: session.now)))\n")
            w.write(0, "Termination Grace Period:\t\(pod["metadata", "deletionGracePeriodSeconds"].int)s\n")
        } else {
            w.write(0, "Status:\t\(phase)\n")
        }
        if !status["reason"].string.isEmpty { w.write(0, "Reason:\t\(status["reason"].string)\n") }
        if !status["message"].string.isEmpty { w.write(0, "Message:\t\(status["message"].string)\n") }
        let seccomp = spec["securityContext", "seccompProfile"]
        if seccomp.exists {
            w.write(0, "SeccompProfile:\t\(seccomp["type"].string)\n")
            if seccomp["type"].string == "Localhost" { w.write(0, "LocalhostProfile:\t\(seccomp["localhostProfile"].string)\n") }
        }
        w.write(0, "IP:\t\(status["podIP"].string)\n")
        let ips = status["podIPs"].array
        if ips.isEmpty {
            w.write(0, "IPs:\t<none>\n")
        } else {
            w.write(0, "IPs:\n")
            for ip in ips { w.write(1, "IP:\t\(ip["ip"].string)\n") }
        }
        let controlledBy = DescribeSession.controlledBy(pod)
        if !controlledBy.isEmpty { w.write(0, "Controlled By:\t\(controlledBy)\n") }
        if !status["nominatedNodeName"].string.isEmpty { w.write(0, "NominatedNodeName:\t\(status["nominatedNodeName"].string)\n") }
        let resolver: DescribeContainers.Resolver = { fieldRef in fieldValue(pod, fieldRef["fieldPath"].string) }
        if !spec["initContainers"].isEmptyList {
            DescribeContainers.write("Init Containers", spec["initContainers"].array, statuses: status["initContainerStatuses"].array,
                                     resolver: resolver, w, space: "")
        }
        DescribeContainers.write("Containers", spec["containers"].array, statuses: status["containerStatuses"].array,
                                 resolver: resolver, w, space: "")
        if !spec["ephemeralContainers"].isEmptyList {
            DescribeContainers.write("Ephemeral Containers", spec["ephemeralContainers"].array,
                                     statuses: status["ephemeralContainerStatuses"].array, resolver: resolver, w, space: "")
        }
        let gates = spec["readinessGates"].array
        if !gates.isEmpty {
            w.write(0, "Readiness Gates:\n  Type\tStatus\n")
            for gate in gates {
                let type = gate["conditionType"].string
                let value = status["conditions"].array.first { $0["type"].string == type }?["status"].string ?? "<none>"
                w.write(1, "\(type) \t\(value) \n")
            }
        }
        let conditions = status["conditions"].array
        if !conditions.isEmpty {
            w.write(0, "Conditions:\n  Type\tStatus\n")
            for condition in conditions { w.write(1, "\(condition["type"].string) \t\(condition["status"].string) \n") }
        }
        DescribeVolumes.write(spec["volumes"].array, w, space: "")
        w.write(0, "QoS Class:\t\(qosClass(object))\n")
        DescribeFormat.labels(w, "Node-Selectors", spec["nodeSelector"].stringMap)
        DescribeFormat.tolerations(w, "Tolerations", spec["tolerations"].array)
        topologySpread(spec["topologySpreadConstraints"].array, w, space: "")
        // Mirror pods' events name the static pod's uid (the config.mirror annotation).
        var uid = object.uid
        if let mirror = object.annotations["kubernetes.io/config.mirror"] { uid = mirror }
        session.writeEvents(session.events(name: object.name, namespace: object.namespace, kind: nil, uids: [uid]), w)
        return w.text
    }

    /// `qos.GetPodQOS`: the recorded class, computed when the status has none.
    static func qosClass(_ object: KubeObject) -> String {
        if let recorded = object[path: ["status", "qosClass"]]?.stringValue, !recorded.isEmpty { return recorded }
        return Defaults.qosClass(object.content)
    }

    /// `fieldpath.ExtractFieldPathAsString` for the fields a downward-API env var may name.
    static func fieldValue(_ pod: DValue, _ path: String) -> String {
        for (prefix, key) in [("metadata.labels['", "labels"), ("metadata.annotations['", "annotations")]
        where path.hasPrefix(prefix) && path.hasSuffix("']") {
            let name = String(path.dropFirst(prefix.count).dropLast(2))
            return pod["metadata", key, name].string
        }
        switch path {
        case "metadata.name": return pod["metadata", "name"].string
        case "metadata.namespace": return pod["metadata", "namespace"].string
        case "metadata.uid": return pod["metadata", "uid"].string
        case "spec.nodeName": return pod["spec", "nodeName"].string
        case "spec.serviceAccountName": return pod["spec", "serviceAccountName"].string
        case "status.hostIP": return pod["status", "hostIP"].string
        case "status.hostIPs": return pod["status", "hostIPs"].array.map { $0["ip"].string }.joined(separator: ",")
        case "status.podIP": return pod["status", "podIP"].string
        case "status.podIPs": return pod["status", "podIPs"].array.map { $0["ip"].string }.joined(separator: ",")
        default: return ""
        }
    }

    /// `describeTopologySpreadConstraints`.
    static func topologySpread(_ constraints: [DValue], _ w: DescribeWriter, space: String) {
        guard !constraints.isEmpty else { return }
        let ordered = constraints.sorted { $0["topologyKey"].string.utf8.lexicographicallyPrecedes($1["topologyKey"].string.utf8) }
        w.write(0, "\(space)Topology Spread Constraints:\t")
        for (i, constraint) in ordered.enumerated() {
            if i != 0 {
                w.write(0, space)
                w.write(0, "\t")
            }
            var text = "\(constraint["topologyKey"].string):\(constraint["whenUnsatisfiable"].string) when max skew \(constraint["maxSkew"].int) is exceeded"
            if constraint["labelSelector"].exists {
                text += " for selector \(DescribeFormat.formatLabelSelector(constraint["labelSelector"]))"
            }
            w.write(0, text + "\n")
        }
    }

    /// `DescribePodTemplate`: the template block of workloads (`Pod Template:` and indented parts).
    static func template(_ template: DValue, _ w: DescribeWriter) {
        w.write(0, "Pod Template:\n")
        guard template.exists else {
            w.write(1, "<unset>")
            return
        }
        let spec = template["spec"]
        DescribeFormat.labels(w, "  Labels", template["metadata", "labels"].stringMap)
        let annotations = template["metadata", "annotations"].stringMap
        if !annotations.isEmpty { DescribeFormat.annotations(w, "  Annotations", annotations) }
        if !spec["serviceAccountName"].string.isEmpty { w.write(1, "Service Account:\t\(spec["serviceAccountName"].string)\n") }
        if !spec["initContainers"].isEmptyList {
            DescribeContainers.write("Init Containers", spec["initContainers"].array, statuses: [], resolver: nil, w, space: "  ")
        }
        DescribeContainers.write("Containers", spec["containers"].array, statuses: [], resolver: nil, w, space: "  ")
        DescribeVolumes.write(spec["volumes"].array, w, space: "  ")
        topologySpread(spec["topologySpreadConstraints"].array, w, space: "  ")
        if !spec["priorityClassName"].string.isEmpty { w.write(1, "Priority Class Name:\t\(spec["priorityClassName"].string)\n") }
        DescribeFormat.labels(w, "  Node-Selectors", spec["nodeSelector"].stringMap)
        DescribeFormat.tolerations(w, "  Tolerations", spec["tolerations"].array)
    }
}
