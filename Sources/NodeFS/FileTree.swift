/// One entry's owner, permissions and time.
public struct Metadata: Equatable, Sendable {
    public var mode: UInt16
    public var uid: UInt32
    public var gid: UInt32
    public var modificationTime: Int64

    public init(mode: UInt16, uid: UInt32 = 0, gid: UInt32 = 0, modificationTime: Int64 = 0) {
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.modificationTime = modificationTime
    }
}

/// A device node's behaviour.
public enum DeviceKind: Equatable, Sendable {
    /// Reads nothing, swallows writes.
    case null
}

/// An entry of the tree. Values all the way down: copying a tree is O(1) and a change
/// copies only the directories along its path, so thousands of nodes share one base image.
public enum Entry: Sendable {
    case file(contents: [UInt8], metadata: Metadata)
    case directory(DirectoryNode)
    case symlink(target: String, metadata: Metadata)
    case device(DeviceKind, metadata: Metadata)

    var metadata: Metadata {
        get {
            switch self {
            case .file(_, let m), .symlink(_, let m), .device(_, let m): m
            case .directory(let d): d.metadata
            }
        }
        set {
            switch self {
            case .file(let c, _): self = .file(contents: c, metadata: newValue)
            case .symlink(let t, _): self = .symlink(target: t, metadata: newValue)
            case .device(let k, _): self = .device(k, metadata: newValue)
            case .directory(var d):
                d.metadata = newValue
                self = .directory(d)
            }
        }
    }

    func info() -> FileInfo {
        let m = metadata
        switch self {
        case .file(let contents, _):
            return FileInfo(kind: .regular, mode: m.mode, uid: m.uid, gid: m.gid, size: contents.count,
                            modificationTime: m.modificationTime, linkCount: 1, symlinkTarget: nil)
        case .directory(let d):
            let subdirectories = d.children.values.reduce(0) { count, child in
                if case .directory = child { return count + 1 }
                return count
            }
            return FileInfo(kind: .directory, mode: m.mode, uid: m.uid, gid: m.gid, size: 4096,
                            modificationTime: m.modificationTime, linkCount: 2 + subdirectories, symlinkTarget: nil)
        case .symlink(let target, _):
            return FileInfo(kind: .symlink, mode: 0o777, uid: m.uid, gid: m.gid, size: target.utf8.count,
                            modificationTime: m.modificationTime, linkCount: 1, symlinkTarget: target)
        case .device:
            return FileInfo(kind: .characterDevice, mode: m.mode, uid: m.uid, gid: m.gid, size: 0,
                            modificationTime: m.modificationTime, linkCount: 1, symlinkTarget: nil)
        }
    }
}

public struct DirectoryNode: Sendable {
    public var metadata: Metadata
    public var children: [String: Entry]

    public init(metadata: Metadata = Metadata(mode: 0o755), children: [String: Entry] = [:]) {
        self.metadata = metadata
        self.children = children
    }
}

/// Where a path lands: the canonical components of its parent directory and its own name
/// (nil for `/`). The entry itself may not exist yet.
struct Location {
    var parent: [String]
    var name: String?
    var mustBeDirectory: Bool
}

/// An in-memory filesystem tree (a value).
public struct FileTree: Sendable {
    public var root: DirectoryNode
    static let maximumSymlinkHops = 40

    public init(root: DirectoryNode = DirectoryNode()) {
        self.root = root
    }

    // MARK: - Lookup

    func directory(at components: [String]) -> DirectoryNode? {
        var current = root
        for name in components {
            guard case .directory(let next)? = current.children[name] else { return nil }
            current = next
        }
        return current
    }

    func entry(at location: Location) -> Entry? {
        guard let directory = directory(at: location.parent) else { return nil }
        guard let name = location.name else { return .directory(directory) }
        return directory.children[name]
    }

    /// Resolves every component physically. Intermediate components must be directories
    /// (following symlinks); the last one is followed only when `followFinal` is set.
    func locate(_ path: String, followFinal: Bool) throws(FSError) -> Location {
        try walk(path, followFinal: followFinal).location
    }

