import KubeModel

/// A parsed client-go JSONPath template, evaluated over a JSONValue.
public struct JSONPath: Sendable {
    let nodes: [JSONPathNode]
    /// Missing fields yield nothing instead of `x is not found` (kubectl's --allow-missing-template-keys).
    public var allowMissingKeys = true
    /// Numbers behave as Go float64 (an object kubectl round-tripped through encoding/json) rather than int64.
    public var numbersAreFloats = false

    /// Parses a template; the error text is client-go's (`unclosed action`, `unterminated array`, …).
    public init(_ template: String) throws(KubectlFailure) {
        do throws(JSONPathError) {
            nodes = try JSONPathParser.parse(template)
        } catch {
            throw KubectlFailure(stderr: error.message)
        }
    }

    /// The values each top-level node yields (FindResults).
    public func findResults(_ data: JSONValue) throws(KubectlFailure) -> [[JSONValue]] {
        var evaluator = JSONPathEvaluator(nodes: nodes, allowMissingKeys: allowMissingKeys)
        do throws(JSONPathError) {
            return try evaluator.findResults(prepared(data), from: 0)
        } catch {
            throw KubectlFailure(stderr: error.message)
        }
    }

    /// Execute: the results as text, values of one node joined by spaces.
    public func execute(_ data: JSONValue, asJSON: Bool = false) throws(KubectlFailure) -> String {
        var out = ""
        for results in try findResults(data) {
            if asJSON {
                out += GoJSON.indented(.array(results), sortKeys: true) + "\n"
                continue
            }
            out += results.map(Self.text).joined(separator: " ")
        }
        return out
    }

    private func prepared(_ data: JSONValue) -> JSONValue {
        numbersAreFloats ? Self.floated(data) : data
    }

    /// Every int as a double, as encoding/json decodes numbers into interface{}.
    static func floated(_ value: JSONValue) -> JSONValue {
        switch value {
        case .int(let i): .double(Double(i))
        case .array(let items): .array(items.map(floated))
        case .object(let members): .object(members.mapValues(floated))
        default: value
        }
    }

    /// evalToText: strings raw, numbers as Go's %v, maps and slices as compact JSON.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .object, .array: GoJSON.compact(value, sortKeys: true)
        case .null: "null"
        default: GoFormat.plain(value)
        }
    }
}
