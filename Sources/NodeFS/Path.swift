/// Lexical path helpers. They never touch a filesystem.
public enum Path {
    /// The non-empty components of a path: `"/a//b/"` → `["a", "b"]`.
    public static func components(_ path: String) -> [String] {
        // A native string's bytes are split in place: walking String indices cost more than
        // the lookups they served.
        if let split = path.utf8.withContiguousStorageIfAvailable(components(of:)) { return split }
        return slowComponents(path)
    }

    private static func components(of bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var slashes = 0
        for byte in bytes where byte == UInt8(ascii: "/") { slashes += 1 }
        var components: [String] = []
        components.reserveCapacity(slashes + 1)
        var start = -1
        for index in 0..<bytes.count {
            if bytes[index] == UInt8(ascii: "/") {
                if start >= 0 {
                    components.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                }
                start = -1
            } else if start < 0 {
                start = index
            }
        }
        if start >= 0 {
            components.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        return components
    }

    private static func slowComponents(_ path: String) -> [String] {
        // Byte by byte: '/' is ASCII, so it never sits inside a multi-byte character, and
        // splitting by Character (grapheme clusters) made every file lookup pay for Unicode.
        var components: [String] = []
        let bytes = path.utf8
        // Sized once: growing the array step by step cost more than the split itself.
        var slashes = 0
        for byte in bytes where byte == UInt8(ascii: "/") { slashes += 1 }
        components.reserveCapacity(slashes + 1)
        var start: String.Index?
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                if let first = start { components.append(String(path[first..<index])) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = bytes.index(after: index)
        }
        if let first = start { components.append(String(path[first...])) }
        return components
    }

    /// Whether `name` names an entry of a directory by itself: not empty, `.`, `..`, nor holding a `/`.
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.utf8.contains(UInt8(ascii: "/"))
    }

    /// `path` if it is absolute, else `directory/path`. No `..` is folded: the filesystem
    /// resolves it physically, as the kernel would.
    public static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.isEmpty { return directory }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// Folds `.`, `..` and repeated slashes lexically, as bash does for `cd` and `$PWD`.
    public static func normalize(_ path: String) -> String {
        if isNormal(path) { return path }
        var result: [String] = []
        for component in components(path) {
            switch component {
            case ".": continue
            case "..": if !result.isEmpty { result.removeLast() }
            default: result.append(component)
            }
        }
        return "/" + result.joined(separator: "/")
    }

    /// Whether `normalize` would give `path` back: absolute, no empty, `.` or `..` component,
    /// no trailing slash (most paths the kubelet and the shell hand over already are).
    static func isNormal(_ path: String) -> Bool {
        path.utf8.withContiguousStorageIfAvailable { bytes in
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            guard bytes.first == slash else { return false }
            if bytes.count == 1 { return true }
            var start = 1
            for index in 1...bytes.count where index == bytes.count || bytes[index] == slash {
                let length = index - start
                if length == 0 { return false }
                if bytes[start] == dot, length == 1 || (length == 2 && bytes[start + 1] == dot) { return false }
                start = index + 1
            }
            return true
        } ?? false
    }

    /// `basename(1)` without suffix handling: `"/a/b/"` → `"b"`, `"/"` → `"/"`.
    public static func basename(_ path: String) -> String {
        if path.isEmpty { return "" }
        let parts = components(path)
        return parts.last ?? "/"
    }

    /// `dirname(1)`: `"/a/b"` → `"/a"`, `"b"` → `"."`, `"/"` → `"/"`.
    public static func dirname(_ path: String) -> String {
        // Bytes, not Characters: '/' is ASCII, and counting Characters walks the whole string.
        let bytes = Array(path.utf8)
        let slash = UInt8(ascii: "/")
        var end = bytes.count
        while end > 1, bytes[end - 1] == slash { end -= 1 }
        guard let last = bytes[..<end].lastIndex(of: slash) else { return "." }
        var headEnd = last
        while headEnd > 1, bytes[headEnd - 1] == slash { headEnd -= 1 }
        return headEnd == 0 ? "/" : String(decoding: bytes[..<headEnd], as: UTF8.self)
    }
}
