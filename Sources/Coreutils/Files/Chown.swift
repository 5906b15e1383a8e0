import CommandKit
import NodeFS

/// `chown [-R] [-v|-c|-f] [-h] OWNER[:GROUP] FILE...` — names or numbers from the node's accounts.
let chownCommand = Command("chown") { inv in ownership(&inv, groupOnly: false) }

/// `chgrp [-R] [-v|-c|-f] GROUP FILE...`
let chgrpCommand = Command("chgrp") { inv in ownership(&inv, groupOnly: true) }

private func ownership(_ inv: inout Invocation, groupOnly: Bool) -> Int32 {
    let specs = [OptionSpec("R", "recursive"), OptionSpec("v", "verbose"), OptionSpec("c", "changes"),
                 OptionSpec("f", "silent"), OptionSpec(nil, "quiet", key: "silent"), OptionSpec("h", "no-dereference"),
                 OptionSpec(nil, "dereference"), OptionSpec(nil, "reference", argument: .required),
                 OptionSpec("H"), OptionSpec("L"), OptionSpec("P"), OptionSpec(nil, "from", argument: .required),
                 OptionSpec(nil, "preserve-root"), OptionSpec(nil, "no-preserve-root")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    let usage = groupOnly ? "chgrp [OPTION]... GROUP FILE...\n  or:  chgrp [OPTION]... --reference=RFILE FILE..."
        : "chown [OPTION]... [OWNER][:[GROUP]] FILE...\n  or:  chown [OPTION]... --reference=RFILE FILE..."
    if inv.handledStandardOptions(options, usage: usage,
                                  summary: groupOnly ? "Change the group of each FILE to GROUP." : "Change the owner and/or group of each FILE to OWNER and/or GROUP.") { return 0 }
    let accounts = Accounts(fileSystem: inv.fileSystem)
    var operands = options.operands[...]
    var uid: UInt32?
    var gid: UInt32?
    // How the new owner and group read in -v messages: as typed.
    var userText: String?
    var groupText: String?
    if let reference = options.value("reference") {
        guard let info = try? inv.fileSystem.info(inv.resolvedPath(reference)) else {
            inv.error("failed to get attributes of \(Quoting.always(reference)): No such file or directory")
            return 1
        }
        uid = groupOnly ? nil : info.uid
        gid = info.gid
    } else {
        guard let spec = operands.popFirst() else {
            inv.usageFailure("missing operand")
            return 1
        }
        if operands.isEmpty {
            inv.usageFailure("missing operand after \(Quoting.locale(spec))")
            return 1
        }
        if groupOnly {
            guard let id = accounts.gid(named: spec) else {
                inv.error("invalid group: \(Quoting.locale(spec))")
                return 1
            }
            gid = id
            groupText = spec
        } else {
            if !spec.contains(":"), spec.contains("."), accounts.uid(named: spec) == nil {
                inv.error("warning: '.' should be ':': \(Quoting.locale(spec))")
            }
            let separator = spec.firstIndex(of: ":") ?? spec.firstIndex(of: ".")
            let userPart = separator.map { String(spec[..<$0]) } ?? spec
            let groupPart = separator.map { String(spec[spec.index(after: $0)...]) }
            if !userPart.isEmpty {
                guard let id = accounts.uid(named: userPart) else {
                    inv.error("invalid user: \(Quoting.locale(spec))")
                    return 1
                }
                uid = id
                userText = userPart
            }
            if let groupPart, !groupPart.isEmpty {
                guard let id = accounts.gid(named: groupPart) else {
                    inv.error("invalid group: \(Quoting.locale(spec))")
                    return 1
                }
                gid = id
                groupText = groupPart
            } else if groupPart != nil, let uid {
                // `user:` means the user's login group.
                gid = loginGroup(inv, uid)
                groupText = gid.map { accounts.groupName($0) }
            }
        }
    }
    let verbose = options.has("verbose")
    let changes = options.has("changes")
    var status: Int32 = 0
    func describe(_ info: FileInfo) -> String {
        switch (uid != nil, gid != nil) {
        case (true, true): "\(accounts.userName(info.uid)):\(accounts.groupName(info.gid))"
        case (true, false): accounts.userName(info.uid)
        default: accounts.groupName(info.gid)
        }
    }
    func describeNew(_ info: FileInfo) -> String {
        switch (uid != nil, gid != nil) {
        case (true, true): "\(userText ?? ""):\(groupText ?? "")"
        case (true, false): userText ?? ""
        default: groupText ?? ""
        }
    }
    func process(_ display: String, _ absolute: String, _ info: FileInfo) {
        let changed = (uid != nil && uid != info.uid) || (gid != nil && gid != info.gid)
        do throws(FSError) {
            try inv.fileSystem.setOwner(absolute, uid: uid, gid: gid)
        } catch {
            if !options.has("silent") {
                inv.error("changing \(groupOnly ? "group" : "ownership") of \(Quoting.always(display)): \(error.message)")
            }
            status = 1
            return
        }
        let what = groupOnly || uid == nil ? "group" : "ownership"
        if changed && (verbose || changes) {
            inv.stdout.line("changed \(what) of \(Quoting.always(display)) from \(describe(info)) to \(describeNew(info))")
        } else if !changed && verbose {
            inv.stdout.line("\(what) of \(Quoting.always(display)) retained as \(describe(info))")
        }
    }
    for operand in operands {
        let absolute = inv.resolvedPath(operand)
        let info: FileInfo
        do throws(FSError) {
            info = try inv.fileSystem.info(absolute)
        } catch {
            if !options.has("silent") { inv.error("cannot access \(Quoting.always(operand)): \(error.message)") }
            status = 1
            continue
        }
        if options.has("recursive") {
            TreeWalk(fileSystem: inv.fileSystem).walk(from: operand, absolute: absolute, info: info) { event in
                if case .visit(let entry) = event, !entry.info.isSymlink { process(entry.path, entry.absolute, entry.info) }
                return .proceed
            }
        } else {
            process(operand, absolute, info)
        }
    }
    return status
}

/// The group field of the user's /etc/passwd line.
private func loginGroup(_ inv: Invocation, _ uid: UInt32) -> UInt32? {
    for line in ((try? inv.fileSystem.readText("/etc/passwd")) ?? "").split(separator: "\n") {
        let fields = line.split(separator: ":", omittingEmptySubsequences: false)
        if fields.count >= 4, UInt32(fields[2]) == uid { return UInt32(fields[3]) }
    }
    return nil
}
