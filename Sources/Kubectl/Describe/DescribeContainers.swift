/// `describeContainers` and its parts: one block per container (image, ports, command, state,
/// resources, probes, environment, mounts).
enum DescribeContainers {
    /// Resolves a `fieldRef` env var against the pod (nil for templates: printed empty).
    typealias Resolver = (DValue) -> String

    static func write(_ label: String, _ containers: [DValue], statuses: [DValue], resolver: Resolver?,
                      _ w: DescribeWriter, space: String) {
        var byName: [String: DValue] = [:]
        for status in statuses { byName[status["name"].string] = status }
        w.write(0, "\(space)\(label):\(containers.isEmpty ? " <none>" : "")\n")
        for container in containers {
            let status = byName[container["name"].string]
            basicInfo(container, status: status, space: space, w)
            command(container, w)
            if let status { state(status, w) }
            resources(container["resources"], w, level: 2)
            probes(container, w)
            if !container["envFrom"].isEmptyList { envFrom(container, w) }
            env(container, resolver: resolver, w)
            mounts(container, w)
        }
    }

    static func basicInfo(_ container: DValue, status: DValue?, space: String, _ w: DescribeWriter) {
        w.write(1, "\(space.isEmpty ? "" : " ")\(container["name"].string):\n")
        if let status { w.write(2, "Container ID:\t\(status["containerID"].string)\n") }
        w.write(2, "Image:\t\(container["image"].string)\n")
        if let status { w.write(2, "Image ID:\t\(status["imageID"].string)\n") }
        let ports = container["ports"].array
        let portText = ports.map { port($0["containerPort"].int, $0) }.joined(separator: ", ")
        if portText.contains(",") {
            w.write(2, "Ports:\t\(portText)\n")
        } else {
            w.write(2, "Port:\t\(DescribeFormat.orNone(portText))\n")
        }
        let hostText = ports.map { port($0["hostPort"].int, $0) }.joined(separator: ", ")
        if hostText.contains(",") {
            w.write(2, "Host Ports:\t\(hostText)\n")
        } else {
            w.write(2, "Host Port:\t\(DescribeFormat.orNone(hostText))\n")
        }
        let seccomp = container["securityContext", "seccompProfile"]
        if seccomp.exists {
            w.write(2, "SeccompProfile:\t\(seccomp["type"].string)\n")
            if seccomp["type"].string == "Localhost" {
                w.write(3, "LocalhostProfile:\t\(seccomp["localhostProfile"].string)\n")
            }
        }
    }

    private static func port(_ number: Int, _ port: DValue) -> String {
        let text = "\(number)/\(port["protocol"].string)"
        let name = port["name"].string
        return name.isEmpty ? text : "\(text) (\(name))"
    }

    static func command(_ container: DValue, _ w: DescribeWriter) {
        for (title, key) in [("Command", "command"), ("Args", "args")] {
            let words = container[key].strings
            guard !words.isEmpty else { continue }
            w.write(2, "\(title):\n")
            for word in words {
                for line in word.split(separator: "\n", omittingEmptySubsequences: false) { w.write(3, "\(line)\n") }
            }
        }
    }

    /// `describeResources`: `Limits:` and `Requests:` with sorted resource names.
    static func resources(_ resources: DValue, _ w: DescribeWriter, level: Int) {
        for (title, key) in [("Limits", "limits"), ("Requests", "requests")] {
            let values = resources[key].stringMap
            guard !values.isEmpty else { continue }
            w.write(level, "\(title):\n")
            for name in DescribeFormat.sorted(values.keys) {
                let text = values[name] ?? ""
                w.write(level + 1, "\(name):\t\(ResourceQuantity(text)?.description ?? text)\n")
            }
        }
    }

    static func state(_ status: DValue, _ w: DescribeWriter) {
        describeState("State", status["state"], w)
        if status["lastState", "terminated"].exists { describeState("Last State", status["lastState"], w) }
        w.write(2, "Ready:\t\(DescribeFormat.bool(status["ready"].bool))\n")
        w.write(2, "Restart Count:\t\(status["restartCount"].int)\n")
    }

    private static func describeState(_ name: String, _ state: DValue, _ w: DescribeWriter) {
        if state["running"].exists {
            w.write(2, "\(name):\tRunning\n")
            w.write(3, "Started:\t\(DescribeTime.rfc1123z(state["running", "startedAt"].string))\n")
        } else if state["waiting"].exists {
            w.write(2, "\(name):\tWaiting\n")
            let reason = state["waiting", "reason"].string
            if !reason.isEmpty { w.write(3, "Reason:\t\(reason)\n") }
        } else if state["terminated"].exists {
            let terminated = state["terminated"]
            w.write(2, "\(name):\tTerminated\n")
            if !terminated["reason"].string.isEmpty { w.write(3, "Reason:\t\(terminated["reason"].string)\n") }
            if !terminated["message"].string.isEmpty { w.write(3, "Message:\t\(terminated["message"].string)\n") }
            w.write(3, "Exit Code:\t\(terminated["exitCode"].int)\n")
            if terminated["signal"].int > 0 { w.write(3, "Signal:\t\(terminated["signal"].int)\n") }
            w.write(3, "Started:\t\(DescribeTime.rfc1123z(terminated["startedAt"].string))\n")
            w.write(3, "Finished:\t\(DescribeTime.rfc1123z(terminated["finishedAt"].string))\n")
        } else {
            w.write(2, "\(name):\tWaiting\n")
        }
    }

    static func probes(_ container: DValue, _ w: DescribeWriter) {
        for (title, key) in [("Liveness", "livenessProbe"), ("Readiness", "readinessProbe"), ("Startup", "startupProbe")]
        where container[key].exists {
            w.write(2, "\(title):\t\(probe(container[key]))\n")
        }
    }

