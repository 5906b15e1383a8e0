/// How kubectl cuts a manifest file into documents before decoding each
/// (k8s.io/apimachinery `YAMLOrJSONDecoder`): a stream of JSON values when the text starts
/// with `{`, else YAML chunks split at lines starting with `---`.
enum ManifestStream {
    enum Chunks {
        case json
        case yaml([[UInt8]])
        /// `invalid Yaml document separator: …`, met after the chunks before it.
        case yamlThenError([[UInt8]], String)
    }

    /// `GuessJSONStream`: JSON when the first non-space byte is `{`.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        for b in bytes {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
            default: return b == UInt8(ascii: "{")
            }
        }
        return false
    }

    /// `YAMLReader.Read`, repeatedly: chunks between `---` lines, separators dropped; text
    /// after `---` other than spaces and a comment is an error.
    static func yamlChunks(_ bytes: [UInt8]) -> Chunks {
        var chunks: [[UInt8]] = []
        var buffer: [UInt8] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if end < bytes.count { end += 1 }
            let line = bytes[start..<end]
            start = end
            if line.starts(with: "---".utf8) {
                let rest = String(decoding: line.dropFirst(3), as: UTF8.self).trimmingGoSpace()
                if let first = rest.first, first != "#" {
                    return .yamlThenError(chunks, "invalid Yaml document separator: \(rest)")
                }
                if !buffer.isEmpty {
                    chunks.append(buffer)
                    buffer = []
                }
                continue
            }
            buffer.append(contentsOf: line)
        }
        if !buffer.isEmpty { chunks.append(buffer) }
        return .yaml(chunks)
    }
}

extension String {
    /// `strings.TrimSpace`: Unicode white space off both ends.
    func trimmingGoSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
