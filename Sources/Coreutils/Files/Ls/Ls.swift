import CommandKit
import NodeFS

/// `ls` — GNU ls: one per line when piped, columns on a terminal, `-l` long format, sorting,
/// `-R`, colours, indicators and the terminal's quoting of odd names.
let lsCommand = Command("ls") { inv in
    guard let parsed = inv.parse(LsOptions.specs) else { return 2 }
    if inv.handledStandardOptions(parsed, usage: "ls [OPTION]... [FILE]...",
                                  summary: "List information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -cftuvSUX nor --sort is specified.") { return 0 }
    let options: LsOptions
    do throws(LsError) {
        options = try LsOptions(parsed, terminal: inv.stdoutIsTerminal, terminalWidth: inv.terminalWidth, environment: inv.environment)
    } catch {
        let lines = error.lines
        inv.error(lines.first ?? "")
        for line in lines.dropFirst() { inv.stderr.line(line) }
        return error.status
    }
    var run = LsRun(inv: inv, options: options)
    run.list(parsed.operands.isEmpty ? ["."] : parsed.operands)
    return run.status
}

/// One entry to print: its name as listed, its `lstat`, and for symlinks what it points at.
struct LsEntry {
    var name: String
    var absolute: String
    var info: FileInfo
    /// `stat` of a symlink's target (nil when dangling or not a symlink).
    var targetInfo: FileInfo?
}

/// The state of one `ls` run: output so far and the exit status.
struct LsRun {
    let inv: Invocation
    let options: LsOptions
    var status: Int32 = 0
    var printedSomething = false
    var colorStarted = false
    lazy var accounts = Accounts(fileSystem: inv.fileSystem)

    init(inv: Invocation, options: LsOptions) {
        self.inv = inv
        self.options = options
    }

    mutating func list(_ operands: [String]) {
        var files: [LsEntry] = []
        var directories: [LsEntry] = []
        let followArguments = options.dereferenceAll || options.dereferenceArguments
            || (!options.directoryItself && options.format != .long && options.indicator != .classify)
        for operand in operands {
            let absolute = inv.resolvedPath(operand)
            guard var entry = makeEntry(name: operand, absolute: absolute) else {
                let reason = (try? inv.fileSystem.info(absolute, followSymlinks: false)).map { _ in FSError.noSuchFile }
                _ = reason
                inv.error("cannot access \(Quoting.always(operand)): \(accessError(absolute).message)")
                status = 2
                continue
            }
            if entry.info.isSymlink, followArguments, let target = entry.targetInfo,
               options.dereferenceAll || options.dereferenceArguments || target.isDirectory {
                entry.info = target
            }
            if entry.info.isDirectory && !options.directoryItself {
                directories.append(entry)
            } else {
                files.append(entry)
            }
        }
        sort(&files)
        sort(&directories)
        if !files.isEmpty {
            printEntries(files, isArgumentList: true)
        }
        let showHeaders = operands.count > 1 || options.recursive
        var pending = directories.reversed().map { ($0.name, $0.absolute) }
        var visited = 0
        var listed: Set<String> = []
        while let (name, absolute) = pending.popLast() {
            visited += 1
            if visited > 10_000 { break }
            if options.recursive {
                let canonical = (try? inv.fileSystem.canonicalPath(absolute)) ?? absolute
                if listed.contains(canonical) {
                    inv.error("\(Quoting.ifNeeded(name)): not listing already-listed directory")
                    status = 2
                    continue
                }
                listed.insert(canonical)
            }
            if printedSomething { inv.stdout.write("\n") }
            if showHeaders { inv.stdout.line(quoted(name) + ":") }
            printedSomething = true
            let children = listDirectory(name, absolute)
            guard let children else { continue }
            printDirectory(children)
            if options.recursive {
                let subdirectories = children.filter { $0.info.isDirectory && $0.name != "." && $0.name != ".." }
                for child in subdirectories.reversed() {
                    pending.append((TreeWalk.join(name, child.name), child.absolute))
                }
            }
        }
    }

    private func accessError(_ absolute: String) -> FSError {
        do {
            _ = try inv.fileSystem.info(absolute)
            return .noSuchFile
        } catch {
            return error
        }
    }

    func makeEntry(name: String, absolute: String) -> LsEntry? {
        guard let info = try? inv.fileSystem.info(absolute, followSymlinks: false) else { return nil }
        var entry = LsEntry(name: name, absolute: absolute, info: info, targetInfo: nil)
        if info.isSymlink { entry.targetInfo = try? inv.fileSystem.info(absolute) }
        if options.dereferenceAll, info.isSymlink, let target = entry.targetInfo { entry.info = target }
        return entry
    }

