import KubeModel

/// One log stream `kubectl logs` reads: a container of a pod.
struct LogRequest {
    var pod: KubeObject
    var container: String
}

/// What the builder found for `kubectl logs`' argument or selector.
enum LogTarget {
    case pod(KubeObject)
    case podList([KubeObject])
    case controller(KubeObject, ResourceType)
}

/// How `kubectl logs` turns its argument into log requests (cmd/logs Complete, polymorphichelpers.LogsForObject).
enum LogTargets {
    /// `POD`, `TYPE/NAME` or `-l SELECTOR`, as the resource builder resolves them.
    static func target(_ request: VerbRequest, context: any KubectlContext) throws(KubectlFailure) -> LogTarget {
        let namespace = request.namespace
        let selectorText = request.flags.string("selector")
        guard let argument = request.arguments.first else {
            return .podList(try selected(selectorText, namespace: namespace, request: request, context: context))
        }
        let (object, resource) = try fetch(argument, namespace: namespace, context: context)
        guard let resource, !(resource.group.isEmpty && resource.kind == "Pod") else { return .pod(object) }
        return .controller(object, resource)
    }

    /// The object `POD` or `TYPE/NAME` names, and its resource (kubectl logs' and exec's builder).
    static func fetch(_ argument: String, namespace: String, context: any KubectlContext)
        throws(KubectlFailure) -> (KubeObject, ResourceType?) {
        var type = context.resourceTable.lookup("pods")
        var name = argument
        if let slash = argument.firstIndex(of: "/") {
            let word = String(argument[..<slash])
            name = String(argument[argument.index(after: slash)...])
            if word.isEmpty || name.isEmpty || name.contains("/") {
                throw .error("arguments in resource/name form must have a single resource and name")
            }
            guard let found = context.resourceTable.lookup(word) else {
                throw .error("the server doesn't have a resource type \(FlagParsing.goQuote(word))")
            }
            type = found
        }
        let key = type.map { $0.group.isEmpty ? $0.plural : "\($0.plural).\($0.group)" } ?? "pods"
        do throws(KubectlServerError) {
            return (try context.get(resource: key, namespace: type?.namespaced == false ? nil : namespace, name: name), type)
        } catch {
            throw KubectlFailure(stderr: error.stderr)
        }
    }

    /// The pods a `-l` selector picks, in list order; a bad selector is the API server's BadRequest.
    private static func selected(_ text: String, namespace: String, request: VerbRequest,
                                 context: any KubectlContext) throws(KubectlFailure) -> [KubeObject] {
        guard let podType = context.resourceTable.lookup("pods") else { return [] }
        let labels: LabelSelector
        switch LabelSelector.parse(text) {
        case .success(let parsed): labels = parsed
        case .failure(let error):
            throw KubectlFailure(stderr: KubectlServerError(reason: "BadRequest", code: 400, message: FieldSelector.listErrorMessage(
                group: "", version: "v1", resource: "pods", labelSelector: text, fieldSelector: "", detail: error.message)).stderr)
        }
        do throws(KubectlServerError) {
            return try matching(podType, namespace: namespace, labels: labels, context: context)
        } catch {
            throw KubectlFailure(stderr: error.stderr)
        }
    }

    /// A namespace's pods matching `labels`.
    private static func matching(_ podType: ResourceType, namespace: String, labels: LabelSelector,
                             context: any KubectlContext) throws(KubectlServerError) -> [KubeObject] {
        guard case .success(let anyField) = FieldSelector.parse("") else { return [] }
        return try context.list(podType, namespace: namespace, labels: labels, fields: anyField)
    }

    /// GetFirstPod (or GetPodList with `--all-pods`): the controller's pods, best first; waits
    /// `--pod-running-timeout` for one to appear.
    static func controllerPods(_ object: KubeObject, type: ResourceType, allPods: Bool, request: VerbRequest,
                               context: any KubectlContext) throws(KubectlFailure) -> [KubeObject] {
        let selector: LabelSelector
        switch LogSelectors.selector(for: object, type: type) {
        case .success(let found): selector = found
        case .failure(let failure): throw failure
        }
        guard let podType = context.resourceTable.lookup("pods") else { return [] }
        let namespace = object.namespace
        func list() -> [KubeObject] {
            (try? matching(podType, namespace: namespace, labels: selector, context: context)) ?? []
        }
        var pods = PodLoggingOrder.sorted(list())
        if pods.isEmpty {
            let timeout = Double(max(request.flags.duration("pod-running-timeout"), 0)) / 1_000_000_000
            var found: [KubeObject] = []
            _ = context.wait(upTo: timeout) {
                found = list()
                return !found.isEmpty
            }
            guard let first = found.first else { throw .error("timed out waiting for the condition") }
            return [first]
        }
        if pods.count > 1, !allPods, let first = pods.first {
            request.invocation.stderr.write("Found \(pods.count) pods, using pod/\(first.name)\n")
            pods = [first]
        }
        return pods
    }

    /// The containers of one pod to read: the named one, the default, or all of them.
    static func requests(_ pod: KubeObject, container: String, allContainers: Bool, allPods: Bool,
                         request: VerbRequest) throws(KubectlFailure) -> [LogRequest] {
        if allContainers {
            var result: [LogRequest] = []
            for field in ["initContainers", "containers", "ephemeralContainers"] {
                for name in PodContainerChoice.containers(pod, field) {
                    result += try requests(pod, container: name, allContainers: false, allPods: false, request: request)
                }
            }
            return result
        }
        var name = container
        if name.isEmpty, let annotated = pod.annotations["kubectl.kubernetes.io/default-container"], !annotated.isEmpty {
            if PodContainerChoice.exists(annotated, in: pod) {
                name = annotated
            } else {
                request.invocation.stderr.write("Default container name \"\(annotated)\" not found in pod \(pod.name)\n")
            }
        }
        if name.isEmpty {
            let main = PodContainerChoice.containers(pod, "containers")
            guard let first = main.first else { return [] }
            name = first
            let others = !PodContainerChoice.containers(pod, "initContainers").isEmpty
                || !PodContainerChoice.containers(pod, "ephemeralContainers").isEmpty
            if main.count > 1 || others, !allPods {
                request.invocation.stderr.write("Defaulted container \"\(first)\" out of: \(PodContainerChoice.allNames(pod))\n")
            }
        }
        guard PodContainerChoice.exists(name, in: pod) else { throw .error("container \(name) is not valid for pod \(pod.name)") }
        return [LogRequest(pod: pod, container: name)]
    }
}
