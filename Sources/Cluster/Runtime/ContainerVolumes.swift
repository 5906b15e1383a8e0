import APIStore
import Foundation
import KubeModel
import NodeFS

/// A pod's volumes as the kubelet sets them up on the node, and one container's mounts of them.
///
/// Every volume is a directory on the node's disk: hostPath where it says, the others under
/// `/var/lib/kubelet/pods/<uid>/volumes/<plugin>/<name>` as a real kubelet keeps them
/// (configMap, secret and downwardAPI files are rewritten from the store at each start).
struct ContainerVolumes {
    let store: APIStore
    let disk: Disk
    let pod: KubeObject

    private var volumes: [String: JSONValue] {
        var table: [String: JSONValue] = [:]
        for volume in pod[path: ["spec", "volumes"]]?.arrayValue ?? [] {
            if let name = volume["name"]?.stringValue { table[name] = volume }
        }
        return table
    }

    /// The container's mounts, setting up each volume it uses.
    func mounts(for container: JSONValue) -> [Mount] {
        let table = volumes
        var result: [Mount] = []
        for volumeMount in container["volumeMounts"]?.arrayValue ?? [] {
            guard let name = volumeMount["name"]?.stringValue, let mountPath = volumeMount["mountPath"]?.stringValue,
                  mountPath.hasPrefix("/"), let volume = table[name] else { continue }
            guard let (directory, readOnly) = prepare(volume, name: name) else { continue }
            var source = directory
            if let subPath = volumeMount["subPath"]?.stringValue, !subPath.isEmpty, !subPath.hasPrefix("/"),
               !Path.components(subPath).contains("..") {
                source = Path.join(directory, subPath)
                if !disk.exists(source) { try? disk.createDirectories(source) }
            }
            let asked = volumeMount["readOnly"]?.boolValue ?? false
            result.append(Mount(path: mountPath, source: disk, sourcePath: source, readOnly: readOnly || asked))
        }
        return result
    }

    private func podDirectory(_ plugin: String, _ name: String) -> String {
        "/var/lib/kubelet/pods/\(pod.uid)/volumes/kubernetes.io~\(plugin)/\(name)"
    }

    /// Sets the volume up on the node; returns its directory and whether it is read-only.
    private func prepare(_ volume: JSONValue, name: String) -> (String, Bool)? {
        if let hostPath = volume["hostPath"] {
            guard let path = hostPath["path"]?.stringValue, path.hasPrefix("/") else { return nil }
            switch hostPath["type"]?.stringValue ?? "" {
            case "FileOrCreate":
                if !disk.exists(path) {
                    try? disk.createDirectories(Path.dirname(path))
                    try? disk.writeFile(path, [], append: false, mode: 0o644)
                }
            case "", "DirectoryOrCreate":
                // containerd creates a missing bind-mount source as a directory.
                if !disk.exists(path) { try? disk.createDirectories(path) }
            default:
                break
            }
            return (path, false)
        }
        if let claim = volume["persistentVolumeClaim"] {
            guard let directory = claimDirectory(claim["claimName"]?.stringValue ?? "") else { return nil }
            return (directory, claim["readOnly"]?.boolValue ?? false)
        }
        if volume["emptyDir"] != nil {
            let directory = podDirectory("empty-dir", name)
            if !disk.exists(directory) { try? disk.createDirectories(directory, mode: 0o777) }
            return (directory, false)
        }
        var files: [(String, [UInt8])] = []
        let plugin: String
        if let configMap = volume["configMap"] {
            plugin = "configmap"
            files = keyFiles(configMap, resource: "configmaps", decode: false)
        } else if let secret = volume["secret"] {
            plugin = "secret"
            var named = secret
            if case .object(var object) = named, let secretName = object["secretName"] { object["name"] = secretName; named = .object(object) }
            files = keyFiles(named, resource: "secrets", decode: true)
        } else if let downward = volume["downwardAPI"] {
            plugin = "downward-api"
            files = downwardFiles(downward)
        } else if let projected = volume["projected"] {
            plugin = "projected"
            for source in projected["sources"]?.arrayValue ?? [] {
                if let configMap = source["configMap"] { files += keyFiles(configMap, resource: "configmaps", decode: false) }
                if let secret = source["secret"] { files += keyFiles(secret, resource: "secrets", decode: true) }
                if let downward = source["downwardAPI"] { files += downwardFiles(downward) }
                if let token = source["serviceAccountToken"] {
                    files.append((token["path"]?.stringValue ?? "token", Array(Self.token(for: pod).utf8)))
                }
            }
        } else {
            return nil
        }
        let directory = podDirectory(plugin, name)
        // Files named plainly go in together with their directory; `items` paths with directories one by one.
        let plain = files.filter { Path.isPlainName($0.0) }
        try? disk.writeFiles(in: directory, plain.map { (name: $0.0, bytes: $0.1) })
        for (path, bytes) in files where path.utf8.contains(UInt8(ascii: "/")) && !path.hasPrefix("/")
            && !Path.components(path).contains("..") {
            let full = Path.join(directory, path)
            try? disk.createDirectories(Path.dirname(full))
            try? disk.writeFile(full, bytes, append: false, mode: 0o644)
        }
        return (directory, true)
    }

