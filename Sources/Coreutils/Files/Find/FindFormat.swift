import CommandKit
import NodeFS

/// `-printf` directives and `-ls` lines for one entry.
struct FindFormat {
    let run: FindRun
    let entry: FindRun.Entry

    private var accounts: Accounts { Accounts(fileSystem: run.inv.fileSystem) }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func expand(_ format: String) -> String {
        var out = ""
        var characters = Array(format)[...]
        let info = entry.info
        while let c = characters.popFirst() {
            if c == "\\" {
                guard let next = characters.popFirst() else { out += "\\"; break }
                switch next {
                case "n": out += "\n"
                case "t": out += "\t"
                case "0": out += "\0"
                case "\\": out += "\\"
                case "a": out += "\u{07}"
                case "r": out += "\r"
                case "c": return out
                default: out += "\\" + String(next)
                }
                continue
            }
            guard c == "%" else { out.append(c); continue }
            var flags = ""
            while let f = characters.first, "-+ #0".contains(f) { flags.append(f); characters.removeFirst() }
            var width = ""
            while let d = characters.first, d.isASCII, d.isNumber { width.append(d); characters.removeFirst() }
            guard let directive = characters.popFirst() else { out += "%"; break }
            let value: String
            switch directive {
            case "%": value = "%"
            case "p": value = entry.path
            case "f":
                value = entry.depth == 0 ? Path.basename(entry.path) : String(entry.path.split(separator: "/").last ?? "")
            case "h":
                let path = entry.path
                if let slash = path.lastIndex(of: "/") {
                    value = slash == path.startIndex ? "" : String(path[..<slash])
                } else {
                    value = "."
                }
            case "P":
                var rest = Substring(entry.path.dropFirst(entry.start.count))
                if rest.hasPrefix("/") { rest = rest.dropFirst() }
                value = String(rest)
            case "H": value = entry.start
            case "s": value = String(info.size)
            case "m": value = String(info.mode & 0o7777, radix: 8)
            case "M": value = info.modeString
            case "u": value = accounts.userName(info.uid)
            case "g": value = accounts.groupName(info.gid)
            case "U": value = String(info.uid)
            case "G": value = String(info.gid)
            case "d": value = String(entry.depth)
            case "y": value = String(FindRun.typeLetter(info))
            case "Y": value = String(FindRun.typeLetter((try? run.inv.fileSystem.info(entry.absolute)) ?? info))
            case "l": value = info.symlinkTarget ?? ""
            case "n": value = String(info.linkCount)
            case "i": value = String(FakeInode.number(run.inv.fileSystem, entry.absolute))
            case "k": value = String(info.kilobytes)
            case "b": value = String(info.kilobytes * 2)
            case "D": value = String(FakeInode.deviceMajor * 256 + FakeInode.deviceMinor)
            case "F": value = "ext4"
            case "a", "c", "t":
                value = TimeFormat.format("%a %b %e %H:%M:%S.%N0 %Y", CivilTime(nanoseconds: info.modificationTime))
            case "A", "C", "T":
                guard let key = characters.popFirst() else { value = ""; break }
                let time = CivilTime(nanoseconds: info.modificationTime)
                switch key {
                case "@":
                    let (seconds, nanos) = CivilTime.split(info.modificationTime)
                    let fraction = String(nanos)
                    value = "\(seconds)." + String(repeating: "0", count: 9 - fraction.count) + fraction + "0"
                case "+": value = TimeFormat.format("%Y-%m-%d+%H:%M:%S.%N0", time)
                default: value = TimeFormat.format("%" + String(key), time)
                }
            default:
                value = "%" + String(directive)
            }
            let target = Int(width) ?? 0
            let padding = String(repeating: " ", count: max(0, target - value.count))
            out += flags.contains("-") ? value + padding : padding + value
        }
        return out
    }

    /// `-ls`: `ls -dils` style.
    func listing() -> String {
        let info = entry.info
        let inode = String(FakeInode.number(run.inv.fileSystem, entry.absolute))
        func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        func left(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        let now = run.inv.clock.now
        let sixMonths: Int64 = 31_556_952 / 2 * 1_000_000_000
        let recent = info.modificationTime <= now && info.modificationTime > now - sixMonths
        let date = TimeFormat.format(recent ? "%b %e %H:%M" : "%b %e  %Y", CivilTime(nanoseconds: info.modificationTime))
        var line = right(inode, 9) + " " + right(String(info.kilobytes), 6) + " " + info.modeString + " "
        line += right(String(info.linkCount), 3) + " " + left(accounts.userName(info.uid), 8) + " "
        line += left(accounts.groupName(info.gid), 8) + " " + right(String(info.size), 8) + " " + date + " " + entry.path
        if let target = info.symlinkTarget { line += " -> " + target }
        return line + "\n"
    }
}
