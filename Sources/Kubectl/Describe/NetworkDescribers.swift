import KubeModel

/// Describers of Services and Endpoints.
enum NetworkDescribers {
    static func service(_ object: KubeObject, _ session: DescribeSession) -> String {
        let svc = DValue(object.content)
        let spec = svc["spec"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Selector:\t\(DescribeFormat.formatLabels(spec["selector"].stringMap))\n")
        w.write(0, "Type:\t\(spec["type"].string)\n")
        if spec["ipFamilyPolicy"].exists { w.write(0, "IP Family Policy:\t\(spec["ipFamilyPolicy"].string)\n") }
        let families = spec["ipFamilies"].strings
        w.write(0, "IP Families:\t\(families.isEmpty ? "<none>" : families.joined(separator: ","))\n")
        w.write(0, "IP:\t\(spec["clusterIP"].string)\n")
        let ips = spec["clusterIPs"].strings
        w.write(0, "IPs:\t\(ips.isEmpty ? "<none>" : ips.joined(separator: ","))\n")
        if !spec["externalIPs"].isEmptyList { w.write(0, "External IPs:\t\(spec["externalIPs"].strings.joined(separator: ","))\n") }
        if !spec["loadBalancerIP"].string.isEmpty { w.write(0, "Desired LoadBalancer IP:\t\(spec["loadBalancerIP"].string)\n") }
        if !spec["externalName"].string.isEmpty { w.write(0, "External Name:\t\(spec["externalName"].string)\n") }
        let ingress = svc["status", "loadBalancer", "ingress"].array
        if !ingress.isEmpty {
            let list = ingress.map {
                $0["ip"].string.isEmpty ? $0["hostname"].string
                    : $0["ip"].string + ($0["ipMode"].exists ? " (\($0["ipMode"].string))" : "")
            }.joined(separator: ", ")
            w.write(0, "LoadBalancer Ingress:\t\(list)\n")
        }
        // kubectl 1.32 reads the Endpoints object (EndpointSlices came with 1.33).
        let endpoints = DValue(session.get("endpoints", namespace: object.namespace, name: object.name)?.content)
        for port in spec["ports"].array {
            let name = port["name"].string.isEmpty ? "<unset>" : port["name"].string
            let proto = port["protocol"].string
            w.write(0, "Port:\t\(name)\t\(port["port"].int)/\(proto)\n")
            w.write(0, "TargetPort:\t\(port["targetPort"].text)/\(proto)\n")
            if port["appProtocol"].exists { w.write(0, "AppProtocol:\t\(port["appProtocol"].string)\n") }
            if port["nodePort"].int != 0 { w.write(0, "NodePort:\t\(name)\t\(port["nodePort"].int)/\(proto)\n") }
            w.write(0, "Endpoints:\t\(formatEndpoints(endpoints, portName: port["name"].string))\n")
        }
        w.write(0, "Session Affinity:\t\(spec["sessionAffinity"].string)\n")
        if !spec["externalTrafficPolicy"].string.isEmpty { w.write(0, "External Traffic Policy:\t\(spec["externalTrafficPolicy"].string)\n") }
        if spec["internalTrafficPolicy"].exists { w.write(0, "Internal Traffic Policy:\t\(spec["internalTrafficPolicy"].string)\n") }
        if spec["healthCheckNodePort"].int != 0 { w.write(0, "HealthCheck NodePort:\t\(spec["healthCheckNodePort"].int)\n") }
        if !spec["loadBalancerSourceRanges"].isEmptyList {
            w.write(0, "LoadBalancer Source Ranges:\t\(spec["loadBalancerSourceRanges"].strings.joined(separator: ","))\n")
        }
        if spec["trafficDistribution"].exists { w.write(0, "Traffic Distribution:\t\(spec["trafficDistribution"].string)\n") }
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    /// `formatEndpoints` over a core/v1 Endpoints object.
    static func formatEndpoints(_ endpoints: DValue, portName: String?) -> String {
        let subsets = endpoints["subsets"].array
        guard !subsets.isEmpty else { return "<none>" }
        var list: [String] = [], count = 0, more = false
        for subset in subsets {
            if subset["ports"].isEmptyList {
                // Headless services may have no ports.
                for address in subset["addresses"].array {
                    if list.count == 3 { more = true }
                    if !more { list.append(address["ip"].string) }
                    count += 1
                }
            }
            for port in subset["ports"].array where portName == nil || port["name"].string == portName {
                for address in subset["addresses"].array {
                    if list.count == 3 { more = true }
                    if !more { list.append(hostPort(address["ip"].string, port["port"].int)) }
                    count += 1
                }
            }
        }
        let text = list.joined(separator: ",")
        return more ? "\(text) + \(count - 3) more..." : text
    }

    private static func hostPort(_ host: String, _ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    static func endpoints(_ object: KubeObject, _ session: DescribeSession) -> String {
        let ep = DValue(object.content)
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        w.write(0, "Subsets:\n")
        for subset in ep["subsets"].array {
            let ready = subset["addresses"].array.map { $0["ip"].string }.joined(separator: ",")
            w.write(1, "Addresses:\t\(DescribeFormat.orNone(ready))\n")
            let notReady = subset["notReadyAddresses"].array.map { $0["ip"].string }.joined(separator: ",")
            w.write(1, "NotReadyAddresses:\t\(DescribeFormat.orNone(notReady))\n")
            let ports = subset["ports"].array
            if !ports.isEmpty {
                w.write(1, "Ports:\n")
                w.write(2, "Name\tPort\tProtocol\n")
                w.write(2, "----\t----\t--------\n")
                for port in ports {
                    let name = port["name"].string.isEmpty ? "<unset>" : port["name"].string
                    w.write(2, "\(name)\t\(port["port"].int)\t\(port["protocol"].string)\n")
                }
            }
            w.write(0, "\n")
        }
        session.writeEvents(session.events(of: object), w)
        return w.text
    }
}
