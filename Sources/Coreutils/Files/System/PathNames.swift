import CommandKit
import NodeFS

/// `basename NAME [SUFFIX]`, `basename -a|-s SUFFIX NAME...` — strips directory and suffix.
let basenameCommand = Command("basename") { inv in
    let specs = [OptionSpec("a", "multiple"), OptionSpec("s", "suffix", argument: .required),
                 OptionSpec("z", "zero")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "basename NAME [SUFFIX]\n  or:  basename OPTION... NAME...",
                                  summary: "Print NAME with any leading directory components removed.") { return 0 }
    var names = options.operands
    var suffix = options.value("suffix")
    let multiple = options.has("multiple") || suffix != nil
    guard !names.isEmpty else {
        inv.usageFailure("missing operand")
        return 1
    }
    if !multiple {
        if names.count > 2 {
            inv.usageFailure("extra operand \(Quoting.locale(names[2]))")
            return 1
        }
        if names.count == 2 { suffix = names.removeLast() }
    }
    let terminator = options.has("zero") ? "\0" : "\n"
    for name in names {
        var base = Path.basename(name)
        if let suffix, !suffix.isEmpty, base != suffix, base.hasSuffix(suffix), !name.allSatisfy({ $0 == "/" }) {
            base = String(base.dropLast(suffix.count))
        }
        inv.stdout.write(base + terminator)
    }
    return 0
}

/// `dirname NAME...` — strips the last component.
let dirnameCommand = Command("dirname") { inv in
    guard let options = inv.parse([OptionSpec("z", "zero")] + standardOptionSpecs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "dirname [OPTION] NAME...",
                                  summary: "Output each NAME with its last non-slash component and trailing slashes\nremoved; if NAME contains no /'s, output '.' (meaning the current directory).") { return 0 }
    guard !options.operands.isEmpty else {
        inv.usageFailure("missing operand")
        return 1
    }
    let terminator = options.has("zero") ? "\0" : "\n"
    for name in options.operands {
        inv.stdout.write((name.isEmpty ? "." : Path.dirname(name)) + terminator)
    }
    return 0
}

/// `pwd [-LP]` — /usr/bin/pwd: physical by default; `-L` trusts `$PWD` when it names this directory.
let pwdCommand = Command("pwd") { inv in
    guard let options = inv.parse([OptionSpec("L", "logical"), OptionSpec("P", "physical")] + standardOptionSpecs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "pwd [OPTION]...",
                                  summary: "Print the full filename of the current working directory.") { return 0 }
    if !options.operands.isEmpty {
        inv.error("ignoring non-option arguments")
    }
    let logical = options.options.last { $0.key == "logical" || $0.key == "physical" }?.key == "logical"
    let physical = (try? inv.fileSystem.canonicalPath(inv.workingDirectory)) ?? inv.workingDirectory
    if logical, let pwd = inv.environment["PWD"], pwd.hasPrefix("/"),
       !Path.components(pwd).contains(where: { $0 == "." || $0 == ".." }),
       (try? inv.fileSystem.canonicalPath(pwd)) == physical {
        inv.stdout.line(pwd)
    } else {
        inv.stdout.line(physical)
    }
    return 0
}

/// `readlink [-f|-e|-m] [-n] FILE...` — a symlink's target, or the canonical path.
let readlinkCommand = Command("readlink") { inv in
    let specs = [OptionSpec("f", "canonicalize"), OptionSpec("e", "canonicalize-existing"),
                 OptionSpec("m", "canonicalize-missing"), OptionSpec("n", "no-newline"),
                 OptionSpec("q", "quiet"), OptionSpec("s", "silent"), OptionSpec("v", "verbose"),
                 OptionSpec("z", "zero")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "readlink [OPTION]... FILE...",
                                  summary: "Print value of a symbolic link or canonical file name") { return 0 }
    guard !options.operands.isEmpty else {
        inv.usageFailure("missing operand")
        return 1
    }
    let mode = options.options.last { ["canonicalize", "canonicalize-existing", "canonicalize-missing"].contains($0.key) }?.key
    let verbose = options.options.last { ["quiet", "silent", "verbose"].contains($0.key) }?.key == "verbose"
    var noNewline = options.has("no-newline")
    if noNewline && options.operands.count > 1 {
        inv.error("ignoring --no-newline with multiple arguments")
        noNewline = false
    }
    var status: Int32 = 0
    for operand in options.operands {
        let result: String?
        do throws(FSError) {
            switch mode {
            case nil: result = try inv.fileSystem.readLink(inv.resolvedPath(operand))
            case "canonicalize-existing": result = try inv.fileSystem.canonicalPath(inv.resolvedPath(operand))
            default: result = Canonical.resolve(inv, operand, missingAllowed: mode == "canonicalize-missing" ? .all : .last)
            }
        } catch {
            if verbose { inv.error("\(operand): \(error.message)") }
            result = nil
        }
        guard let result else {
            status = 1
            continue
        }
        inv.stdout.write(result + (noNewline ? "" : options.has("zero") ? "\0" : "\n"))
    }
    return status
}

