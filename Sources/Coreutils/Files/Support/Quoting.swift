/// File-name quoting as gnulib's `quotearg` does it, in the C.UTF-8 locale.
///
/// Coreutils quote a name in one of three ways, and each message uses a fixed one:
/// * `quote` (`locale` style) — always quoted, in the locale's quotation marks. Under
///   `LANG=C.UTF-8` (what an Ubuntu exam terminal has) those are ‘curly’ marks:
///   `mkdir: cannot create directory ‘x’: File exists`.
/// * `quoteaf` (`shell-escape-always`) — always quoted, in shell syntax:
///   `rm: cannot remove 'x': …`, `ls: cannot access 'x': …`.
/// * `quotef` / `ls` on a terminal (`shell-escape`) — quoted only when the shell would
///   need it: `cat: x: …` but `cat: 'a b': …`.
enum Quoting {
    enum Style {
        /// `quote()`: ‘name’ with C escapes.
        case locale
        /// `quoteaf()`: 'name' always.
        case shellEscapeAlways
        /// `quotef()` and `ls` on a terminal: only when needed.
        case shellEscape
        /// `"name"` with C escapes (`ls -Q`, and what shell quoting falls back to for `it's`).
        case c
    }

    /// `quote(name)`: ‘name’.
    static func locale(_ name: String) -> String { quote(name, .locale) }
    /// `quoteaf(name)`: 'name'.
    static func always(_ name: String) -> String { quote(name, .shellEscapeAlways) }
    /// `quotef(name)`: name, or 'name' when it needs quoting. A colon forces quoting.
    static func ifNeeded(_ name: String, quoteColon: Bool = true) -> String {
        quote(name, .shellEscape, extra: quoteColon ? [UInt8(ascii: ":")] : [])
    }

    /// Whether `ls` would quote this name on a terminal.
    static func needsQuoting(_ name: String) -> Bool {
        quote(name, .shellEscape) != name
    }

    static func quote(_ name: String, _ style: Style, extra: Set<UInt8> = []) -> String {
        let bytes = Array(name.utf8)
        return String(decoding: Restyler(bytes: bytes, extra: extra).run(style), as: UTF8.self)
    }
}

/// A port of gnulib's `quotearg_buffer_restyled` for the styles coreutils' messages use.
private struct Restyler {
    let bytes: [UInt8]
    let extra: Set<UInt8>

    private enum Internal { case c, locale, shellAlways }

    private enum Outcome {
        case done([UInt8])
        /// Restart with outer quotes (gnulib's `force_outer_quoting_style`).
        case forceOuterQuotes
    }

    func run(_ style: Quoting.Style) -> [UInt8] {
        switch style {
        case .locale:
            return attempt(.locale, backslashEscapes: true, elideOuter: false, useExtra: true).bytes ?? []
        case .c:
            return attempt(.c, backslashEscapes: true, elideOuter: false, useExtra: true).bytes ?? []
        case .shellEscapeAlways:
            return shellAlways(useExtra: true)
        case .shellEscape:
            if let elided = attempt(.shellAlways, backslashEscapes: true, elideOuter: true, useExtra: true).bytes {
                return elided
            }
            return shellAlways(useExtra: false)
        }
    }

    private func shellAlways(useExtra: Bool) -> [UInt8] {
        let result = attempt(.shellAlways, backslashEscapes: true, elideOuter: false, useExtra: useExtra)
        if result.singleQuote && result.allCompatible {
            return attempt(.c, backslashEscapes: true, elideOuter: false, useExtra: useExtra).bytes ?? []
        }
        return result.bytes ?? []
    }

