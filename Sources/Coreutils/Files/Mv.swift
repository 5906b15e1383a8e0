import CommandKit
import NodeFS

/// `mv [-f|-i|-n] [-v] [-T] SOURCE DEST`, `mv ... SOURCE... DIRECTORY`, `-t DIRECTORY`.
let mvCommand = Command("mv") { inv in
    let specs = [OptionSpec("f", "force"), OptionSpec("i", "interactive"), OptionSpec("n", "no-clobber"),
                 OptionSpec("v", "verbose"), OptionSpec("T", "no-target-directory"), OptionSpec("u", "update", argument: .optional),
                 OptionSpec("t", "target-directory", argument: .required), OptionSpec("b", "backup", argument: .optional),
                 OptionSpec(nil, "strip-trailing-slashes")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "mv [OPTION]... [-T] SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY\n  or:  mv [OPTION]... -t DIRECTORY SOURCE...",
                                  summary: "Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.") { return 0 }
    guard let plan = CopyTargets.plan(inv, options.operands, targetDirectory: options.value("target-directory"),
                                      noTargetDirectory: options.has("no-target-directory")) else { return 1 }
    let noClobber = options.options.last { ["force", "interactive", "no-clobber"].contains($0.key) }?.key == "no-clobber"
    var status: Int32 = 0
    for (source, destination) in plan {
        let from = inv.resolvedPath(source)
        let to = inv.resolvedPath(destination)
        guard let info = try? inv.fileSystem.info(from, followSymlinks: false) else {
            let reason = (try? inv.fileSystem.info(Path.dirname(from))) == nil || source.hasSuffix("/") ? FSError.noSuchFile : .noSuchFile
            inv.error("cannot stat \(Quoting.always(source)): \(reason.message)")
            status = 1
            continue
        }
        let existing = try? inv.fileSystem.info(to, followSymlinks: false)
        if let existing {
            if let a = try? inv.fileSystem.canonicalPath(from), let b = try? inv.fileSystem.canonicalPath(to), a == b,
               !info.isSymlink {
                inv.error("\(Quoting.always(source)) and \(Quoting.always(destination)) are the same file")
                status = 1
                continue
            }
            if noClobber { continue }
            if info.isDirectory && !existing.isDirectory {
                inv.error("cannot overwrite non-directory \(Quoting.always(destination)) with directory \(Quoting.always(source))")
                status = 1
                continue
            }
            if !info.isDirectory && existing.isDirectory {
                inv.error("cannot overwrite directory \(Quoting.always(destination)) with non-directory")
                status = 1
                continue
            }
        }
        if info.isDirectory, let a = try? inv.fileSystem.canonicalPath(from),
           let parent = try? inv.fileSystem.canonicalPath(Path.dirname(to)),
           CopyTargets.isWithin(Path.join(parent, Path.basename(to)), a) {
            let base = Path.basename(source)
            if base == "." || base == ".." || a == "/" {
                inv.error("cannot move \(Quoting.always(source)) to \(Quoting.always(destination)): Device or resource busy")
            } else {
                inv.error("cannot move \(Quoting.always(source)) to a subdirectory of itself, \(Quoting.always(destination))")
            }
            status = 1
            continue
        }
        do throws(FSError) {
            try inv.fileSystem.rename(from, to: to)
        } catch {
            if error == .directoryNotEmpty {
                inv.error("cannot move \(Quoting.always(source)) to \(Quoting.always(destination)): Directory not empty")
            } else {
                inv.error("cannot move \(Quoting.always(source)) to \(Quoting.always(destination)): \(error.message)")
            }
            status = 1
            continue
        }
        if options.has("verbose") {
            inv.stdout.line("renamed \(Quoting.always(source)) -> \(Quoting.always(destination))")
        }
    }
    return status
}
