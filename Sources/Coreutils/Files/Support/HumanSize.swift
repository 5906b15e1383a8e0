import NodeFS

/// Sizes as gnulib's `human_readable` prints them for `-h` (powers of 1024, rounded up):
/// `1023`, `1.0K`, `1.1K`, `10K`, `1023K`, `1.0M`.
enum HumanSize {
    private static let units: [Character] = ["K", "M", "G", "T", "P", "E", "Z", "Y"]

    static func format(_ bytes: Int, base: Int = 1024) -> String {
        guard bytes >= base else { return String(max(0, bytes)) }
        var exponent = 0
        var divisor = 1
        while exponent < units.count, bytes / divisor >= base {
            divisor *= base
            exponent += 1
        }
        let tenths = ceilDiv(bytes.multipliedReportingOverflow(by: 10), divisor)
        if tenths < 100 {
            return "\(tenths / 10).\(tenths % 10)\(units[exponent - 1])"
        }
        let whole = ceilDiv((bytes, false), divisor)
        if whole >= base && exponent < units.count {
            return "1.0\(units[exponent])"
        }
        return "\(whole)\(units[exponent - 1])"
    }

    private static func ceilDiv(_ value: (partialValue: Int, overflow: Bool), _ divisor: Int) -> Int {
        if value.overflow { return Int.max / divisor }
        return (value.partialValue + divisor - 1) / divisor
    }
}

extension FileInfo {
    /// Disk usage in 1 KiB blocks, as ext4 allocates it: whole 4 KiB blocks for regular
    /// files and directories; a short symlink lives in its inode and takes none.
    var kilobytes: Int {
        switch kind {
        case .regular: (size + 4095) / 4096 * 4
        case .directory: max(4, (size + 4095) / 4096 * 4)
        case .symlink: size < 60 ? 0 : 4
        case .characterDevice: 0
        }
    }
}
