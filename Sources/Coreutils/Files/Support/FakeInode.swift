import NodeFS

/// Inode numbers and device ids for `ls -i`, `stat` and `find -inum`: NodeFS keeps none, so
/// each path gets a stable number derived from its canonical name (FNV-1a), in ext4's range.
enum FakeInode {
    /// `252,1`: the first partition of a virtio disk, as `/dev/vda1`.
    static let deviceMajor = 252
    static let deviceMinor = 1

    static func number(_ fileSystem: any FileSystem, _ absolute: String) -> UInt64 {
        let parent = (try? fileSystem.canonicalPath(Path.dirname(absolute))) ?? Path.dirname(absolute)
        let name = Path.basename(absolute)
        let canonical = absolute == "/" ? "/" : Path.join(parent, name)
        if canonical == "/" { return 2 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonical.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return 100_000 + hash % 3_000_000
    }
}
