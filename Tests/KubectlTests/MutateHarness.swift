import CommandKit
import Kubectl
import KubeModel

/// An in-memory API server for verb tests: objects by resource key, resourceVersion bumped on writes.
final class MemoryContext: KubectlContext, @unchecked Sendable {
    var objects: [String: [KubeObject]] = [:]
    var version = 100
    /// What the editor hook returns for each call, in order (nil: the editor saved nothing).
    var edits: [(String) -> String?] = []
    var editedTexts: [String] = []

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

    func edit(name: String, text: String) -> KubectlEditOutcome {
        editedTexts.append(text)
        guard !edits.isEmpty else { return .noEditor("no terminal") }
        let next = edits.removeFirst()
        guard let saved = next(text) else { return .unchanged }
        return .saved(saved)
    }
}

/// Runs one kubectl line (words split at spaces; single quotes group) against a context.
func kubectl(_ line: String, _ context: MemoryContext, files: [String: String] = [:]) -> KubectlRun {
    KubectlHarness.lab(words(line), files: files, context: context)
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
