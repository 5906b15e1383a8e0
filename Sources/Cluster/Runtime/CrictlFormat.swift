/// crictl's table and text helpers: its tab writer, docker/go-units' durations and sizes.
enum CrictlFormat {
    /// `text/tabwriter` with crictl's settings (minwidth 20, padding 3); the last cell is not padded.
    static func table(_ rows: [[String]]) -> String {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.dropLast().enumerated() {
                let width = max(20, cell.count + 3)
                if index < widths.count { widths[index] = max(widths[index], width) } else { widths.append(width) }
            }
        }
        var text = ""
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index == row.count - 1 {
                    text += cell
                } else {
                    text += cell + String(repeating: " ", count: max(0, widths[index] - cell.count))
                }
            }
            text += "\n"
        }
        return text
    }

    /// go-units' HumanDuration plus " ago": `Less than a second ago`, `About a minute ago`, `3 hours ago`.
    static func ago(_ nanoseconds: Int64) -> String {
        let seconds = nanoseconds / 1_000_000_000
        let text: String
        if seconds < 1 {
            text = "Less than a second"
        } else if seconds == 1 {
            text = "1 second"
        } else if seconds < 60 {
            text = "\(seconds) seconds"
        } else if seconds / 60 == 1 {
            text = "About a minute"
        } else if seconds / 60 < 60 {
            text = "\(seconds / 60) minutes"
        } else {
            // math.Round(d.Hours())
            let hours = (nanoseconds + 1_800_000_000_000) / 3_600_000_000_000
            if hours == 1 {
                text = "About an hour"
            } else if hours < 48 {
                text = "\(hours) hours"
            } else if hours < 24 * 7 * 2 {
                text = "\(hours / 24) days"
            } else if hours < 24 * 30 * 2 {
                text = "\(hours / 24 / 7) weeks"
            } else if hours < 24 * 365 * 2 {
                text = "\(hours / 24 / 30) months"
            } else {
                text = "\(nanoseconds / 3_600_000_000_000 / 24 / 365) years"
            }
        }
        return text + " ago"
    }

    /// go-units' HumanSizeWithPrecision(size, 3): `%.3g` of the size in decimal units (`4.27MB`, `320kB`).
    static func size(_ bytes: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return threeSignificant(value) + units[unit]
    }

    /// Go's `%.3g` for 0 ≤ value < 1000 (no exponent needed there).
    private static func threeSignificant(_ value: Double) -> String {
        let digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        var rounded = (value * scale).rounded(.toNearestOrEven) / scale
        if rounded >= 1000 { rounded = 999 }
        var text = String(Int(rounded))
        if digits > 0 {
            let fraction = Int(((rounded - Double(Int(rounded))) * scale).rounded())
            var fractionText = String(fraction)
            fractionText = String(repeating: "0", count: max(0, digits - fractionText.count)) + fractionText
            while fractionText.hasSuffix("0") { fractionText.removeLast() }
            if !fractionText.isEmpty { text += "." + fractionText }
        }
        return text
    }

    /// getTruncatedID: the first 13 characters after `prefix`.
    static func truncated(_ id: String, prefix: String = "") -> String {
        let rest = id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : id
        return String(rest.prefix(13))
    }
}
