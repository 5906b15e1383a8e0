import SimKit

/// A node's own filesystem: a `FileTree` plus the clock that stamps modification times.
///
/// Make many disks from one base image (`Disk(tree: image, clock:)`): they share all
/// storage until one of them changes a file.
public final class Disk: FileSystem, @unchecked Sendable {
    public private(set) var tree: FileTree
    private let clock: SimClock
    /// Counts writes (each mutating call bumps it before it changes anything).
    private var changes = 0 {
        didSet { onChange?() }
    }
    /// Called on every write (the kubelet watching its static pod path, as inotify would tell it).
    public var onChange: (() -> Void)?
    /// A number that changes whenever anything on the disk changes, so a watcher (the kubelet's
    /// static pod path) can skip looking when nothing happened.
    public var changeStamp: Int { changes }

    public init(tree: FileTree = FileTree(), clock: SimClock) {
        self.tree = tree
        self.clock = clock
    }

    /// Replaces the whole tree (used when restoring a saved session).
    public func replaceTree(_ newTree: FileTree) {
        changes &+= 1
        tree = newTree
    }

    // MARK: - Reading

    public func info(_ path: String, followSymlinks: Bool) throws(FSError) -> FileInfo {
        try tree.existing(path, followFinal: followSymlinks).1.info()
    }

    public func readFile(_ path: String) throws(FSError) -> [UInt8] {
        switch try tree.existing(path, followFinal: true).1 {
        case .file(let contents, _): return contents
        case .directory: throw .isADirectory
        case .device: return []
        case .symlink: throw .tooManySymlinks
        }
    }

