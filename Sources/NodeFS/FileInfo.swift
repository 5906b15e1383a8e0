/// What `stat` tells about one entry.
public struct FileInfo: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case regular, directory, symlink, characterDevice
    }

    public var kind: Kind
    /// Permission bits, including setuid/setgid/sticky (`0o7777`).
    public var mode: UInt16
    public var uid: UInt32
    public var gid: UInt32
    public var size: Int
    /// Nanoseconds since the epoch, from the simulated clock.
    public var modificationTime: Int64
    public var linkCount: Int
    /// Set for symlinks: what the link points at, as written.
    public var symlinkTarget: String?

    public var isDirectory: Bool { kind == .directory }
    public var isRegular: Bool { kind == .regular }
    public var isSymlink: Bool { kind == .symlink }

    /// `ls -l`'s ten-character mode column, e.g. `drwxr-xr-x`.
    public var modeString: String {
        let type: Character = switch kind {
        case .regular: "-"
        case .directory: "d"
        case .symlink: "l"
        case .characterDevice: "c"
        }
        func bit(_ mask: UInt16, _ c: Character) -> Character { mode & mask != 0 ? c : "-" }
        func exec(_ execMask: UInt16, _ specialMask: UInt16, _ set: Character, _ unset: Character) -> Character {
            switch (mode & execMask != 0, mode & specialMask != 0) {
            case (true, true): set
            case (false, true): unset
            case (true, false): "x"
            case (false, false): "-"
            }
        }
        return String([
            type,
            bit(0o400, "r"), bit(0o200, "w"), exec(0o100, 0o4000, "s", "S"),
            bit(0o040, "r"), bit(0o020, "w"), exec(0o010, 0o2000, "s", "S"),
            bit(0o004, "r"), bit(0o002, "w"), exec(0o001, 0o1000, "t", "T"),
        ])
    }
}
