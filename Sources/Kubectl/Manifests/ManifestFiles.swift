import KubeModel
import NodeFS

/// One input kubectl's resource builder reads: a file, stdin, or a path that failed.
struct ManifestInput {
    /// How kubectl names it in messages: the path as given (`d/a.yaml`) or `STDIN`.
    var source: String
    var bytes: [UInt8]
}

/// What `-f` names, expanded as the builder's FilenameParam does.
enum ManifestFiles {
    /// The extensions a directory walk keeps (`FileExtensions` in the builder).
    static let extensions = [".json", ".yaml", ".yml"]

    /// Each `-f` value in order; a directory's files in name order (`-R` descends).
    /// Errors stop the whole command before anything is sent, as `r.Err()` does.
    static func inputs(_ request: VerbRequest, recursive: Bool) throws(KubectlFailure) -> [ManifestInput] {
        var inputs: [ManifestInput] = []
        let fs = request.invocation.fileSystem
        let cwd = request.invocation.workingDirectory
        for name in request.flags.strings("filename") {
            if name == "-" {
                inputs.append(ManifestInput(source: "STDIN", bytes: request.invocation.stdin))
                continue
            }
            if name.hasPrefix("http://") || name.hasPrefix("https://") {
                throw unreachable(url: name)
            }
            let absolute = name.hasPrefix("/") ? name : Path.join(cwd, name)
            guard let info = try? fs.info(absolute, followSymlinks: true) else {
                throw .error("the path \(FlagParsing.goQuote(name)) does not exist")
            }
            if info.kind == .directory {
                var found: [ManifestInput] = []
                walk(fs, absolute: absolute, shown: name, recursive: recursive, depth: 0, into: &found)
                if found.isEmpty {
                    throw .error("error reading [\(name)]: recognized file extensions are [.json .yaml .yml]")
                }
                inputs += found
            } else {
                inputs.append(ManifestInput(source: name, bytes: (try? fs.readFile(absolute)) ?? []))
            }
        }
        return inputs
    }

    /// filepath.Walk order: names sorted; subdirectories only with -R (the top one always).
    private static func walk(_ fs: any FileSystem, absolute: String, shown: String, recursive: Bool, depth: Int,
                             into found: inout [ManifestInput]) {
        guard depth < 64, let names = try? fs.listDirectory(absolute) else { return }
        for entry in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let path = Path.join(absolute, entry)
            let display = Path.join(shown, entry)
            guard let info = try? fs.info(path, followSymlinks: true) else { continue }
            if info.kind == .directory {
                if recursive { walk(fs, absolute: path, shown: display, recursive: true, depth: depth + 1, into: &found) }
                continue
            }
            guard extensions.contains(where: { entry.hasSuffix($0) }) else { continue }
            found.append(ManifestInput(source: display, bytes: (try? fs.readFile(path)) ?? []))
        }
    }

    /// The lab has no route to the internet: the HTTP client's lookup fails as it does offline.
    static func unreachable(url: String) -> KubectlFailure {
        var host = url.drop(while: { $0 != "/" }).drop(while: { $0 == "/" })
        if let end = host.firstIndex(where: { $0 == "/" || $0 == ":" || $0 == "?" }) { host = host[..<end] }
        return KubectlFailure(stderr: "Unable to connect to the server: dial tcp: lookup \(host) on 127.0.0.53:53: "
                                  + "server misbehaving\n")
    }
}
