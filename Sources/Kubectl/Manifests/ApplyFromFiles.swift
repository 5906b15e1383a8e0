import KubeModel

/// `kubectl apply -f` (client-side): create what is missing, else merge the file into the live
/// object with the last-applied configuration as the common ancestor.
enum ApplyFromFiles {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        if request.flags.bool("server-side") {
            throw .error("--server-side is not available in this lab yet")
        }
        var run = try ManifestRun(request, verb: "apply")
        let items = try request.readManifests()
        for item in items {
            switch item {
            case .failure(let error): run.errors.append(error)
            case .object(let manifest): try apply(manifest, run: &run, request: &request)
            }
        }
        try run.finish(&request)
    }

    private static func apply(_ manifest: ManifestObject, run: inout ManifestRun,
                              request: inout VerbRequest) throws(KubectlFailure) {
        let context = try ManifestRun.context(request)
        let modified = LastApplied.annotated(manifest.object.content)
        let live: KubeObject
        do throws(KubectlServerError) {
            live = try context.get(resource: manifest.type.key, namespace: manifest.namespace, name: manifest.name)
        } catch {
            guard error.reason == "NotFound" else {
                run.errors.append(.server(error, verb: "retrieving current configuration of:\n\(describe(manifest))\nfrom server for:",
                                          source: manifest.source))
                return
            }
            var result = KubeObject(modified)
            if run.mode != .client {
                do throws(KubectlServerError) {
                    try KubectlServerError.checkBodySize(result.content)
                    result = try context.create(result, dryRun: run.mode == .server)
                } catch {
                    run.errors.append(.server(error, verb: "creating", source: manifest.source))
                    return
                }
            }
            try run.report(result.content, action: "created", request: &request)
            return
        }
        if run.mode == .client {
            try run.report(live.content, action: "configured", request: &request)
            return
        }
        let original = LastApplied.recorded(on: live)
        if live.annotations[LastApplied.key] == nil {
            request.invocation.stderr.write("Warning: resource \(manifest.objectName) is missing the \(LastApplied.key) "
                + "annotation which is required by kubectl apply. kubectl apply should only be used on resources created "
                + "declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be "
                + "patched automatically.\n")
        }
        let merged = ThreeWayMerge.merge(original: original, modified: modified, current: live.content)
        if merged == live.content {
            try run.report(live.content, action: "unchanged", request: &request)
            return
        }
        var result = KubeObject(merged)
        if run.mode == .none {
            do throws(KubectlServerError) {
                try KubectlServerError.checkBodySize(result.content)
                result = try context.update(result, dryRun: false)
            } catch {
                run.errors.append(.server(error, verb: "patching", source: manifest.source))
                return
            }
        }
        try run.report(result.content, action: "configured", request: &request)
    }

    /// `info.String()`: what kubectl names in a failed read of the live object.
    private static func describe(_ manifest: ManifestObject) -> String {
        let (group, version) = ResourceTable.split(apiVersion: manifest.type.apiVersion)
        return "Resource: \"\(group)/\(version), Resource=\(manifest.type.plural)\", GroupVersionKind: "
            + "\"\(group)/\(version), Kind=\(manifest.type.kind)\"\nName: \"\(manifest.name)\", Namespace: \"\(manifest.namespace)\""
    }
}
