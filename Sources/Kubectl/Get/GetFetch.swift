import KubeModel

/// Reads what the targets name from the API: lists with selectors, or objects by name, keeping
/// going past errors (NotFound, refused selectors) as the resource builder's ContinueOnError does.
struct GetFetch {
    struct Section {
        let type: ResourceType
        var objects: [KubeObject]
    }

    let context: any KubectlContext
    /// nil: all namespaces.
    let namespace: String?
    let ignoreNotFound: Bool
    var sections: [Section] = []
    /// Error lines, each as kubectl prints it.
    private(set) var errors: [String] = []

    init(context: any KubectlContext, namespace: String?, ignoreNotFound: Bool) {
        self.context = context
        self.namespace = namespace
        self.ignoreNotFound = ignoreNotFound
    }

    mutating func run(_ targets: [GetTarget], labels labelText: String, fields fieldText: String) throws(KubectlFailure) {
        for target in targets {
            let type = target.type
            if let names = target.names {
                var objects: [KubeObject] = []
                for name in names {
                    do throws(KubectlServerError) {
                        objects.append(try context.get(resource: type.key, namespace: type.namespaced ? namespace : nil,
                                                       name: name))
                    } catch {
                        if error.reason == "NotFound", ignoreNotFound { continue }
                        errors.append(error.stderr)
                    }
                }
                append(type, objects)
                continue
            }
            do throws(KubectlServerError) {
                append(type, try SelectorListing.list(context, type, namespace: namespace, labelText: labelText,
                                                      fieldText: fieldText))
            } catch {
                errors.append(error.stderr)
            }
        }
    }

    /// Consecutive objects of one type share a section (one table).
    private mutating func append(_ type: ResourceType, _ objects: [KubeObject]) {
        if let last = sections.last, last.type == type {
            sections[sections.count - 1].objects += objects
        } else {
            sections.append(Section(type: type, objects: objects))
        }
    }
}
