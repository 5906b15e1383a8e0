import CommandKit
import NodeFS

/// `ln [-s] [-f] [-n] [-v] [-T] TARGET [LINK]`, `ln ... TARGET... DIRECTORY`, `-t DIRECTORY`.
/// Hard links are copies here: NodeFS has no shared inodes.
let lnCommand = Command("ln") { inv in
    let specs = [OptionSpec("s", "symbolic"), OptionSpec("f", "force"), OptionSpec("n", "no-dereference"),
                 OptionSpec("v", "verbose"), OptionSpec("T", "no-target-directory"), OptionSpec("i", "interactive"),
                 OptionSpec("t", "target-directory", argument: .required), OptionSpec("r", "relative"),
                 OptionSpec("b"), OptionSpec("L", "logical"), OptionSpec("P", "physical")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "ln [OPTION]... [-T] TARGET LINK_NAME\n  or:  ln [OPTION]... TARGET\n  or:  ln [OPTION]... TARGET... DIRECTORY\n  or:  ln [OPTION]... -t DIRECTORY TARGET...",
                                  summary: "Create links to each TARGET with the name LINK_NAME or in DIRECTORY.") { return 0 }
    let symbolic = options.has("symbolic")
    let noDereference = options.has("no-dereference")
    var operands = options.operands
    guard !operands.isEmpty else {
        inv.usageFailure("missing file operand")
        return 1
    }
    var pairs: [(target: String, link: String)] = []
    func isDirectory(_ operand: String) -> Bool {
        let path = inv.resolvedPath(operand)
        if noDereference, (try? inv.fileSystem.info(path, followSymlinks: false))?.isSymlink ?? false { return false }
        return inv.fileSystem.isDirectory(path)
    }
    func into(_ directory: String, _ target: String) -> String {
        var base = Path.basename(target)
        if base == "/" { base = "" }
        return TreeWalk.join(directory, base)
    }
    if let directory = options.value("target-directory") {
        guard isDirectory(directory) else {
            inv.error("target directory \(Quoting.always(directory)): \(inv.fileSystem.exists(inv.resolvedPath(directory)) ? "Not a directory" : "No such file or directory")")
            return 1
        }
        pairs = operands.map { ($0, into(directory, $0)) }
    } else if options.has("no-target-directory") {
        guard operands.count >= 2 else {
            inv.usageFailure("missing destination file operand after \(Quoting.always(operands[0]))")
            return 1
        }
        guard operands.count == 2 else {
            inv.usageFailure("extra operand \(Quoting.always(operands[2]))")
            return 1
        }
        pairs = [(operands[0], operands[1])]
    } else if operands.count == 1 {
        pairs = [(operands[0], Path.basename(operands[0]))]
    } else if let last = operands.last, isDirectory(last) {
        operands.removeLast()
        pairs = operands.map { ($0, into(last, $0)) }
    } else if operands.count > 2 {
        let last = operands[operands.count - 1]
        inv.error("target \(Quoting.always(last)): \(inv.fileSystem.exists(inv.resolvedPath(last)) ? "Not a directory" : "No such file or directory")")
        return 1
    } else {
        pairs = [(operands[0], operands[1])]
    }
    var status: Int32 = 0
    for (target, link) in pairs {
        let linkPath = inv.resolvedPath(link)
        let kind = symbolic ? "symbolic link" : "hard link"
        if !symbolic {
            guard let info = try? inv.fileSystem.info(inv.resolvedPath(target), followSymlinks: false) else {
                inv.error("failed to access \(Quoting.always(target)): No such file or directory")
                status = 1
                continue
            }
            if info.isDirectory {
                inv.error("\(Quoting.ifNeeded(target)): hard link not allowed for directory")
                status = 1
                continue
            }
        }
        if let existing = try? inv.fileSystem.info(linkPath, followSymlinks: false) {
            if !options.has("force") {
                inv.error("failed to create \(kind) \(Quoting.always(link)): File exists")
                status = 1
                continue
            }
            if !symbolic, (try? inv.fileSystem.canonicalPath(linkPath)) == (try? inv.fileSystem.canonicalPath(inv.resolvedPath(target))) {
                inv.error("\(Quoting.always(target)) and \(Quoting.always(link)) are the same file")
                status = 1
                continue
            }
            if existing.isDirectory {
                inv.error("\(Quoting.always(link)): cannot overwrite directory")
                status = 1
                continue
            }
            try? inv.fileSystem.removeFile(linkPath)
        }
        do throws(FSError) {
            if symbolic {
                try inv.fileSystem.createSymlink(linkPath, target: target)
            } else {
                let source = inv.resolvedPath(target)
                let info = try inv.fileSystem.info(source)
                try inv.fileSystem.writeFile(linkPath, try inv.fileSystem.readFile(source), append: false, mode: info.mode)
                try inv.fileSystem.setModificationTime(linkPath, info.modificationTime)
                try inv.fileSystem.setOwner(linkPath, uid: info.uid, gid: info.gid)
            }
        } catch {
            inv.error("failed to create \(kind) \(Quoting.always(link)): \(error.message)")
            status = 1
            continue
        }
        if options.has("verbose") {
            inv.stdout.line("\(Quoting.always(link)) \(symbolic ? "->" : "=>") \(Quoting.always(target))")
        }
    }
    return status
}
