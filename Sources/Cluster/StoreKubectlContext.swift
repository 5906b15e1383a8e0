import APIStore
import CommandKit
import NodeFS
import KubeModel
import Kubectl

/// kubectl's view of the world's API server: resources resolved through the store's
/// resource table, store errors turned into the statuses kubectl prints.
///
/// The world is single-threaded; the `Sendable` conformance only lets the `kubectl`
/// command (a Sendable closure) hold on to it.
final class StoreKubectlContext: KubectlContext, @unchecked Sendable {
    let store: APIStore
    /// The world, once built: requests let the control loops catch up first, and waits run it on.
    var world: WorldLink?

    init(store: APIStore) {
        self.store = store
    }

    /// What a request sees: the controllers have acted on everything up to now.
    func catchUp() {
        world?.world.settle()
    }

    func watch(upTo seconds: Double, step: () -> Void) {
        world?.world.runWhileBusy(upTo: seconds, step: step)
    }

    func wait(upTo seconds: Double, until condition: () -> Bool) -> Bool {
        guard let world = world?.world else { return condition() }
        return world.wait(upTo: seconds, until: condition)
    }

    var defaultNamespace: String { "default" }

    private func type(_ resource: String) throws(KubectlServerError) -> ResourceType {
        guard let type = store.resources.lookup(resource) else {
            throw KubectlServerError(reason: "NotFound", code: 404, message: "the server could not find the requested resource")
        }
        return type
    }

    func list(resource: String, namespace: String?) throws(KubectlServerError) -> [KubeObject] {
        try checkReachable()
        catchUp()
        let type = try type(resource)
        return store.list(type, ListOptions(namespace: type.namespaced ? namespace : nil))
    }

    func get(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject {
        try checkReachable()
        catchUp()
        let type = try type(resource)
        do throws(APIError) {
            return try store.get(type, namespace: type.namespaced ? (namespace ?? defaultNamespace) : "", name: name)
        } catch {
            throw error.kubectl
        }
    }

    func create(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject {
        try checkReachable()
        do throws(APIError) {
            return try store.create(object, options: CreateOptions(dryRun: dryRun))
        } catch {
            throw error.kubectl
        }
    }

    func update(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject {
        try checkReachable()
        do throws(APIError) {
            if dryRun { return try dryRunUpdate(object) }
            return try store.update(object)
        } catch {
            throw error.kubectl
        }
    }

    func delete(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject {
        try checkReachable()
        let type = try type(resource)
        do throws(APIError) {
            return try store.delete(type, namespace: namespace ?? defaultNamespace, name: name).object
        } catch {
            throw error.kubectl
        }
    }
}

extension APIError {
    /// The status as kubectl receives it.
    var kubectl: KubectlServerError {
        KubectlServerError(reason: reason.rawValue, code: code, message: message, kind: kind, name: name,
                           causes: causes.map(\.message))
    }
}

/// `kubectl delete`'s DELETE with grace period and propagation policy.
extension StoreKubectlContext {
    func delete(resource: String, namespace: String?, name: String,
                options: KubectlDeleteOptions) throws(KubectlServerError) -> KubeObject {
        try checkReachable()
        let type = try type(resource)
        do throws(APIError) {
            if options.dryRun {
                return try store.get(type, namespace: type.namespaced ? (namespace ?? defaultNamespace) : "", name: name)
            }
            let storeOptions = DeleteOptions(gracePeriodSeconds: options.gracePeriodSeconds,
                                             propagationPolicy: PropagationPolicy(rawValue: options.propagationPolicy))
            return try store.delete(type, namespace: namespace ?? defaultNamespace, name: name, options: storeOptions).object
        } catch {
            throw error.kubectl
        }
    }
}

/// What `kubectl get` reads: the store's own resource table, and lists that use its node index.
extension StoreKubectlContext {
    var resourceTable: ResourceTable { store.resources }

    func list(_ type: ResourceType, namespace: String?, labels: LabelSelector,
              fields: FieldSelector) throws(KubectlServerError) -> [KubeObject] {
        try checkReachable()
        catchUp()
        var options = ListOptions(namespace: type.namespaced ? namespace : nil)
        // spec.nodeName=X on pods goes through the store's node index; the rest is filtered here.
        var rest: [FieldSelector.Term] = []
        for term in fields.terms {
            if type.key == "pods", term.field == "spec.nodeName", !term.negated, options.fields.isEmpty {
                options.fields.append(FieldRequirement(path: term.field, value: term.value))
            } else {
                rest.append(term)
            }
        }
        let all = store.list(type, options)
        if labels.isEmpty, rest.isEmpty { return all }
        return all.filter { object in
            guard labels.isEmpty || labels.matches(object.labels) else { return false }
            if rest.isEmpty { return true }
            let values = FieldSelector.fields(of: object.content)
            return rest.allSatisfy { term in (values[term.field] ?? "") == term.value ? !term.negated : term.negated }
        }
    }
}

/// What the changing verbs need: server-side dry runs of updates.
extension StoreKubectlContext {
    /// An update admitted as the store would, but not written (`--dry-run=server`).
    func dryRunUpdate(_ object: KubeObject) throws(APIError) -> KubeObject {
        guard let type = store.resources.type(apiVersion: object.apiVersion, kind: object.kind) else {
            throw APIError(reason: .notFound, code: 404, message: "the server could not find the requested resource")
        }
        let namespace = type.namespaced ? (object.namespace.isEmpty ? defaultNamespace : object.namespace) : ""
        let old = try store.get(type, namespace: namespace, name: object.name)
        var updated = object
        updated.namespace = namespace
        try store.admission.admit(&updated, type: type, operation: .update, old: old)
        return updated
    }
}

/// kubectl run in-process over a store, as the world's `kubectl` command runs it (for `ckalab bench`).
public enum KubectlOverStore {
    /// Runs `kubectl <arguments>` and returns how many bytes it printed and its status.
    public static func run(_ arguments: [String], store: APIStore) -> (bytes: Int, status: Int32) {
        let stdout = OutputSink.discarding()
        var invocation = Invocation(arguments: ["kubectl"] + arguments, stdout: stdout, stderr: .discarding(),
                                    fileSystem: Disk(clock: store.clock), clock: store.clock)
        let status = Kubectl.run(&invocation, context: StoreKubectlContext(store: store))
        return (stdout.byteCount, status)
    }
}
