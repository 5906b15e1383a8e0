import CommandKit
import NodeFS

/// `cp [-r|-R|-a] [-p] [-f|-i|-n] [-v] [-L|-P] [-T] SOURCE DEST`, `cp ... SOURCE... DIRECTORY`, `-t DIRECTORY`.
let cpCommand = Command("cp") { inv in
    let specs = [OptionSpec("r", "recursive"), OptionSpec("R", key: "recursive"), OptionSpec("a", "archive"),
                 OptionSpec("p"), OptionSpec(nil, "preserve", argument: .optional), OptionSpec(nil, "no-preserve", argument: .required),
                 OptionSpec("f", "force"), OptionSpec("i", "interactive"), OptionSpec("n", "no-clobber"),
                 OptionSpec("v", "verbose"), OptionSpec("T", "no-target-directory"),
                 OptionSpec("t", "target-directory", argument: .required), OptionSpec("L", "dereference"),
                 OptionSpec("P", "no-dereference"), OptionSpec("d"), OptionSpec("H"), OptionSpec("u", "update", argument: .optional),
                 OptionSpec("s", "symbolic-link"), OptionSpec("l", "link"), OptionSpec("x", "one-file-system"),
                 OptionSpec("b", "backup", argument: .optional), OptionSpec(nil, "parents"),
                 OptionSpec(nil, "sparse", argument: .required), OptionSpec(nil, "reflink", argument: .optional),
                 OptionSpec(nil, "strip-trailing-slashes"), OptionSpec(nil, "remove-destination")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "cp [OPTION]... [-T] SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY\n  or:  cp [OPTION]... -t DIRECTORY SOURCE...",
                                  summary: "Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.") { return 0 }
    guard let plan = CopyTargets.plan(inv, options.operands, targetDirectory: options.value("target-directory"),
                                      noTargetDirectory: options.has("no-target-directory")) else { return 1 }
    let archive = options.has("archive")
    var copier = Copier(inv: inv)
    copier.recursive = options.has("recursive") || archive
    copier.preserve = archive || options.has("p") || options.has("preserve")
    copier.verbose = options.has("verbose")
    copier.noClobber = options.options.last { ["force", "interactive", "no-clobber"].contains($0.key) }?.key == "no-clobber"
    let dereferenceChoice = options.options.last { ["dereference", "no-dereference", "d", "archive"].contains($0.key) }?.key
    copier.dereference = dereferenceChoice == "dereference" || (dereferenceChoice == nil && !copier.recursive)
    copier.symbolicLinks = options.has("symbolic-link")
    for (source, destination) in plan { copier.copy(source, destination) }
    return copier.status
}

/// One `cp` run's settings and outcome.
private struct Copier {
    let inv: Invocation
    var recursive = false
    var preserve = false
    var verbose = false
    var noClobber = false
    var dereference = true
    var symbolicLinks = false
    var status: Int32 = 0

    init(inv: Invocation) { self.inv = inv }

    mutating func copy(_ source: String, _ destination: String) {
        let from = inv.resolvedPath(source)
        let to = inv.resolvedPath(destination)
        let info: FileInfo
        do throws(FSError) {
            // Command-line symlinks are followed unless -P/-d/-a (or -r, which implies -P here).
            info = try inv.fileSystem.info(from, followSymlinks: dereference)
        } catch {
            fail("cannot stat \(Quoting.always(source)): \(error.message)")
            return
        }
        if symbolicLinks {
            do throws(FSError) {
                try inv.fileSystem.createSymlink(to, target: source)
                if verbose { inv.stdout.line("\(Quoting.always(source)) -> \(Quoting.always(destination))") }
            } catch {
                fail("cannot create symbolic link \(Quoting.always(destination)): \(error.message)")
            }
            return
        }
        let existing = try? inv.fileSystem.info(to)
        if info.isDirectory {
            guard recursive else {
                fail("-r not specified; omitting directory \(Quoting.always(source))")
                return
            }
            if let existing, !existing.isDirectory {
                fail("cannot overwrite non-directory \(Quoting.always(destination)) with directory \(Quoting.always(source))")
                return
            }
            if let a = try? inv.fileSystem.canonicalPath(from),
               let parent = try? inv.fileSystem.canonicalPath(Path.dirname(to)),
               CopyTargets.isWithin(Path.join(parent, Path.basename(to)), a) {
                fail("cannot copy a directory, \(Quoting.always(source)), into itself, \(Quoting.always(destination))")
                return
            }
            copyTree(source, from, info, destination, to)
            return
        }
        if let existing {
            if existing.isDirectory {
                fail("cannot overwrite directory \(Quoting.always(destination)) with non-directory")
                return
            }
            if let a = try? inv.fileSystem.canonicalPath(from), let b = try? inv.fileSystem.canonicalPath(to), a == b {
                fail("\(Quoting.always(source)) and \(Quoting.always(destination)) are the same file")
                return
            }
            if noClobber { return }
        }
        copyEntry(source, from, info, destination, to)
    }

