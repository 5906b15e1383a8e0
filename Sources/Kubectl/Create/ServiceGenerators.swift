import KubeModel

/// `kubectl create service clusterip|nodeport|loadbalancer|externalname`.
extension CreateVerbs {
    static func serviceClusterIP(_ request: inout VerbRequest) throws(KubectlFailure) {
        try service(&request, type: "ClusterIP")
    }

    static func serviceNodePort(_ request: inout VerbRequest) throws(KubectlFailure) {
        try service(&request, type: "NodePort")
    }

    static func serviceLoadBalancer(_ request: inout VerbRequest) throws(KubectlFailure) {
        try service(&request, type: "LoadBalancer")
    }

    static func serviceExternalName(_ request: inout VerbRequest) throws(KubectlFailure) {
        try request.require("external-name")
        try service(&request, type: "ExternalName")
    }

    private static func service(_ request: inout VerbRequest, type: String) throws(KubectlFailure) {
        let name = try request.singleName()
        let clusterIP = request.flags.string("clusterip")
        let tcp = request.flags.strings("tcp")
        if tcp.isEmpty, type != "ExternalName", clusterIP != "None" {
            throw .error("at least one tcp port specifier must be provided")
        }
        let nodePort = request.flags.int("node-port")
        var ports: [JSONValue] = []
        for spec in tcp {
            let (port, target) = try parsePorts(spec)
            var entry: JSONObject = ["name": .string(String(spec.map { $0 == ":" ? "-" : $0 })), "protocol": "TCP",
                                     "port": .int(port), "targetPort": target]
            if nodePort != 0 { entry["nodePort"] = .int(nodePort) }
            ports.append(.object(entry))
        }
        let labels: JSONObject = ["app": .string(name)]
        var object = Generated.object(kind: "Service", apiVersion: "v1",
                                      metadata: Generated.metadata(name: name, namespace: request.enforcedNamespace, labels: labels))
        var spec: JSONObject = [:]
        if !ports.isEmpty { spec["ports"] = .array(ports) }
        spec["selector"] = .object(labels)
        if !clusterIP.isEmpty { spec["clusterIP"] = .string(clusterIP) }
        spec["type"] = .string(type)
        let externalName = request.flags.string("external-name")
        if !externalName.isEmpty { spec["externalName"] = .string(externalName) }
        object["spec"] = .object(spec)
        object["status"] = ["loadBalancer": .emptyObject]
        try request.finishCreate(.object(object))
    }

    /// `port[:targetPort]`: the port as strconv.ParseUint(…, 10, 16) reads it, a numeric or named target.
    private static func parsePorts(_ spec: String) throws(KubectlFailure) -> (Int, JSONValue) {
        let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let portText = String(parts[0])
        guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .error("strconv.ParseUint: parsing \(FlagParsing.goQuote(portText)): invalid syntax")
        }
        guard let port = Int(portText), port <= 65535 else {
            throw .error("strconv.ParseUint: parsing \(FlagParsing.goQuote(portText)): value out of range")
        }
        guard parts.count == 2, !parts[1].isEmpty else { return (port, .int(port)) }
        let target = String(parts[1])
        if let number = Int(target) {
            guard (1...65535).contains(number) else { throw .error("must be between 1 and 65535, inclusive") }
            return (port, .int(number))
        }
        return (port, .string(target))
    }
}
