import KubeModel

/// What `kubectl wait --for=…` waits for (wait.go conditionFuncFor).
enum WaitCondition {
    case delete
    case create
    /// A `status.conditions[]` entry of this type with this status (compared case-insensitively).
    case condition(type: String, status: String)
    /// A JSONPath's value, or any value when `value` is nil.
    case jsonPath(JSONPath, value: String?)

    static func parse(_ text: String) throws(KubectlFailure) -> WaitCondition {
        if text.lowercased() == "delete" { return .delete }
        if text.lowercased() == "create" { return .create }
        if text.hasPrefix("condition=") {
            var name = String(text.dropFirst("condition=".count))
            var status = "true"
            if let equals = name.firstIndex(of: "=") {
                status = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            return .condition(type: name, status: status)
        }
        if text.hasPrefix("jsonpath=") {
            let parts = splitOnSingleEquals(String(text.dropFirst("jsonpath=".count)))
            guard parts.count == 1 || parts.count == 2 else {
                throw .error("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'")
            }
            let expression = try CustomColumns.relaxed(parts[0])
            var value: String?
            if parts.count == 2 {
                let quotes: Set<Character> = ["'", "\""]
                let trimmed = String(parts[1].drop { quotes.contains($0) }.reversed().drop { quotes.contains($0) }.reversed())
                guard !trimmed.isEmpty else {
                    throw .error("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
                }
                value = trimmed
            }
            guard !expression.isEmpty else { throw .error("jsonpath expression cannot be empty") }
            let path: JSONPath
            do throws(KubectlFailure) {
                path = try JSONPath(expression)
            } catch {
                throw .error(error.bareMessage.hasSuffix("\n") ? String(error.bareMessage.dropLast()) : error.bareMessage)
            }
            return .jsonPath(path, value: value)
        }
        throw .error("unrecognized condition: \(FlagParsing.goQuote(text))")
    }

    /// Whether a present object meets the condition.
    func isMet(by object: KubeObject) -> Bool {
        switch self {
        case .delete: return false
        case .create: return true
        case .condition(let type, let status):
            let generation = object.content[path: ["metadata", "generation"]]?.intValue
            for condition in object.content[path: ["status", "conditions"]]?.arrayValue ?? [] {
                guard let name = condition["type"]?.stringValue, name.lowercased() == type.lowercased(),
                      let current = condition["status"]?.stringValue else { continue }
                // A condition about an older generation says nothing yet (getObservedGeneration).
                let observed = condition["observedGeneration"]?.intValue
                    ?? object.content[path: ["status", "observedGeneration"]]?.intValue
                if let generation, let observed, observed < generation { return false }
                return current.lowercased() == status.lowercased()
            }
            return false
        case .jsonPath(let path, let value):
            guard let results = try? path.findResults(object.content), let values = results.first, !values.isEmpty else {
                return false
            }
            guard let value else { return true }
            guard values.count == 1, let only = values.first else { return false }
            return JSONPath.text(JSONPath.floated(only)) == value
        }
    }

    /// "a.b====c=d" → ["a.b====c", "d"]: a doubled `=` is part of the expression.
    private static func splitOnSingleEquals(_ input: String) -> [String] {
        var output: [String] = []
        var element = ""
        var characters = Array(input)[...]
        while let character = characters.popFirst() {
            if character == "=" {
                if characters.first == "=" {
                    element += "=="
                    characters = characters.dropFirst()
                    continue
                }
                output.append(element)
                element = ""
                continue
            }
            element.append(character)
        }
        output.append(element)
        return output
    }
}
