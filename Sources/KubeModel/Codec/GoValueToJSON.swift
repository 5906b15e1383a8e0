/// sigs.k8s.io/yaml's `convertToJSONableObject`, then `json.Marshal`, then kubectl's
/// unstructured JSON decoding, folded into one walk: keys become strings, floats take the
/// int-or-float shape their Go JSON text reads back as, NaN and ±Inf are refused.
struct GoValueToJSON {
    /// `json: unsupported value: NaN`, reported after the walk as `json.Marshal` would.
    private(set) var marshalError: String?

    mutating func convert(_ value: GoValue) throws(YAMLDecodeFailure) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .uint(let u): return u <= UInt64(Int.max) ? .int(Int(u)) : .double(Double(u))
        case .float(let f):
            guard f.isFinite else {
                if marshalError == nil {
                    marshalError = "json: unsupported value: " + (f.isNaN ? "NaN" : f < 0 ? "-Inf" : "+Inf")
                }
                return .null
            }
            if let i = Int(GoFloat.json(f)) { return .int(i) }
            return .double(f)
        case .string(let s): return .string(s)
        case .sequence(let items):
            var out: [JSONValue] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try convert(item)) }
            return .array(out)
        case .map(let pairs):
            var members = JSONObject()
            for (key, item) in pairs {
                let name: String
                switch key {
                case .string(let s): name = s
                case .int(let i): name = String(i)
                case .float(let f): name = GoFloat.yaml(f, float32: true)
                case .bool(let b): name = b ? "true" : "false"
                case .null:
                    throw YAMLDecodeFailure(
                        message: "unsupported map key of type: %!s(<nil>), key: <nil>, value: \(item.goSyntaxTop)")
                case .uint(let u):
                    throw YAMLDecodeFailure(
                        message: "unsupported map key of type: uint64, key: 0x\(String(u, radix: 16)), value: \(item.goSyntaxTop)")
                case .sequence, .map:
                    throw YAMLDecodeFailure(message: "invalid map key: \(key.goSyntax)")
                }
                members[name] = try convert(item)
            }
            return .object(members)
        }
    }
}
