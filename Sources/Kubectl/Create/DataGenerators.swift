import CommandKit
import KubeModel
import NodeFS

/// `kubectl create configmap|secret generic` and their sources (literals, files, env files).
extension CreateVerbs {
    static func configMap(_ request: inout VerbRequest) throws(KubectlFailure) {
        let name = try request.singleName()
        let entries = try dataEntries(request, owner: "ConfigMap \"\(name)\"", section: "Data")
        var data: [(String, JSONValue)] = []
        var binary: [(String, JSONValue)] = []
        for (key, bytes) in entries {
            if let text = String(validating: bytes, as: UTF8.self) {
                data.append((key, .string(text)))
            } else {
                binary.append((key, .string(Base64.encode(bytes))))
            }
        }
        var object = Generated.object(kind: "ConfigMap", apiVersion: "v1",
                                      metadata: Generated.metadata(name: name, namespace: request.enforcedNamespace))
        if !data.isEmpty { object["data"] = .object(Generated.sortedMap(data)) }
        if !binary.isEmpty { object["binaryData"] = .object(Generated.sortedMap(binary)) }
        try request.finishCreate(.object(object))
    }

    static func secretGeneric(_ request: inout VerbRequest) throws(KubectlFailure) {
        let name = try request.singleName()
        let entries = try dataEntries(request, owner: "Secret \"\(name)\"", section: "Data")
        var object = Generated.object(kind: "Secret", apiVersion: "v1",
                                      metadata: Generated.metadata(name: name, namespace: request.enforcedNamespace))
        if !entries.isEmpty {
            object["data"] = .object(Generated.sortedMap(entries.map { ($0.0, .string(Base64.encode($0.1))) }))
        }
        let type = request.flags.string("type")
        if !type.isEmpty { object["type"] = .string(type) }
        try request.finishCreate(.object(object))
    }

    /// Keys and bytes from --from-file, --from-literal and --from-env-file, in kubectl's order.
    private static func dataEntries(_ request: VerbRequest, owner: String, section: String) throws(KubectlFailure) -> [(String, [UInt8])] {
        var entries: [(String, [UInt8])] = []
        func add(_ key: String, _ bytes: [UInt8]) throws(KubectlFailure) {
            if entries.contains(where: { $0.0 == key }) {
                throw .error("cannot add key \(FlagParsing.goQuote(key)), another key by that name already exists in \(section) for \(owner)")
            }
            entries.append((key, bytes))
        }
        for source in request.flags.strings("from-file") {
            for (key, bytes) in try fileSource(source, request.invocation) { try add(key, bytes) }
        }
        for literal in request.flags.strings("from-literal") {
            let parts = literal.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw .error("invalid literal source \(literal), expected key=value")
            }
            try add(String(parts[0]), Array(parts[1].utf8))
        }
        for path in request.flags.strings("from-env-file") {
            let text = String(decoding: try read(path, request.invocation), as: UTF8.self)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(parts[0])
                let value = parts.count > 1 ? String(parts[1]) : (request.invocation.environment[key] ?? "")
                try add(key, Array(value.utf8))
            }
        }
        return entries
    }

    /// `--from-file=[key=]path`: one file, or each regular file of a directory.
    private static func fileSource(_ source: String, _ invocation: Invocation) throws(KubectlFailure) -> [(String, [UInt8])] {
        var key: String?
        var path = source
        if let equals = source.firstIndex(of: "=") {
            key = String(source[..<equals])
            path = String(source[source.index(after: equals)...])
            if key?.isEmpty == true || path.isEmpty {
                throw .error("key names or file paths cannot contain '='")
            }
        }
        let absolute = invocation.path(path)
        if invocation.fileSystem.isDirectory(absolute) {
            if key != nil { throw .error("cannot give a key name for a directory path") }
            var entries: [(String, [UInt8])] = []
            let names: [String]
            do throws(FSError) { names = try invocation.fileSystem.listDirectory(absolute).sorted() } catch {
                throw .error("error reading \(path): \(goMessage(error))")
            }
            for name in names {
                let child = Path.join(absolute, name)
                guard (try? invocation.fileSystem.info(child))?.kind == .regular else { continue }
                entries.append((name, try read(Path.join(path, name), invocation)))
            }
            return entries
        }
        return [(key ?? Path.basename(path), try read(path, invocation))]
    }

    private static func read(_ path: String, _ invocation: Invocation) throws(KubectlFailure) -> [UInt8] {
        do throws(FSError) {
            return try invocation.fileSystem.readFile(invocation.path(path))
        } catch {
            throw .error("error reading \(path): \(goMessage(error))")
        }
    }

    /// Go's syscall error text: strerror in lower case.
    static func goMessage(_ error: FSError) -> String {
        let message = error.message
        guard let first = message.first else { return message }
        return first.lowercased() + message.dropFirst()
    }
}

/// Standard base64 with padding, as Go's encoding/json writes []byte.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0f) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3f)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
