import NodeFS

/// User and group names, read from the node's own `/etc/passwd` and `/etc/group`.
public struct Accounts {
    public var users: [UInt32: String] = [:]
    public var groups: [UInt32: String] = [:]

    public init(fileSystem: any FileSystem) {
        users = Self.table(fileSystem, "/etc/passwd")
        groups = Self.table(fileSystem, "/etc/group")
    }

    public func userName(_ uid: UInt32) -> String { users[uid] ?? String(uid) }
    public func groupName(_ gid: UInt32) -> String { groups[gid] ?? String(gid) }

    public func uid(named name: String) -> UInt32? {
        users.first { $0.value == name }?.key ?? UInt32(name)
    }

    public func gid(named name: String) -> UInt32? {
        groups.first { $0.value == name }?.key ?? UInt32(name)
    }

    private static func table(_ fileSystem: any FileSystem, _ path: String) -> [UInt32: String] {
        guard let text = try? fileSystem.readText(path) else { return [:] }
        var result: [UInt32: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 3, let id = UInt32(fields[2]) else { continue }
            if result[id] == nil { result[id] = String(fields[0]) }
        }
        return result
    }
}
