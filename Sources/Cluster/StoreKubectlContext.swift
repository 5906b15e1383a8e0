import APIStore
import KubeModel
import Kubectl

/// kubectl's view of the world's API server: resources resolved through the store's
/// resource table, store errors turned into the statuses kubectl prints.
///
/// The world is single-threaded; the `Sendable` conformance only lets the `kubectl`
/// command (a Sendable closure) hold on to it.
final class StoreKubectlContext: KubectlContext, @unchecked Sendable {
    let store: APIStore

    init(store: APIStore) {
        self.store = store
    }

    var defaultNamespace: String { "default" }

    private func type(_ resource: String) throws(KubectlServerError) -> ResourceType {
        guard let type = store.resources.lookup(resource) else {
            throw KubectlServerError(reason: "NotFound", code: 404, message: "the server could not find the requested resource")
        }
        return type
    }

    func list(resource: String, namespace: String?) throws(KubectlServerError) -> [KubeObject] {
        let type = try type(resource)
        return store.list(type, ListOptions(namespace: type.namespaced ? namespace : nil))
    }

    func get(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject {
        let type = try type(resource)
        do throws(APIError) {
            return try store.get(type, namespace: type.namespaced ? (namespace ?? defaultNamespace) : "", name: name)
        } catch {
            throw error.kubectl
        }
    }

    func create(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject {
        do throws(APIError) {
            return try store.create(object, options: CreateOptions(dryRun: dryRun))
        } catch {
            throw error.kubectl
        }
    }

    func update(_ object: KubeObject, dryRun: Bool) throws(KubectlServerError) -> KubeObject {
        do throws(APIError) {
            return try store.update(object)
        } catch {
            throw error.kubectl
        }
    }

    func delete(resource: String, namespace: String?, name: String) throws(KubectlServerError) -> KubeObject {
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
        KubectlServerError(reason: reason.rawValue, code: code, message: message)
    }
}
