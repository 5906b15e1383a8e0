import KubeModel

/// `kubectl drain`: cordon the nodes, then evict their pods through kubectl's pod filters
/// (DaemonSet-managed, mirror, local storage, unreplicated), with its messages.
enum DrainVerb {
    /// One pod's verdict from the filter chain (drain.PodDeleteStatus).
    enum Verdict {
        case delete
        case skip
        case warning(delete: Bool, message: String)
        case error(String)
    }

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let mode = try request.dryRun()
        let nodes = try CordonVerb.nodeTargets(&request, verb: "drain")
        if let failure = KubectlFailure.combined(nodes.failures) { throw failure }
        for target in nodes.targets {
            do throws(KubectlFailure) {
                try CordonVerb.setUnschedulable(target, desired: true, mode: mode, request: &request)
            } catch {
                request.invocation.stderr.write(error.stderr)
            }
        }
        var fatal: [String] = []
        var remaining: [String] = []
        for target in nodes.targets {
            if let problem = try evictPods(on: target.object.name, mode: mode, request: &request) {
                request.invocation.stderr.write("error: unable to drain node \(GoSyntax.quote(target.object.name)) due to error: \(problem), continuing command...\n")
                fatal.append(problem)
                remaining.append(target.object.name)
                continue
            }
            try request.printChanged(target.object, format: .action, action: "drained", mode: mode)
        }
        guard !remaining.isEmpty else { return }
        request.invocation.stderr.write("There are pending nodes to be drained:\n" + remaining.map { " \($0)\n" }.joined())
        // An aggregate: each node's error on its own line, no `error: ` prefix.
        throw KubectlFailure(stderr: fatal.map { $0 + "\n" }.joined())
    }

    /// Evicts (deletes) the node's pods that pass the filters; the aggregate error text when some may not go.
    static func evictPods(on node: String, mode: DryRun, request: inout VerbRequest) throws(KubectlFailure) -> String? {
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let pods: [KubeObject]
        do throws(KubectlServerError) {
            pods = try context.list(resource: "pods", namespace: nil).filter { $0[path: ["spec", "nodeName"]]?.stringValue == node }
        } catch {
            throw KubectlFailure.server(error)
        }
        var errors: [(String, [String])] = [], warnings: [(String, [String])] = []
        var deletable: [KubeObject] = []
        func note(_ list: inout [(String, [String])], _ message: String, _ pod: KubeObject) {
            let name = "\(pod.namespace)/\(pod.name)"
            if let at = list.firstIndex(where: { $0.0 == message }) { list[at].1.append(name) } else { list.append((message, [name])) }
        }
        for pod in pods {
            switch verdict(for: pod, request: request) {
            case .delete: deletable.append(pod)
            case .skip: continue
            case .warning(let delete, let message):
                note(&warnings, message, pod)
                if delete { deletable.append(pod) }
            case .error(let message): note(&errors, message, pod)
            }
        }
        if !errors.isEmpty {
            let texts = errors.map { message, names in
                (message.lowercased().hasPrefix("cannot delete") ? message : "cannot delete " + message) + ": " + names.joined(separator: ", ")
            }
            return texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
        }
        if !warnings.isEmpty {
            request.invocation.stderr.write("Warning: " + warnings.map { "\($0.0): \($0.1.joined(separator: ", "))" }.joined(separator: "; ") + "\n")
        }
        if mode == .client {
            for pod in deletable { request.invocation.stdout.write("evicting pod \(pod.namespace)/\(pod.name) (dry run)\n") }
            return nil
        }
        for pod in deletable { request.invocation.stdout.write("evicting pod \(pod.namespace)/\(pod.name)\n") }
        for pod in deletable {
            do throws(KubectlServerError) {
                _ = try context.delete(resource: "pods", namespace: pod.namespace, name: pod.name,
                                       options: KubectlDeleteOptions(dryRun: mode == .server))
                request.invocation.stdout.write("pod/\(pod.name) evicted\n")
            } catch {
                if error.reason == "NotFound" { continue }
                return "error when evicting pods/\(GoSyntax.quote(pod.name)) -n \(GoSyntax.quote(pod.namespace)): \(error.message)"
            }
        }
        return nil
    }

    /// The filter chain in kubectl's order: a filter that keeps the pod ends the chain, else the
    /// last filter's verdict stands (so earlier warnings are dropped, as in kubectl).
    static func verdict(for pod: KubeObject, request: VerbRequest) -> Verdict {
        let phase = pod[path: ["status", "phase"]]?.stringValue ?? ""
        let finished = phase == "Succeeded" || phase == "Failed"
        let owner = (pod[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).first { $0["controller"]?.boolValue == true }
        let force = request.flags.bool("force")
        // DaemonSet-managed pods.
        if let owner, owner["kind"]?.stringValue == "DaemonSet", !finished {
            let name = owner["name"]?.stringValue ?? ""
            let exists = (try? request.context?.get(resource: "daemonsets.apps", namespace: pod.namespace, name: name)) != nil
            if !exists {
                if !force { return .error("daemonsets.apps \(GoSyntax.quote(name)) not found") }
            } else if !request.flags.bool("ignore-daemonsets") {
                return .error("DaemonSet-managed Pods (use --ignore-daemonsets to ignore)")
            } else {
                return .warning(delete: false, message: "ignoring DaemonSet-managed Pods")
            }
        }
        // Mirror pods are skipped silently.
        if pod[path: ["metadata", "annotations", "kubernetes.io/config.mirror"]] != nil { return .skip }
        // Local storage (its warning is overwritten by the next filter).
        let emptyDir = (pod[path: ["spec", "volumes"]]?.arrayValue ?? []).contains { $0["emptyDir"] != nil }
        if emptyDir, !finished, !request.flags.bool("delete-emptydir-data") {
            return .error("Pods with local storage (use --delete-emptydir-data to override)")
        }
        // Pods no controller will replace.
        if finished || owner != nil { return .delete }
        if force { return .warning(delete: true, message: "deleting Pods that declare no controller") }
        return .error("cannot delete Pods that declare no controller (use --force to override)")
    }
}
