import CommandKit
import SimKit

/// Believable, fixed facts about a lab VM: 2 CPUs, 4 GiB of memory, a 20 GiB disk.
enum MachineFacts {
    /// When every node booted: 47 minutes before the world's clock starts.
    static let bootTime: Int64 = SimClock.defaultStart - 47 * 60 * 1_000_000_000
    /// KiB: total, used, free, shared, buff/cache, available.
    static let memory: [Int] = [4_015_888, 1_160_532, 412_020, 4_160, 2_443_336, 2_855_356]
    /// Source, 1K-blocks, used, available, mount point.
    static let filesystems: [(String, Int, Int, Int, String)] = [
        ("tmpfs", 401_592, 1_084, 400_508, "/run"),
        ("/dev/vda1", 20_134_592, 7_345_124, 12_773_084, "/"),
        ("tmpfs", 2_007_944, 0, 2_007_944, "/dev/shm"),
        ("tmpfs", 5_120, 0, 5_120, "/run/lock"),
        ("/dev/vda15", 106_858, 6_186, 100_672, "/boot/efi"),
        ("tmpfs", 401_588, 12, 401_576, "/run/user/0"),
    ]
}

/// `uptime` — time since boot, from the simulated clock.
let uptimeCommand = Command("uptime") { inv in
    let specs = [OptionSpec("p", "pretty"), OptionSpec("s", "since"), OptionSpec("h", "help"), OptionSpec("V", "version")]
    guard let options = inv.parse(specs) else { return 1 }
    let now = inv.clock.now
    let up = max(0, (now - MachineFacts.bootTime) / 1_000_000_000)
    if options.has("since") {
        inv.stdout.line(TimeFormat.format("%Y-%m-%d %H:%M:%S", CivilTime(nanoseconds: MachineFacts.bootTime)))
        return 0
    }
    let days = up / 86_400
    let hours = up / 3600 % 24
    let minutes = up / 60 % 60
    if options.has("pretty") {
        var parts: [String] = []
        if days > 0 { parts.append("\(days) day" + (days == 1 ? "" : "s")) }
        if hours > 0 { parts.append("\(hours) hour" + (hours == 1 ? "" : "s")) }
        if minutes > 0 || parts.isEmpty { parts.append("\(minutes) minute" + (minutes == 1 ? "" : "s")) }
        inv.stdout.line("up " + parts.joined(separator: ", "))
        return 0
    }
    var line = " " + TimeFormat.format("%H:%M:%S", CivilTime(nanoseconds: now)) + " up "
    if days > 0 { line += "\(days) day" + (days == 1 ? "" : "s") + ", " }
    if hours > 0 {
        line += (hours < 10 ? " " : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes), "
    } else {
        line += "\(minutes) min, "
    }
    line += " 1 user,  load average: 0.08, 0.12, 0.10"
    inv.stdout.line(line)
    return 0
}

/// `free [-b|-k|-m|-g|-h] [-w] [-t]` — the VM's memory.
let freeCommand = Command("free") { inv in
    let specs = [OptionSpec("b", "bytes"), OptionSpec("k", "kibi"), OptionSpec("m", "mebi"), OptionSpec("g", "gibi"),
                 OptionSpec(nil, "kilo"), OptionSpec(nil, "mega"), OptionSpec(nil, "giga"),
                 OptionSpec("h", "human"), OptionSpec("w", "wide"), OptionSpec("t", "total"),
                 OptionSpec(nil, "si"), OptionSpec(nil, "help"), OptionSpec("V", "version")]
    guard let options = inv.parse(specs) else { return 1 }
    let unit = options.options.last { ["bytes", "kibi", "mebi", "gibi", "human"].contains($0.key) }?.key ?? "kibi"
    func show(_ kib: Int) -> String {
        switch unit {
        case "bytes": String(kib * 1024)
        case "mebi": String(kib / 1024)
        case "gibi": String(kib / 1024 / 1024)
        case "human": humanMemory(kib)
        default: String(kib)
        }
    }
    func pad(_ text: String) -> String { String(repeating: " ", count: max(0, 12 - text.count)) + text }
    let m = MachineFacts.memory
    inv.stdout.line("        " + ["total", "used", "free", "shared", "buff/cache", "available"].map(pad).joined())
    inv.stdout.line("Mem:    " + m.map { pad(show($0)) }.joined())
    inv.stdout.line("Swap:   " + [0, 0, 0].map { pad(show($0)) }.joined())
    if options.has("total") {
        inv.stdout.line("Total:  " + [m[0], m[1], m[2]].map { pad(show($0)) }.joined())
    }
    return 0
}

