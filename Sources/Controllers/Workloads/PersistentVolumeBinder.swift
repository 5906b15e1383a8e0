import APIStore
import KubeModel

/// The persistent volume controller's binding (pkg/controller/volume/persistentvolume): a new PV
/// becomes Available; a Pending claim binds to the smallest Available PV that satisfies it
/// (class, mode, access modes, size, selector, a named volume); a claim that finds none says so.
/// The lab has no dynamic provisioner: a claim naming a class waits, as it would without one.
final class PersistentVolumeBinder: Controller {
    let component = Component.controllerManager
    static let source = "persistentvolume-controller"
    private let store: APIStore
    private var claims: Set<ObjectKey> = []
    private var volumes: Set<String> = []

    init(store: APIStore) {
        self.store = store
        if let type = store.resourceType("persistentvolumes") {
            for volume in store.list(type) where phase(volume) == "Pending" { volumes.insert(volume.name) }
        }
        if let type = store.resourceType("persistentvolumeclaims") {
            for claim in store.list(type) where phase(claim) == "Pending" {
                claims.insert(ObjectKey(namespace: claim.namespace, name: claim.name))
            }
        }
    }

    var hasPendingWork: Bool { !claims.isEmpty || !volumes.isEmpty }

    func observe(_ event: WatchEvent) {
        switch event.resource.key {
        case "persistentvolumes":
            if event.type == .added { volumes.insert(event.object.name) }
            if event.type == .deleted { volumes.remove(event.object.name) }
        case "persistentvolumeclaims":
            let key = ObjectKey(namespace: event.object.namespace, name: event.object.name)
            if event.type == .added { claims.insert(key) }
            if event.type == .deleted {
                claims.remove(key)
                release(event.object)
            }
        default: break
        }
    }

    func sync(_ context: ControllerContext) {
        guard let volumeType = store.resourceType("persistentvolumes"),
              let claimType = store.resourceType("persistentvolumeclaims") else { return }
        let newVolumes = !volumes.isEmpty
        for name in volumes.sorted() {
            guard var volume = store.object(volumeType, namespace: "", name: name), phase(volume) == "Pending" else { continue }
            volume.content["status"] = ["phase": "Available"]
            _ = try? store.update(volume, subresource: .status)
        }
        volumes = []
        // A new volume may satisfy claims that waited.
        var keys = claims
        if newVolumes {
            for claim in store.list(claimType) where phase(claim) == "Pending" {
                keys.insert(ObjectKey(namespace: claim.namespace, name: claim.name))
            }
        }
        claims = []
        for key in keys.sorted() {
            guard let claim = store.object(claimType, namespace: key.namespace, name: key.name), phase(claim) == "Pending",
                  claim[path: ["metadata", "deletionTimestamp"]] == nil else { continue }
            bind(claim, volumeType: volumeType)
        }
    }

    private func bind(_ claim: KubeObject, volumeType: ResourceType) {
        let candidates = store.list(volumeType).filter { Self.satisfies($0, claim) }
        guard var volume = candidates.min(by: { (Self.capacity($0), $0.name) < (Self.capacity($1), $1.name) }) else {
            let className = claim[path: ["spec", "storageClassName"]]?.stringValue ?? ""
            if className.isEmpty {
                store.recordEvent(regarding: claim, reason: "FailedBinding",
                                  message: "no persistent volumes available for this claim and no storage class is set",
                                  component: Self.source)
            }
            return
        }
        volume[path: ["spec", "claimRef"]] = [
            "apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": .string(claim.name),
            "namespace": .string(claim.namespace),
            "resourceVersion": claim[path: ["metadata", "resourceVersion"]] ?? "",
            "uid": .string(claim.uid),
        ]
        volume.annotations["pv.kubernetes.io/bound-by-controller"] = "yes"
        guard var stored = try? store.update(volume) else { return }
        stored.content["status"] = ["phase": "Bound"]
        _ = try? store.update(stored, subresource: .status)
        var bound = claim
        bound[path: ["spec", "volumeName"]] = .string(volume.name)
        bound.annotations["pv.kubernetes.io/bind-completed"] = "yes"
        bound.annotations["pv.kubernetes.io/bound-by-controller"] = "yes"
        guard var claimStored = try? store.update(bound) else { return }
        claimStored.content["status"] = [
            "accessModes": volume[path: ["spec", "accessModes"]] ?? [],
            "capacity": volume[path: ["spec", "capacity"]] ?? .emptyObject,
            "phase": "Bound",
        ]
        _ = try? store.update(claimStored, subresource: .status)
    }

    /// A deleted claim's volume is Released (the lab's volumes keep their data: Retain).
    private func release(_ claim: KubeObject) {
        let name = claim[path: ["spec", "volumeName"]]?.stringValue ?? ""
        guard !name.isEmpty, let type = store.resourceType("persistentvolumes"),
              var volume = store.object(type, namespace: "", name: name),
              volume[path: ["spec", "claimRef", "uid"]]?.stringValue == claim.uid else { return }
        volume.content["status"] = ["phase": "Released"]
        _ = try? store.update(volume, subresource: .status)
    }

    /// `findMatchingVolume`'s checks for one volume.
    static func satisfies(_ volume: KubeObject, _ claim: KubeObject) -> Bool {
        let wanted = claim[path: ["spec", "volumeName"]]?.stringValue ?? ""
        if !wanted.isEmpty, volume.name != wanted { return false }
        if let ref = volume[path: ["spec", "claimRef"]] {
            guard ref["name"]?.stringValue == claim.name, ref["namespace"]?.stringValue == claim.namespace else { return false }
        } else if volume[path: ["status", "phase"]]?.stringValue != "Available" {
            return false
        }
        let claimClass = claim[path: ["spec", "storageClassName"]]?.stringValue ?? ""
        let volumeClass = volume[path: ["spec", "storageClassName"]]?.stringValue ?? ""
        guard claimClass == volumeClass else { return false }
        let claimMode = claim[path: ["spec", "volumeMode"]]?.stringValue ?? "Filesystem"
        let volumeMode = volume[path: ["spec", "volumeMode"]]?.stringValue ?? "Filesystem"
        guard claimMode == volumeMode else { return false }
        let modes = Set((volume[path: ["spec", "accessModes"]]?.arrayValue ?? []).compactMap(\.stringValue))
        let asked = (claim[path: ["spec", "accessModes"]]?.arrayValue ?? []).compactMap(\.stringValue)
        guard asked.allSatisfy(modes.contains) else { return false }
        let request = claim[path: ["spec", "resources", "requests", "storage"]]?.stringValue ?? "0"
        guard capacity(volume) >= Quantities.units(request) else { return false }
        if let selector = claim[path: ["spec", "selector"]] {
            guard case .success(let parsed) = LabelSelector.fromObject(selector), parsed.matches(volume.labels) else { return false }
        }
        return true
    }

    static func capacity(_ volume: KubeObject) -> Int64 {
        Quantities.units(volume[path: ["spec", "capacity", "storage"]]?.stringValue ?? "0")
    }

    private func phase(_ object: KubeObject) -> String { object[path: ["status", "phase"]]?.stringValue ?? "" }
}
