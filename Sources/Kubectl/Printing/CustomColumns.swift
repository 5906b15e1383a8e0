import KubeModel

/// `-o custom-columns=HEADER:path,…`: one row per object, `<none>` for empty cells.
public struct CustomColumns {
    public let headers: [String]
    let paths: [JSONPath]

    public init(spec: String) throws(KubectlFailure) {
        var headers: [String] = []
        var paths: [JSONPath] = []
        for column in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = column.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw .error("unexpected custom-columns spec: \(column), expected <header>:<json-path-expr>")
            }
            headers.append(String(parts[0]))
            let expression = try Self.relaxed(String(parts[1]))
            do throws(KubectlFailure) {
                paths.append(try JSONPath(expression))
            } catch {
                throw .error(error.stderr)
            }
        }
        self.headers = headers
        self.paths = paths
    }

    /// RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`.
    static func relaxed(_ expression: String) throws(KubectlFailure) -> String {
        if expression.isEmpty { return expression }
        var body = Substring(expression)
        if body.hasPrefix("{"), body.hasSuffix("}") { body = body.dropFirst().dropLast() }
        if body.hasPrefix(".") { body = body.dropFirst() }
        guard !body.isEmpty, !body.contains("{"), !body.contains("}") else {
            throw .error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
        }
        return "{.\(body)}"
    }

    /// The header and one row per object, aligned as kubectl's tab writer does.
    public func render(_ objects: [JSONValue], withHeaders: Bool = true) -> String {
        var rows: [[String]] = withHeaders ? [headers] : []
        for object in objects {
            rows.append(paths.map { path in
                let values = (try? path.findResults(object)) ?? []
                let cells = values.flatMap { $0 }.map(GoFormat.plain)
                return cells.isEmpty ? "<none>" : cells.joined(separator: ",")
            })
        }
        return TabWriter.format(rows)
    }
}
