import APIStore
import Foundation
import KubeModel

/// The environment a container's process starts with: the image's, the kubelet's service
/// variables, then the container's `envFrom` and `env` (later entries win).
enum ContainerEnvironment {
    static func make(store: APIStore, pod: KubeObject, container: JSONValue, image: ImageSpec) -> [String: String] {
        var environment: [String: String] = [
            "PATH": ImageCatalog.debianPath, "HOSTNAME": pod.name, "HOME": "/root",
            "KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443",
            "KUBERNETES_SERVICE_PORT_HTTPS": "443", "KUBERNETES_PORT": "tcp://10.96.0.1:443",
            "KUBERNETES_PORT_443_TCP": "tcp://10.96.0.1:443", "KUBERNETES_PORT_443_TCP_PROTO": "tcp",
            "KUBERNETES_PORT_443_TCP_PORT": "443", "KUBERNETES_PORT_443_TCP_ADDR": "10.96.0.1",
        ]
        for (name, value) in image.environment { environment[name] = value }
        func data(_ resource: String, _ name: String?) -> [String: String]? {
            guard let name, let type = store.resources.lookup(resource),
                  let object = store.object(type, namespace: pod.namespace, name: name) else { return nil }
            var result: [String: String] = [:]
            for (key, value) in object.content["data"]?.objectValue ?? [:] {
                let text = value.stringValue ?? ""
                result[key] = resource == "secrets" ? String(decoding: Data(base64Encoded: text) ?? Data(), as: UTF8.self) : text
            }
            return result
        }
        for source in container["envFrom"]?.arrayValue ?? [] {
            let prefix = source["prefix"]?.stringValue ?? ""
            let values = data("configmaps", source[path: ["configMapRef", "name"]]?.stringValue)
                ?? data("secrets", source[path: ["secretRef", "name"]]?.stringValue) ?? [:]
            for (key, value) in values { environment[prefix + key] = value }
        }
        for variable in container["env"]?.arrayValue ?? [] {
            guard let name = variable["name"]?.stringValue else { continue }
            if let value = variable["value"]?.stringValue {
                environment[name] = expand(value, environment)
            } else if let field = variable[path: ["valueFrom", "fieldRef", "fieldPath"]]?.stringValue {
                environment[name] = ContainerVolumes.field(field, of: pod)
            } else if let reference = variable[path: ["valueFrom", "configMapKeyRef"]],
                      let key = reference["key"]?.stringValue {
                environment[name] = data("configmaps", reference["name"]?.stringValue)?[key]
            } else if let reference = variable[path: ["valueFrom", "secretKeyRef"]], let key = reference["key"]?.stringValue {
                environment[name] = data("secrets", reference["name"]?.stringValue)?[key]
            } else {
                environment[name] = ""
            }
        }
        return environment
    }

    /// `$(VAR)` references to variables defined before, as the kubelet expands them (`$$` escapes).
    static func expand(_ text: String, _ environment: [String: String]) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("$") {
                result += "$"
                rest = after.dropFirst()
            } else if after.hasPrefix("("), let close = after.firstIndex(of: ")") {
                let name = String(after[after.index(after: after.startIndex)..<close])
                result += environment[name] ?? "$(\(name))"
                rest = after[after.index(after: close)...]
            } else {
                result += "$"
                rest = after
            }
        }
        return result + rest
    }
}
