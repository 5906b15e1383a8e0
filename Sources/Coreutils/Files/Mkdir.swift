import CommandKit
import NodeFS

/// `mkdir [-p] [-m MODE] [-v] DIRECTORY...`
let mkdirCommand = Command("mkdir") { inv in
    let specs = [OptionSpec("p", "parents"), OptionSpec("m", "mode", argument: .required),
                 OptionSpec("v", "verbose"), OptionSpec("Z"), OptionSpec(nil, "context", argument: .optional)] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "mkdir [OPTION]... DIRECTORY...",
                                  summary: "Create the DIRECTORY(ies), if they do not already exist.") { return 0 }
    guard !options.operands.isEmpty else {
        inv.usageFailure("missing operand")
        return 1
    }
    var mode: UInt16 = 0o755
    if let text = options.value("mode") {
        guard let parsed = ModeChange.parse(text) else {
            inv.error("invalid mode \(Quoting.locale(text))")
            return 1
        }
        mode = parsed.apply(to: 0o777, isDirectory: true, umask: 0o022)
    }
    let verbose = options.has("verbose")
    var status: Int32 = 0
    for operand in options.operands {
        let absolute = inv.resolvedPath(operand)
        if options.has("parents") {
            // Create each missing ancestor, reporting each with -v as GNU does.
            let components = Path.components(operand)
            var prefix = operand.hasPrefix("/") ? "/" : ""
            var failed = false
            for (index, component) in components.enumerated() {
                prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
                let isLast = index == components.count - 1
                let path = inv.resolvedPath(prefix)
                if let info = try? inv.fileSystem.info(path) {
                    if info.isDirectory { continue }
                    inv.error("cannot create directory \(Quoting.locale(prefix)): \(isLast ? "File exists" : "Not a directory")")
                    failed = true
                    break
                }
                do throws(FSError) {
                    try inv.fileSystem.createDirectory(path, mode: isLast ? mode : 0o755)
                    if isLast, options.has("mode") { try inv.fileSystem.setMode(path, mode) }
                    if verbose { inv.stdout.line("mkdir: created directory \(Quoting.always(prefix))") }
                } catch {
                    inv.error("cannot create directory \(Quoting.locale(prefix)): \(error.message)")
                    failed = true
                    break
                }
            }
            if failed { status = 1 }
            continue
        }
        do throws(FSError) {
            try inv.fileSystem.createDirectory(absolute, mode: mode)
            if options.has("mode") { try inv.fileSystem.setMode(absolute, mode) }
            if verbose { inv.stdout.line("mkdir: created directory \(Quoting.always(operand))") }
        } catch {
            inv.error("cannot create directory \(Quoting.locale(operand)): \(error.message)")
            status = 1
        }
    }
    return status
}

/// `rmdir [-p] [-v] [--ignore-fail-on-non-empty] DIRECTORY...`
let rmdirCommand = Command("rmdir") { inv in
    let specs = [OptionSpec("p", "parents"), OptionSpec("v", "verbose"),
                 OptionSpec(nil, "ignore-fail-on-non-empty")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "rmdir [OPTION]... DIRECTORY...",
                                  summary: "Remove the DIRECTORY(ies), if they are empty.") { return 0 }
    guard !options.operands.isEmpty else {
        inv.usageFailure("missing operand")
        return 1
    }
    let ignoreNonEmpty = options.has("ignore-fail-on-non-empty")
    var status: Int32 = 0
    for operand in options.operands {
        var current = operand
        while true {
            if options.has("verbose") { inv.stdout.line("rmdir: removing directory, \(Quoting.always(current))") }
            do throws(FSError) {
                try inv.fileSystem.removeDirectory(inv.resolvedPath(current))
            } catch {
                if !(ignoreNonEmpty && error == .directoryNotEmpty) {
                    inv.error("failed to remove \(Quoting.always(current)): \(error.message)")
                    status = 1
                }
                break
            }
            guard options.has("parents") else { break }
            var trimmed = Substring(current)
            while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
            guard trimmed.contains("/") else { break }
            let parent = Path.dirname(String(trimmed))
            if parent == "/" || parent == "." || parent == current { break }
            current = parent
        }
    }
    return status
}
