import KubeModel

/// `kubectl create -f`: POST every object read, `created` for each.
enum CreateFromFiles {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        var run = try ManifestRun(request, verb: "create")
        let items = try request.readManifests()
        let saveConfig = request.flags.bool("save-config")
        for item in items {
            guard case .object(let manifest) = item else {
                if case .failure(let error) = item { run.errors.append(error) }
                continue
            }
            var object = manifest.object.content
            if saveConfig { object = LastApplied.annotated(object) }
            var result = KubeObject(object)
            if run.mode != .client {
                let context = try ManifestRun.context(request)
                do throws(KubectlServerError) {
                    try KubectlServerError.checkBodySize(result.content)
                    result = try context.create(result, dryRun: run.mode == .server)
                } catch {
                    run.errors.append(.server(error, verb: "creating", source: manifest.source))
                    continue
                }
            }
            try run.report(result.content, action: "created", request: &request)
        }
        try run.finish(&request)
    }
}
