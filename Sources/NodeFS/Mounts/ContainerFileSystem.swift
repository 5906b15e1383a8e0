/// What a container's processes see: the image's root filesystem with volumes mounted on it.
///
/// Paths are folded lexically (`..` included) before the longest covering mount is chosen;
/// inside one filesystem, symlinks resolve as that filesystem resolves them. Renames across
/// mounts fail with EXDEV and a mount point cannot be removed (EBUSY), as on Linux.
public final class ContainerFileSystem: FileSystem, @unchecked Sendable {
    public let root: any FileSystem
    /// Longest mount path first, so nested mounts win.
    public private(set) var mounts: [Mount] = []

    public init(root: any FileSystem, mounts: [Mount] = []) {
        self.root = root
        for mount in mounts { self.mount(mount) }
    }

    /// Mounts a volume, creating the mount point in the root (as runc does) when missing.
    public func mount(_ mount: Mount) {
        if !root.exists(mount.path) {
            if (try? mount.source.info(mount.sourcePath))?.isDirectory == false {
                try? root.createDirectories(Path.dirname(mount.path))
                try? root.writeFile(mount.path, [], append: false, mode: 0o644)
            } else {
                try? root.createDirectories(mount.path)
            }
        }
        mounts.removeAll { $0.path == mount.path }
        mounts.append(mount)
        mounts.sort { $0.path.count > $1.path.count }
    }

    private struct Target {
        var fileSystem: any FileSystem
        var path: String
        var mount: Mount?
    }

    private func target(_ path: String) -> Target {
        let folded = Path.normalize(path)
        guard let mount = mounts.first(where: { $0.covers(folded) }) else {
            return Target(fileSystem: root, path: path)
        }
        var translated = mount.translate(folded)
        if path.hasSuffix("/"), !translated.hasSuffix("/") { translated += "/" }
        return Target(fileSystem: mount.source, path: translated, mount: mount)
    }

    private func writable(_ path: String) throws(FSError) -> Target {
        let target = target(path)
        if target.mount?.readOnly == true { throw .readOnly }
        return target
    }

    private func isMountPoint(_ path: String) -> Bool {
        let folded = Path.normalize(path)
        return mounts.contains { $0.path == folded }
    }

    // MARK: - Reading

    public func info(_ path: String, followSymlinks: Bool) throws(FSError) -> FileInfo {
        let target = target(path)
        return try target.fileSystem.info(target.path, followSymlinks: followSymlinks)
    }

    public func readFile(_ path: String) throws(FSError) -> [UInt8] {
        let target = target(path)
        return try target.fileSystem.readFile(target.path)
    }

    public func listDirectory(_ path: String) throws(FSError) -> [String] {
        let target = target(path)
        return try target.fileSystem.listDirectory(target.path)
    }

    public func readLink(_ path: String) throws(FSError) -> String {
        let target = target(path)
        return try target.fileSystem.readLink(target.path)
    }

    public func canonicalPath(_ path: String) throws(FSError) -> String {
        let target = target(path)
        let resolved = try target.fileSystem.canonicalPath(target.path)
        guard let mount = target.mount else { return resolved }
        return mount.untranslate(resolved) ?? resolved
    }

    // MARK: - Writing

    public func writeFile(_ path: String, _ bytes: [UInt8], append: Bool, mode: UInt16) throws(FSError) {
        let target = try writable(path)
        try target.fileSystem.writeFile(target.path, bytes, append: append, mode: mode)
    }

    public func createDirectory(_ path: String, mode: UInt16) throws(FSError) {
        if isMountPoint(path) { throw .fileExists }
        let target = try writable(path)
        try target.fileSystem.createDirectory(target.path, mode: mode)
    }

    public func removeFile(_ path: String) throws(FSError) {
        if isMountPoint(path) { throw .busy }
        let target = try writable(path)
        try target.fileSystem.removeFile(target.path)
    }

    public func removeDirectory(_ path: String) throws(FSError) {
        if isMountPoint(path) { throw .busy }
        let target = try writable(path)
        try target.fileSystem.removeDirectory(target.path)
    }

    public func rename(_ source: String, to destination: String) throws(FSError) {
        if isMountPoint(source) || isMountPoint(destination) { throw .busy }
        let from = try writable(source)
        let to = try writable(destination)
        guard from.mount?.path == to.mount?.path else { throw .crossDevice }
        try from.fileSystem.rename(from.path, to: to.path)
    }

    public func createSymlink(_ path: String, target link: String) throws(FSError) {
        let target = try writable(path)
        try target.fileSystem.createSymlink(target.path, target: link)
    }

    public func setMode(_ path: String, _ mode: UInt16) throws(FSError) {
        let target = try writable(path)
        try target.fileSystem.setMode(target.path, mode)
    }

    public func setOwner(_ path: String, uid: UInt32?, gid: UInt32?) throws(FSError) {
        let target = try writable(path)
        try target.fileSystem.setOwner(target.path, uid: uid, gid: gid)
    }

    public func setModificationTime(_ path: String, _ time: Int64) throws(FSError) {
        let target = try writable(path)
        try target.fileSystem.setModificationTime(target.path, time)
    }
}