    private mutating func fail(_ message: String) {
        inv.error(message)
        status = 1
    }

    /// Copies one non-directory (or creates one directory) and reports it.
    @discardableResult
    private mutating func copyEntry(_ source: String, _ from: String, _ info: FileInfo, _ destination: String, _ to: String) -> Bool {
        do throws(FSError) {
            switch info.kind {
            case .directory:
                if !inv.fileSystem.isDirectory(to) { try inv.fileSystem.createDirectory(to, mode: info.mode) }
            case .symlink:
                if (try? inv.fileSystem.info(to, followSymlinks: false)) != nil {
                    if noClobber { return true }
                    try inv.fileSystem.removeFile(to)
                }
                try inv.fileSystem.createSymlink(to, target: try inv.fileSystem.readLink(from))
            default:
                let bytes = try inv.fileSystem.readFile(from)
                let existed = (try? inv.fileSystem.info(to)) != nil
                if existed && noClobber { return true }
                try inv.fileSystem.writeFile(to, bytes, append: false, mode: info.mode & 0o755)
            }
            if preserve && !info.isSymlink {
                try inv.fileSystem.setMode(to, info.mode)
                try inv.fileSystem.setOwner(to, uid: info.uid, gid: info.gid)
                try inv.fileSystem.setModificationTime(to, info.modificationTime)
            }
        } catch {
            let what = info.isDirectory ? "cannot create directory" : info.isSymlink ? "cannot create symbolic link" : "cannot create regular file"
            fail("\(what) \(Quoting.always(destination)): \(error.message)")
            return false
        }
        if verbose { inv.stdout.line("\(Quoting.always(source)) -> \(Quoting.always(destination))") }
        return true
    }

    /// A directory's absolute path without trailing slashes, to match children's parents.
    private static func key(_ path: String) -> String {
        var text = Substring(path)
        while text.count > 1 && text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    private mutating func copyTree(_ source: String, _ from: String, _ info: FileInfo, _ destination: String, _ to: String) {
        var targets: [String: (display: String, absolute: String)] = [:]
        var directories: [(String, FileInfo)] = []
        var me = self
        TreeWalk(fileSystem: inv.fileSystem).walk(from: source, absolute: from, info: info) { event in
            switch event {
            case .visit(let entry):
                let target: (display: String, absolute: String)
                if entry.depth == 0 {
                    target = (destination, to)
                } else {
                    guard let parent = targets[Self.key(Path.dirname(entry.absolute))] else { return .skipChildren }
                    let name = Path.basename(entry.absolute)
                    target = (TreeWalk.join(parent.display, name), Path.join(parent.absolute, name))
                }
                guard me.copyEntry(entry.path, entry.absolute, entry.info, target.display, target.absolute) else {
                    return .skipChildren
                }
                if entry.info.isDirectory {
                    targets[Self.key(entry.absolute)] = target
                    directories.append((target.absolute, entry.info))
                }
                return .proceed
            case .leave:
                return .proceed
            case .unreadable(let entry, let error):
                me.fail("cannot access \(Quoting.always(entry.path)): \(error.message)")
                return .proceed
            }
        }
        // Directory times last, as writing into them changed them.
        if me.preserve {
            for (path, info) in directories { try? inv.fileSystem.setModificationTime(path, info.modificationTime) }
        }
        self = me
    }
}
