import KubeModel

/// One object read from a manifest, mapped to its resource type (the builder's `resource.Info`).
struct ManifestObject {
    /// The file it came from (`x.yaml`, `STDIN`), for `error when creating "x.yaml": …`.
    var source: String
    var type: ResourceType
    /// The object as read, with the namespace the builder set for namespaced kinds.
    var object: KubeObject

    var name: String { object.name }
    var namespace: String { type.namespaced ? object.namespace : "" }
    /// `deployments/web`: `info.ObjectName()`, the resource without its group.
    var objectName: String { "\(type.plural)/\(name)" }
}

/// What visiting one manifest entry gave: an object, or a failure kubectl reports at the end.
enum ManifestItem {
    case object(ManifestObject)
    case failure(VisitError)
}
