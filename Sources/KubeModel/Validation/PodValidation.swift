/// Pod spec checks (`ValidatePodSpec` and the container checks), worded as core/validation.
extension Validation {
    static let restartPolicies = ["Always", "OnFailure", "Never"]
    static let dnsPolicies = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"]
    static let pullPolicies = ["Always", "IfNotPresent", "Never"]
    static let protocols = ["SCTP", "TCP", "UDP"]

    static func podSpecErrors(_ spec: JSONValue, path: @autoclosure () -> String) -> [FieldError] {
        // Paths are spelled out only for an error: every pod a controller makes passes here.
        var errors: [FieldError] = []
        let volumes = spec["volumes"]?.arrayValue ?? []
        var volumeNames: Set<String> = []
        for (i, volume) in volumes.enumerated() {
            let name = volume["name"]?.stringValue ?? ""
            func field() -> String { "\(path()).volumes[\(i)].name" }
            if name.isEmpty {
                errors.append(.required(field()))
            } else {
                errors += NameRules.dns1123Label(name).map { .invalid(field(), .string(name), $0) }
                if !volumeNames.insert(name).inserted { errors.append(.duplicate(field(), .string(name))) }
            }
        }
        let containers = spec["containers"]?.arrayValue ?? []
        var names: Set<String> = []
        errors += containerErrors(spec["initContainers"]?.arrayValue ?? [], path: "\(path()).initContainers",
                                  names: &names, volumes: volumeNames)
        if containers.isEmpty {
            errors.append(.required("\(path()).containers"))
        }
        errors += containerErrors(containers, path: "\(path()).containers", names: &names, volumes: volumeNames)
        if let policy = spec["restartPolicy"]?.stringValue {
            if policy.isEmpty {
                errors.append(.required("\(path()).restartPolicy"))
            } else if !restartPolicies.contains(policy) {
                errors.append(.notSupported("\(path()).restartPolicy", .string(policy), restartPolicies))
            }
        }
        if let policy = spec["dnsPolicy"]?.stringValue, !dnsPolicies.contains(policy) {
            errors.append(.notSupported("\(path()).dnsPolicy", .string(policy), dnsPolicies))
        }
        errors += NameRules.validateLabels(spec["nodeSelector"]?.objectValue, field: "\(path()).nodeSelector")
        if let account = spec["serviceAccountName"]?.stringValue, !account.isEmpty {
            errors += NameRules.dns1123Subdomain(account).map { .invalid("\(path()).serviceAccountName", .string(account), $0) }
        }
        if let seconds = spec["activeDeadlineSeconds"]?.intValue, seconds <= 0 {
            errors.append(.invalid("\(path()).activeDeadlineSeconds", .int(seconds), "must be between 1 and 2147483647, inclusive"))
        }
        if let node = spec["nodeName"]?.stringValue, !node.isEmpty {
            errors += NameRules.dns1123Subdomain(node).map { .invalid("\(path()).nodeName", .string(node), $0) }
        }
        errors += nonNegative(spec["terminationGracePeriodSeconds"], "\(path()).terminationGracePeriodSeconds")
        for (i, toleration) in (spec["tolerations"]?.arrayValue ?? []).enumerated() {
            errors += tolerationErrors(toleration, path: "\(path()).tolerations[\(i)]")
        }
        return errors
    }

    static func containerErrors(_ containers: [JSONValue], path: @autoclosure () -> String, names: inout Set<String>,
                                volumes: Set<String>) -> [FieldError] {
        var errors: [FieldError] = []
        for (i, c) in containers.enumerated() {
            func at() -> String { "\(path())[\(i)]" }
            let name = c["name"]?.stringValue ?? ""
            if name.isEmpty {
                errors.append(.required("\(at()).name"))
            } else {
                errors += NameRules.dns1123Label(name).map { .invalid("\(at()).name", .string(name), $0) }
                if !names.insert(name).inserted { errors.append(.duplicate("\(at()).name", .string(name))) }
            }
            if (c["image"]?.stringValue ?? "").isEmpty {
                errors.append(.required("\(at()).image"))
            } else if let image = c["image"]?.stringValue, image != image.trimmingSpaces {
                errors.append(.invalid("\(at()).image", .string(image), "must not have leading or trailing whitespace"))
            }
            if let policy = c["imagePullPolicy"]?.stringValue, !pullPolicies.contains(policy) {
                errors.append(.notSupported("\(at()).imagePullPolicy", .string(policy), pullPolicies))
            }
            errors += portErrors(c["ports"]?.arrayValue ?? [], path: "\(at()).ports")
            for (j, env) in (c["env"]?.arrayValue ?? []).enumerated() where (env["name"]?.stringValue ?? "").isEmpty {
                errors.append(.required("\(at()).env[\(j)].name"))
            }
            for (j, mount) in (c["volumeMounts"]?.arrayValue ?? []).enumerated() {
                let mountName = mount["name"]?.stringValue ?? ""
                if mountName.isEmpty {
                    errors.append(.required("\(at()).volumeMounts[\(j)].name"))
                } else if !volumes.contains(mountName) {
                    errors.append(FieldError(.notFound, "\(at()).volumeMounts[\(j)].name", .string(mountName)))
                }
                if (mount["mountPath"]?.stringValue ?? "").isEmpty {
                    errors.append(.required("\(at()).volumeMounts[\(j)].mountPath"))
                }
            }
            errors += resourceErrors(c["resources"], path: "\(at()).resources")
        }
        return errors
    }