/// procps' `-h` figures: `3.8Gi`, `379Mi`, `0B`.
private func humanMemory(_ kib: Int) -> String {
    if kib == 0 { return "0B" }
    let units = ["Ki", "Mi", "Gi", "Ti", "Pi"]
    var value = Double(kib)
    for unit in units {
        if value < 1024 || unit == "Pi" {
            return value < 10 ? cFormatDouble("%.1f", value) + unit : String(Int(value.rounded())) + unit
        }
        value /= 1024
    }
    return "\(kib)Ki"
}

/// `df [-h] [-T] [FILE]...` — the VM's mounted filesystems.
let dfCommand = Command("df") { inv in
    let specs = [OptionSpec("h", "human-readable"), OptionSpec("H", "si"), OptionSpec("T", "print-type"),
                 OptionSpec("a", "all"), OptionSpec("k"), OptionSpec("l", "local"), OptionSpec("P", "portability"),
                 OptionSpec("x", "exclude-type", argument: .required), OptionSpec("t", "type", argument: .required),
                 OptionSpec("i", "inodes")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "df [OPTION]... [FILE]...",
                                  summary: "Show information about the file system on which each FILE resides,\nor all file systems by default.") { return 0 }
    var rows = MachineFacts.filesystems
    var status: Int32 = 0
    if !options.operands.isEmpty {
        rows = []
        for operand in options.operands {
            guard let path = try? inv.fileSystem.canonicalPath(inv.resolvedPath(operand)) else {
                inv.error("\(operand): No such file or directory")
                status = 1
                continue
            }
            let mount = MachineFacts.filesystems.filter { path == $0.4 || path.hasPrefix($0.4 == "/" ? "/" : $0.4 + "/") }
                .max { $0.4.count < $1.4.count }
            if let mount { rows.append(mount) }
        }
        if rows.isEmpty { return status }
    }
    let human = options.has("human-readable")
    var table: [[String]] = [["Filesystem"] + (options.has("print-type") ? ["Type"] : [])
                             + (human ? ["Size", "Used", "Avail"] : ["1K-blocks", "Used", "Available"]) + ["Use%", "Mounted on"]]
    for (source, size, used, available, mount) in rows {
        let percent = used + available == 0 ? "-" : "\((used * 100 + used + available - 1) / (used + available))%"
        let figures = [size, used, available].map { human ? HumanSize.format($0 * 1024) : String($0) }
        table.append([source] + (options.has("print-type") ? [source.hasPrefix("/dev/") ? (mount == "/boot/efi" ? "vfat" : "ext4") : "tmpfs"] : [])
                     + figures + [percent, mount])
    }
    let columns = table[0].count
    var widths = (0..<columns).map { column in table.map { $0[column].count }.max() ?? 0 }
    widths[0] = max(widths[0], 14)
    // GNU's minimum widths: 5 for the figures, 4 ("Use%") for the percentage.
    for column in 1..<(columns - 1) where !(options.has("print-type") && column == 1) {
        widths[column] = max(widths[column], column == columns - 2 ? 4 : 5)
    }
    for row in table {
        var line = ""
        for (column, cell) in row.enumerated() {
            let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
            let leftAligned = column == 0 || column == columns - 1 || (options.has("print-type") && column == 1)
            if column > 0 { line += " " }
            line += column == columns - 1 ? cell : leftAligned ? cell + padding : padding + cell
        }
        inv.stdout.line(line)
    }
    return status
}
