/// Service checks (`ValidateService`) and the cron schedule check of CronJobs.
extension Validation {
    static let serviceTypes = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]

    static func serviceErrors(_ spec: JSONValue) -> [FieldError] {
        var errors: [FieldError] = []
        let type = spec["type"]?.stringValue ?? "ClusterIP"
        let ports = spec["ports"]?.arrayValue ?? []
        let headless = spec["clusterIP"]?.stringValue == "None"
        if type != "ExternalName" && !headless && ports.isEmpty {
            errors.append(.required("spec.ports"))
        }
        if type == "ExternalName" && (spec["externalName"]?.stringValue ?? "").isEmpty {
            errors.append(.required("spec.externalName"))
        }
        var names: Set<String> = []
        for (i, port) in ports.enumerated() {
            let at = "spec.ports[\(i)]"
            let name = port["name"]?.stringValue ?? ""
            if ports.count > 1 && name.isEmpty {
                errors.append(.required("\(at).name"))
            } else if !name.isEmpty {
                errors += NameRules.dns1123Label(name).map { .invalid("\(at).name", .string(name), $0) }
                if !names.insert(name).inserted { errors.append(.duplicate("\(at).name", .string(name))) }
            }
            let number = port["port"]?.intValue ?? 0
            if !(1...65535).contains(number) {
                errors.append(.invalid("\(at).port", .int(number), "must be between 1 and 65535, inclusive"))
            }
            if let proto = port["protocol"]?.stringValue, !protocols.contains(proto) {
                errors.append(.notSupported("\(at).protocol", .string(proto), protocols))
            }
            switch port["targetPort"] {
            case .int(let target)? where !(1...65535).contains(target):
                errors.append(.invalid("\(at).targetPort", .int(target), "must be between 1 and 65535, inclusive"))
            case .string(let target)?:
                errors += portNameErrors(target).map { .invalid("\(at).targetPort", .string(target), $0) }
            default: break
            }
            if let nodePort = port["nodePort"]?.intValue, nodePort != 0 {
                if type == "ClusterIP" {
                    errors.append(.forbidden("\(at).nodePort", "may not be used when `type` is 'ClusterIP'"))
                } else if !(1...65535).contains(nodePort) {
                    errors.append(.invalid("\(at).nodePort", .int(nodePort), "must be between 1 and 65535, inclusive"))
                }
            }
        }
        if !serviceTypes.contains(type) {
            errors.append(.notSupported("spec.type", .string(type), serviceTypes))
        }
        errors += NameRules.validateLabels(spec["selector"]?.objectValue, field: "spec.selector")
        return errors
    }
}

/// The five-field cron syntax `robfig/cron` accepts (plus `@every`/`@hourly` style descriptors).
enum CronSchedule {
    static func isValid(_ schedule: String) -> Bool {
        let trimmed = schedule.trimmingSpaces
        if trimmed.hasPrefix("@") {
            return ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"].contains(trimmed)
                || trimmed.hasPrefix("@every ")
        }
        let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count == 5 else { return false }
        let ranges = [0...59, 0...23, 1...31, 1...12, 0...7]
        return zip(fields, ranges).allSatisfy { field, range in
            field.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { part in
                let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
                guard pieces.count <= 2, let base = pieces.first else { return false }
                if pieces.count == 2, Int(pieces[1]) == nil { return false }
                if base == "*" || base == "?" { return true }
                let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
                return bounds.count <= 2 && bounds.allSatisfy { Int($0).map(range.contains) ?? isName($0) }
            }
        }
    }

    static func isName(_ s: Substring) -> Bool {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                     "sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        return names.contains(s.lowercased())
    }

    /// robfig/cron's parse error (the common case: wrong field count).
    static func error(_ schedule: String) -> String {
        let count = schedule.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
        if count != 5 { return "expected exactly 5 fields, found \(count): [\(schedule.split(separator: " ").joined(separator: " "))]" }
        return "unparseable schedule"
    }
}
