/// Resource quantities as the scheduler counts them: CPU in millicores, the rest in units,
/// rounded up as `resource.Quantity`'s `MilliValue()` and `Value()` do.
enum Quantities {
    /// `100m` → 100, `1` → 1000, `0.5` → 500; 0 for text that is not a quantity.
    static func milli(_ text: String) -> Int64 { scaled(text, by: 1000) }

    /// `70Mi` → 73400320, `1G` → 1000000000, `128974848` → itself; 0 for text that is not a quantity.
    static func units(_ text: String) -> Int64 { scaled(text, by: 1) }

    private static let suffixes: [String: Double] = [
        "": 1, "n": 1e-9, "u": 1e-6, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776,
        "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976,
    ]

    private static func scaled(_ text: String, by factor: Double) -> Int64 {
        var number = Substring(text)
        var suffix = Substring("")
        if let index = text.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "+" || $0 == "-")) }) {
            number = text[..<index]
            suffix = text[index...]
        }
        guard let value = Double(number) else { return 0 }
        var multiplier: Double
        if let known = suffixes[String(suffix)] {
            multiplier = known
        } else if let first = suffix.first, first == "e" || first == "E", let exponent = Int(suffix.dropFirst()),
                  abs(exponent) < 30 {
            multiplier = 1
            for _ in 0..<abs(exponent) { multiplier = exponent > 0 ? multiplier * 10 : multiplier / 10 }
        } else {
            return 0
        }
        let raw = value * multiplier * factor
        // Binary floating point makes 0.1 × 1000 = 100.00000000000001: only a real fraction rounds up.
        let nearest = raw.rounded()
        let result = abs(raw - nearest) <= 1e-9 * max(1, abs(raw)) ? nearest : raw.rounded(.up)
        guard result.isFinite, result < 9e18, result > -9e18 else { return result > 0 ? Int64.max : 0 }
        return Int64(result)
    }
}
