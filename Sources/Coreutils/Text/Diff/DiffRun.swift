import CommandKit
import NodeFS

/// One `diff` invocation at work: compares files and directories, prints, and keeps the
/// worst status (0 same, 1 different, 2 trouble).
struct DiffRun {
    let inv: Invocation
    let style: DiffStyle
    let context: Int
    let brief: Bool
    let reportIdentical: Bool
    let recursive: Bool
    let newFile: Bool
    let key: LineKey
    let labels: [String]
    /// The options as typed, repeated in `diff -r a/f b/f` lines.
    let switches: String
    private var status: Int32 = 0

    init(inv: Invocation, style: DiffStyle, context: Int, brief: Bool, reportIdentical: Bool,
         recursive: Bool, newFile: Bool, key: LineKey, labels: [String], switches: String) {
        self.inv = inv
        self.style = style
        self.context = context
        self.brief = brief
        self.reportIdentical = reportIdentical
        self.recursive = recursive
        self.newFile = newFile
        self.key = key
        self.labels = labels
        self.switches = switches
    }

    private mutating func worsen(_ value: Int32) { status = max(status, value) }

    private func info(_ name: String) -> Result<FileInfo, FSError> {
        do throws(FSError) {
            return .success(try inv.fileSystem.info(inv.resolvedPath(name), followSymlinks: true))
        } catch {
            return .failure(error)
        }
    }

    mutating func compareOperands(_ first: String, _ second: String) -> Int32 {
        let isStdin0 = first == "-", isStdin1 = second == "-"
        let info0 = isStdin0 ? nil : info(first), info1 = isStdin1 ? nil : info(second)
        var failed = false
        for (name, result) in [(first, info0), (second, info1)] {
            if case .failure(let error)? = result, !(newFile && error == .noSuchFile) {
                inv.error("\(name): \(error.message)")
                failed = true
            }
        }
        if failed { return 2 }
        let dir0 = (try? info0?.get())?.isDirectory ?? false
        let dir1 = (try? info1?.get())?.isDirectory ?? false
        switch (dir0, dir1) {
        case (true, true):
            compareDirectories(first, second, top: true)
        case (true, false):
            if isStdin1 {
                inv.error("cannot compare '-' to a directory")
                return 2
            }
            compareFiles(Path.join(first, Path.basename(second)), second, header: false)
        case (false, true):
            if isStdin0 {
                inv.error("cannot compare '-' to a directory")
                return 2
            }
            compareFiles(first, Path.join(second, Path.basename(first)), header: false)
        case (false, false):
            compareFiles(first, second, header: false)
        }
        return status
    }

    private func read(_ name: String) -> Result<DiffFile, FSError> {
        if name == "-" { return .success(DiffFile(name: name, bytes: inv.stdin, modificationTime: inv.clock.now)) }
        do throws(FSError) {
            let path = inv.resolvedPath(name)
            let stat = try inv.fileSystem.info(path, followSymlinks: true)
            if stat.isDirectory { throw .isADirectory }
            return .success(DiffFile(name: name, bytes: try inv.fileSystem.readFile(path),
                                     modificationTime: stat.modificationTime))
        } catch {
            if newFile && error == .noSuchFile {
                return .success(DiffFile(name: name, bytes: [], modificationTime: 0))
            }
            return .failure(error)
        }
    }