    /// `DescribeProbe`.
    static func probe(_ probe: DValue) -> String {
        let attrs = "delay=\(probe["initialDelaySeconds"].int)s timeout=\(probe["timeoutSeconds"].int)s period=\(probe["periodSeconds"].int)s #success=\(probe["successThreshold"].int) #failure=\(probe["failureThreshold"].int)"
        if probe["exec"].exists {
            return "exec \(DescribeFormat.goList(probe["exec", "command"].strings)) \(attrs)"
        }
        if probe["httpGet"].exists {
            let get = probe["httpGet"]
            let port = get["port"].text
            var host = get["host"].string
            if !port.isEmpty { host = (host.contains(":") ? "[\(host)]" : host) + ":" + port }
            var path = get["path"].string
            if !path.isEmpty, !path.hasPrefix("/"), !host.isEmpty { path = "/" + path }
            return "http-get \(get["scheme"].string.lowercased())://\(host)\(path) \(attrs)"
        }
        if probe["tcpSocket"].exists {
            return "tcp-socket \(probe["tcpSocket", "host"].string):\(probe["tcpSocket", "port"].text) \(attrs)"
        }
        if probe["grpc"].exists {
            return "grpc <pod>:\(probe["grpc", "port"].int) \(probe["grpc", "service"].string) \(attrs)"
        }
        return "unknown \(attrs)"
    }

    static func envFrom(_ container: DValue, _ w: DescribeWriter) {
        w.write(2, "Environment Variables from:\n")
        for source in container["envFrom"].array {
            var from = "", name = "", optional = false
            if source["configMapRef"].exists {
                from = "ConfigMap"
                name = source["configMapRef", "name"].string
                optional = source["configMapRef", "optional"].bool
            } else if source["secretRef"].exists {
                from = "Secret"
                name = source["secretRef", "name"].string
                optional = source["secretRef", "optional"].bool
            }
            let prefix = source["prefix"].string
            if prefix.isEmpty {
                w.write(3, "\(name)\t\(from)\tOptional: \(optional)\n")
            } else {
                w.write(3, "\(name)\t\(from) with prefix '\(prefix)'\tOptional: \(optional)\n")
            }
        }
    }

    static func env(_ container: DValue, resolver: Resolver?, _ w: DescribeWriter) {
        let variables = container["env"].array
        w.write(2, "Environment:\(variables.isEmpty ? "\t<none>" : "")\n")
        for variable in variables {
            let name = variable["name"].string
            let from = variable["valueFrom"]
            guard from.exists else {
                for (i, line) in variable["value"].string.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    w.write(3, i == 0 ? "\(name):\t\(line)\n" : "\t\(line)\n")
                }
                continue
            }
            if from["fieldRef"].exists {
                let value = resolver?(from["fieldRef"]) ?? ""
                w.write(3, "\(name):\t\(value) (\(from["fieldRef", "apiVersion"].string):\(from["fieldRef", "fieldPath"].string))\n")
            } else if from["resourceFieldRef"].exists {
                let resource = from["resourceFieldRef", "resource"].string
                var value = resourceValue(from["resourceFieldRef"], container: container)
                if value == "0", resource == "limits.cpu" || resource == "limits.memory" { value = "node allocatable" }
                w.write(3, "\(name):\t\(value) (\(resource))\n")
            } else if from["secretKeyRef"].exists {
                let ref = from["secretKeyRef"]
                w.write(3, "\(name):\t<set to the key '\(ref["key"].string)' in secret '\(ref["name"].string)'>\tOptional: \(ref["optional"].bool)\n")
            } else if from["configMapKeyRef"].exists {
                let ref = from["configMapKeyRef"]
                w.write(3, "\(name):\t<set to the key '\(ref["key"].string)' of config map '\(ref["name"].string)'>\tOptional: \(ref["optional"].bool)\n")
            }
        }
    }

    /// `ExtractContainerResourceValue`: the request or limit divided by the divisor, rounded up.
    private static func resourceValue(_ ref: DValue, container: DValue) -> String {
        let parts = ref["resource"].string.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return "" }
        let text = container["resources", parts[0], parts[1]].string
        let quantity = ResourceQuantity(text) ?? .zero
        let divisor = ResourceQuantity(ref["divisor"].string).flatMap { $0.millis > 0 ? $0 : nil }
            ?? ResourceQuantity(millis: 1000, format: .decimalSI)
        let value = (quantity.millis + divisor.millis - 1) / divisor.millis
        return String(max(0, value))
    }

    static func mounts(_ container: DValue, _ w: DescribeWriter) {
        let mounts = container["volumeMounts"].array
        w.write(2, "Mounts:\(mounts.isEmpty ? "\t<none>" : "")\n")
        let ordered = mounts.enumerated().sorted {
            $0.element["mountPath"].string == $1.element["mountPath"].string ? $0.offset < $1.offset
                : $0.element["mountPath"].string.utf8.lexicographicallyPrecedes($1.element["mountPath"].string.utf8)
        }.map(\.element)
        for mount in ordered {
            var flags = [mount["readOnly"].bool ? "ro" : "rw"]
            let subPath = mount["subPath"].string
            if !subPath.isEmpty { flags.append("path=\"\(subPath)\"") }
            w.write(3, "\(mount["mountPath"].string) from \(mount["name"].string) (\(flags.joined(separator: ",")))\n")
        }
        let devices = container["volumeDevices"].array
        if !devices.isEmpty {
            w.write(2, "Devices:\n")
            for device in devices.sorted(by: { $0["devicePath"].string < $1["devicePath"].string }) {
                w.write(3, "\(device["devicePath"].string) from \(device["name"].string)\n")
            }
        }
    }
}