    public func listDirectory(_ path: String) throws(FSError) -> [String] {
        guard case .directory(let directory) = try tree.existing(path, followFinal: true).1 else {
            throw .notADirectory
        }
        return directory.children.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    public func readLink(_ path: String) throws(FSError) -> String {
        guard case .symlink(let target, _) = try tree.existing(path, followFinal: false).1 else {
            throw .invalidArgument
        }
        return target
    }

    public func canonicalPath(_ path: String) throws(FSError) -> String {
        let (location, _) = try tree.existing(path, followFinal: true)
        let components = location.parent + (location.name.map { [$0] } ?? [])
        return "/" + components.joined(separator: "/")
    }

    // MARK: - Writing

    public func writeFile(_ path: String, _ bytes: [UInt8], append: Bool, mode: UInt16) throws(FSError) {
        changes &+= 1
        let location = try tree.locate(path, followFinal: true)
        guard let name = location.name else { throw .isADirectory }
        if location.mustBeDirectory && tree.entry(at: location) == nil { throw .isADirectory }
        let now = clock.now
        try tree.modifyDirectory(location.parent) { (directory) throws(FSError) in
            switch directory.children[name] {
            case nil:
                directory.children[name] = .file(contents: bytes, metadata: Metadata(mode: mode, modificationTime: now))
                directory.metadata.modificationTime = now
            case .file(var contents, var metadata)?:
                directory.children[name] = nil  // keep `contents` uniquely referenced
                if append { contents.append(contentsOf: bytes) } else { contents = bytes }
                metadata.modificationTime = now
                directory.children[name] = .file(contents: contents, metadata: metadata)
            case .directory?:
                throw .isADirectory
            case .device?:
                return
            case .symlink?:
                throw .tooManySymlinks
            }
        }
    }

    /// `mkdir -p`: one walk when the directory is there already, else the missing tail only
    /// (FileSystem's general version re-walks every prefix, quadratic in the depth).
    public func createDirectories(_ path: String, mode: UInt16 = 0o755) throws(FSError) {
        _ = try createDirectories(path, mode: mode, leaf: [:])
    }

    /// Writes files into one directory, making it and its missing parents first, as a sequence
    /// of `writeFile` calls would: one change of the tree instead of one walk per file (the
    /// kubelet writes each volume's and container's files together).
    public func writeFiles(in directory: String, _ files: [(name: String, bytes: [UInt8])], mode: UInt16 = 0o644) throws(FSError) {
        let plain = files.allSatisfy { Path.isPlainName($0.name) }
        let now = clock.now
        var leaf: [String: Entry] = [:]
        for file in files { leaf[file.name] = .file(contents: file.bytes, metadata: Metadata(mode: mode, modificationTime: now)) }
        guard plain, leaf.count == files.count else {
            try createDirectories(directory)
            for file in files { try writeFile(Path.join(directory, file.name), file.bytes, append: false, mode: mode) }
            return
        }
        // A new directory is made holding the files; an existing one takes them in one change.
        if try createDirectories(directory, mode: 0o755, leaf: leaf) { return }
        let location = try tree.locate(directory, followFinal: true)
        let components = location.parent + (location.name.map { [$0] } ?? [])
        let replaceable = tree.directory(at: components).map { existing in
            files.allSatisfy { file in
                if case .directory? = existing.children[file.name] { return false }
                if case .symlink? = existing.children[file.name] { return false }
                return true
            }
        }
        guard replaceable == true else {
            for file in files { try writeFile(Path.join(directory, file.name), file.bytes, append: false, mode: mode) }
            return
        }
        changes &+= files.count
        try tree.modifyDirectory(components) { (target: inout DirectoryNode) in
            for file in files {
                switch target.children[file.name] {
                case .file(_, var metadata)?:
                    metadata.modificationTime = now
                    target.children[file.name] = .file(contents: file.bytes, metadata: metadata)
                case .device?, .directory?, .symlink?:
                    break
                case nil:
                    // A new name changes the directory; new contents of a file do not.
                    target.children[file.name] = leaf[file.name]
                    target.metadata.modificationTime = now
                }
            }
        }
    }

    /// `mkdir -p`, the deepest directory made holding `leaf`; whether it made that directory.
    private func createDirectories(_ path: String, mode: UInt16, leaf: [String: Entry]) throws(FSError) -> Bool {
        // The missing levels, deepest first, up to the deepest directory that exists.
        var missing: [String] = []
        var current = path
        // One walk finds how much is missing; the level-by-level search below is for the odd cases.
        if let count = tree.missingDirectoryCount(path) {
            if count == 0 { return false }
            for _ in 0..<count {
                missing.append(current)
                current = Path.dirname(current)
            }
        } else {
            search: while true {
                switch try? tree.existing(current, followFinal: true).1 {
                case .directory?: break search
                case .some: throw .fileExists
                case nil:
                    let parent = Path.dirname(current)
                    if parent == current {
                        try createDirectory(current, mode: mode)  // `/` or a relative path: its error
                        break search
                    }
                    missing.append(current)
                    current = parent
                }
            }
        }
        guard let top = missing.last else { return false }
        let names = Array(Path.components(path).suffix(missing.count))
        guard names.count == missing.count, !names.contains(where: { $0 == "." || $0 == ".." }) else {
            // `.` and `..` name directories that exist once the levels before them do (mkdir -p a/./b/../c).
            for level in missing.reversed() where ![".", ".."].contains(Path.basename(level)) {
                try createDirectory(level, mode: mode)
            }
            return false
        }
        // The whole missing tail in one change, below the directory that exists.
        let location = try tree.locate(top, followFinal: false)
        guard let first = location.name, first == names.first else { throw .fileExists }
        let now = clock.now
        var node = DirectoryNode(metadata: Metadata(mode: mode, modificationTime: now), children: leaf)
        for name in names.dropFirst().reversed() {
            var outer = DirectoryNode(metadata: Metadata(mode: mode, modificationTime: now))
            outer.children[name] = .directory(node)
            node = outer
        }
        // `node` is now the first missing level, holding the rest.
        changes &+= missing.count + leaf.count
        try tree.modifyDirectory(location.parent) { (directory) throws(FSError) in
            if directory.children[first] != nil { throw .fileExists }
            directory.children[first] = .directory(node)
            directory.metadata.modificationTime = now
        }
        return true
    }

    public func createDirectory(_ path: String, mode: UInt16) throws(FSError) {
        changes &+= 1
        let location = try tree.locate(path, followFinal: false)
        guard let name = location.name else { throw .fileExists }
        let now = clock.now
        try tree.modifyDirectory(location.parent) { (directory) throws(FSError) in
            if directory.children[name] != nil { throw .fileExists }
            directory.children[name] = .directory(DirectoryNode(metadata: Metadata(mode: mode, modificationTime: now)))
            directory.metadata.modificationTime = now
        }
    }

    public func removeFile(_ path: String) throws(FSError) {
        changes &+= 1
        let location = try tree.locate(path, followFinal: false)
        guard let name = location.name else { throw .isADirectory }
        let now = clock.now
        try tree.modifyDirectory(location.parent) { (directory) throws(FSError) in
            switch directory.children[name] {
            case nil: throw .noSuchFile
            case .directory?: throw .isADirectory
            default:
                if location.mustBeDirectory { throw .notADirectory }
                directory.children[name] = nil
                directory.metadata.modificationTime = now
            }
        }
    }

    public func removeDirectory(_ path: String) throws(FSError) {
        changes &+= 1
        let location = try tree.locate(path, followFinal: false)
        guard let name = location.name else { throw .busy }
        let now = clock.now
        try tree.modifyDirectory(location.parent) { (directory) throws(FSError) in
            switch directory.children[name] {
            case nil: throw .noSuchFile
            case .directory(let child)?:
                if !child.children.isEmpty { throw .directoryNotEmpty }
                directory.children[name] = nil
                directory.metadata.modificationTime = now
            default: throw .notADirectory
            }
        }
    }

    public func rename(_ source: String, to destination: String) throws(FSError) {
        changes &+= 1
        let from = try tree.locate(source, followFinal: false)
        guard let fromName = from.name, let moving = tree.entry(at: from) else {
            throw from.name == nil ? .busy : .noSuchFile
        }
        let to = try tree.locate(destination, followFinal: false)
        guard let toName = to.name else { throw .busy }
        guard tree.directory(at: to.parent) != nil else { throw .noSuchFile }
        let movingIsDirectory: Bool = if case .directory = moving { true } else { false }
        if from.mustBeDirectory && !movingIsDirectory { throw .notADirectory }
        let fromPath = from.parent + [fromName]
        let toPath = to.parent + [toName]
        if fromPath == toPath { return }
        if movingIsDirectory && toPath.starts(with: fromPath) { throw .invalidArgument }
        if let existing = tree.entry(at: to) {
            switch (movingIsDirectory, existing) {
            case (true, .directory(let target)):
                if !target.children.isEmpty { throw .directoryNotEmpty }
            case (true, _): throw .notADirectory
            case (false, .directory): throw .isADirectory
            default: break
            }
        } else if to.mustBeDirectory && !movingIsDirectory {
            throw .notADirectory
        }
        let now = clock.now
        try tree.modifyDirectory(from.parent) { (directory) throws(FSError) in
            directory.children[fromName] = nil
            directory.metadata.modificationTime = now
        }
        try tree.modifyDirectory(to.parent) { (directory) throws(FSError) in
            directory.children[toName] = moving
            directory.metadata.modificationTime = now
        }
    }

    public func createSymlink(_ path: String, target: String) throws(FSError) {
        changes &+= 1
        let location = try tree.locate(path, followFinal: false)
        guard let name = location.name else { throw .fileExists }
        let now = clock.now
        try tree.modifyDirectory(location.parent) { (directory) throws(FSError) in
            if directory.children[name] != nil { throw .fileExists }
            directory.children[name] = .symlink(target: target, metadata: Metadata(mode: 0o777, modificationTime: now))
            directory.metadata.modificationTime = now
        }
    }

    public func setMode(_ path: String, _ mode: UInt16) throws(FSError) {
        changes &+= 1
        try changeMetadata(path) { $0.mode = mode & 0o7777 }
    }

    public func setOwner(_ path: String, uid: UInt32?, gid: UInt32?) throws(FSError) {
        changes &+= 1
        try changeMetadata(path) { metadata in
            if let uid { metadata.uid = uid }
            if let gid { metadata.gid = gid }
        }
    }

    public func setModificationTime(_ path: String, _ time: Int64) throws(FSError) {
        changes &+= 1
        try changeMetadata(path) { $0.modificationTime = time }
    }

    /// Adds a device node (e.g. `/dev/null`) when building an image.
    public func createDevice(_ path: String, kind: DeviceKind, mode: UInt16 = 0o666) throws(FSError) {
        changes &+= 1
        let location = try tree.locate(path, followFinal: false)
        guard let name = location.name else { throw .fileExists }
        try tree.modifyDirectory(location.parent) { (directory) throws(FSError) in
            directory.children[name] = .device(kind, metadata: Metadata(mode: mode))
        }
    }

    private func changeMetadata(_ path: String, _ change: (inout Metadata) -> Void) throws(FSError) {
        let (location, _) = try tree.existing(path, followFinal: true)
        guard let name = location.name else {
            change(&tree.root.metadata)
            return
        }
        try tree.modifyDirectory(location.parent) { (directory) throws(FSError) in
            guard var entry = directory.children.removeValue(forKey: name) else { throw .noSuchFile }
            change(&entry.metadata)
            directory.children[name] = entry
        }
    }
}
