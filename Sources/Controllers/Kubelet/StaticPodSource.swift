import APIStore
import KubeModel
import NodeFS

/// The kubelet's file source (pkg/kubelet/config/file.go): every entry of `staticPodPath` not
/// starting with `.`, sorted, no recursion, each file one pod (YAML or JSON, any extension);
/// a bad file is skipped without failing the rest.
public enum StaticPodSource {
    /// One manifest as read: the pod the kubelet will run, or why the file was skipped.
    public struct Manifest: Equatable {
        public var path: String
        public var text: String
        /// The static pod (defaulted, named `<name>-<node>`, uid = hash), nil when `problem` is set.
        public var pod: KubeObject?
        public var problem: String?
    }

    /// Reads `directory` on `disk` (a single file path is read as one manifest, as the kubelet does).
    public static func read(_ directory: String, disk: any FileSystem, node: String, now: Int64) -> [Manifest] {
        guard let info = try? disk.info(directory, followSymlinks: true) else { return [] }
        guard info.kind == .directory else {
            return [manifest(directory, disk: disk, node: node, now: now)].compactMap { $0 }
        }
        let names = ((try? disk.listDirectory(directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            manifest(Path.join(directory, name), disk: disk, node: node, now: now)
        }
    }

    private static func manifest(_ path: String, disk: any FileSystem, node: String, now: Int64) -> Manifest? {
        guard let info = try? disk.info(path, followSymlinks: true), info.kind == .regular,
              let bytes = try? disk.readFile(path) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        var result = Manifest(path: path, text: text)
        do throws(ManifestError) {
            let documents = try KubeYAML.documents(in: text, source: path)
            guard documents.count == 1, let document = documents.first else {
                result.problem = "invalid pod: expected one document, found \(documents.count)"
                return result
            }
            guard document["kind"]?.stringValue == "Pod", document["apiVersion"]?.stringValue == "v1" else {
                result.problem = "invalid pod: the manifest is not a v1 Pod"
                return result
            }
            result.pod = staticPod(document, text: text, path: path, node: node, now: now, problem: &result.problem)
        } catch {
            result.problem = "could not decode: " + error.detail
        }
        return result
    }

    /// `applyDefaults` of the file source, then the API server's defaults and validation.
    static func staticPod(_ document: JSONValue, text: String, path: String, node: String, now: Int64,
                          problem: inout String?) -> KubeObject? {
        var pod = document
        let hash = hash(manifest: text, node: node, path: path)
        let baseName = pod[path: ["metadata", "name"]]?.stringValue ?? ""
        pod[path: ["metadata", "name"]] = .string(baseName + "-" + node.lowercased())
        if (pod[path: ["metadata", "namespace"]]?.stringValue ?? "").isEmpty { pod[path: ["metadata", "namespace"]] = "default" }
        pod[path: ["metadata", "creationTimestamp"]] = nil
        pod[path: ["spec", "nodeName"]] = .string(node)
        var tolerations = pod[path: ["spec", "tolerations"]]?.arrayValue ?? []
        tolerations.append(["effect": "NoExecute", "operator": "Exists"])
        pod[path: ["spec", "tolerations"]] = .array(tolerations)
        pod["status"] = nil
        switch Admission.create(pod) {
        case .success(let admitted): pod = admitted
        case .failure(let error):
            problem = "invalid pod: " + error.message
            return nil
        }
        pod["status"] = nil
        var annotations = pod[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        annotations["kubernetes.io/config.hash"] = .string(hash)
        annotations["kubernetes.io/config.seen"] = .string(Timestamp.rfc3339Nano(nanoseconds: now))
        annotations["kubernetes.io/config.source"] = "file"
        pod[path: ["metadata", "annotations"]] = .object(annotations)
        pod[path: ["metadata", "uid"]] = .string(hash)
        return KubeObject(pod)
    }

    /// The static pod's uid (`kubernetes.io/config.hash`): a hash of the file, the node and the path.
    public static func hash(manifest: String, node: String, path: String) -> String {
        hex(of: manifest + "\u{0}host:" + node + "\u{0}file:" + path, length: 32)
    }

    /// `length` hex digits of FNV-1a 64 hashes of `text`, chained by round.
    public static func hex(of text: String, length: Int) -> String {
        // Bytes, not Characters: ids are made at every container start.
        var digits: [UInt8] = []
        digits.reserveCapacity(length + 15)
        var round: UInt64 = 0
        while digits.count < length {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ round
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            for shift in stride(from: UInt64(60), through: 0, by: -4) {
                let nibble = UInt8(truncatingIfNeeded: (hash >> shift) & 0xf)
                digits.append(nibble < 10 ? 0x30 + nibble : 0x57 + nibble)
            }
            round += 1
        }
        return String(decoding: digits.prefix(length), as: UTF8.self)
    }
}
