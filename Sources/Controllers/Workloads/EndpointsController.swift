import APIStore
import KubeModel

/// The endpoints and endpointslice controllers: for every Service with a selector, an
/// `Endpoints` of the same name and one `EndpointSlice` (`<service>-<5 chars>`) listing the
/// matching pods' addresses, ready or not, with hostnames for pods whose subdomain is the Service.
final class EndpointsController: Controller {
    let component = Component.controllerManager
    static let sliceManager = "endpointslice-controller.k8s.io"
    private let store: APIStore
    /// Services to sync.
    private var dirty: Set<ObjectKey> = []
    /// Namespaces whose pods changed: every selecting Service there looks again.
    private var podNamespaces: Set<String> = []
    /// The Services that select pods (a selector, not ExternalName), by namespace: the others
    /// have no endpoints to keep, so a pod change concerns only these.
    private var selecting: [String: Set<ObjectKey>] = [:]

    init(store: APIStore) {
        self.store = store
        if let type = store.resourceType("services") {
            for service in store.list(type) {
                dirty.insert(ObjectKey(namespace: service.namespace, name: service.name))
                noteSelecting(service, deleted: false)
            }
        }
    }

    /// The Service's pod selector, when it keeps endpoints (a selector, not ExternalName).
    private static func podSelector(_ service: KubeObject) -> JSONObject? {
        guard service[path: ["spec", "type"]]?.stringValue != "ExternalName" else { return nil }
        return service[path: ["spec", "selector"]]?.objectValue
    }

    private func noteSelecting(_ service: KubeObject, deleted: Bool) {
        let key = ObjectKey(namespace: service.namespace, name: service.name)
        if !deleted, Self.podSelector(service) != nil {
            selecting[service.namespace, default: []].insert(key)
        } else {
            selecting[service.namespace]?.remove(key)
        }
    }

    var hasPendingWork: Bool { !dirty.isEmpty || !podNamespaces.isEmpty }

    func observe(_ event: WatchEvent) {
        switch event.resource.key {
        case "services":
            dirty.insert(ObjectKey(namespace: event.object.namespace, name: event.object.name))
            noteSelecting(event.object, deleted: event.type == .deleted)
        case "pods":
            if selecting[event.object.namespace]?.isEmpty == false { podNamespaces.insert(event.object.namespace) }
        case "endpoints", "endpointslices.discovery.k8s.io":
            // A managed object removed by hand comes back.
            if event.type == .deleted {
                let service = event.object.labels["kubernetes.io/service-name"] ?? event.object.name
                dirty.insert(ObjectKey(namespace: event.object.namespace, name: service))
            }
        default: break
        }
    }

    func sync(_ context: ControllerContext) {
        guard let serviceType = store.resourceType("services") else { return }
        var keys = dirty
        for namespace in podNamespaces { keys.formUnion(selecting[namespace] ?? []) }
        dirty = []
        podNamespaces = []
        for key in keys.sorted() {
            syncService(key, serviceType: serviceType, context)
        }
    }

    private func syncService(_ key: ObjectKey, serviceType: ResourceType, _ context: ControllerContext) {
        guard let endpointsType = store.resourceType("endpoints") else { return }
        guard let service = store.object(serviceType, namespace: key.namespace, name: key.name) else {
            _ = try? store.delete(endpointsType, namespace: key.namespace, name: key.name)
            return
        }
        guard let selector = Self.podSelector(service) else { return }
        let pods = selectedPods(namespace: key.namespace, selector: selector)
        writeEndpoints(service, pods: pods, type: endpointsType, context)
        writeSlice(service, pods: pods, context)
    }

    private func selectedPods(namespace: String, selector: JSONObject) -> [KubeObject] {
        guard let podType = store.resourceType("pods") else { return [] }
        let requirements = selector.compactMap { key, value in value.stringValue.map { LabelRequirement.equals(key, $0) } }
        return store.list(podType, ListOptions(namespace: namespace, labels: requirements))
    }

