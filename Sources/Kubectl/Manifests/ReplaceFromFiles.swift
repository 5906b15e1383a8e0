import KubeModel

/// `kubectl replace -f`: PUT every object read (`--force`: delete, then create).
enum ReplaceFromFiles {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        var run = try ManifestRun(request, verb: "replace")
        let items = try request.readManifests()
        let saveConfig = request.flags.bool("save-config")
        let force = request.flags.bool("force")
        for item in items {
            guard case .object(let manifest) = item else {
                if case .failure(let error) = item { run.errors.append(error) }
                continue
            }
            var object = manifest.object.content
            if saveConfig || manifest.object.annotations[LastApplied.key] != nil { object = LastApplied.annotated(object) }
            var result = KubeObject(object)
            if run.mode != .client {
                let context = try ManifestRun.context(request)
                do throws(KubectlServerError) {
                    if force {
                        _ = try context.delete(resource: manifest.type.key, namespace: manifest.namespace, name: manifest.name)
                        request.invocation.stdout.write("\(manifest.type.kubectlName) \"\(manifest.name)\" deleted\n")
                        try KubectlServerError.checkBodySize(result.content)
                        result = try context.create(result, dryRun: run.mode == .server)
                    } else if run.mode == .server {
                        _ = try context.get(resource: manifest.type.key, namespace: manifest.namespace, name: manifest.name)
                    } else {
                        try KubectlServerError.checkBodySize(result.content)
                        result = try context.update(result, dryRun: false)
                    }
                } catch {
                    run.errors.append(.server(error, verb: "replacing", source: manifest.source))
                    continue
                }
            }
            try run.report(result.content, action: "replaced", request: &request)
        }
        try run.finish(&request)
    }
}
