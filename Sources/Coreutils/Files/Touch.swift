import CommandKit
import NodeFS

/// `touch [-c] [-a|-m] [-d DATE|-t STAMP|-r FILE] FILE...` — creates files, sets times from the
/// simulated clock.
let touchCommand = Command("touch") { inv in
    let specs = [OptionSpec("a"), OptionSpec("m"), OptionSpec("c", "no-create"), OptionSpec("f"),
                 OptionSpec("h", "no-dereference"), OptionSpec("d", "date", argument: .required),
                 OptionSpec("t", argument: .required), OptionSpec("r", "reference", argument: .required),
                 OptionSpec(nil, "time", argument: .required)] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "touch [OPTION]... FILE...",
                                  summary: "Update the access and modification times of each FILE to the current time.") { return 0 }
    var time = inv.clock.now
    if let reference = options.value("reference") {
        do throws(FSError) {
            time = try inv.fileSystem.info(inv.resolvedPath(reference)).modificationTime
        } catch {
            inv.error("failed to get attributes of \(Quoting.always(reference)): \(error.message)")
            return 1
        }
    }
    if let text = options.value("date") {
        guard let parsed = DateParser(now: inv.clock.now).parse(text) else {
            inv.error("invalid date format \(Quoting.locale(text))")
            return 1
        }
        time = parsed
    }
    if let stamp = options.value("t") {
        guard let parsed = parseStamp(stamp, now: inv.clock.now) else {
            inv.error("invalid date format \(Quoting.locale(stamp))")
            return 1
        }
        time = parsed
    }
    guard !options.operands.isEmpty else {
        inv.usageFailure("missing file operand")
        return 1
    }
    // Only the access time changes with -a alone: the lab keeps no access times.
    let setsModification = !options.has("a") || options.has("m")
    var status: Int32 = 0
    for operand in options.operands {
        if operand == "-" { continue }
        let absolute = inv.resolvedPath(operand)
        do throws(FSError) {
            if (try? inv.fileSystem.info(absolute)) == nil {
                if options.has("no-create") { continue }
                if options.has("no-dereference"), (try? inv.fileSystem.info(absolute, followSymlinks: false)) != nil { continue }
                try inv.fileSystem.writeFile(absolute, [], append: true, mode: 0o644)
            }
            if setsModification { try inv.fileSystem.setModificationTime(absolute, time) }
        } catch {
            inv.error("cannot touch \(Quoting.always(operand)): \(error.message)")
            status = 1
        }
    }
    return status
}

/// `[[CC]YY]MMDDhhmm[.ss]`.
private func parseStamp(_ stamp: String, now: Int64) -> Int64? {
    let parts = stamp.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let main = parts.first, main.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    var digits = Array(main).map { Int(String($0)) ?? 0 }
    var second = 0
    if parts.count == 2 {
        guard parts[1].count == 2, let value = Int(parts[1]), value <= 60 else { return nil }
        second = value
    }
    var year = CivilTime(nanoseconds: now).year
    switch digits.count {
    case 8: break
    case 10:
        let yy = digits[0] * 10 + digits[1]
        year = Int64(yy < 69 ? 2000 + yy : 1900 + yy)
        digits.removeFirst(2)
    case 12:
        year = Int64(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3])
        digits.removeFirst(4)
    default: return nil
    }
    let month = digits[0] * 10 + digits[1]
    let day = digits[2] * 10 + digits[3]
    let hour = digits[4] * 10 + digits[5]
    let minute = digits[6] * 10 + digits[7]
    guard (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year, month), hour < 24, minute < 60 else { return nil }
    return CivilTime.seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second) * 1_000_000_000
}