    private mutating func listDirectory(_ name: String, _ absolute: String) -> [LsEntry]? {
        let names: [String]
        do throws(FSError) {
            names = try inv.fileSystem.listDirectory(absolute)
        } catch {
            inv.error("cannot open directory \(Quoting.always(name)): \(error.message)")
            status = max(status, options.recursive ? 1 : 2)
            return nil
        }
        var entries: [LsEntry] = []
        if options.hidden == .all {
            for special in [".", ".."] {
                if let entry = makeEntry(name: special, absolute: Path.join(absolute, special)) { entries.append(entry) }
            }
        }
        for child in names {
            if child.hasPrefix(".") && options.hidden == .none { continue }
            if options.ignoreBackups && child.hasSuffix("~") { continue }
            if let entry = makeEntry(name: child, absolute: Path.join(absolute, child)) { entries.append(entry) }
        }
        sort(&entries)
        return entries
    }

    private mutating func printDirectory(_ entries: [LsEntry]) {
        if options.format == .long || options.showBlocks {
            let blocks = entries.reduce(0) { $0 + $1.info.kilobytes }
            inv.stdout.line("total " + (options.human ? HumanSize.format(blocks * 1024) : String(blocks)))
        }
        printEntries(entries, isArgumentList: false)
    }

    private mutating func printEntries(_ entries: [LsEntry], isArgumentList: Bool) {
        printedSomething = true
        guard !entries.isEmpty else { return }
        switch options.format {
        case .long: printLong(entries)
        case .single:
            let names = entries.map(renderName)
            let pad = alignmentPadding(entries)
            for (entry, name) in zip(entries, names) {
                emit(prefix(entry, entries) + (needsPadding(entry, pad) ? " " : "") + name.text + "\n")
            }
        case .commas: printCommas(entries)
        case .columns, .across: printColumns(entries)
        }
    }

    /// Sorts as ls does; names compare bytewise (strcoll in C.UTF-8).
    func sort(_ entries: inout [LsEntry]) {
        guard options.sort != .none else { return }
        func byName(_ a: LsEntry, _ b: LsEntry) -> Bool {
            Array(a.name.utf8).lexicographicallyPrecedes(Array(b.name.utf8))
        }
        func extensionOf(_ name: String) -> String {
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
            return String(name[dot...])
        }
        let sort = options.sort
        var sorted = entries.sorted { a, b in
            switch sort {
            case .time:
                if a.info.modificationTime != b.info.modificationTime { return a.info.modificationTime > b.info.modificationTime }
            case .size:
                if a.info.size != b.info.size { return a.info.size > b.info.size }
            case .extension:
                let (x, y) = (extensionOf(a.name), extensionOf(b.name))
                if x != y { return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) }
            case .version:
                return VersionOrder.precedes(a.name, b.name)
            default: break
            }
            return byName(a, b)
        }
        if options.reverse { sorted.reverse() }
        if options.groupDirectoriesFirst {
            let isDirectory = { (e: LsEntry) in e.info.isDirectory || (e.info.isSymlink && (e.targetInfo?.isDirectory ?? false)) }
            sorted = sorted.filter(isDirectory) + sorted.filter { !isDirectory($0) }
        }
        entries = sorted
    }
}

/// `ls -v` / `sort -V` order, simplified: runs of digits compare as numbers.
enum VersionOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        var x = Array(a.utf8)[...]
        var y = Array(b.utf8)[...]
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        while !x.isEmpty && !y.isEmpty {
            if let cx = x.first, let cy = y.first, isDigit(cx) && isDigit(cy) {
                let dx = x.prefix(while: isDigit), dy = y.prefix(while: isDigit)
                x = x.dropFirst(dx.count)
                y = y.dropFirst(dy.count)
                let nx = dx.drop { $0 == 0x30 }, ny = dy.drop { $0 == 0x30 }
                if nx.count != ny.count { return nx.count < ny.count }
                if !nx.elementsEqual(ny) { return nx.lexicographicallyPrecedes(ny) }
                continue
            }
            if x.first != y.first { return (x.first ?? 0) < (y.first ?? 0) }
            x = x.dropFirst()
            y = y.dropFirst()
        }
        return x.isEmpty && !y.isEmpty
    }
}
