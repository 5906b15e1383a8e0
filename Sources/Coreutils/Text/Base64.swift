import CommandKit
import NodeFS

/// `base64 [OPTION]... [FILE]` — encode (wrapped at 76 columns) or decode (`-d`).
let base64Command = Command("base64") { inv in
    let specs = [
        OptionSpec("d", "decode"), OptionSpec("i", "ignore-garbage"), OptionSpec("w", "wrap", argument: .required),
    ] + standardOptionSpecs
    guard let options = inv.parse(specs) else { return 1 }
    if inv.handledStandardOptions(options, usage: "base64 [OPTION]... [FILE]",
                                  summary: "Base64 encode or decode FILE, or standard input, to standard output.") { return 0 }
    var wrap = 76
    if let text = options.value("wrap") {
        guard let value = Int(text), value >= 0 else {
            inv.error("invalid wrap size: \(Quoting.locale(text))")
            return 1
        }
        wrap = value
    }
    if options.operands.count > 1 {
        inv.usageFailure("extra operand \(Quoting.locale(options.operands[1]))")
        return 1
    }
    var input = TextInput()
    let operand = options.operands.first ?? "-"
    let bytes: [UInt8]
    switch input.read(operand, inv) {
    case .success(let read): bytes = read
    case .failure(let error):
        inv.error("\(Quoting.ifNeeded(operand)): \(error.message)")
        return 1
    }
    if options.has("decode") {
        let (decoded, valid) = Base64Codec.decode(bytes, ignoreGarbage: options.has("ignore-garbage"))
        inv.stdout.write(decoded)
        if !valid {
            inv.error("invalid input")
            return 1
        }
        return 0
    }
    let encoded = Base64Codec.encode(bytes)
    var out: [UInt8] = []
    if wrap == 0 {
        out = encoded
    } else {
        var index = 0
        while index < encoded.count {
            let end = min(index + wrap, encoded.count)
            out += encoded[index..<end]
            out.append(0x0A)
            index = end
        }
    }
    inv.stdout.write(out)
    return 0
}

/// RFC 4648 base64, as coreutils' base64 reads and writes it.
enum Base64Codec {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = chunk[chunk.startIndex]
            let b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
            let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(chunk.count > 1 ? alphabet[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(chunk.count > 2 ? alphabet[Int(b2 & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return out
    }

    /// Decodes what it can; `valid` is false at the first bad character or bad padding.
    static func decode(_ bytes: [UInt8], ignoreGarbage: Bool) -> ([UInt8], valid: Bool) {
        var values: [UInt8: UInt8] = [:]
        for (index, byte) in alphabet.enumerated() { values[byte] = UInt8(index) }
        var out: [UInt8] = []
        var quad: [UInt8] = []
        var padding = 0
        for byte in bytes {
            if byte == 0x0A { continue }
            if byte == UInt8(ascii: "=") {
                if quad.count < 2 { return (out, false) }
                padding += 1
                quad.append(0)
            } else if let value = values[byte] {
                if padding > 0 { return (out, false) }
                quad.append(value)
            } else {
                if ignoreGarbage { continue }
                return (out, false)
            }
            if quad.count == 4 {
                out.append(quad[0] << 2 | quad[1] >> 4)
                if padding < 2 { out.append(quad[1] << 4 | quad[2] >> 2) }
                if padding < 1 { out.append(quad[2] << 6 | quad[3]) }
                quad.removeAll()
                if padding > 0 { padding = -100 }
            }
        }
        if padding < 0 && !quad.isEmpty { return (out, false) }
        if !quad.isEmpty {
            // Unpadded tail: coreutils decodes the bits it has and reports invalid input.
            if quad.count >= 2 { out.append(quad[0] << 2 | quad[1] >> 4) }
            if quad.count >= 3 { out.append(quad[1] << 4 | quad[2] >> 2) }
            return (out, false)
        }
        return (out, true)
    }
}
