/// `DescribeEvents`: the `Events:` table (or `Events:  <none>`), sorted by last time seen.
enum DescribeEvents {
    static func write(_ events: [DValue], _ w: DescribeWriter, now: Int64) {
        guard !events.isEmpty else {
            w.write(0, "Events:\t<none>\n")
            return
        }
        w.flush()
        let ordered = events.enumerated().sorted { a, b in
            let ta = lastSeen(a.element), tb = lastSeen(b.element)
            return ta == tb ? a.offset < b.offset : ta < tb
        }.map(\.element)
        w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n")
        w.write(1, "----\t------\t----\t----\t-------\n")
        for event in ordered {
            let eventTime = event["eventTime"].string
            let first = eventTime.isEmpty ? DescribeTime.since(event["firstTimestamp"].string, now: now)
                : DescribeTime.since(eventTime, now: now)
            var interval = first
            if event["series"].exists {
                interval = "\(DescribeTime.since(event["series", "lastObservedTime"].string, now: now)) (x\(event["series", "count"].int) over \(first))"
            } else if event["count"].int > 1 {
                interval = "\(DescribeTime.since(event["lastTimestamp"].string, now: now)) (x\(event["count"].int) over \(first))"
            }
            var source = event["source", "component"].string
            if source.isEmpty { source = event["reportingComponent"].string }
            // 1.32 prints the message alone (the `fieldPath: ` prefix came in a later release).
            let message = trimSpace(event["message"].string)
            w.write(1, "\(event["type"].string)\t\(event["reason"].string)\t\(interval)\t\(source)\t\(message)\n")
        }
    }

    /// Go's strings.TrimSpace.
    static func trimSpace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }

    /// `SortableEvents`: by lastTimestamp (eventTime for new-style events).
    private static func lastSeen(_ event: DValue) -> Int64 {
        let text = event["lastTimestamp"].string.isEmpty ? event["eventTime"].string : event["lastTimestamp"].string
        return RFC3339.seconds(text) ?? Int64.min
    }
}
