/// One volume mounted into a container: a directory of some filesystem (a node's disk for
/// hostPath, emptyDir, configMap and secret volumes) seen at `path` inside the container.
public struct Mount {
    /// Where the container sees it (absolute, normalised).
    public var path: String
    /// The filesystem the files live on.
    public var source: any FileSystem
    /// The directory (or file, for a subPath mount of one file) on `source` that `path` shows.
    public var sourcePath: String
    /// configMap, secret, downwardAPI and `readOnly: true` mounts refuse writes (EROFS).
    public var readOnly: Bool

    public init(path: String, source: any FileSystem, sourcePath: String, readOnly: Bool = false) {
        self.path = Path.normalize(path)
        self.source = source
        self.sourcePath = Path.normalize(sourcePath)
        self.readOnly = readOnly
    }

    /// Whether `path` (normalised) is this mount's point or lies below it.
    public func covers(_ path: String) -> Bool {
        path == self.path || self.path == "/" || path.hasPrefix(self.path + "/")
    }

    /// The path on `source` for a container path this mount covers.
    func translate(_ path: String) -> String {
        let rest = path.dropFirst(self.path == "/" ? 0 : self.path.count)
        if rest.isEmpty || rest == "/" { return sourcePath }
        return sourcePath == "/" ? String(rest) : sourcePath + rest
    }

    /// The container path for a path on `source` below `sourcePath`, if it is one.
    func untranslate(_ sourceResult: String) -> String? {
        if sourceResult == sourcePath { return path }
        let prefix = sourcePath == "/" ? "/" : sourcePath + "/"
        guard sourceResult.hasPrefix(prefix) else { return nil }
        let rest = sourceResult.dropFirst(prefix.count)
        return path == "/" ? "/" + rest : path + "/" + rest
    }
}
