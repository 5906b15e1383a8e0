import KubeModel

/// What a write is doing, for admission.
public enum AdmissionOperation: String, Sendable {
    case create = "CREATE"
    case update = "UPDATE"
}

/// The step the store runs before it persists a write: decoding, defaulting, then validation.
/// `SchemaAdmission` is the real one (KubeModel's `Admission`); `PassThroughAdmission` accepts all.
public protocol AdmissionControl {
    /// Mutates `object` (defaults) and throws an `APIError` (`Invalid`, `BadRequest`, `Forbidden`)
    /// to refuse it. `old` is the stored object on update.
    func admit(_ object: inout KubeObject, type: ResourceType, operation: AdmissionOperation,
               old: KubeObject?) throws(APIError)
}

/// Admits everything unchanged.
public struct PassThroughAdmission: AdmissionControl {
    public init() {}

    public func admit(_ object: inout KubeObject, type: ResourceType, operation: AdmissionOperation,
                      old: KubeObject?) throws(APIError) {}
}

/// The API server's own admission: KubeModel's strict decoding, v1.32 defaults and validation.
public struct SchemaAdmission: AdmissionControl {
    /// Random name suffixes for what admission names (a pod's token volume).
    let suffix: @Sendable () -> String
    /// What this store decoded before (controllers write the same templates again and again).
    let memo = DecodeMemo()

    public init(suffix: @escaping @Sendable () -> String = { "xxxxx" }) {
        self.suffix = suffix
    }

    public func admit(_ object: inout KubeObject, type: ResourceType, operation: AdmissionOperation,
                      old: KubeObject?) throws(APIError) {
        let result = switch operation {
        case .create: Admission.create(object.content, memo: memo)
        case .update: Admission.update(object.content, old: old?.content ?? .emptyObject, memo: memo)
        }
        switch result {
        case .success(let admitted) where operation == .create && type.key == "pods":
            object.content = PodAdmission.admit(admitted, suffix: suffix)
        case .success(let admitted): object.content = admitted
        case .failure(let status): throw APIError(status, group: type.group)
        }
    }
}

extension APIError {
    /// The store's form of a KubeModel admission refusal.
    public init(_ status: APIStatusError, group: String) {
        let reason: Reason = status.reason == .invalid ? .invalid : .badRequest
        self.init(reason: reason, code: status.code, message: status.message, kind: status.kind, group: group,
                  name: status.name, causes: status.causes.map { error in
                      Cause(type: Self.causeType(error.kind), message: error.description, field: error.field)
                  })
    }

    /// `metav1.CauseType` of a field error kind.
    static func causeType(_ kind: FieldError.Kind) -> String {
        switch kind {
        case .required: "FieldValueRequired"
        case .invalid: "FieldValueInvalid"
        case .notSupported: "FieldValueNotSupported"
        case .forbidden: "FieldValueForbidden"
        case .duplicate: "FieldValueDuplicate"
        case .notFound: "FieldValueNotFound"
        case .tooLong: "FieldValueTooLong"
        case .tooMany: "FieldValueTooMany"
        case .internal: "InternalError"
        }
    }
}
