import Foundation

/// Lab states on disk, one JSON file per lab under `<home>/sessions/`, plus which one was used
/// last. Every write is atomic: a temp file, fsync, rename — a crash leaves the old file or the
/// new one, never half of either.
public struct SessionStore: Sendable {
    public let directory: String

    /// `home` is ckalab's own folder (`$CKALAB_HOME`, default ~/.ckalab).
    public init(home: String) {
        directory = home + "/sessions"
    }

    public func path(for key: String) -> String { directory + "/\(key).json" }

    public func save(_ state: LabState) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try Self.writeAtomically(try encoder.encode(state), to: path(for: state.key))
        try Self.writeAtomically(Data((state.key + "\n").utf8), to: directory + "/current")
    }

    /// The saved state of a lab, or nil (none saved, or unreadable: never a crash).
    public func load(key: String) -> LabState? {
        guard let data = FileManager.default.contents(atPath: path(for: key)) else { return nil }
        guard let state = try? JSONDecoder().decode(LabState.self, from: data), state.version == 1 else { return nil }
        return state
    }

    /// The lab used last.
    public func current() -> LabState? {
        guard let data = FileManager.default.contents(atPath: directory + "/current") else { return nil }
        let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty, !key.contains("/") else { return nil }
        return load(key: key)
    }

    /// Writes `data` to a temp file beside `path`, flushes it to the disk, then renames it over `path`.
    public static func writeAtomically(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temp = path + ".tmp-\(getpid())"
        let descriptor = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw StoreError.cannotWrite(temp, errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        guard failure == 0, rename(temp, path) == 0 else {
            let code = failure == 0 ? errno : failure
            unlink(temp)
            throw StoreError.cannotWrite(path, code)
        }
        // The rename itself is durable once the directory is flushed.
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    public enum StoreError: Error, CustomStringConvertible {
        case cannotWrite(String, Int32)

        public var description: String {
            switch self {
            case let .cannotWrite(path, code): "cannot write \(path): \(String(cString: strerror(code)))"
            }
        }
    }
}
