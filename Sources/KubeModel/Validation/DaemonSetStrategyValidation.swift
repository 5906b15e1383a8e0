/// `ValidateDaemonSetUpdateStrategy` / `ValidateRollingUpdateDaemonSet` (apps/validation): an
/// IntOrString each, not more than 100%, and exactly one of maxSurge and maxUnavailable non-zero.
extension Validation {
    static func daemonSetStrategyErrors(_ strategy: JSONValue?) -> [FieldError] {
        guard strategy?["type"]?.stringValue == "RollingUpdate" else { return [] }
        let path = "spec.updateStrategy.rollingUpdate"
        guard let rolling = strategy?["rollingUpdate"], !rolling.isNull else { return [.required(path)] }
        var errors: [FieldError] = []
        errors += positiveIntOrPercent(rolling["maxUnavailable"], "\(path).maxUnavailable")
        errors += positiveIntOrPercent(rolling["maxSurge"], "\(path).maxSurge")
        errors += notMoreThan100Percent(rolling["maxUnavailable"], "\(path).maxUnavailable")
        errors += notMoreThan100Percent(rolling["maxSurge"], "\(path).maxSurge")
        let hasUnavailable = intOrPercentValue(rolling["maxUnavailable"]) != 0
        let hasSurge = intOrPercentValue(rolling["maxSurge"]) != 0
        if hasUnavailable, hasSurge {
            errors.append(.invalid("\(path).maxSurge", intOrString(rolling["maxSurge"]), "may not be set when maxUnavailable is non-zero"))
        } else if !hasUnavailable, !hasSurge {
            errors.append(.required("\(path).maxUnavailable", "cannot be 0 when maxSurge is 0"))
        }
        return errors
    }

    /// An IntOrString as Go's `%#v` prints it (its `String()` has a pointer receiver, so errors show the struct).
    static func intOrString(_ value: JSONValue?) -> BadValue {
        if let text = value?.stringValue { return .go("intstr.IntOrString{Type:1, IntVal:0, StrVal:\(GoSyntax.quote(text))}") }
        return .go("intstr.IntOrString{Type:0, IntVal:\(value?.intValue ?? 0), StrVal:\"\"}")
    }

    /// `getIntOrPercentValue`: the number, or a valid percentage's number, else 0.
    static func intOrPercentValue(_ value: JSONValue?) -> Int {
        if let number = value?.intValue { return number }
        guard let text = value?.stringValue, text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return 0 }
        return percent
    }

    /// `ValidatePositiveIntOrPercent`.
    static func positiveIntOrPercent(_ value: JSONValue?, _ field: String) -> [FieldError] {
        guard let value else { return [] }
        if let text = value.stringValue {
            let digits = text.dropLast()
            guard text.hasSuffix("%"), !digits.isEmpty, digits.allSatisfy(\.isASCII), Int(digits) != nil,
                  digits.allSatisfy(\.isNumber) else {
                return [.invalid(field, intOrString(value), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")]
            }
            return []
        }
        if let number = value.intValue, number < 0 {
            return [.invalid(field, .int(number), "must be greater than or equal to 0")]
        }
        return []
    }

    /// `IsNotMoreThan100Percent`.
    static func notMoreThan100Percent(_ value: JSONValue?, _ field: String) -> [FieldError] {
        guard let text = value?.stringValue, text.hasSuffix("%"), let percent = Int(text.dropLast()), percent > 100 else { return [] }
        return [.invalid(field, intOrString(value), "must not be greater than 100%")]
    }
}
