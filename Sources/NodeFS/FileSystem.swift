/// What a shell, a command or a container sees of a filesystem.
///
/// Paths are absolute (callers join relative paths with the working directory first;
/// see `Path.join`). Symlinks and `..` are resolved physically, component by component,
/// as the kernel does. A node's own disk (`Disk`) and a container's view with volumes
/// mounted both conform.
public protocol FileSystem: AnyObject {
    /// `stat` (following a final symlink) or `lstat` (not following it).
    func info(_ path: String, followSymlinks: Bool) throws(FSError) -> FileInfo
    /// The whole contents of a regular file (or nothing, for `/dev/null`).
    func readFile(_ path: String) throws(FSError) -> [UInt8]
    /// Creates or truncates (or appends to) a regular file. New files get `mode`.
    func writeFile(_ path: String, _ bytes: [UInt8], append: Bool, mode: UInt16) throws(FSError)
    /// `mkdir`: the parent must exist, the entry must not.
    func createDirectory(_ path: String, mode: UInt16) throws(FSError)
    /// `mkdir -p`: creates every missing directory along the path (a requirement so that a
    /// node's disk, behind `any FileSystem`, uses its own one-walk version).
    func createDirectories(_ path: String, mode: UInt16) throws(FSError)
    /// Entry names of a directory, sorted bytewise, without `.` and `..`.
    func listDirectory(_ path: String) throws(FSError) -> [String]
    /// `unlink`: removes a file, symlink or device node; a directory gives `isADirectory`.
    func removeFile(_ path: String) throws(FSError)
    /// `rmdir`: removes an empty directory.
    func removeDirectory(_ path: String) throws(FSError)
    /// `rename(2)` semantics, including replacing an existing target.
    func rename(_ source: String, to destination: String) throws(FSError)
    func createSymlink(_ path: String, target: String) throws(FSError)
    func readLink(_ path: String) throws(FSError) -> String
    func setMode(_ path: String, _ mode: UInt16) throws(FSError)
    func setOwner(_ path: String, uid: UInt32?, gid: UInt32?) throws(FSError)
    func setModificationTime(_ path: String, _ time: Int64) throws(FSError)
    /// The canonical absolute path with every symlink resolved (`realpath`).
    func canonicalPath(_ path: String) throws(FSError) -> String
}

extension FileSystem {
    public func info(_ path: String) throws(FSError) -> FileInfo {
        try info(path, followSymlinks: true)
    }

    public func writeFile(_ path: String, _ bytes: [UInt8], append: Bool = false) throws(FSError) {
        try writeFile(path, bytes, append: append, mode: 0o644)
    }

    public func writeFile(_ path: String, _ text: String, append: Bool = false) throws(FSError) {
        try writeFile(path, Array(text.utf8), append: append, mode: 0o644)
    }

    public func createDirectory(_ path: String) throws(FSError) {
        try createDirectory(path, mode: 0o755)
    }

    /// `mkdir -p`: creates every missing directory along the path.
    public func createDirectories(_ path: String) throws(FSError) {
        try createDirectories(path, mode: 0o755)
    }

    public func createDirectories(_ path: String, mode: UInt16) throws(FSError) {
        var current = ""
        for component in Path.components(path) {
            current += "/" + component
            do throws(FSError) {
                let existing = try info(current)
                if !existing.isDirectory { throw FSError.fileExists }
            } catch .noSuchFile {
                try createDirectory(current, mode: mode)
            }
        }
    }

    public func exists(_ path: String) -> Bool {
        (try? info(path)) != nil
    }

    public func isDirectory(_ path: String) -> Bool {
        (try? info(path))?.isDirectory ?? false
    }

    /// The file's text, decoding invalid UTF-8 leniently.
    public func readText(_ path: String) throws(FSError) -> String {
        String(decoding: try readFile(path), as: UTF8.self)
    }
}
