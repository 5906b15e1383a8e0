/// An image name as containerd normalises it: `nginx` → `docker.io/library/nginx:latest`.
struct ImageReference: Equatable, Hashable {
    var registry: String
    var repository: String
    var tag: String
    var digest: String?

    /// `docker.io/library/nginx` (no tag).
    var name: String { registry + "/" + repository }
    /// `docker.io/library/nginx:latest`, what pull messages quote.
    var canonical: String {
        if let digest { return name + "@" + digest }
        return name + ":" + tag
    }

    /// docker/distribution's reference grammar, loosely: nil for what it calls an invalid format.
    static func parse(_ image: String) -> ImageReference? {
        guard !image.isEmpty, !image.contains(" ") else { return nil }
        var rest = Substring(image)
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
            guard digest?.hasPrefix("sha256:") == true else { return nil }
        }
        var tag = "latest"
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
            guard !tag.isEmpty, tag.count <= 128 else { return nil }
        }
        var parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, !parts.contains(where: \.isEmpty) else { return nil }
        var registry = "docker.io"
        if parts.count > 1, let first = parts.first, first.contains(".") || first.contains(":") || first == "localhost" {
            registry = first
            parts.removeFirst()
        }
        if registry == "docker.io", parts.count == 1 { parts.insert("library", at: 0) }
        let repository = parts.joined(separator: "/")
        // Lower-case letters, digits, `.`, `_`, `-` and `/` (bytes: every container start parses its image).
        guard repository.utf8.allSatisfy({ byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
        }) else { return nil }
        return ImageReference(registry: registry, repository: repository, tag: tag, digest: digest)
    }
}
