import KubeModel

/// What a write is doing, for admission.
public enum AdmissionOperation: String, Sendable {
    case create = "CREATE"
    case update = "UPDATE"
}

/// The step the store runs before it persists a write: defaulting, then validation.
/// KubeModel's Defaults and Validation provide the real one; `PassThroughAdmission` accepts all.
public protocol Admission {
    /// Mutates `object` (defaults) and throws an `APIError` (`Invalid`, `Forbidden`) to refuse it.
    /// `old` is the stored object on update.
    func admit(_ object: inout KubeObject, type: ResourceType, operation: AdmissionOperation,
               old: KubeObject?) throws(APIError)
}

/// Admits everything unchanged.
public struct PassThroughAdmission: Admission {
    public init() {}

    public func admit(_ object: inout KubeObject, type: ResourceType, operation: AdmissionOperation,
                      old: KubeObject?) throws(APIError) {}
}
