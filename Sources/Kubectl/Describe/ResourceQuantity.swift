/// A resource quantity as apimachinery's `resource.Quantity` prints it (`String()` is the
/// canonical form: `500m`, `2`, `128Mi`, `1G`), held in thousandths, which covers every request
/// and capacity a lab node has.
struct ResourceQuantity: Equatable {
    enum Format { case decimalSI, binarySI, decimalExponent }

    /// The amount in thousandths of a unit (Go's MilliValue, rounded up).
    var millis: Int64
    var format: Format

    static let zero = ResourceQuantity(millis: 0, format: .decimalSI)

    init(millis: Int64, format: Format) {
        self.millis = millis
        self.format = format
    }

    private static let binarySuffixes: [(String, Int64)] = [
        ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40), ("Pi", 1 << 50), ("Ei", 1 << 60),
    ]
    private static let decimalSuffixes: [(String, Int)] = [
        ("n", -9), ("u", -6), ("m", -3), ("", 0), ("k", 3), ("M", 6), ("G", 9), ("T", 12), ("P", 15), ("E", 18),
    ]

    /// Parses `100m`, `1.5Gi`, `2`, `1e3`; nil when the text is not a quantity.
    init?(_ text: String) {
        // The number is [sign] digits [. digits]; everything after it is the suffix.
        let scalars = Array(text.unicodeScalars)
        var split = 0
        if split < scalars.count, scalars[split] == "-" || scalars[split] == "+" { split += 1 }
        while split < scalars.count, ("0"..."9").contains(scalars[split]) || scalars[split] == "." { split += 1 }
        var number = Substring(String(String.UnicodeScalarView(scalars[0..<split])))
        let suffix = String(String.UnicodeScalarView(scalars[split...]))
        // `1e3`: the exponent stays with the suffix.
        var exponent = 0
        var format = Format.decimalSI
        var multiplier: Int64 = 1
        if let binary = Self.binarySuffixes.first(where: { $0.0 == suffix }) {
            multiplier = binary.1
            format = .binarySI
        } else if let decimal = Self.decimalSuffixes.first(where: { $0.0 == suffix }) {
            exponent = decimal.1
        } else if let first = suffix.first, first == "e" || first == "E", let value = Int(suffix.dropFirst()) {
            exponent = value
            format = .decimalExponent
        } else {
            return nil
        }
        var negative = false
        if number.first == "-" || number.first == "+" {
            negative = number.first == "-"
            number = number.dropFirst()
        }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !number.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            parts.contains(where: { !$0.isEmpty })
        else { return nil }
        let digits = String(parts[0]) + (parts.count == 2 ? String(parts[1]) : "")
        exponent -= parts.count == 2 ? parts[1].count : 0
        // value = digits × 10^exponent × multiplier, in thousandths, rounded up.
        var value: Int64 = 0
        for digit in digits.utf8 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(digit - 48))
            guard !o1, !o2 else { return nil }
            value = s
        }
        var scale = exponent + 3
        var result = value
        var overflow = false
        while scale > 0 {
            let (m, o) = result.multipliedReportingOverflow(by: 10)
            overflow = overflow || o
            result = m
            scale -= 1
        }
        var remainder = false
        while scale < 0 {
            if result % 10 != 0 { remainder = true }
            result /= 10
            scale += 1
        }
        if remainder { result += 1 }
        let (total, o) = result.multipliedReportingOverflow(by: multiplier)
        guard !overflow, !o else { return nil }
        millis = negative ? -total : total
        self.format = format
    }

    static func + (a: ResourceQuantity, b: ResourceQuantity) -> ResourceQuantity {
        ResourceQuantity(millis: a.millis &+ b.millis, format: a.format)
    }

    /// Go's `Value()`: whole units, rounded up.
    var value: Int64 { millis >= 0 ? (millis + 999) / 1000 : millis / 1000 }

    /// The canonical text (`Quantity.String()`).
    var description: String {
        if millis == 0 { return "0" }
        var format = self.format
        if format == .binarySI, millis % 1000 != 0 || (millis / 1000 > -1024 && millis / 1000 < 1024) {
            format = .decimalSI
        }
        switch format {
        case .binarySI:
            var v = millis / 1000
            var index = -1
            while index + 1 < Self.binarySuffixes.count, v % 1024 == 0, v != 0 {
                v /= 1024
                index += 1
            }
            return "\(v)" + (index >= 0 ? Self.binarySuffixes[index].0 : "")
        case .decimalSI, .decimalExponent:
            var v = millis
            var exponent = -3
            while v % 1000 == 0, exponent < 18 {
                v /= 1000
                exponent += 3
            }
            if format == .decimalExponent { return exponent == 0 ? "\(v)" : "\(v)e\(exponent)" }
            let suffix = Self.decimalSuffixes.first { $0.1 == exponent }?.0 ?? ""
            return "\(v)\(suffix)"
        }
    }
}
