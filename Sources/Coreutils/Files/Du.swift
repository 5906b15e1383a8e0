import CommandKit
import NodeFS

/// `du [-s] [-h] [-a] [-c] [-d N] [FILE]...` — disk usage in 1 KiB blocks, children first.
let duCommand = Command("du") { inv in
    let specs = [OptionSpec("s", "summarize"), OptionSpec("h", "human-readable"), OptionSpec("a", "all"),
                 OptionSpec("c", "total"), OptionSpec("d", "max-depth", argument: .required),
                 OptionSpec("k"), OptionSpec("m"), OptionSpec("b", "bytes"), OptionSpec("L", "dereference"),
                 OptionSpec("x", "one-file-system"), OptionSpec(nil, "apparent-size"), OptionSpec("0", "null")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "du [OPTION]... [FILE]...\n  or:  du [OPTION]... --files0-from=F",
                                  summary: "Summarize device usage of the set of FILEs, recursively for directories.") { return 0 }
    var maxDepth = Int.max
    if let depth = options.value("max-depth") {
        guard let value = Int(depth), value >= 0 else {
            inv.error("invalid maximum depth \(Quoting.locale(depth))")
            inv.stderr.line("Try 'du --help' for more information.")
            return 1
        }
        maxDepth = value
    }
    if options.has("summarize") {
        if options.has("max-depth") && maxDepth != 0 {
            inv.error("warning: summarizing conflicts with --max-depth=\(maxDepth)")
            inv.stderr.line("Try 'du --help' for more information.")
            return 1
        }
        maxDepth = 0
    }
    if options.has("summarize") && options.has("all") {
        inv.error("cannot both summarize and show all entries")
        inv.stderr.line("Try 'du --help' for more information.")
        return 1
    }
    let bytes = options.has("bytes") || options.has("apparent-size")
    func show(_ kib: Int, _ size: Int) -> String {
        if options.has("human-readable") { return HumanSize.format(bytes ? size : kib * 1024) }
        if options.has("bytes") { return String(size) }
        if options.has("m") { return String((kib + 1023) / 1024) }
        return String(bytes ? (size + 1023) / 1024 : kib)
    }
    let terminator = options.has("null") ? "\0" : "\n"
    var status: Int32 = 0
    var grandKib = 0
    var grandSize = 0
    var seen: Set<String> = []
    for operand in options.operands.isEmpty ? ["."] : options.operands {
        let absolute = inv.resolvedPath(operand)
        // du counts each file once: a repeated operand prints nothing.
        if let canonical = try? inv.fileSystem.canonicalPath(absolute) {
            if seen.contains(canonical) { continue }
            seen.insert(canonical)
        }
        let info: FileInfo
        do throws(FSError) {
            info = try inv.fileSystem.info(absolute, followSymlinks: options.has("dereference"))
        } catch {
            inv.error("cannot access \(Quoting.always(operand)): \(error.message)")
            status = 1
            continue
        }
        // Running totals for each open directory on the walk.
        var totals: [(kib: Int, size: Int)] = []
        TreeWalk(fileSystem: inv.fileSystem).walk(from: operand, absolute: absolute, info: info) { event in
            switch event {
            case .visit(let entry):
                if entry.info.isDirectory {
                    totals.append((entry.info.kilobytes, entry.info.size))
                    return .proceed
                }
                let kib = entry.info.kilobytes
                if var top = totals.popLast() {
                    top.kib += kib
                    top.size += entry.info.size
                    totals.append(top)
                } else {
                    grandKib += kib
                    grandSize += entry.info.size
                }
                if (options.has("all") && entry.depth <= maxDepth) || entry.depth == 0 {
                    inv.stdout.write(show(kib, entry.info.size) + "\t" + entry.path + terminator)
                }
                return .proceed
            case .leave(let entry):
                guard let done = totals.popLast() else { return .proceed }
                if entry.depth <= maxDepth {
                    inv.stdout.write(show(done.kib, done.size) + "\t" + entry.path + terminator)
                }
                if var parent = totals.popLast() {
                    parent.kib += done.kib
                    parent.size += done.size
                    totals.append(parent)
                } else {
                    grandKib += done.kib
                    grandSize += done.size
                }
                return .proceed
            case .unreadable(let entry, let error):
                inv.error("cannot read directory \(Quoting.always(entry.path)): \(error.message)")
                status = 1
                return .proceed
            }
        }
    }
    if options.has("total") {
        inv.stdout.write(show(grandKib, grandSize) + "\ttotal" + terminator)
    }
    return status
}