    private struct Attempt {
        var bytes: [UInt8]?
        var singleQuote = false
        var allCompatible = true
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    private func attempt(_ style: Internal, backslashEscapes: Bool, elideOuter: Bool, useExtra: Bool) -> Attempt {
        var out: [UInt8] = []
        var result = Attempt()
        let leftQuote: [UInt8]
        let rightQuote: [UInt8]
        switch style {
        case .c: leftQuote = [0x22]; rightQuote = [0x22]
        case .locale: leftQuote = Array("‘".utf8); rightQuote = Array("’".utf8)
        case .shellAlways: leftQuote = [0x27]; rightQuote = [0x27]
        }
        if !elideOuter { out += leftQuote }
        var pendingShellEscapeEnd = false

        func startEscape(_ out: inout [UInt8]) {
            if style == .shellAlways && !pendingShellEscapeEnd {
                out += Array("'$'".utf8)
                pendingShellEscapeEnd = true
            }
            out.append(UInt8(ascii: "\\"))
        }

        var index = 0
        while index < bytes.count {
            var c = bytes[index]
            var escaping = false
            var compatible = false
            var isRightQuote = false
            if backslashEscapes && style != .shellAlways && !rightQuote.isEmpty
                && index + rightQuote.count <= bytes.count
                && Array(bytes[index..<(index + rightQuote.count)]) == rightQuote {
                isRightQuote = true
            }
            enum Action { case store, escape(UInt8), plain }
            var action = Action.plain
            switch c {
            case 0:
                if backslashEscapes {
                    action = .escape(UInt8(ascii: "0"))
                }
            case 0x07: action = backslashEscapes ? .escape(UInt8(ascii: "a")) : .plain
            case 0x08: action = backslashEscapes ? .escape(UInt8(ascii: "b")) : .plain
            case 0x0C: action = backslashEscapes ? .escape(UInt8(ascii: "f")) : .plain
            case 0x0B: action = backslashEscapes ? .escape(UInt8(ascii: "v")) : .plain
            case 0x0A, 0x0D, 0x09:
                if style == .shellAlways && elideOuter { return result }
                let letter: UInt8 = c == 0x0A ? UInt8(ascii: "n") : c == 0x0D ? UInt8(ascii: "r") : UInt8(ascii: "t")
                action = backslashEscapes ? .escape(letter) : .plain
            case UInt8(ascii: "\\"):
                if style == .shellAlways {
                    if elideOuter { return result }
                    action = .store
                } else if backslashEscapes && elideOuter {
                    action = .store
                } else {
                    action = backslashEscapes ? .escape(c) : .plain
                }
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: " "):
                let isolatedBrace = bytes.count == 1
                let special: Bool
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "}"): special = isolatedBrace && index == 0
                case UInt8(ascii: "#"), UInt8(ascii: "~"): special = index == 0
                default: special = true
                }
                if special {
                    compatible = true
                    if style == .shellAlways && elideOuter { return result }
                }
            case UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: "$"), UInt8(ascii: "&"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: ";"),
                 UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "["),
                 UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "|"):
                if style == .shellAlways && elideOuter { return result }
            case UInt8(ascii: "?"):
                if style == .shellAlways && elideOuter { return result }
            case UInt8(ascii: "'"):
                result.singleQuote = true
                compatible = true
                if style == .shellAlways {
                    if elideOuter { return result }
                    out += Array("'\\'".utf8)
                    pendingShellEscapeEnd = false
                }
            case UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "/"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ":"),
                 UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "]"), UInt8(ascii: "_"),
                 UInt8(ascii: "a")...UInt8(ascii: "z"):
                compatible = true
            default:
                // A multibyte sequence (or a lone unprintable byte).
                let (length, printable) = Self.character(at: index, in: bytes)
                compatible = printable
                if length > 1 || (backslashEscapes && !printable) {
                    if !printable && backslashEscapes && elideOuter { return result }
                    let limit = index + length
                    while true {
                        if backslashEscapes && !printable {
                            escaping = true
                            startEscape(&out)
                            out.append(UInt8(ascii: "0") + (c >> 6))
                            out.append(UInt8(ascii: "0") + ((c >> 3) & 7))
                            c = UInt8(ascii: "0") + (c & 7)
                        } else if isRightQuote {
                            out.append(UInt8(ascii: "\\"))
                            isRightQuote = false
                        }
                        if limit <= index + 1 { break }
                        if pendingShellEscapeEnd && !escaping {
                            out += [0x27, 0x27]
                            pendingShellEscapeEnd = false
                        }
                        out.append(c)
                        index += 1
                        c = bytes[index]
                    }
                    action = .store
                }
            }
            if case .plain = action {
                let quoteExtra = useExtra && extra.contains(c)
                    && ((backslashEscapes && style != .shellAlways) || elideOuter)
                if quoteExtra || isRightQuote {
                    if elideOuter { return result }
                    action = .escape(c)
                } else {
                    action = .store
                }
            }
            if case .escape(let letter) = action {
                if elideOuter { return result }
                escaping = true
                startEscape(&out)
                if c == 0, index + 1 < bytes.count, style != .shellAlways,
                   (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1]) {
                    out += [UInt8(ascii: "0"), UInt8(ascii: "0")]
                }
                c = letter
            }
            // store_c
            if pendingShellEscapeEnd && !escaping {
                out += [0x27, 0x27]
                pendingShellEscapeEnd = false
            }
            out.append(c)
            if !compatible { result.allCompatible = false }
            index += 1
        }
        if out.isEmpty && style == .shellAlways && elideOuter { return result }
        if !elideOuter { out += rightQuote }
        result.bytes = out
        return result
    }

    /// The length of the UTF-8 character at `index` and whether it is printable (`c32isprint`).
    static func character(at index: Int, in bytes: [UInt8]) -> (Int, Bool) {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00..<0x80: return (1, lead >= 0x20 && lead < 0x7F)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (1, false)
        }
        guard index + length <= bytes.count else { return (bytes.count - index, false) }
        let slice = bytes[index..<(index + length)]
        guard slice.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return (1, false) }
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return (1, false) }
        return (length, DisplayWidth.isPrintable(scalar))
    }
}