/// `realpath [-e|-m] [-s] FILE...` — canonical absolute names.
let realpathCommand = Command("realpath") { inv in
    let specs = [OptionSpec("e", "canonicalize-existing"), OptionSpec("m", "canonicalize-missing"),
                 OptionSpec("L", "logical"), OptionSpec("P", "physical"), OptionSpec("q", "quiet"),
                 OptionSpec("s", "strip"), OptionSpec(nil, "no-symlinks", key: "strip"),
                 OptionSpec("z", "zero"), OptionSpec(nil, "relative-to", argument: .required),
                 OptionSpec(nil, "relative-base", argument: .required)] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "realpath [OPTION]... FILE...",
                                  summary: "Print the resolved absolute file name;\nall but the last component must exist") { return 0 }
    guard !options.operands.isEmpty else {
        inv.usageFailure("missing operand")
        return 1
    }
    let mode = options.options.last { ["canonicalize-existing", "canonicalize-missing"].contains($0.key) }?.key
    var status: Int32 = 0
    for operand in options.operands {
        if operand.isEmpty {
            if !options.has("quiet") { inv.error("'': No such file or directory") }
            status = 1
            continue
        }
        var result: String?
        if options.has("strip") {
            result = Path.normalize(inv.path(operand))
        } else if mode == "canonicalize-existing" {
            do throws(FSError) {
                result = try inv.fileSystem.canonicalPath(inv.resolvedPath(operand))
            } catch {
                if !options.has("quiet") { inv.error("\(Quoting.ifNeeded(operand)): \(error.message)") }
            }
        } else {
            result = Canonical.resolve(inv, operand, missingAllowed: mode == nil ? .last : .all)
            if result == nil, !options.has("quiet") {
                let reason = Canonical.failure(inv, operand)
                inv.error("\(Quoting.ifNeeded(operand)): \(reason.message)")
            }
        }
        guard let result else {
            status = 1
            continue
        }
        inv.stdout.write(result + (options.has("zero") ? "\0" : "\n"))
    }
    return status
}

/// `canonicalize_filename_mode` for `readlink -f/-m` and `realpath`.
enum Canonical {
    enum Missing { case last, all }

    static func resolve(_ inv: Invocation, _ operand: String, missingAllowed: Missing) -> String? {
        guard !operand.isEmpty else { return nil }
        let absolute = inv.path(operand)
        if let existing = try? inv.fileSystem.canonicalPath(absolute) { return existing }
        // Resolve the longest existing prefix, then append the rest lexically.
        var components = Path.components(absolute)
        var tail: [String] = []
        var hops = 0
        while !components.isEmpty {
            hops += 1
            if hops > 4096 { return nil }
            let prefix = "/" + components.joined(separator: "/")
            if let info = try? inv.fileSystem.info(prefix, followSymlinks: false), info.isSymlink,
               (try? inv.fileSystem.info(prefix)) == nil {
                // A dangling symlink: follow its target textually.
                guard let target = try? inv.fileSystem.readLink(prefix) else { return nil }
                let parent = "/" + components.dropLast().joined(separator: "/")
                components = Path.components(Path.join(parent, target))
                continue
            }
            if let base = try? inv.fileSystem.canonicalPath(prefix) {
                if let info = try? inv.fileSystem.info(base), !info.isDirectory, !tail.isEmpty,
                   missingAllowed == .last { return nil }
                if missingAllowed == .last && tail.count > 1 { return nil }
                return fold(base, tail)
            }
            tail.insert(components.removeLast(), at: 0)
        }
        if missingAllowed == .last && tail.count > 1 { return nil }
        return fold("/", tail)
    }

    private static func fold(_ base: String, _ tail: [String]) -> String {
        Path.normalize(base + "/" + tail.joined(separator: "/"))
    }

    /// Why `resolve` failed, as the error to print.
    static func failure(_ inv: Invocation, _ operand: String) -> FSError {
        var components = Path.components(inv.path(operand))
        while !components.isEmpty {
            components.removeLast()
            let prefix = "/" + components.joined(separator: "/")
            if let info = try? inv.fileSystem.info(prefix) {
                return info.isDirectory ? .noSuchFile : .notADirectory
            }
        }
        return .noSuchFile
    }
}
