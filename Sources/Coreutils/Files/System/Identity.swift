import CommandKit
import NodeFS

/// `id [-u|-g|-G] [-n] [USER]` — user and group ids from the node's /etc/passwd and /etc/group.
let idCommand = Command("id") { inv in
    let specs = [OptionSpec("u", "user"), OptionSpec("g", "group"), OptionSpec("G", "groups"),
                 OptionSpec("n", "name"), OptionSpec("r", "real"), OptionSpec("z", "zero"),
                 OptionSpec("a"), OptionSpec("Z", "context")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "id [OPTION]... [USER]...",
                                  summary: "Print user and group information for each specified USER,\nor (when USER omitted) for the current process.") { return 0 }
    let accounts = Accounts(fileSystem: inv.fileSystem)
    let passwd = PasswdTable(inv.fileSystem)
    let selectors = ["user", "group", "groups"].filter { options.has($0) }
    if selectors.count > 1 {
        inv.usageFailure("cannot print \"only\" of more than one choice")
        return 1
    }
    if options.has("name") && selectors.isEmpty {
        inv.error("cannot print only names or real IDs in default format")
        return 1
    }
    if options.has("context") {
        inv.error("--context (-Z) works only on an SELinux-enabled kernel")
        return 1
    }
    var users: [(String?, UInt32, UInt32)] = []
    if options.operands.isEmpty {
        users = [(nil, inv.host.uid, inv.host.gid)]
    } else {
        for name in options.operands {
            guard let entry = passwd.entry(named: name) else {
                inv.error("\(Quoting.locale(name)): no such user")
                return 1
            }
            users.append((entry.name, entry.uid, entry.gid))
        }
    }
    for (name, uid, gid) in users {
        let userName = name ?? accounts.userName(uid)
        var groups = [gid] + passwd.supplementaryGroups(of: userName).filter { $0 != gid }
        if name == nil { groups = [gid] }
        let separator = options.has("zero") ? "\0" : " "
        func shown(_ id: UInt32, _ name: String) -> String { options.has("name") ? name : String(id) }
        if options.has("user") {
            inv.stdout.write(shown(uid, accounts.userName(uid)) + (options.has("zero") ? "\0" : "\n"))
        } else if options.has("group") {
            inv.stdout.write(shown(gid, accounts.groupName(gid)) + (options.has("zero") ? "\0" : "\n"))
        } else if options.has("groups") {
            inv.stdout.write(groups.map { shown($0, accounts.groupName($0)) }.joined(separator: separator)
                             + (options.has("zero") ? "\0" : "\n"))
        } else {
            let list = groups.map { "\($0)(\(accounts.groupName($0)))" }.joined(separator: ",")
            inv.stdout.line("uid=\(uid)(\(accounts.userName(uid))) gid=\(gid)(\(accounts.groupName(gid))) groups=\(list)")
        }
    }
    return 0
}

/// The fields of /etc/passwd and the memberships of /etc/group that `id` needs.
private struct PasswdTable {
    struct Entry { var name: String; var uid: UInt32; var gid: UInt32 }
    var entries: [Entry] = []
    var members: [(gid: UInt32, users: [String])] = []

    init(_ fileSystem: any FileSystem) {
        for line in ((try? fileSystem.readText("/etc/passwd")) ?? "").split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 4, let uid = UInt32(fields[2]), let gid = UInt32(fields[3]) else { continue }
            entries.append(Entry(name: String(fields[0]), uid: uid, gid: gid))
        }
        for line in ((try? fileSystem.readText("/etc/group")) ?? "").split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 4, let gid = UInt32(fields[2]) else { continue }
            members.append((gid, fields[3].split(separator: ",").map(String.init)))
        }
    }

    func entry(named name: String) -> Entry? {
        entries.first { $0.name == name } ?? UInt32(name).flatMap { id in entries.first { $0.uid == id } }
    }

    func supplementaryGroups(of user: String) -> [UInt32] {
        members.filter { $0.users.contains(user) }.map(\.gid)
    }
}

/// `uname [-asnrvmpio]` — an Ubuntu 24.04 kernel on x86_64.
let unameCommand = Command("uname") { inv in
    let specs = [OptionSpec("a", "all"), OptionSpec("s", "kernel-name"), OptionSpec("n", "nodename"),
                 OptionSpec("r", "kernel-release"), OptionSpec("v", "kernel-version"), OptionSpec("m", "machine"),
                 OptionSpec("p", "processor"), OptionSpec("i", "hardware-platform"),
                 OptionSpec("o", "operating-system")] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "uname [OPTION]...",
                                  summary: "Print certain system information.  With no OPTION, same as -s.") { return 0 }
    if let extra = options.operands.first {
        inv.usageFailure("extra operand \(Quoting.locale(extra))")
        return 1
    }
    let fields: [(String, String)] = [
        ("kernel-name", "Linux"), ("nodename", inv.host.hostname), ("kernel-release", UnameFacts.release),
        ("kernel-version", UnameFacts.version), ("machine", "x86_64"), ("processor", "x86_64"),
        ("hardware-platform", "x86_64"), ("operating-system", "GNU/Linux"),
    ]
    let all = options.has("all")
    var chosen = fields.filter { all || options.has($0.0) }.map(\.1)
    if chosen.isEmpty { chosen = ["Linux"] }
    inv.stdout.line(chosen.joined(separator: " "))
    return 0
}

/// What the lab's kernel says about itself.
enum UnameFacts {
    static let release = "6.8.0-51-generic"
    static let version = "#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024"
}