    /// Compares two files; `header` prints the `diff -r a b` line before any output (inside
    /// directory comparisons).
    private mutating func compareFiles(_ first: String, _ second: String, header: Bool) {
        var files: [DiffFile] = []
        for name in [first, second] {
            switch read(name) {
            case .success(let file): files.append(file)
            case .failure(let error):
                inv.error("\(name): \(error.message)")
                worsen(2)
                return
            }
        }
        let old = files[0], new = files[1]
        let binary = old.lines.contains { $0.contains(0) } || new.lines.contains { $0.contains(0) }
        let same = old.lines == new.lines && old.missingNewline == new.missingNewline
        if same && key.isExact || (!binary && script(old, new).isEmpty) {
            if reportIdentical { inv.stdout.line("Files \(first) and \(second) are identical") }
            return
        }
        worsen(1)
        if brief || binary {
            inv.stdout.line(brief ? "Files \(first) and \(second) differ" : "Binary files \(first) and \(second) differ")
            return
        }
        let changes = script(old, new)
        if header {
            // diff names the files by their labels when --label gives them.
            let names = labels.count >= 2 ? "\(labels[0]) \(labels[1])" : "\(first) \(second)"
            inv.stdout.line("diff" + (switches.isEmpty ? "" : " " + switches) + " " + names)
        }
        var printer = DiffPrinter(old: old, new: new)
        switch style {
        case .normal: printer.normal(changes)
        case .unified: printer.unified(changes, context: context, labels: (label(0, old), label(1, new)))
        case .context: printer.context(changes, context: context, labels: (label(0, old), label(1, new)))
        }
        inv.stdout.write(printer.out)
    }

    /// `name<TAB>time` as the header of unified and context output, unless `--label` says.
    private func label(_ index: Int, _ file: DiffFile) -> String {
        if labels.indices.contains(index) { return labels[index] }
        let time = TimeFormat.format("%Y-%m-%d %H:%M:%S.%N %z", CivilTime(nanoseconds: file.modificationTime))
        return "\(file.name)\t\(time)"
    }

    private func script(_ old: DiffFile, _ new: DiffFile) -> [DiffChange] {
        var classes: [[UInt8]: Int] = [:]
        func classify(_ file: DiffFile) -> [Int] {
            file.lines.enumerated().map { index, line in
                var bytes = key.key(line)
                // A last line without its newline never equals one with it.
                if file.missingNewline && index == file.lines.count - 1 { bytes.append(0x0A) }
                if let known = classes[bytes] { return known }
                let next = classes.count + 1
                classes[bytes] = next
                return next
            }
        }
        return DiffAlgorithm.script(classify(old), classify(new), horizon: style == .normal ? 0 : context)
    }

    private func entries(_ directory: String) -> [String]? {
        do throws(FSError) {
            return try inv.fileSystem.listDirectory(inv.resolvedPath(directory))
                .filter { $0 != "." && $0 != ".." }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        } catch {
            inv.error("\(directory): \(error.message)")
            return nil
        }
    }

    private mutating func compareDirectories(_ first: String, _ second: String, top: Bool) {
        guard let names0 = entries(first), let names1 = entries(second) else {
            worsen(2)
            return
        }
        let set0 = Set(names0), set1 = Set(names1)
        let all = Set(names0 + names1).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for name in all {
            let path0 = Path.join(first, name), path1 = Path.join(second, name)
            guard set0.contains(name), set1.contains(name) else {
                if newFile {
                    compareFiles(path0, path1, header: true)
                } else {
                    inv.stdout.line("Only in \(set0.contains(name) ? first : second): \(name)")
                    worsen(1)
                }
                continue
            }
            let dir0 = (try? info(path0).get())?.isDirectory ?? false
            let dir1 = (try? info(path1).get())?.isDirectory ?? false
            switch (dir0, dir1) {
            case (true, true):
                if recursive {
                    compareDirectories(path0, path1, top: false)
                } else {
                    inv.stdout.line("Common subdirectories: \(path0) and \(path1)")
                }
            case (true, false), (false, true):
                let kind0 = dir0 ? "directory" : "regular file", kind1 = dir1 ? "directory" : "regular file"
                inv.stdout.line("File \(path0) is a \(kind0) while file \(path1) is a \(kind1)")
                worsen(1)
            case (false, false):
                compareFiles(path0, path1, header: true)
            }
        }
    }
}

extension LineKey {
    /// Whether lines compare byte for byte.
    var isExact: Bool { !ignoreCase && !ignoreSpaceChange && !ignoreAllSpace }
}
