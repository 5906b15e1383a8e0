import KubeModel

/// client-go's JSONPath walk, with its range/end bookkeeping and error texts.
struct JSONPathEvaluator {
    let nodes: [JSONPathNode]
    let allowMissingKeys: Bool
    private var beginRange = 0
    private var inRange = 0
    private var endRange = 0
    private var lastEndNode: Int?
    private var work = 0

    init(nodes: [JSONPathNode], allowMissingKeys: Bool) {
        self.nodes = nodes
        self.allowMissingKeys = allowMissingKeys
    }

    mutating func findResults(_ data: JSONValue, from start: Int) throws(JSONPathError) -> [[JSONValue]] {
        var full: [[JSONValue]] = []
        var i = start
        while i < nodes.count {
            let results = try walk([data], nodes[i])
            if endRange > 0, endRange <= inRange {
                endRange -= 1
                lastEndNode = i
                break
            }
            if beginRange > 0 {
                beginRange -= 1
                inRange += 1
                if results.isEmpty {
                    _ = try findResults(.null, from: i + 1)
                } else {
                    for value in results { full += try findResults(value, from: i + 1) }
                }
                inRange -= 1
                if let end = lastEndNode, end > i { i = end }
                i += 1
                continue
            }
            full.append(results)
            i += 1
        }
        return full
    }

    private mutating func charge(_ amount: Int) throws(JSONPathError) {
        work += amount
        if work > 5_000_000 { throw JSONPathError(message: "template evaluation exceeded its budget") }
    }

    private mutating func walk(_ input: [JSONValue], _ node: JSONPathNode) throws(JSONPathError) -> [JSONValue] {
        try charge(input.count + 1)
        switch node {
        case .list(let list): return try evalList(input, list)
        case .text(let text): return [.string(text)]
        case .field(let name): return try evalField(input, name)
        case .array(let params): return try evalArray(input, params)
        case .filter(let left, let right, let op): return try evalFilter(input, left, right, op)
        case .int(let value): return input.map { _ in .int(value) }
        case .float(let value): return input.map { _ in .double(value) }
        case .bool(let value): return input.map { _ in .bool(value) }
        case .wildcard: return input.flatMap(Self.children)
        case .recursive: return try evalRecursive(input)
        case .union(let lists):
            var result: [JSONValue] = []
            for list in lists { result += try evalList(input, list) }
            return result
        case .identifier(let name):
            switch name {
            case "range":
                beginRange += 1
                return input
            case "end":
                guard inRange > 0 else { throw JSONPathError(message: "not in range, nothing to end") }
                endRange += 1
                return []
            default:
                throw JSONPathError(message: "unrecognized identifier \(name)")
            }
        }
    }

    private mutating func evalList(_ input: [JSONValue], _ list: [JSONPathNode]) throws(JSONPathError) -> [JSONValue] {
        var current = input
        for node in list { current = try walk(current, node) }
        return current
    }

    private func evalField(_ input: [JSONValue], _ name: String) throws(JSONPathError) -> [JSONValue] {
        if input.isEmpty { return [] }
        var results: [JSONValue] = []
        for value in input {
            if case .object(let members) = value, let found = members[name] { results.append(found) }
        }
        if results.isEmpty, !allowMissingKeys { throw JSONPathError(message: "\(name) is not found") }
        return results
    }

    private func evalArray(_ input: [JSONValue], _ template: [SliceParam]) throws(JSONPathError) -> [JSONValue] {
        var result: [JSONValue] = []
        for value in input {
            if value.isNull { continue }
            guard case .array(let items) = value else {
                throw JSONPathError(message: "\(GoFormat.typeName(value)) is not array or slice")
            }
            var params = template
            let length = items.count
            if !params[0].known { params[0].value = 0 }
            if params[0].value < 0 { params[0].value += length }
            if !params[1].known { params[1].value = length }
            if params[1].value < 0 || (params[1].value == 0 && params[1].derived) { params[1].value += length }
            guard params[1].value != params[0].value else { return result }
            if params[0].value >= length || params[0].value < 0 {
                throw JSONPathError(message: "array index out of bounds: index \(params[0].value), length \(length)")
            }
            if params[1].value > length || params[1].value < 0 {
                throw JSONPathError(message: "array index out of bounds: index \(params[1].value - 1), length \(length)")
            }
            if params[0].value > params[1].value {
                throw JSONPathError(message: "starting index \(params[0].value) is greater than ending index \(params[1].value)")
            }
            var step = 1
            if params[2].known {
                guard params[2].value > 0 else { throw JSONPathError(message: "step must be > 0") }
                step = params[2].value
            }
            result += stride(from: params[0].value, to: params[1].value, by: step).map { items[$0] }
        }
        return result
    }

    /// Members of a map (in key order; Go's is random) or elements of an array.
    private static func children(_ value: JSONValue) -> [JSONValue] {
        switch value {
        case .object(let members): members.keys.sorted(by: GoJSON.utf8Less).compactMap { members[$0] }
        case .array(let items): items
        default: []
        }
    }

    private mutating func evalRecursive(_ input: [JSONValue]) throws(JSONPathError) -> [JSONValue] {
        var result: [JSONValue] = []
        for value in input {
            let children = Self.children(value)
            if !children.isEmpty {
                try charge(children.count)
                result.append(value)
                result += try evalRecursive(children)
            }
        }
        return result
    }

    private mutating func evalFilter(_ input: [JSONValue], _ left: [JSONPathNode], _ right: [JSONPathNode], _ op: String)
        throws(JSONPathError) -> [JSONValue]
    {
        var results: [JSONValue] = []
        for value in input {
            guard case .array(let items) = value else {
                throw JSONPathError(message: "\(GoFormat.plain(value)) is not array or slice and cannot be filtered")
            }
            for item in items {
                if op == "exists" {
                    if let lefts = try? evalList([item], left), !lefts.isEmpty { results.append(item) }
                    continue
                }
                let lefts = try evalList([item], left)
                if lefts.isEmpty { continue }
                guard lefts.count == 1 else { throw JSONPathError(message: "can only compare one element at a time") }
                let rights = try evalList([item], right)
                if rights.isEmpty { continue }
                guard rights.count == 1 else { throw JSONPathError(message: "can only compare one element at a time") }
                if try GoFormat.compare(lefts[0], op, rights[0]) { results.append(item) }
            }
        }
        return results
    }
}