    static func portErrors(_ ports: [JSONValue], path: @autoclosure () -> String) -> [FieldError] {
        var errors: [FieldError] = []
        var portNames: Set<String> = []
        for (i, port) in ports.enumerated() {
            func at() -> String { "\(path())[\(i)]" }
            if let name = port["name"]?.stringValue, !name.isEmpty {
                errors += portNameErrors(name).map { .invalid("\(at()).name", .string(name), $0) }
                if !portNames.insert(name).inserted { errors.append(.duplicate("\(at()).name", .string(name))) }
            }
            let number = port["containerPort"]?.intValue ?? 0
            if number == 0 {
                errors.append(.required("\(at()).containerPort"))
            } else if !(1...65535).contains(number) {
                errors.append(.invalid("\(at()).containerPort", .int(number), "must be between 1 and 65535, inclusive"))
            }
            if let host = port["hostPort"]?.intValue, host != 0, !(1...65535).contains(host) {
                errors.append(.invalid("\(at()).hostPort", .int(host), "must be between 1 and 65535, inclusive"))
            }
            if let proto = port["protocol"]?.stringValue {
                if proto.isEmpty {
                    errors.append(.required("\(at()).protocol"))
                } else if !protocols.contains(proto) {
                    errors.append(.notSupported("\(at()).protocol", .string(proto), protocols))
                }
            }
        }
        return errors
    }

    /// `IsValidPortName`.
    static func portNameErrors(_ name: String) -> [String] {
        var errors: [String] = []
        let bytes = Array(name.utf8)
        if bytes.count > 15 { errors.append("must be no more than 15 characters") }
        let allowed = bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
        if !allowed { errors.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)") }
        if name.contains("--") { errors.append("must not contain consecutive hyphens") }
        if !bytes.contains(where: { $0 >= 97 && $0 <= 122 }) { errors.append("must contain at least one letter (a-z)") }
        if bytes.first == 45 || bytes.last == 45 { errors.append("must not begin or end with a hyphen") }
        return errors
    }

    /// Requests may not exceed limits; quantities may not be negative.
    static func resourceErrors(_ resources: JSONValue?, path: @autoclosure () -> String) -> [FieldError] {
        var errors: [FieldError] = []
        for section in ["limits", "requests"] {
            for (name, value) in resources?[section]?.objectValue ?? [:] {
                let text = value.stringValue ?? StrictDecoder.goNumber(Double(value.intValue ?? 0))
                if text.hasPrefix("-") {
                    errors.append(.invalid("\(path()).\(section)[\(name)]", .string(text), "must be greater than or equal to 0"))
                }
            }
        }
        return errors
    }

    /// `ValidateTolerations`, for one toleration: the rejected values are the fields as given
    /// (an unset operator is `""`, not the `Equal` it means).
    static func tolerationErrors(_ toleration: JSONValue, path: @autoclosure () -> String) -> [FieldError] {
        var errors: [FieldError] = []
        let op = toleration["operator"]?.stringValue ?? ""
        let key = toleration["key"]?.stringValue ?? ""
        let value = toleration["value"]?.stringValue ?? ""
        let effect = toleration["effect"]?.stringValue ?? ""
        if !key.isEmpty {
            errors += NameRules.qualifiedName(key).map { .invalid("\(path()).key", .string(key), $0) }
        }
        if key.isEmpty && op != "Exists" {
            errors.append(.invalid("\(path()).operator", .string(op), "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
        }
        let seconds = toleration["tolerationSeconds"]
        if let seconds, seconds != .null, effect != "NoExecute" {
            errors.append(.invalid("\(path()).effect", .string(effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"))
        }
        switch op {
        case "Equal", "":
            let problems = NameRules.labelValue(value)
            if !problems.isEmpty { errors.append(.invalid("\(path()).operator", .string(value), problems.joined(separator: ";"))) }
        case "Exists":
            if !value.isEmpty {
                // Go prints the whole toleration (`%#v`); a set tolerationSeconds is a pointer, shown by its address.
                let secondsText = seconds.map { $0 == .null ? "(*int64)(nil)" : "(*int64)(0xc000a1c2d8)" } ?? "(*int64)(nil)"
                let struct_ = "core.Toleration{Key:\(GoSyntax.quote(key)), Operator:\"Exists\", Value:\(GoSyntax.quote(value)), "
                    + "Effect:\(GoSyntax.quote(effect)), TolerationSeconds:\(secondsText)}"
                errors.append(.invalid("\(path()).operator", .go(struct_), "value must be empty when `operator` is 'Exists'"))
            }
        default:
            errors.append(.notSupported("\(path()).operator", .string(op), ["Equal", "Exists"]))
        }
        if !effect.isEmpty, effect != "NoSchedule", effect != "PreferNoSchedule", effect != "NoExecute" {
            errors.append(.notSupported("\(path()).effect", .string(effect), ["NoSchedule", "PreferNoSchedule", "NoExecute"]))
        }
        return errors
    }

}
