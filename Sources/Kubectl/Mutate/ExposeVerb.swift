import KubeModel

/// `kubectl expose`: a Service selecting the pods of a pod, service, deployment, replica set or
/// replication controller (the ServiceGeneratorV2 rules).
enum ExposeVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let mode = try request.dryRun()
        let format = try request.changedOutputFormat()
        let query = request.targetQuery(request.arguments, local: false, emptyMessage: VerbRequest.noResourcesMessage)
        let set: TargetSet
        do throws(KubectlFailure) {
            set = try request.resolveTargets(query)
        } catch {
            // Builder errors are usage errors here.
            throw request.usage(String(error.bareMessage.dropLast()))
        }
        var failures = set.failures
        for target in set.targets {
            do throws(KubectlFailure) {
                let service = try generate(for: target, request: request)
                var result = KubeObject(service)
                if mode == .client {
                    if request.flags.changed("namespace") { result.namespace = request.namespace }
                } else {
                    guard let context = request.context else { throw KubectlFailure.connectionRefused }
                    var toCreate = result
                    toCreate.namespace = request.namespace
                    do throws(KubectlServerError) {
                        result = try context.create(toCreate, dryRun: mode == .server)
                    } catch {
                        throw KubectlFailure.server(error)
                    }
                }
                try request.printChanged(result, format: format, action: "exposed", mode: mode)
            } catch {
                failures.append(error)
            }
        }
        if let failure = KubectlFailure.combined(failures) { throw failure }
    }

    /// The Service for one object, or kubectl's reason it cannot be exposed.
    static func generate(for target: MutateTarget, request: VerbRequest) throws(KubectlFailure) -> JSONValue {
        let object = target.object
        let exposable = ["Pod", "Service", "ReplicationController", "Deployment", "ReplicaSet"]
        guard exposable.contains(object.kind) else { throw .error("cannot expose a \(target.type.groupKind)") }
        let flags = request.flags
        var selector: [(String, String)]
        if flags.changed("selector"), !flags.string("selector").isEmpty {
            selector = try parsePairs(flags.string("selector"))
        } else {
            selector = try introspectSelector(object, request: request)
        }
        selector.sort { $0.0 < $1.0 }
        var ports: [String] = []
        var protocols: [String: String] = [:]
        for (port, proto) in portsOf(object) {
            ports.append(port)
            if protocols[port] == nil { protocols[port] = proto }
        }
        let headless = flags.string("cluster-ip") == "None"
        if !flags.string("port").isEmpty { ports = [flags.string("port")] }
        if ports.isEmpty, !headless { throw request.usage("couldn't find port via --port flag or introspection") }
        let name = flags.string("name").isEmpty ? String(object.name.prefix(63)) : flags.string("name")
        var servicePorts: [JSONValue] = []
        for (index, portText) in ports.enumerated() {
            guard let port = Int(portText) else { throw .error("strconv.Atoi: parsing \(GoSyntax.quote(portText)): invalid syntax") }
            var entry: JSONObject = [:]
            if ports.count > 1 { entry["name"] = .string("port-\(index + 1)") }
            entry["port"] = .int(port)
            var proto = flags.string("protocol")
            if proto.isEmpty { proto = protocols[portText] ?? "TCP" }
            entry["protocol"] = .string(proto)
            let target = flags.string("target-port")
            entry["targetPort"] = target.isEmpty ? .int(port) : (Int(target).map(JSONValue.int) ?? .string(target))
            servicePorts.append(.object(entry))
        }
        var labels: [(String, JSONValue)] = []
        if flags.changed("labels"), !flags.string("labels").isEmpty {
            labels = try parsePairs(flags.string("labels")).map { ($0.0, .string($0.1)) }
        } else {
            labels = object.labels.map { ($0.key, .string($0.value)) }
        }
        var metadata: JSONObject = ["name": .string(name), "creationTimestamp": .null]
        if !labels.isEmpty { metadata["labels"] = .object(Generated.sortedMap(labels)) }
        var spec: JSONObject = [:]
        if !servicePorts.isEmpty { spec["ports"] = .array(servicePorts) }
        spec["selector"] = .object(Generated.sortedMap(selector.map { ($0.0, .string($0.1)) }))
        if !flags.string("external-ip").isEmpty { spec["externalIPs"] = [.string(flags.string("external-ip"))] }
        if !flags.string("type").isEmpty { spec["type"] = .string(flags.string("type")) }
        if flags.string("type") == "LoadBalancer", !flags.string("load-balancer-ip").isEmpty {
            spec["loadBalancerIP"] = .string(flags.string("load-balancer-ip"))
        }
        if !flags.string("session-affinity").isEmpty { spec["sessionAffinity"] = .string(flags.string("session-affinity")) }
        if !flags.string("cluster-ip").isEmpty { spec["clusterIP"] = .string(flags.string("cluster-ip")) }
        return .object(["apiVersion": "v1", "kind": "Service", "metadata": .object(metadata), "spec": .object(spec),
                        "status": ["loadBalancer": .emptyObject]])
    }

    /// `k=v,k2=v2` (the generator's ParseLabels).
    static func parsePairs(_ text: String) throws(KubectlFailure) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .error("invalid label spec: \(item)") }
            pairs.append((String(parts[0]), String(parts[1])))
        }
        return pairs
    }

    /// MapBasedSelectorForObject.
    static func introspectSelector(_ object: KubeObject, request: VerbRequest) throws(KubectlFailure) -> [(String, String)] {
        func fail(_ reason: String) -> KubectlFailure {
            request.usage("couldn't retrieve selectors via --selector flag or introspection: \(reason)")
        }
        switch object.kind {
        case "Pod":
            if object.labels.isEmpty { throw fail("the pod has no labels and cannot be exposed") }
            return object.labels.map { ($0.key, $0.value) }
        case "Service":
            guard let selector = object.content[path: ["spec", "selector"]]?.objectValue, !selector.isEmpty else {
                throw fail("the service has no pod selector set")
            }
            return selector.compactMap { key, value in value.stringValue.map { (key, $0) } }
        case "ReplicationController":
            let selector = object.content[path: ["spec", "selector"]]?.objectValue ?? [:]
            return selector.compactMap { key, value in value.stringValue.map { (key, $0) } }
        default:
            let selector = object.content[path: ["spec", "selector"]]
            if let expressions = selector?["matchExpressions"]?.arrayValue, !expressions.isEmpty {
                throw fail("couldn't convert expressions - \(GoSyntax.quote(KubeJSON.compact(.array(expressions)))) to map-based selector format")
            }
            let labels = selector?["matchLabels"]?.objectValue ?? [:]
            return labels.compactMap { key, value in value.stringValue.map { (key, $0) } }
        }
    }

    /// PortsForObject with each port's protocol (ProtocolsForObject).
    static func portsOf(_ object: KubeObject) -> [(String, String)] {
        if object.kind == "Service" {
            return (object.content[path: ["spec", "ports"]]?.arrayValue ?? []).compactMap { port in
                port["port"]?.intValue.map { (String($0), port["protocol"]?.stringValue ?? "TCP") }
            }
        }
        guard let specPath = SetVerbs.podSpecPath(kind: object.kind) else { return [] }
        var result: [(String, String)] = []
        for container in object.content[path: specPath + ["containers"]]?.arrayValue ?? [] {
            for port in container["ports"]?.arrayValue ?? [] {
                if let number = port["containerPort"]?.intValue {
                    result.append((String(number), port["protocol"]?.stringValue ?? "TCP"))
                }
            }
        }
        return result
    }
}