    /// `locate`, also returning the entry the walk ended on (nil: the last name is not there),
    /// so that looking an entry up does not walk the path a second time.
    private func walk(_ path: String, followFinal: Bool) throws(FSError) -> (location: Location, entry: Entry?) {
        guard path.hasPrefix("/") else { throw .noSuchFile }
        var pending = Path.components(path)[...]
        var resolved: [String] = []
        resolved.reserveCapacity(pending.count)
        // The directories along `resolved`, root first, so each step is one lookup
        // (re-walking from the root made deep trees quadratic).
        var directories: [DirectoryNode] = [root]
        directories.reserveCapacity(pending.count + 1)
        var mustBeDirectory = path.utf8.count > 1 && path.hasSuffix("/")
        var hops = 0
        while let name = pending.popFirst() {
            if name == "." { if pending.isEmpty { break } else { continue } }
            if name == ".." {
                if !resolved.isEmpty { resolved.removeLast(); directories.removeLast() }
                if pending.isEmpty { break } else { continue }
            }
            guard let directory = directories.last else { throw .notADirectory }
            let isLast = pending.isEmpty
            guard let child = directory.children[name] else {
                if isLast { return (Location(parent: resolved, name: name, mustBeDirectory: mustBeDirectory), nil) }
                throw .noSuchFile
            }
            switch child {
            case .symlink(let target, _) where !isLast || followFinal || mustBeDirectory:
                hops += 1
                if hops > Self.maximumSymlinkHops { throw .tooManySymlinks }
                if target.hasPrefix("/") { resolved = []; directories = [root] }
                if isLast && target.hasSuffix("/") { mustBeDirectory = true }
                pending = (Path.components(target) + pending)[...]
                if pending.isEmpty {
                    // A link to "/" (or to ""): the root.
                    return (Location(parent: [], name: nil, mustBeDirectory: true), .directory(root))
                }
            case .directory(let next):
                if isLast { return (Location(parent: resolved, name: name, mustBeDirectory: mustBeDirectory), child) }
                resolved.append(name)
                directories.append(next)
            default:
                if isLast { return (Location(parent: resolved, name: name, mustBeDirectory: mustBeDirectory), child) }
                throw .notADirectory
            }
        }
        // Ended on "." or ".." (or the path was "/").
        let here = directories.last.map { Entry.directory($0) }
        guard let last = resolved.popLast() else {
            return (Location(parent: [], name: nil, mustBeDirectory: true), .directory(root))
        }
        return (Location(parent: resolved, name: last, mustBeDirectory: true), here)
    }

    /// How many of `path`'s last names are missing below a directory that exists: 0 when the
    /// whole path is a directory (its final symlink followed). Nil for anything else (an entry
    /// that is not a directory, a name missing inside a symlink's target, `.`/`..` after the
    /// first missing name, a relative path), which `mkdir -p` sorts out level by level.
    func missingDirectoryCount(_ path: String) -> Int? {
        guard path.hasPrefix("/") else { return nil }
        var directories: [DirectoryNode] = [root]
        var pending = Path.components(path)[...]
        // The pending names that are the path's own (the rest came from symlink targets).
        var own = pending.count
        var hops = 0
        while let name = pending.popFirst() {
            let wasOwn = pending.count < own
            if wasOwn { own = pending.count }
            if name == "." { continue }
            if name == ".." {
                if directories.count > 1 { directories.removeLast() }
                continue
            }
            guard let directory = directories.last else { return nil }
            switch directory.children[name] {
            case nil:
                guard wasOwn, !pending.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
                return 1 + pending.count
            case .symlink(let target, _)?:
                hops += 1
                if hops > Self.maximumSymlinkHops { return nil }
                if target.hasPrefix("/") { directories = [root] }
                pending = (Path.components(target) + pending)[...]
            case .directory(let next)?:
                directories.append(next)
            default:
                return nil
            }
        }
        return 0
    }

    /// Looks an existing entry up.
    func existing(_ path: String, followFinal: Bool) throws(FSError) -> (Location, Entry) {
        let (location, found) = try walk(path, followFinal: followFinal)
        guard let entry = found else { throw .noSuchFile }
        if location.mustBeDirectory {
            if case .directory = entry {} else { throw .notADirectory }
        }
        return (location, entry)
    }

    // MARK: - Change

    /// Runs `body` on the directory at `components`, in place, copying only what is shared.
    mutating func modifyDirectory<T>(
        _ components: [String], _ body: (inout DirectoryNode) throws(FSError) -> T
    ) throws(FSError) -> T {
        try Self.modify(&root, components[...], body)
    }

    private static func modify<T>(
        _ directory: inout DirectoryNode, _ components: ArraySlice<String>,
        _ body: (inout DirectoryNode) throws(FSError) -> T
    ) throws(FSError) -> T {
        guard let name = components.first else { return try body(&directory) }
        // Take the child out so that it is uniquely referenced while it changes.
        guard let child = directory.children.removeValue(forKey: name) else { throw .noSuchFile }
        guard case .directory(var subdirectory) = child else {
            directory.children[name] = child
            throw .notADirectory
        }
        defer { directory.children[name] = .directory(subdirectory) }
        return try modify(&subdirectory, components.dropFirst(), body)
    }
}
