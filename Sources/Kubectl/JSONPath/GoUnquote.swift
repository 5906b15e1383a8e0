/// client-go's UnquoteExtend: Go string unquoting for `"…"` and `'…'` literals in templates.
enum GoUnquote {
    static func unquoteExtended(_ literal: String) -> String? {
        let characters = Array(literal.unicodeScalars)
        guard characters.count >= 2, let quote = characters.first, quote == characters.last, quote == "\"" || quote == "'" else {
            return nil
        }
        var body = characters.dropFirst().dropLast()
        var out = String.UnicodeScalarView()
        while let c = body.first {
            body = body.dropFirst()
            if c == quote { return nil }
            guard c == "\\" else {
                out.append(c)
                continue
            }
            guard let e = body.first else { return nil }
            body = body.dropFirst()
            switch e {
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "\\": out.append("\\")
            case "'", "\"":
                guard e == quote else { return nil }
                out.append(e)
            case "x", "u", "U":
                let count = e == "x" ? 2 : e == "u" ? 4 : 8
                guard body.count >= count, let value = UInt32(String(String.UnicodeScalarView(body.prefix(count))), radix: 16),
                      let scalar = Unicode.Scalar(value) else { return nil }
                body = body.dropFirst(count)
                out.append(scalar)
            case "0"..."7":
                guard body.count >= 2, let value = UInt32(String(String.UnicodeScalarView([e] + body.prefix(2))), radix: 8),
                      value < 256, let scalar = Unicode.Scalar(value) else { return nil }
                body = body.dropFirst(2)
                out.append(scalar)
            default:
                return nil
            }
        }
        return String(out)
    }
}
