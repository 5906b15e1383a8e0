/// apimachinery's name and label rules (`pkg/util/validation/validation.go`) with their messages.
public enum NameRules {
    static let dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
    static let dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
    static let dns1035LabelMessage =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
    static let qualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let labelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let dns1123LabelRegex = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    static let dns1123SubdomainRegex = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"
    static let dns1035LabelRegex = "[a-z]([-a-z0-9]*[a-z0-9])?"
    static let qualifiedNameRegex = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"

    /// `validation.RegexError`: the message, examples and the regex.
    public static func regexError(_ message: String, _ regex: String, _ examples: [String]) -> String {
        if examples.isEmpty { return message + " (regex used for validation is '" + regex + "')" }
        var text = message + " (e.g. "
        for (i, example) in examples.enumerated() {
            if i > 0 { text += " or " }
            text += "'" + example + "', "
        }
        return text + "regex used for validation is '" + regex + "')"
    }

    public static func maxLenError(_ length: Int) -> String { "must be no more than \(length) characters" }

    private static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
    private static func isAlnum(_ c: UInt8) -> Bool { isLowerAlnum(c) || (c >= 65 && c <= 90) }

    static func matchesDNS1123Label(_ s: some Collection<UInt8>) -> Bool {
        guard let first = s.first, let last = s.reversed().first else { return false }
        return isLowerAlnum(first) && isLowerAlnum(last) && s.allSatisfy { isLowerAlnum($0) || $0 == 45 }
    }

    /// `IsDNS1123Label`: the messages for a bad RFC 1123 label (namespace names).
    public static func dns1123Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(maxLenError(63)) }
        if !matchesDNS1123Label(value.utf8) {
            errors.append(regexError(dns1123LabelMessage, dns1123LabelRegex, ["my-name", "123-abc"]))
        }
        return errors
    }

    /// `IsDNS1123Subdomain`: the messages for a bad RFC 1123 subdomain (most object names).
    public static func dns1123Subdomain(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 253 { errors.append(maxLenError(253)) }
        let parts = value.utf8.split(separator: 46, omittingEmptySubsequences: false)
        if !parts.allSatisfy({ matchesDNS1123Label($0) }) {
            errors.append(regexError(dns1123SubdomainMessage, dns1123SubdomainRegex, ["example.com"]))
        }
        return errors
    }

    /// `IsDNS1035Label`: the messages for a bad DNS-1035 label (service names).
    public static func dns1035Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(maxLenError(63)) }
        let bytes = Array(value.utf8)
        let ok = matchesDNS1123Label(bytes) && bytes.first.map { $0 >= 97 && $0 <= 122 } == true
        if !ok { errors.append(regexError(dns1035LabelMessage, dns1035LabelRegex, ["my-name", "abc-123"])) }
        return errors
    }

    static func matchesQualifiedName(_ s: some Collection<UInt8>) -> Bool {
        guard let first = s.first, let last = s.reversed().first else { return false }
        return isAlnum(first) && isAlnum(last) && s.allSatisfy { isAlnum($0) || $0 == 45 || $0 == 95 || $0 == 46 }
    }

    /// `IsQualifiedName`: label keys and annotation keys (`[prefix/]name`).
    public static func qualifiedName(_ value: String) -> [String] {
        isQualifiedName(value) ? [] : qualifiedNameErrors(value)
    }

    /// `IsQualifiedName`'s messages, the long way (`qualifiedName` comes here only for a bad name).
    static func qualifiedNameErrors(_ value: String) -> [String] {
        var errors: [String] = []
        // Bytes, as Go's strings.Split: every label and toleration key of every pod comes here.
        let parts = value.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let name: Substring.UTF8View
        switch parts.count {
        case 1: name = parts[0]
        case 2:
            let prefix = parts[0]
            name = parts[1]
            if prefix.isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                errors += dns1123Subdomain(String(Substring(prefix))).map { "prefix part " + $0 }
            }
        default:
            return ["a qualified name " + regexError(qualifiedNameMessage, qualifiedNameRegex, ["MyName", "my.name", "123-abc"])
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.count > 63 {
            errors.append("name part " + maxLenError(63))
        }
        if !matchesQualifiedName(name) {
            errors.append("name part " + regexError(qualifiedNameMessage, qualifiedNameRegex, ["MyName", "my.name", "123-abc"]))
        }
        return errors
    }

    /// Whether `value` is a valid qualified name, in one pass over its bytes: every label key and
    /// toleration key of every pod is checked, and almost all are valid (the messages for a bad
    /// one are worked out the long way).
    static func isQualifiedName(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            let slash = bytes.firstIndex(of: UInt8(ascii: "/"))
            let name = UnsafeBufferPointer(rebasing: bytes[(slash.map { $0 + 1 } ?? 0)...])
            guard name.count <= 63, matchesQualifiedName(name), !name.contains(UInt8(ascii: "/")) else { return false }
            guard let slash else { return true }
            let prefix = UnsafeBufferPointer(rebasing: bytes[..<slash])
            guard prefix.count <= 253 else { return false }
            var start = 0
            for index in 0...prefix.count where index == prefix.count || prefix[index] == UInt8(ascii: ".") {
                guard matchesDNS1123Label(UnsafeBufferPointer(rebasing: prefix[start..<index])) else { return false }
                start = index + 1
            }
            return true
        }
    }

    /// `IsValidLabelValue`.
    public static func labelValue(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(maxLenError(63)) }
        if !value.isEmpty && !matchesQualifiedName(value.utf8) {
            errors.append(regexError(labelValueMessage, "(" + qualifiedNameRegex + ")?", ["MyValue", "my_value", "12345"]))
        }
        return errors
    }

    /// `ValidateLabels`: every key and value of `metadata.labels`-like maps, keys in order.
    public static func validateLabels(_ labels: JSONObject?, field: @autoclosure () -> String) -> [FieldError] {
        guard let labels else { return [] }
        var errors: [FieldError] = []
        for key in labels.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            errors += qualifiedName(key).map { .invalid(field(), .string(key), $0) }
            let value = labels[key]?.stringValue ?? ""
            errors += labelValue(value).map { .invalid(field(), .string(value), $0) }
        }
        return errors
    }
}
