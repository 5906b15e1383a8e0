import CommandKit
import NodeFS

/// `stat [-L] [-c FORMAT|--printf FORMAT] [-t] FILE...` — GNU's default layout and directives.
/// Access, change and birth times are the modification time (NodeFS keeps only that one).
let statCommand = Command("stat") { inv in
    let specs = [OptionSpec("L", "dereference"), OptionSpec("c", "format", argument: .required),
                 OptionSpec(nil, "printf", argument: .required), OptionSpec("t", "terse"),
                 OptionSpec("f", "file-system"), OptionSpec(nil, "cached", argument: .required)] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "stat [OPTION]... FILE...", summary: "Display file or file system status.") { return 0 }
    guard !options.operands.isEmpty else {
        inv.usageFailure("missing operand")
        return 1
    }
    let follow = options.has("dereference")
    var status: Int32 = 0
    for operand in options.operands {
        let absolute = inv.resolvedPath(operand)
        let info: FileInfo
        do throws(FSError) {
            info = try inv.fileSystem.info(absolute, followSymlinks: follow)
        } catch {
            inv.error("cannot statx \(Quoting.always(operand)): \(error.message)")
            status = 1
            continue
        }
        let file = StatFile(inv: inv, operand: operand, absolute: absolute, info: info)
        if let format = options.value("printf") {
            inv.stdout.write(file.expand(format, escapes: true))
        } else if let format = options.value("format") {
            inv.stdout.write(file.expand(format, escapes: false) + "\n")
        } else if options.has("terse") {
            inv.stdout.write(file.expand("%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o", escapes: false) + "\n")
        } else {
            let device = info.kind == .characterDevice ? "Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: 1,3"
                : "Device: %Hd,%Ld\tInode: %-11i Links: %h"
            let layout = "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n\(device)\n"
                + "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
                + "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n"
            inv.stdout.write(file.expand(layout, escapes: false, plainName: true))
        }
    }
    return status
}

/// One file's fields, expanded into a stat format.
private struct StatFile {
    let inv: Invocation
    let operand: String
    let absolute: String
    let info: FileInfo

    var typeName: String {
        switch info.kind {
        case .regular: info.size == 0 ? "regular empty file" : "regular file"
        case .directory: "directory"
        case .symlink: "symbolic link"
        case .characterDevice: "character special file"
        }
    }

    var timestamp: String {
        TimeFormat.format("%Y-%m-%d %H:%M:%S.%N %z", CivilTime(nanoseconds: info.modificationTime))
    }

    func expand(_ format: String, escapes: Bool, plainName: Bool = false) -> String {
        let accounts = Accounts(fileSystem: inv.fileSystem)
        var out = ""
        var characters = Array(format)[...]
        while let c = characters.popFirst() {
            if c == "\\" && escapes, let next = characters.first {
                characters.removeFirst()
                let (bytes, _) = Escapes.expand(Array("\\\(next)".utf8), octalNeedsZero: false)
                out += String(decoding: bytes, as: UTF8.self)
                continue
            }
            guard c == "%" else {
                out.append(c)
                continue
            }
            var flags = ""
            while let f = characters.first, "-+ #0".contains(f) { flags.append(f); characters.removeFirst() }
            var width = ""
            while let d = characters.first, d.isASCII, d.isNumber { width.append(d); characters.removeFirst() }
            var precision: String?
            if characters.first == "." {
                characters.removeFirst()
                var digits = ""
                while let d = characters.first, d.isASCII, d.isNumber { digits.append(d); characters.removeFirst() }
                precision = digits
            }
            var modifier: Character?
            if let m = characters.first, m == "H" || m == "L" { modifier = m; characters.removeFirst() }
            guard let directive = characters.popFirst() else {
                out += "%" + flags + width
                break
            }
            let seconds = CivilTime.split(info.modificationTime).seconds
            let value: String
            var numeric = true
            switch directive {
            case "%": out += "%"; continue
            case "n": value = operand; numeric = false
            case "N":
                numeric = false
                let name = plainName ? operand : Quoting.always(operand)
                if info.isSymlink, let target = info.symlinkTarget {
                    value = name + " -> " + (plainName ? target : Quoting.always(target))
                } else {
                    value = name
                }
            case "s": value = String(info.size)
            case "b": value = String(info.kilobytes * 2)
            case "B": value = "512"
            case "o": value = "4096"
            case "a": value = String(info.mode & 0o7777, radix: 8)
            case "A": value = info.modeString; numeric = false
            case "f": value = String(UInt32(info.mode) | kindBits, radix: 16); numeric = false
            case "F": value = typeName; numeric = false
            case "u": value = String(info.uid)
            case "U": value = accounts.userName(info.uid); numeric = false
            case "g": value = String(info.gid)
            case "G": value = accounts.groupName(info.gid); numeric = false
            case "h": value = String(info.linkCount)
            case "i": value = String(FakeInode.number(inv.fileSystem, absolute))
            case "d":
                switch modifier {
                case "H": value = String(FakeInode.deviceMajor)
                case "L": value = String(FakeInode.deviceMinor)
                default: value = String(FakeInode.deviceMajor * 256 + FakeInode.deviceMinor)
                }
            case "D": value = String(FakeInode.deviceMajor * 256 + FakeInode.deviceMinor, radix: 16); numeric = false
            case "r", "R": value = info.kind == .characterDevice ? "259" : "0"
            case "t": value = info.kind == .characterDevice ? "1" : "0"; numeric = false
            case "T": value = info.kind == .characterDevice ? "3" : "0"; numeric = false
            case "m": value = "/"; numeric = false
            case "x", "y", "z", "w": value = timestamp; numeric = false
            case "X", "Y", "Z", "W": value = String(seconds)
            case "C": value = "?"; numeric = false
            default:
                out += "?"
                continue
            }
            out += pad(value, flags: flags, width: Int(width) ?? 0, precision: numeric ? nil : precision.flatMap { Int($0) },
                       zeroPad: numeric && flags.contains("0"))
        }
        return out
    }

    private var kindBits: UInt32 {
        switch info.kind {
        case .regular: 0o100000
        case .directory: 0o040000
        case .symlink: 0o120000
        case .characterDevice: 0o020000
        }
    }

    private func pad(_ text: String, flags: String, width: Int, precision: Int?, zeroPad: Bool) -> String {
        var body = text
        if let precision { body = String(body.prefix(precision)) }
        guard body.count < width else { return body }
        let padding = String(repeating: zeroPad && !flags.contains("-") ? "0" : " ", count: width - body.count)
        return flags.contains("-") ? body + padding : padding + body
    }
}