    /// When the change behind this write happened: the newest pod readiness change or creation.
    private func triggerTime(_ service: KubeObject, pods: [KubeObject]) -> JSONValue {
        var newest = PodFacts.created(service)
        for pod in pods { newest = max(newest, PodFacts.readySince(pod) ?? PodFacts.created(pod)) }
        return .string(Timestamp.rfc3339Nano(nanoseconds: newest))
    }

    private func writeEndpoints(_ service: KubeObject, pods: [KubeObject], type: ResourceType, _ context: ControllerContext) {
        let members = EndpointsDecisions.members(of: service, pods: pods, includeTerminating: false)
        let subsets = EndpointsDecisions.subsets(members)
        let labels = EndpointsDecisions.labels(of: service)
        let current = store.object(type, namespace: service.namespace, name: service.name)
        if let current, EndpointsDecisions.sameSubsets(current.content["subsets"], subsets),
           EndpointsDecisions.canonical(current.content[path: ["metadata", "labels"]] ?? .emptyObject)
            == EndpointsDecisions.canonical(.object(labels)) {
            return
        }
        var object = current ?? KubeObject(["apiVersion": "v1", "kind": "Endpoints",
                                            "metadata": ["name": .string(service.name), "namespace": .string(service.namespace)]])
        object.content[path: ["metadata", "labels"]] = labels.isEmpty ? nil : .object(labels)
        object.annotations["endpoints.kubernetes.io/last-change-trigger-time"] = triggerTime(service, pods: pods).stringValue
        object.content["subsets"] = subsets.isEmpty ? nil : .array(subsets)
        if current == nil {
            _ = try? store.create(object, namespace: service.namespace)
        } else {
            _ = try? store.update(object)
        }
    }

    private func writeSlice(_ service: KubeObject, pods: [KubeObject], _ context: ControllerContext) {
        guard let type = store.resourceType("endpointslices.discovery.k8s.io") else { return }
        let members = EndpointsDecisions.members(of: service, pods: pods, includeTerminating: true)
        let endpoints = EndpointsDecisions.sliceEndpoints(members)
        let ports = members.first?.ports ?? []
        var labels = EndpointsDecisions.labels(of: service)
        labels["endpointslice.kubernetes.io/managed-by"] = .string(Self.sliceManager)
        labels["kubernetes.io/service-name"] = .string(service.name)
        let existing = store.list(type, ListOptions(namespace: service.namespace,
                                                    labels: [.equals("kubernetes.io/service-name", service.name)]))
        let current = existing.first { $0.labels["endpointslice.kubernetes.io/managed-by"] == Self.sliceManager }
        if let current,
           EndpointsDecisions.canonical(current.content["endpoints"] ?? .array([])) == EndpointsDecisions.canonical(.array(endpoints)),
           EndpointsDecisions.samePorts(current.content["ports"], ports),
           EndpointsDecisions.canonical(current.content[path: ["metadata", "labels"]] ?? .emptyObject)
            == EndpointsDecisions.canonical(.object(labels)) {
            return
        }
        var object = current ?? KubeObject([
            "addressType": "IPv4", "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
            "metadata": ["generateName": .string(service.name + "-"), "namespace": .string(service.namespace),
                         "ownerReferences": [ControllerRef.reference(to: service)]],
        ])
        object.content[path: ["metadata", "labels"]] = .object(labels)
        object.annotations["endpoints.kubernetes.io/last-change-trigger-time"] = triggerTime(service, pods: pods).stringValue
        object.content["endpoints"] = endpoints.isEmpty ? nil : .array(endpoints)
        object.content["ports"] = ports.isEmpty ? nil : .array(ports)
        if current == nil {
            _ = try? store.create(object, namespace: service.namespace)
        } else {
            _ = try? store.update(object)
        }
    }
}
