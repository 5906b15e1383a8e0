import CommandKit
import NodeFS

/// `rm [-f] [-i] [-r|-R] [-d] [-v] FILE...` — with GNU's guards for `/`, `.` and `..`.
let rmCommand = Command("rm") { inv in
    let specs = [OptionSpec("f", "force"), OptionSpec("i"), OptionSpec("I"), OptionSpec(nil, "interactive", argument: .optional),
                 OptionSpec("r", "recursive"), OptionSpec("R", key: "recursive"), OptionSpec("d", "dir"),
                 OptionSpec("v", "verbose"), OptionSpec(nil, "preserve-root", argument: .optional),
                 OptionSpec(nil, "no-preserve-root"), OptionSpec(nil, "one-file-system")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "rm [OPTION]... [FILE]...",
                                  summary: "Remove (unlink) the FILE(s).") { return 0 }
    var force = false
    var interactive = false
    for (key, value) in options.options {
        switch key {
        case "force": force = true; interactive = false
        case "i": interactive = true; force = false
        case "interactive": interactive = value == nil || value == "always" || value == "yes"; if interactive { force = false }
        default: break
        }
    }
    guard !options.operands.isEmpty else {
        if force { return 0 }
        inv.usageFailure("missing operand")
        return 1
    }
    var remover = Remover(inv: inv, force: force, interactive: interactive, recursive: options.has("recursive"),
                          removeEmptyDirectories: options.has("dir"), verbose: options.has("verbose"),
                          preserveRoot: !options.has("no-preserve-root"))
    for operand in options.operands { remover.remove(operand) }
    return remover.status
}

/// The state of one `rm` run (also used by `mv` across devices, never here).
struct Remover {
    let inv: Invocation
    let force: Bool
    let interactive: Bool
    let recursive: Bool
    let removeEmptyDirectories: Bool
    let verbose: Bool
    let preserveRoot: Bool
    var status: Int32 = 0
    /// Answers read from stdin for `-i`.
    var answers: [Substring] = []
    var answersLoaded = false

    mutating func remove(_ operand: String) {
        let base = Path.basename(operand)
        var stripped = Substring(operand)
        while stripped.count > 1 && stripped.hasSuffix("/") { stripped = stripped.dropLast() }
        let last = stripped.split(separator: "/").last.map(String.init) ?? ""
        if last == "." || last == ".." {
            inv.error("refusing to remove '.' or '..' directory: skipping \(Quoting.always(operand))")
            status = 1
            return
        }
        _ = base
        let absolute = inv.resolvedPath(operand)
        let info: FileInfo
        do throws(FSError) {
            info = try inv.fileSystem.info(absolute, followSymlinks: false)
        } catch {
            if !(force && (error.isMissing || error == .notADirectory)) {
                inv.error("cannot remove \(Quoting.always(operand)): \(error.message)")
                status = 1
            }
            return
        }
        if info.isDirectory {
            if recursive && preserveRoot && (try? inv.fileSystem.canonicalPath(absolute)) == "/" {
                if operand.allSatisfy({ $0 == "/" }) {
                    inv.error("it is dangerous to operate recursively on \(Quoting.always("/"))")
                } else {
                    inv.error("it is dangerous to operate recursively on \(Quoting.always(operand)) (same as \(Quoting.always("/")))")
                }
                inv.error("use --no-preserve-root to override this failsafe")
                status = 1
                return
            }
            if !recursive {
                let empty = (try? inv.fileSystem.listDirectory(absolute))?.isEmpty ?? false
                if removeEmptyDirectories {
                    if interactive && empty && !confirm("remove directory \(Quoting.always(operand))?") { return }
                    removeDirectory(operand, absolute)
                    return
                }
                inv.error("cannot remove \(Quoting.always(operand)): Is a directory")
                status = 1
                return
            }
            removeTree(operand, absolute, info)
            return
        }
        if interactive && !confirm("remove \(describe(info)) \(Quoting.always(operand))?") { return }
        removeFile(operand, absolute)
    }

    private func describe(_ info: FileInfo) -> String {
        switch info.kind {
        case .regular: info.size == 0 ? "regular empty file" : "regular file"
        case .directory: "directory"
        case .symlink: "symbolic link"
        case .characterDevice: "character special file"
        }
    }

    private mutating func removeFile(_ display: String, _ absolute: String) {
        do throws(FSError) {
            try inv.fileSystem.removeFile(absolute)
            if verbose { inv.stdout.line("removed \(Quoting.always(display))") }
        } catch {
            inv.error("cannot remove \(Quoting.always(display)): \(error.message)")
            status = 1
        }
    }

    private mutating func removeDirectory(_ display: String, _ absolute: String) {
        do throws(FSError) {
            try inv.fileSystem.removeDirectory(absolute)
            if verbose { inv.stdout.line("removed directory \(Quoting.always(display))") }
        } catch {
            inv.error("cannot remove \(Quoting.always(display)): \(error.message)")
            status = 1
        }
    }

    private mutating func removeTree(_ operand: String, _ absolute: String, _ info: FileInfo) {
        var failedBelow: Set<String> = []
        var declined: Set<String> = []
        var me = self
        TreeWalk(fileSystem: inv.fileSystem).walk(from: operand, absolute: absolute, info: info) { event in
            switch event {
            case .visit(let entry):
                if entry.info.isDirectory {
                    if me.interactive, !me.confirm("descend into directory \(Quoting.always(entry.path))?") {
                        declined.insert(entry.absolute)
                        me.markParents(entry.absolute, &failedBelow)
                        return .skipChildren
                    }
                    return .proceed
                }
                if me.interactive && !me.confirm("remove \(me.describe(entry.info)) \(Quoting.always(entry.path))?") {
                    me.markParents(entry.absolute, &failedBelow)
                    return .proceed
                }
                let before = me.status
                me.removeFile(entry.path, entry.absolute)
                if me.status != before { me.markParents(entry.absolute, &failedBelow) }
                return .proceed
            case .leave(let entry):
                if failedBelow.contains(entry.absolute) || declined.contains(entry.absolute) {
                    me.markParents(entry.absolute, &failedBelow)
                    return .proceed
                }
                if me.interactive && !me.confirm("remove directory \(Quoting.always(entry.path))?") {
                    me.markParents(entry.absolute, &failedBelow)
                    return .proceed
                }
                let before = me.status
                me.removeDirectory(entry.path, entry.absolute)
                if me.status != before { me.markParents(entry.absolute, &failedBelow) }
                return .proceed
            case .unreadable(let entry, let error):
                me.inv.error("cannot remove \(Quoting.always(entry.path)): \(error.message)")
                me.status = 1
                me.markParents(entry.absolute, &failedBelow)
                return .proceed
            }
        }
        self = me
    }

    private func markParents(_ absolute: String, _ set: inout Set<String>) {
        set.insert(Path.dirname(absolute))
    }

    /// Prints the question to stderr and reads one answer line from stdin (`y`/`Y` means yes).
    mutating func confirm(_ question: String) -> Bool {
        inv.stderr.write("rm: \(question) ")
        if !answersLoaded {
            answers = String(decoding: inv.stdin, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[...].map { $0 }
            if inv.stdin.last == 0x0A { answers.removeLast() }
            answersLoaded = true
        }
        guard !answers.isEmpty else { return false }
        let answer = answers.removeFirst()
        return answer.first == "y" || answer.first == "Y"
    }
}
