import KubeModel

/// `describeNode`: identity, conditions, capacity, system info, the non-terminated pods with
/// their requests and limits, allocated totals and events.
enum NodeDescriber {
    static func describe(_ object: KubeObject, _ session: DescribeSession) -> String {
        let node = DValue(object.content)
        let spec = node["spec"], status = node["status"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        let roles = roles(object.labels)
        w.write(0, "Roles:\t\(roles.isEmpty ? "<none>" : roles.joined(separator: ","))\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "CreationTimestamp:\t\(DescribeTime.rfc1123z(node["metadata", "creationTimestamp"].string))\n")
        DescribeFormat.taints(w, "Taints", spec["taints"].array)
        w.write(0, "Unschedulable:\t\(spec["unschedulable"].bool)\n")
        if let lease = session.get("leases.coordination.k8s.io", namespace: "kube-node-lease", name: object.name) {
            let leaseSpec = DValue(lease.content)["spec"]
            w.write(0, "Lease:\n")
            w.write(1, "HolderIdentity:\t\(leaseSpec["holderIdentity"].exists ? leaseSpec["holderIdentity"].string : "<unset>")\n")
            for (title, key) in [("AcquireTime", "acquireTime"), ("RenewTime", "renewTime")] {
                let time = leaseSpec[key]
                w.write(1, "\(title):\t\(time.exists ? DescribeTime.rfc1123z(time.string) : "<unset>")\n")
            }
        } else {
            w.write(0, "Lease:\tFailed to get lease: leases.coordination.k8s.io \"\(object.name)\" not found\n")
        }
        let conditions = status["conditions"].array
        if !conditions.isEmpty {
            w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n")
            w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n")
            for c in conditions {
                w.write(1, "\(c["type"].string) \t\(c["status"].string) \t\(DescribeTime.rfc1123z(c["lastHeartbeatTime"].string)) \t\(DescribeTime.rfc1123z(c["lastTransitionTime"].string)) \t\(c["reason"].string) \t\(c["message"].string)\n")
            }
        }
        w.write(0, "Addresses:\n")
        for address in status["addresses"].array { w.write(1, "\(address["type"].string):\t\(address["address"].string)\n") }
        for (title, key) in [("Capacity", "capacity"), ("Allocatable", "allocatable")] {
            let list = status[key].stringMap
            guard !list.isEmpty else { continue }
            w.write(0, "\(title):\n")
            for name in DescribeFormat.sorted(list.keys) {
                let text = list[name] ?? ""
                w.write(0, "  \(name):\t\(ResourceQuantity(text)?.description ?? text)\n")
            }
        }
        let info = status["nodeInfo"]
        w.write(0, "System Info:\n")
        for (title, key) in [("Machine ID", "machineID"), ("System UUID", "systemUUID"), ("Boot ID", "bootID"),
                             ("Kernel Version", "kernelVersion"), ("OS Image", "osImage"), ("Operating System", "operatingSystem"),
                             ("Architecture", "architecture"), ("Container Runtime Version", "containerRuntimeVersion"),
                             ("Kubelet Version", "kubeletVersion")] {
            w.write(0, "  \(title):\t\(info[key].string)\n")
        }
        if !spec["podCIDR"].string.isEmpty { w.write(0, "PodCIDR:\t\(spec["podCIDR"].string)\n") }
        if !spec["podCIDRs"].isEmptyList { w.write(0, "PodCIDRs:\t\(spec["podCIDRs"].strings.joined(separator: ","))\n") }
        if !spec["providerID"].string.isEmpty { w.write(0, "ProviderID:\t\(spec["providerID"].string)\n") }
        let pods = session.list("pods", namespace: nil).map { DValue($0.content) }.filter {
            $0["spec", "nodeName"].string == object.name && $0["status", "phase"].string != "Succeeded"
                && $0["status", "phase"].string != "Failed"
        }
        resources(pods, node: node, w, now: session.now)
        // The kubelet names the node by uid, controllers by name: both are searched.
        session.writeEvents(session.events(name: object.name, namespace: "", kind: "Node", uids: [object.uid, object.name]), w)
        return w.text
    }

    /// `findNodeRoles`: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role=<role>`.
    static func roles(_ labels: [String: String]) -> [String] {
        var roles = Set<String>()
        for (key, value) in labels {
            if key.hasPrefix("node-role.kubernetes.io/") {
                let role = String(key.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.insert(role) }
            } else if key == "kubernetes.io/role", !value.isEmpty {
                roles.insert(value)
            }
        }
        return DescribeFormat.sorted(roles)
    }

    /// `describeNodeResource`.
    private static func resources(_ pods: [DValue], node: DValue, _ w: DescribeWriter, now: Int64) {
        w.write(0, "Non-terminated Pods:\t(\(pods.count) in total)\n")
        w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n")
        w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n")
        var allocatable = node["status", "allocatable"].stringMap
        if allocatable.isEmpty { allocatable = node["status", "capacity"].stringMap }
        func quantity(_ name: String) -> ResourceQuantity { allocatable[name].flatMap(ResourceQuantity.init) ?? .zero }
        let cpu = quantity("cpu"), memory = quantity("memory"), storage = quantity("ephemeral-storage")
        func percent(_ part: ResourceQuantity, of whole: ResourceQuantity, milli: Bool) -> Int64 {
            let denominator = milli ? whole.millis : whole.value
            guard denominator != 0 else { return 0 }
            let numerator = Double(milli ? part.millis : part.value)
            return Int64(numerator / Double(denominator) * 100)
        }
        var totalRequests: [String: ResourceQuantity] = [:], totalLimits: [String: ResourceQuantity] = [:]
        for pod in pods {
            let requests = podResources(pod, "requests"), limits = podResources(pod, "limits")
            for (name, value) in requests { totalRequests[name] = totalRequests[name].map { $0 + value } ?? value }
            for (name, value) in limits { totalLimits[name] = totalLimits[name].map { $0 + value } ?? value }
            let cpuRequest = requests["cpu"] ?? .zero, cpuLimit = limits["cpu"] ?? .zero
            let memoryRequest = requests["memory"] ?? .zero, memoryLimit = limits["memory"] ?? .zero
            w.write(1, "\(pod["metadata", "namespace"].string)\t\(pod["metadata", "name"].string)\t\t\(cpuRequest.description) (\(percent(cpuRequest, of: cpu, milli: true))%)\t\(cpuLimit.description) (\(percent(cpuLimit, of: cpu, milli: true))%)\t\(memoryRequest.description) (\(percent(memoryRequest, of: memory, milli: false))%)\t\(memoryLimit.description) (\(percent(memoryLimit, of: memory, milli: false))%)\t\(DescribeTime.since(pod["metadata", "creationTimestamp"].string, now: now))\n")
        }
        w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n")
        w.write(1, "Resource\tRequests\tLimits\n")
        w.write(1, "--------\t--------\t------\n")
        for (name, whole, milli) in [("cpu", cpu, true), ("memory", memory, false), ("ephemeral-storage", storage, false)] {
            let request = totalRequests[name] ?? .zero, limit = totalLimits[name] ?? .zero
            w.write(1, "\(name)\t\(request.description) (\(percent(request, of: whole, milli: milli))%)\t\(limit.description) (\(percent(limit, of: whole, milli: milli))%)\n")
        }
        let names = DescribeFormat.sorted(allocatable.keys)
        for name in names where name.hasPrefix("hugepages-") {
            let request = totalRequests[name] ?? .zero, limit = totalLimits[name] ?? .zero
            let whole = quantity(name)
            w.write(1, "\(name)\t\(request.description) (\(percent(request, of: whole, milli: false))%)\t\(limit.description) (\(percent(limit, of: whole, milli: false))%)\n")
        }
        let standard: Set<String> = ["cpu", "memory", "ephemeral-storage", "storage", "pods"]
        for name in names where !name.hasPrefix("hugepages-") && !standard.contains(name) && name.contains("/") {
            w.write(1, "\(name)\t\((totalRequests[name] ?? .zero).description)\t\((totalLimits[name] ?? .zero).description)\n")
        }
    }

    /// `resourcehelper.PodRequests/PodLimits`: the sum over containers, at least the largest
    /// init container, plus the pod overhead; limits default to requests only where set.
    static func podResources(_ pod: DValue, _ key: String) -> [String: ResourceQuantity] {
        var total: [String: ResourceQuantity] = [:]
        for container in pod["spec", "containers"].array {
            for (name, text) in container["resources", key].stringMap {
                guard let value = ResourceQuantity(text) else { continue }
                total[name] = total[name].map { $0 + value } ?? value
            }
        }
        for container in pod["spec", "initContainers"].array {
            for (name, text) in container["resources", key].stringMap {
                guard let value = ResourceQuantity(text) else { continue }
                if let current = total[name], current.millis >= value.millis { continue }
                total[name] = value
            }
        }
        for (name, text) in pod["spec", "overhead"].stringMap {
            guard let value = ResourceQuantity(text) else { continue }
            total[name] = total[name].map { $0 + value } ?? value
        }
        return total
    }
}
