import KubeModel

/// What the Service registry allocates on create: a cluster IP from the service CIDR
/// (10.96.0.0/12, kubeadm's default) and node ports from 30000-32767, at random (seeded),
/// refusing addresses and ports already taken.
extension APIStore {
    static let serviceNetwork: UInt32 = 0x0A60_0000  // 10.96.0.0
    static let serviceNetworkSize: UInt32 = 1 << 20  // /12
    static let nodePortRange = 30000...32767

    func allocateServiceAddresses(_ object: inout KubeObject, type: ResourceType) throws(APIError) {
        guard type.key == "services" else { return }
        let serviceType = object[path: ["spec", "type"]]?.stringValue ?? "ClusterIP"
        guard serviceType != "ExternalName" else { return }
        let services = list(type)
        let usedIPs = Set(services.compactMap { $0[path: ["spec", "clusterIP"]]?.stringValue })
        let requested = object[path: ["spec", "clusterIP"]]?.stringValue ?? ""
        if requested.isEmpty {
            var ip = ""
            repeat {
                // .0 is the network and .1 is the kubernetes service in a fresh cluster; any free one will do.
                let offset = UInt32(truncatingIfNeeded: uids.next() % UInt64(Self.serviceNetworkSize - 2)) + 1
                ip = Self.dotted(Self.serviceNetwork + offset)
            } while usedIPs.contains(ip)
            object[path: ["spec", "clusterIP"]] = .string(ip)
            object[path: ["spec", "clusterIPs"]] = [.string(ip)]
        } else if requested == "None" {
            object[path: ["spec", "clusterIPs"]] = ["None"]
        } else {
            if usedIPs.contains(requested) {
                throw .invalid(type, name: object.name, causes: [APIError.Cause(
                    type: "FieldValueInvalid",
                    message: "spec.clusterIPs: Invalid value: []string{\"\(requested)\"}: failed to allocate IP \(requested): provided IP is already allocated",
                    field: "spec.clusterIPs")])
            }
            object[path: ["spec", "clusterIPs"]] = [.string(requested)]
        }
        guard serviceType == "NodePort" || serviceType == "LoadBalancer" else { return }
        var usedPorts = Set(services.flatMap { service in
            (service[path: ["spec", "ports"]]?.arrayValue ?? []).compactMap { $0["nodePort"]?.intValue }
        })
        guard var ports = object[path: ["spec", "ports"]]?.arrayValue else { return }
        for index in ports.indices where ports[index]["nodePort"]?.intValue == nil {
            var port = 0
            repeat {
                port = Self.nodePortRange.lowerBound + Int(uids.next() % UInt64(Self.nodePortRange.count))
            } while usedPorts.contains(port)
            usedPorts.insert(port)
            ports[index]["nodePort"] = .int(port)
        }
        object[path: ["spec", "ports"]] = .array(ports)
    }

    static func dotted(_ address: UInt32) -> String {
        "\(address >> 24).\((address >> 16) & 0xFF).\((address >> 8) & 0xFF).\(address & 0xFF)"
    }
}
