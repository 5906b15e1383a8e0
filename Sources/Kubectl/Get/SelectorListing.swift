import KubeModel

/// A list call with selectors, as the API server answers it: a selector it cannot parse, or a
/// field it does not support for the kind, is a BadRequest naming both selectors.
enum SelectorListing {
    /// `labels`: already parsed by the client (delete parses `-l` itself); nil: the server parses `labelText`.
    static func list(_ context: any KubectlContext, _ type: ResourceType, namespace: String?, labelText: String,
                     labels parsedLabels: LabelSelector? = nil, fieldText: String) throws(KubectlServerError) -> [KubeObject] {
        let refusal = { (detail: String) in
            KubectlServerError(reason: "BadRequest", code: 400, message: FieldSelector.listErrorMessage(
                group: type.group, version: type.version, resource: type.plural, labelSelector: labelText,
                fieldSelector: fieldText, detail: detail))
        }
        let labels: LabelSelector
        if let parsedLabels {
            labels = parsedLabels
        } else {
            switch LabelSelector.parse(labelText) {
            case .success(let parsed): labels = parsed
            case .failure(let error): throw refusal(error.message)
            }
        }
        let fields: FieldSelector
        switch FieldSelector.parse(fieldText) {
        case .success(let parsed): fields = parsed
        case .failure(let error): throw refusal(error.message)
        }
        if let unsupported = fields.unsupportedFieldError(kind: type.kind) { throw refusal(unsupported) }
        return try context.list(type, namespace: namespace, labels: labels, fields: fields)
    }
}
