import CommandKit
import NodeFS

/// `date [-u] [-d STRING] [-r FILE] [-R|-I[FMT]|--rfc-3339=FMT] [+FORMAT]` — the simulated clock, in UTC.
let dateCommand = Command("date") { inv in
    let specs = [OptionSpec("d", "date", argument: .required), OptionSpec("u", "utc"), OptionSpec(nil, "universal", key: "utc"),
                 OptionSpec("R", "rfc-email"), OptionSpec("I", "iso-8601", argument: .optional),
                 OptionSpec(nil, "rfc-3339", argument: .required), OptionSpec("r", "reference", argument: .required),
                 OptionSpec("s", "set", argument: .required), OptionSpec("f", "file", argument: .required),
                 OptionSpec(nil, "debug")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "date [OPTION]... [+FORMAT]\n  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]",
                                  summary: "Display date and time in the given FORMAT.") { return 0 }
    var format = "%a %b %e %H:%M:%S %Z %Y"
    var operands = options.operands[...]
    if let first = operands.first, first.hasPrefix("+") {
        format = String(first.dropFirst())
        operands.removeFirst()
    }
    if let extra = operands.first {
        if operands.count > 1 {
            inv.usageFailure("extra operand \(Quoting.locale(operands[operands.startIndex + 1]))")
        } else if options.operands.first?.hasPrefix("+") ?? false || options.has("date") {
            inv.usageFailure("extra operand \(Quoting.locale(extra))")
        } else {
            inv.error("invalid date \(Quoting.locale(extra))")
        }
        return 1
    }
    let styles = ["rfc-email", "iso-8601", "rfc-3339"].filter(options.has)
    if styles.count + (options.operands.first?.hasPrefix("+") ?? false ? 1 : 0) > 1 {
        inv.error("multiple output formats specified")
        return 1
    }
    if options.has("rfc-email") { format = "%a, %d %b %Y %H:%M:%S %z" }
    if options.has("iso-8601") {
        switch options.value("iso-8601") ?? "date" {
        case "date": format = "%Y-%m-%d"
        case "hours": format = "%Y-%m-%dT%H%:z"
        case "minutes": format = "%Y-%m-%dT%H:%M%:z"
        case "seconds": format = "%Y-%m-%dT%H:%M:%S%:z"
        case "ns": format = "%Y-%m-%dT%H:%M:%S,%N%:z"
        case let other:
            inv.error("invalid argument \(Quoting.locale(other)) for \(Quoting.locale("--iso-8601"))")
            inv.stderr.line("Valid arguments are:\n  - ‘hours’\n  - ‘minutes’\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’")
            inv.stderr.line("Try 'date --help' for more information.")
            return 1
        }
    }
    if let style = options.value("rfc-3339") {
        switch style {
        case "date": format = "%Y-%m-%d"
        case "seconds": format = "%Y-%m-%d %H:%M:%S%:z"
        case "ns": format = "%Y-%m-%d %H:%M:%S.%N%:z"
        default:
            inv.error("invalid argument \(Quoting.locale(style)) for \(Quoting.locale("--rfc-3339"))")
            inv.stderr.line("Valid arguments are:\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’")
            inv.stderr.line("Try 'date --help' for more information.")
            return 1
        }
    }
    var moment = inv.clock.now
    if let reference = options.value("reference") {
        do throws(FSError) {
            moment = try inv.fileSystem.info(inv.resolvedPath(reference)).modificationTime
        } catch {
            inv.error("\(reference): \(error.message)")
            return 1
        }
    }
    if let text = options.value("date") ?? options.value("set") {
        guard let parsed = DateParser(now: inv.clock.now).parse(text) else {
            inv.error("invalid date \(Quoting.locale(text))")
            return 1
        }
        moment = parsed
    }
    if let file = options.value("file") {
        let text: String
        do throws(FSError) {
            text = file == "-" ? String(decoding: inv.stdin, as: UTF8.self) : try inv.fileSystem.readText(inv.resolvedPath(file))
        } catch {
            inv.error("\(file): \(error.message)")
            return 1
        }
        var status: Int32 = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            if let parsed = DateParser(now: inv.clock.now).parse(String(line)) {
                inv.stdout.line(TimeFormat.format(format, CivilTime(nanoseconds: parsed)))
            } else {
                inv.error("invalid date \(Quoting.locale(String(line)))")
                status = 1
            }
        }
        return status
    }
    inv.stdout.line(TimeFormat.format(format, CivilTime(nanoseconds: moment)))
    return 0
}
