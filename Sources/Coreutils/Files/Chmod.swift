import CommandKit
import NodeFS

/// `chmod [-R] [-v|-c|-f] MODE[,MODE]... FILE...` and `--reference=RFILE`.
let chmodCommand = Command("chmod") { inv in
    // A mode like `-w` looks like an option: GNU treats `-rwxXstugo` letters as a mode.
    var arguments: [String] = []
    var modeWord: String?
    for word in inv.operands {
        if modeWord == nil, word.count > 1, word.hasPrefix("-"), word.dropFirst().allSatisfy({ "rwxXstugoa=+-,".contains($0) }),
           word.dropFirst().contains(where: { "rwxXst".contains($0) }) {
            modeWord = word
        } else {
            arguments.append(word)
        }
    }
    let specs = [OptionSpec("R", "recursive"), OptionSpec("v", "verbose"), OptionSpec("c", "changes"),
                 OptionSpec("f", "silent"), OptionSpec(nil, "quiet", key: "silent"),
                 OptionSpec(nil, "reference", argument: .required), OptionSpec(nil, "preserve-root"),
                 OptionSpec(nil, "no-preserve-root")] + standardOptionSpecs
    let options: ParsedOptions
    do throws(OptionError) {
        options = try parseOptions(arguments[...], specs)
    } catch {
        inv.usageFailure(error.message)
        return 1
    }
    if inv.handledStandardOptions(options, usage: "chmod [OPTION]... MODE[,MODE]... FILE...\n  or:  chmod [OPTION]... OCTAL-MODE FILE...\n  or:  chmod [OPTION]... --reference=RFILE FILE...",
                                  summary: "Change the mode of each FILE to MODE.") { return 0 }
    var operands = options.operands[...]
    var change: ModeChange
    if let reference = options.value("reference") {
        guard let info = try? inv.fileSystem.info(inv.resolvedPath(reference)) else {
            inv.error("failed to get attributes of \(Quoting.always(reference)): No such file or directory")
            return 1
        }
        change = ModeChange(octal: info.mode)
    } else {
        guard let word = modeWord ?? operands.popFirst() else {
            inv.usageFailure("missing operand")
            return 1
        }
        guard let parsed = ModeChange.parse(word) else {
            inv.usageFailure("invalid mode: \(Quoting.locale(word))")
            return 1
        }
        change = parsed
        if operands.isEmpty {
            inv.usageFailure("missing operand after \(Quoting.locale(word))")
            return 1
        }
    }
    guard !operands.isEmpty else {
        inv.usageFailure("missing operand")
        return 1
    }
    let verbose = options.has("verbose")
    let changes = options.has("changes")
    let silent = options.has("silent")
    var status: Int32 = 0
    func process(_ display: String, _ absolute: String, _ info: FileInfo) {
        if info.isSymlink { return }  // chmod never changes a symlink met while recursing
        let old = info.mode
        let new = change.apply(to: old, isDirectory: info.isDirectory)
        do throws(FSError) {
            if new != old { try inv.fileSystem.setMode(absolute, new) }
        } catch {
            if !silent { inv.error("changing permissions of \(Quoting.always(display)): \(error.message)") }
            status = 1
            return
        }
        func describe(_ mode: UInt16) -> String {
            let octal = String(mode, radix: 8)
            return String(repeating: "0", count: max(0, 4 - octal.count)) + octal
                + " (\(permissionString(mode)))"
        }
        if new != old && (verbose || changes) {
            inv.stdout.line("mode of \(Quoting.always(display)) changed from \(describe(old)) to \(describe(new))")
        } else if new == old && verbose {
            inv.stdout.line("mode of \(Quoting.always(display)) retained as \(describe(old))")
        }
    }
    for operand in operands {
        let absolute = inv.resolvedPath(operand)
        let info: FileInfo
        do throws(FSError) {
            info = try inv.fileSystem.info(absolute)
        } catch {
            if !silent { inv.error("cannot access \(Quoting.always(operand)): \(error.message)") }
            status = 1
            continue
        }
        if options.has("recursive") {
            TreeWalk(fileSystem: inv.fileSystem).walk(from: operand, absolute: absolute, info: info) { event in
                if case .visit(let entry) = event { process(entry.path, entry.absolute, entry.info) }
                return .proceed
            }
        } else {
            process(operand, absolute, info)
        }
    }
    return status
}

/// `rwxr-xr-x` for a mode, with setuid/setgid/sticky letters, as `chmod -v` shows it.
func permissionString(_ mode: UInt16) -> String {
    func bit(_ mask: UInt16, _ c: Character) -> Character { mode & mask != 0 ? c : "-" }
    func exec(_ execMask: UInt16, _ specialMask: UInt16, _ set: Character, _ unset: Character) -> Character {
        switch (mode & execMask != 0, mode & specialMask != 0) {
        case (true, true): set
        case (false, true): unset
        case (true, false): "x"
        case (false, false): "-"
        }
    }
    return String([
        bit(0o400, "r"), bit(0o200, "w"), exec(0o100, 0o4000, "s", "S"),
        bit(0o040, "r"), bit(0o020, "w"), exec(0o010, 0o2000, "s", "S"),
        bit(0o004, "r"), bit(0o002, "w"), exec(0o001, 0o1000, "t", "T"),
    ])
}
