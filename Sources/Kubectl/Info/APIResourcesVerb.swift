import KubeModel

/// `kubectl api-resources`: the server's resource types, in discovery order.
enum APIResourcesVerb {
    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        let flags = request.flags
        let output = flags.string("output")
        guard ["", "wide", "name"].contains(output) else {
            throw .error("--output \(output) is not available. Allowed values: wide, name")
        }
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        var types = context.resourceTable.types
        if flags.changed("namespaced") {
            let namespaced = flags.bool("namespaced")
            types = types.filter { $0.namespaced == namespaced }
        }
        if flags.changed("api-group") {
            let group = flags.string("api-group")
            types = types.filter { $0.group == group }
        }
        let verbs = flags.strings("verbs")
        if !verbs.isEmpty { types = types.filter { type in verbs.allSatisfy { type.verbs.contains($0) } } }
        let categories = flags.strings("categories")
        if !categories.isEmpty { types = types.filter { type in categories.allSatisfy { type.categories.contains($0) } } }
        switch flags.string("sort-by") {
        case "name": types = stableSorted(types) { $0.plural < $1.plural }
        case "kind": types = stableSorted(types) { $0.kind < $1.kind }
        default: break
        }
        if output == "name" {
            request.invocation.stdout.write(types.map { $0.groupResource + "\n" }.joined())
            return
        }
        var rows: [[String]] = []
        if !flags.bool("no-headers") {
            rows.append(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"] + (output == "wide" ? ["VERBS", "CATEGORIES"] : []))
        }
        for type in types {
            var row = [type.plural, type.shortNames.joined(separator: ","), type.apiVersion,
                       type.namespaced ? "true" : "false", type.kind]
            if output == "wide" { row += ["[" + type.verbs.joined(separator: " ") + "]", type.categories.joined(separator: ",")] }
            rows.append(row)
        }
        var out: [UInt8] = []
        GetTableOutput.align(rows, into: &out)
        request.invocation.stdout.write(out)
    }

    private static func stableSorted(_ types: [ResourceType], by less: (ResourceType, ResourceType) -> Bool) -> [ResourceType] {
        types.indices.sorted { a, b in
            less(types[a], types[b]) || (!less(types[b], types[a]) && a < b)
        }.map { types[$0] }
    }
}
