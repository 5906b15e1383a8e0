import CommandKit

/// `sleep NUMBER[smhd]...` — waits the sum of the intervals in simulated time.
let sleepCommand = Command("sleep") { inv in
    guard let options = inv.parse(standardOptionSpecs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION",
                                  summary: "Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),\n'm' for minutes, 'h' for hours or 'd' for days.") { return 0 }
    guard !options.operands.isEmpty else {
        inv.usageFailure("missing operand")
        return 1
    }
    var total = 0.0
    var valid = true
    for operand in options.operands {
        guard let seconds = Interval.seconds(operand) else {
            inv.error("invalid time interval \(Quoting.locale(operand))")
            valid = false
            continue
        }
        total += seconds
    }
    guard valid else {
        inv.stderr.line("Try 'sleep --help' for more information.")
        return 1
    }
    // `sleep infinity` would never return; a day is as long as anyone waits in a lab.
    inv.clock.sleep(seconds: min(total, 86_400))
    return 0
}

/// Durations as `sleep` and `timeout` read them: a decimal (or hex) number and a unit.
enum Interval {
    static func seconds(_ text: String) -> Double? {
        var body = Substring(text)
        var multiplier = 1.0
        if let last = body.last, "smhd".contains(last) {
            multiplier = last == "m" ? 60 : last == "h" ? 3600 : last == "d" ? 86_400 : 1
            body = body.dropLast()
        }
        let trimmed = body.drop { $0 == " " || $0 == "\t" }
        if trimmed.lowercased() == "inf" || trimmed.lowercased() == "infinity" { return .infinity }
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "+" || $0 == "e" || $0 == "E" || $0 == "-") }),
              let value = Double(trimmed), value >= 0, value.isFinite else { return nil }
        return value * multiplier
    }
}
