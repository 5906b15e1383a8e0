/// A cut-style list of positions: `1,3-5,7-`, `-3`; positions count from 1.
struct RangeList {
    /// Inclusive ranges, sorted and merged; `upper` is Int.max for an open end.
    private(set) var ranges: [ClosedRange<Int>] = []

    enum Failure: Error {
        case numberedFromOne
        case decreasing
        case invalidValue(String)
        case invalidRange
        case noEndpoint
    }

    init(_ text: String) throws(Failure) {
        var parsed: [ClosedRange<Int>] = []
        for item in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
            let parts = item.split(separator: "-", omittingEmptySubsequences: false)
            switch parts.count {
            case 1:
                let value = try RangeList.number(parts[0], whole: item)
                parsed.append(value...value)
            case 2:
                if parts[0].isEmpty && parts[1].isEmpty { throw .noEndpoint }
                let low = parts[0].isEmpty ? 1 : try RangeList.number(parts[0], whole: item)
                let high = parts[1].isEmpty ? Int.max : try RangeList.number(parts[1], whole: item)
                if high < low { throw .decreasing }
                parsed.append(low...high)
            default:
                throw .invalidRange
            }
        }
        parsed.sort { $0.lowerBound < $1.lowerBound }
        for range in parsed {
            if let last = ranges.last, range.lowerBound <= (last.upperBound == Int.max ? Int.max : last.upperBound + 1) {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
    }

    private static func number(_ text: Substring, whole: Substring) throws(Failure) -> Int {
        if text.isEmpty { throw .numberedFromOne }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .invalidValue(String(whole)) }
        let value = Int(text) ?? Int.max
        if value == 0 { throw .numberedFromOne }
        return value
    }

    func contains(_ position: Int) -> Bool {
        ranges.contains { $0.contains(position) }
    }
}
