import KubeModel

/// The small formatters every describer shares (describe.go's print*Multiline helpers,
/// `labels.FormatLabels`, `metav1.FormatLabelSelector`, RFC 1123Z times).
enum DescribeFormat {
    /// Annotations kubectl never shows (`skipAnnotations`).
    static let skippedAnnotations: Set<String> = ["kubectl.kubernetes.io/last-applied-configuration"]
    static let maxAnnotationLength = 140

    /// Go's sort.Strings order (bytes).
    static func sorted(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// `printLabelsMultilineWithIndent`: `Title:<inner>k=v` then one line per further label.
    static func labels(_ w: DescribeWriter, _ title: String, _ labels: [String: String],
                       initialIndent: String = "", innerIndent: String = "\t") {
        w.write(0, "\(initialIndent)\(title):\(innerIndent)")
        guard !labels.isEmpty else { return w.line("<none>") }
        for (i, key) in sorted(labels.keys).enumerated() {
            if i != 0 {
                w.write(0, initialIndent)
                w.write(0, innerIndent)
            }
            w.write(0, "\(key)=\(labels[key] ?? "")\n")
        }
    }

    /// `printAnnotationsMultiline`: long or multi-line values go on their own indented lines.
    static func annotations(_ w: DescribeWriter, _ title: String, _ annotations: [String: String]) {
        w.write(0, "\(title):\t")
        let keys = sorted(annotations.keys.filter { !skippedAnnotations.contains($0) })
        guard !keys.isEmpty else { return w.line("<none>") }
        let indent = "\t"
        for (i, key) in keys.enumerated() {
            if i != 0 { w.write(0, indent) }
            var value = annotations[key] ?? ""
            if value.hasSuffix("\n") { value.removeLast() }
            if value.utf8.count + key.utf8.count + 2 > maxAnnotationLength || value.contains("\n") {
                w.write(0, "\(key):\n")
                for part in value.split(separator: "\n", omittingEmptySubsequences: false) {
                    w.write(0, "\(indent)  \(shorten(String(part), maxAnnotationLength - 2))\n")
                }
            } else {
                w.write(0, "\(key): \(value)\n")
            }
        }
    }

    /// Cuts at `maxLength` bytes and appends `...`.
    static func shorten(_ text: String, _ maxLength: Int) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > maxLength else { return text }
        return String(decoding: bytes[0..<maxLength], as: UTF8.self) + "..."
    }

    /// `printTaintsMultilineWithIndent`, sorted by effect then key.
    static func taints(_ w: DescribeWriter, _ title: String, _ taints: [DValue]) {
        w.write(0, "\(title):\t")
        guard !taints.isEmpty else { return w.line("<none>") }
        let ordered = taints.sorted {
            ($0["effect"].string + "," + $0["key"].string).utf8.lexicographicallyPrecedes(($1["effect"].string + "," + $1["key"].string).utf8)
        }
        for (i, taint) in ordered.enumerated() {
            if i != 0 { w.write(0, "\t") }
            w.write(0, taintString(taint) + "\n")
        }
    }

    /// `Taint.ToString`: `key=value:Effect` (value and `=` omitted when empty).
    static func taintString(_ taint: DValue) -> String {
        let value = taint["value"].string
        return value.isEmpty ? "\(taint["key"].string):\(taint["effect"].string)"
            : "\(taint["key"].string)=\(value):\(taint["effect"].string)"
    }

    /// `printTolerationsMultilineWithIndent`, sorted (stably) by key.
    static func tolerations(_ w: DescribeWriter, _ title: String, _ tolerations: [DValue], initialIndent: String = "") {
        w.write(0, "\(initialIndent)\(title):\t")
        guard !tolerations.isEmpty else { return w.line("<none>") }
        let ordered = tolerations.enumerated().sorted {
            $0.element["key"].string == $1.element["key"].string ? $0.offset < $1.offset
                : $0.element["key"].string.utf8.lexicographicallyPrecedes($1.element["key"].string.utf8)
        }.map(\.element)
        for (i, toleration) in ordered.enumerated() {
            if i != 0 {
                w.write(0, initialIndent)
                w.write(0, "\t")
            }
            var text = toleration["key"].string
            let value = toleration["value"].string
            let effect = toleration["effect"].string
            if !value.isEmpty { text += "=" + value }
            if !effect.isEmpty { text += ":" + effect }
            if toleration["operator"].string == "Exists", value.isEmpty {
                text += toleration["key"].string.isEmpty && effect.isEmpty ? "op=Exists" : " op=Exists"
            }
            if let seconds = toleration["tolerationSeconds"].intOrNil { text += " for \(seconds)s" }
            w.write(0, text + "\n")
        }
    }

    /// `labels.FormatLabels`: `k=v,k2=v2` sorted, `<none>` when empty.
    static func formatLabels(_ labels: [String: String]) -> String {
        labels.isEmpty ? "<none>" : sorted(labels.keys).map { "\($0)=\(labels[$0] ?? "")" }.joined(separator: ",")
    }

    /// A `labels.Selector` printed with `%s` (`LabelSelectorAsSelector(...).String()`): "" when empty.
    static func selector(_ selector: DValue) -> String {
        guard selector.exists else { return "" }
        switch LabelSelector.fromObject(selector.raw) {
        case .success(let parsed): return parsed.description
        case .failure: return ""
        }
    }

    /// `metav1.FormatLabelSelector`: the selector, `<none>` when it selects by nothing.
    static func formatLabelSelector(_ value: DValue) -> String {
        guard value.exists else { return "<none>" }
        switch LabelSelector.fromObject(value.raw) {
        case .success(let parsed):
            let text = parsed.description
            return text.isEmpty ? "<none>" : text
        case .failure: return "<error>"
        }
    }

    /// `printBool`: `True` / `False`.
    static func bool(_ value: Bool) -> String { value ? "True" : "False" }

    /// `printBoolPtr`: `<unset>` when nil.
    static func boolPointer(_ value: DValue) -> String {
        value.boolOrNil.map(bool) ?? "<unset>"
    }

    /// `stringOrNone`.
    static func orNone(_ text: String) -> String { text.isEmpty ? "<none>" : text }

    /// Go's `%v` of a []string: `[a b]`.
    static func goList(_ items: [String]) -> String { "[" + items.joined(separator: " ") + "]" }
}

/// Times as describe prints them.
enum DescribeTime {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `time.RFC1123Z` in UTC (`Mon, 05 Jan 2026 09:00:00 +0000`); Go's zero time when absent.
    static func rfc1123z(_ timestamp: String?) -> String {
        guard let timestamp, let seconds = RFC3339.seconds(timestamp) else { return "Mon, 01 Jan 0001 00:00:00 +0000" }
        return rfc1123z(seconds: seconds)
    }

    static func rfc1123z(seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (y, m, d) = RFC3339.civil(days)
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let month = months[Int(max(1, min(12, m))) - 1]
        return "\(weekday), \(two(d)) \(month) \(y) \(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60)) +0000"
    }

    /// `translateTimestampSince`: `<unknown>` for an absent time.
    static func since(_ timestamp: String?, now: Int64) -> String {
        guard let timestamp, !timestamp.isEmpty else { return "<unknown>" }
        return HumanDuration.age(of: timestamp, now: now)
    }
}
