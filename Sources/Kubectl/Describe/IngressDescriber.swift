import KubeModel

/// `describeIngressV1` (1.32: backends resolved through the Endpoints object of the service).
enum IngressDescriber {
    static func describe(_ object: KubeObject, _ session: DescribeSession) -> String {
        let ingress = DValue(object.content)
        let spec = ingress["spec"]
        let w = DescribeWriter()
        w.write(0, "Name:\t\(object.name)\n")
        DescribeFormat.labels(w, "Labels", object.labels)
        w.write(0, "Namespace:\t\(object.namespace)\n")
        var addresses = Set<String>()
        for entry in ingress["status", "loadBalancer", "ingress"].array {
            if !entry["ip"].string.isEmpty { addresses.insert(entry["ip"].string) } else if !entry["hostname"].string.isEmpty {
                addresses.insert(entry["hostname"].string)
            }
        }
        w.write(0, "Address:\t\(DescribeFormat.sorted(addresses).joined(separator: ","))\n")
        w.write(0, "Ingress Class:\t\(spec["ingressClassName"].exists ? spec["ingressClassName"].string : "<none>")\n")
        let defaultBackend = spec["defaultBackend"].exists ? backend(spec["defaultBackend"], object.namespace, session) : "<default>"
        w.write(0, "Default backend:\t\(defaultBackend)\n")
        let tls = spec["tls"].array
        if !tls.isEmpty {
            w.write(0, "TLS:\n")
            for entry in tls {
                let hosts = entry["hosts"].strings.joined(separator: ",")
                if entry["secretName"].string.isEmpty {
                    w.write(1, "SNI routes \(hosts)\n")
                } else {
                    w.write(1, "\(entry["secretName"].string) terminates \(hosts)\n")
                }
            }
        }
        w.write(0, "Rules:\n  Host\tPath\tBackends\n")
        w.write(1, "----\t----\t--------\n")
        var count = 0
        for rule in spec["rules"].array where rule["http"].exists {
            count += 1
            let host = rule["host"].string.isEmpty ? "*" : rule["host"].string
            w.write(1, "\(host)\t\n")
            for path in rule["http", "paths"].array {
                w.write(2, "\t\(path["path"].string) \t\(backend(path["backend"], object.namespace, session))\n")
            }
        }
        if count == 0 { w.write(1, "*\t*\t\(defaultBackend)\n") }
        DescribeFormat.annotations(w, "Annotations", object.annotations)
        session.writeEvents(session.events(of: object), w)
        return w.text
    }

    /// `describeBackendV1`: `service:port (endpoints)` or the resource reference.
    private static func backend(_ backend: DValue, _ namespace: String, _ session: DescribeSession) -> String {
        let service = backend["service"]
        if service.exists {
            let number = service["port", "number"].int
            let text = "\(service["name"].string):\(number != 0 ? String(number) : service["port", "name"].string)"
            let name = service["name"].string
            guard let endpoints = session.get("endpoints", namespace: namespace, name: name) else {
                return "\(text) (<error: endpoints \"\(name)\" not found>)"
            }
            guard let svc = session.get("services", namespace: namespace, name: name) else {
                return "\(text) (<error: services \"\(name)\" not found>)"
            }
            var portName = ""
            for port in DValue(svc.content)["spec", "ports"].array {
                if number != 0, number == port["port"].int {
                    portName = port["name"].string
                } else if !service["port", "name"].string.isEmpty, service["port", "name"].string == port["name"].string {
                    portName = port["name"].string
                }
            }
            return "\(text) (\(NetworkDescribers.formatEndpoints(DValue(endpoints.content), portName: portName)))"
        }
        let resource = backend["resource"]
        if resource.exists {
            let group = resource["apiGroup"].exists ? resource["apiGroup"].string : "<none>"
            return "APIGroup: \(group), Kind: \(resource["kind"].string), Name: \(resource["name"].string)"
        }
        return ""
    }
}
