import CommandKit
import Kubectl
import KubeModel
import NodeFS
import SimKit

/// An in-memory API server for verb tests: objects by resource key, resourceVersion bumped on writes.
final class MemoryContext: KubectlContext, @unchecked Sendable {
    var objects: [String: [KubeObject]] = [:]
    var version = 100

    var defaultNamespace: String { "default" }

    init(_ manifests: String...) {
        for manifest in manifests {
            for document in (try? KubeYAML.documents(in: manifest, source: "test")) ?? [] { add(KubeObject(document)) }
        }
    }

    func add(_ object: KubeObject) {
        guard let type = ResourceTable.standard.type(apiVersion: object.apiVersion, kind: object.kind) else { return }
        var object = object
        if type.namespaced, object.namespace.isEmpty { object.namespace = "default" }
        version += 1
        object[path: ["metadata", "resourceVersion"]] = .string(String(version))
        objects[type.key, default: []].append(object)
    }

    private func type(_ resource: String) throws(KubectlServerError) -> ResourceType {
        guard let type = ResourceTable.standard.lookup(resource) else {
            throw KubectlServerError(reason: "NotFound", code: 404, message: "the server could not find the requested resource")
        }
        return type
    }

    func list(resource: String, namespace: String?) throws(KubectlServerError) -> [KubeObject] {
        let type = try type(resource)
        return (objects[type.key] ?? []).filter { namespace == nil || $0.namespace == namespace }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    func get(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject {
        let type = try type(resource)
        let ns = type.namespaced ? (namespace ?? "default") : ""
        guard let object = objects[type.key]?.first(where: { $0.name == name && $0.namespace == ns }) else {
            throw KubectlServerError(reason: "NotFound", code: 404, message: "\(type.groupResource) \"\(name)\" not found")
        }
        return object
    }

    func create(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject {
        if !dryRun { add(object) }
        return object
    }

    func update(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject {
        let type = try type(object.kind)
        var object = object
        if type.namespaced, object.namespace.isEmpty { object.namespace = "default" }
        guard let index = objects[type.key]?.firstIndex(where: { $0.name == object.name && $0.namespace == object.namespace }) else {
            throw KubectlServerError(reason: "NotFound", code: 404, message: "\(type.groupResource) \"\(object.name)\" not found")
        }
        if let replicas = object[path: ["spec", "replicas"]]?.intValue, replicas < 0 {
            throw KubectlServerError(reason: "Invalid", code: 422, message: "invalid", kind: type.kind, name: object.name,
                                     causes: ["spec.replicas: Invalid value: \(replicas): must be greater than or equal to 0"])
        }
        if dryRun { return object }
        if let old = objects[type.key]?[index] {
            var same = object
            same[path: ["metadata", "resourceVersion"]] = old[path: ["metadata", "resourceVersion"]]
            if same == old { return old }
        }
        version += 1
        object[path: ["metadata", "resourceVersion"]] = .string(String(version))
        objects[type.key]?[index] = object
        return object
    }

    func delete(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject {
        let object = try get(resource: resource, namespace: namespace, name: name)
        let type = try type(resource)
        objects[type.key]?.removeAll { $0.name == object.name && $0.namespace == object.namespace }
        return object
    }
}

/// Runs one kubectl line (words split at spaces; single quotes group) against a context.
func kubectl(_ line: String, _ context: MemoryContext, files: [String: String] = [:]) -> KubectlRun {
    KubectlHarness.lab(words(line), files: files, context: context)
}

/// Runs one kubectl line whose editor is `editor`: it gets each opened file's text and returns the
/// text to save (nil: quit without saving). The texts it was shown are returned too.
func kubectl(_ line: String, _ context: MemoryContext, editorFails: Bool = false,
             editor: @escaping (String) -> String?) -> (KubectlRun, [String]) {
    let clock = SimClock()
    let disk = Disk(clock: clock)
    try? disk.createDirectories("/root")
    try? disk.createDirectories("/tmp")
    let out = OutputBuffer(), err = OutputBuffer()
    let shown = ShownTexts()
    var invocation = Invocation(arguments: ["kubectl"] + words(line), stdout: out.sink, stderr: err.sink,
                                workingDirectory: "/root", fileSystem: disk, clock: clock,
                                runCommand: { editorRun in
                                    if editorFails { return 127 }
                                    guard let path = editorRun.arguments.last, let bytes = try? disk.readFile(path) else { return 1 }
                                    let text = String(decoding: bytes, as: UTF8.self)
                                    shown.texts.append(text)
                                    if let saved = editor(text) { try? disk.writeFile(path, saved) }
                                    return 0
                                })
    let status = Kubectl.run(&invocation, context: context)
    return (KubectlRun(stdout: out.text, stderr: err.text, status: status), shown.texts)
}

/// The texts a test editor was shown.
final class ShownTexts: @unchecked Sendable {
    var texts: [String] = []
}

/// Shell-like word splitting with single quotes, enough for test lines.
func words(_ line: String) -> [String] {
    var result: [String] = [], current = "", quoted = false, inWord = false
    for character in line {
        if character == "'" { quoted.toggle(); inWord = true; continue }
        if character == " ", !quoted {
            if inWord { result.append(current) }
            current = ""
            inWord = false
            continue
        }
        current.append(character)
        inWord = true
    }
    if inWord { result.append(current) }
    return result
}

/// Manifests the verb tests start from.
enum MutateFixtures {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: nginx
                image: nginx
                ports:
                - containerPort: 80
                  protocol: TCP
        """

    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels:
            run: p
          annotations:
            a: b
        spec:
          containers:
          - name: c
            image: nginx
        """

    static let node = """
        apiVersion: v1
        kind: Node
        metadata:
          name: node01
          labels:
            kubernetes.io/hostname: node01
        spec:
          podCIDR: 192.168.1.0/24
        """
}