    /// A configMap's or secret's keys (or its `items`) as files.
    private func keyFiles(_ source: JSONValue, resource: String, decode: Bool) -> [(String, [UInt8])] {
        guard let name = source["name"]?.stringValue, let type = store.resources.lookup(resource),
              let object = store.object(type, namespace: pod.namespace, name: name) else { return [] }
        var values: [(String, [UInt8])] = []
        for (key, value) in object.content["data"]?.objectValue ?? [:] {
            let text = value.stringValue ?? ""
            values.append((key, decode ? Array(Data(base64Encoded: text) ?? Data()) : Array(text.utf8)))
        }
        if !decode {
            for (key, value) in object.content["binaryData"]?.objectValue ?? [:] {
                values.append((key, Array(Data(base64Encoded: value.stringValue ?? "") ?? Data())))
            }
        }
        guard let items = source["items"]?.arrayValue else { return values }
        return items.compactMap { item in
            guard let key = item["key"]?.stringValue, let path = item["path"]?.stringValue,
                  let value = values.first(where: { $0.0 == key }) else { return nil }
            return (path, value.1)
        }
    }

    private func downwardFiles(_ source: JSONValue) -> [(String, [UInt8])] {
        (source["items"]?.arrayValue ?? []).compactMap { item in
            guard let path = item["path"]?.stringValue,
                  let field = item[path: ["fieldRef", "fieldPath"]]?.stringValue else { return nil }
            return (path, Array(Self.field(field, of: pod).utf8))
        }
    }

    /// A downward API field (`metadata.name`, `metadata.labels['app']`, `status.podIP`, …).
    static func field(_ path: String, of pod: KubeObject) -> String {
        func pairs(_ map: [String: String]) -> String {
            map.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: "\n")
        }
        switch path {
        case "metadata.name": return pod.name
        case "metadata.namespace": return pod.namespace
        case "metadata.uid": return pod.uid
        case "metadata.labels": return pairs(pod.labels)
        case "metadata.annotations": return pairs(pod.annotations)
        case "spec.nodeName": return pod[path: ["spec", "nodeName"]]?.stringValue ?? ""
        case "spec.serviceAccountName": return pod[path: ["spec", "serviceAccountName"]]?.stringValue ?? ""
        case "status.hostIP": return pod[path: ["status", "hostIP"]]?.stringValue ?? ""
        case "status.podIP": return pod[path: ["status", "podIP"]]?.stringValue ?? ""
        default:
            for (prefix, map) in [("metadata.labels['", pod.labels), ("metadata.annotations['", pod.annotations)]
            where path.hasPrefix(prefix) && path.hasSuffix("']") {
                return map[String(path.dropFirst(prefix.count).dropLast(2))] ?? ""
            }
            return ""
        }
    }

    /// A stand-in bound service-account token (a JWT's shape, not a real signature).
    static func token(for pod: KubeObject) -> String {
        let account = pod[path: ["spec", "serviceAccountName"]]?.stringValue ?? "default"
        let claims = "{\"aud\":[\"https://kubernetes.default.svc.cluster.local\"],\"sub\":\"system:serviceaccount:\(pod.namespace):\(account)\"}"
        // Unpadded, as JWT segments are (trimmed by hand: Foundation's replacing is slow per container).
        var encoded = Data(claims.utf8).base64EncodedString()
        while encoded.hasSuffix("=") { encoded.removeLast() }
        return "eyJhbGciOiJSUzI1NiIsImtpZCI6ImNrYWxhYiJ9." + encoded + ".c2lnbmF0dXJl"
    }
}
