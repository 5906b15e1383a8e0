import Glibc

/// A compiled POSIX regular expression (glibc's `regcomp`/`regexec`, the engine GNU grep and
/// sed are closest to), matched against byte strings in the C.UTF-8 locale.
///
/// This is the only file that touches the C regex API. Matching uses `REG_STARTEND`, so lines
/// may hold NUL bytes and invalid UTF-8.
final class PosixRegex {
    struct Options: OptionSet {
        let rawValue: Int
        static let extended = Options(rawValue: 1)
        static let ignoreCase = Options(rawValue: 2)
        static let newline = Options(rawValue: 4)
        /// Compile without capture groups (faster; only whether it matches, and where).
        static let noSubexpressions = Options(rawValue: 8)
    }

    /// A byte range of a match, `start..<end`.
    typealias Span = Range<Int>

    private var compiled = regex_t()
    /// How many `\(…\)` groups the pattern holds.
    private(set) var groupCount = 0

    /// Compiles `pattern`; throws glibc's message (`Unmatched [, [^, [:, [., or [=`).
    init(_ pattern: [UInt8], options: Options) throws(RegexError) {
        var flags: Int32 = 0
        if options.contains(.extended) { flags |= REG_EXTENDED }
        if options.contains(.ignoreCase) { flags |= REG_ICASE }
        if options.contains(.newline) { flags |= REG_NEWLINE }
        if options.contains(.noSubexpressions) { flags |= REG_NOSUB }
        // A NUL would end the C string early; GNU tools treat it literally, so cut there.
        let cString = Array(pattern.prefix { $0 != 0 }) + [0]
        let status = PosixRegex.withLocale {
            cString.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: cString.count) { regcomp(&compiled, $0, flags) }
                } ?? _REG_ESPACE.rawValue
            }
        }
        if status != 0 {
            var message = [CChar](repeating: 0, count: 256)
            regerror(status, &compiled, &message, message.count)
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw RegexError(message: text)
        }
        groupCount = Int(compiled.re_nsub)
    }

    deinit { regfree(&compiled) }

    /// The first match in `bytes[from...]` with its groups (`nil` for unset groups), or nil.
    /// `notBOL` says the search does not start at a line start (for `g` and `-o` loops).
    func firstMatch(in bytes: [UInt8], from start: Int = 0, notBOL: Bool = false) -> [Span?]? {
        guard start <= bytes.count else { return nil }
        var matches = [regmatch_t](repeating: regmatch_t(), count: groupCount + 1)
        matches[0].rm_so = regoff_t(start)
        matches[0].rm_eo = regoff_t(bytes.count)
        var eflags = REG_STARTEND
        if notBOL { eflags |= REG_NOTBOL }
        let count = matches.count
        #if FUZZING
        // AddressSanitizer's regexec interceptor ignores REG_STARTEND and reads up to a NUL.
        let bytes = bytes + [0]
        #endif
        let status: Int32 = PosixRegex.withLocale {
            bytes.withUnsafeBufferPointer { buffer in
                // An empty array may have no base address; regexec needs a valid pointer.
                let empty: [CChar] = [0]
                return empty.withUnsafeBufferPointer { fallback in
                    let pointer = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
                        ?? fallback.baseAddress
                    guard let pointer else { return _REG_NOMATCH.rawValue }
                    return regexec(&compiled, pointer, count, &matches, eflags)
                }
            }
        }
        guard status == 0 else { return nil }
        return matches.map { match in
            match.rm_so < 0 ? nil : Int(match.rm_so)..<Int(match.rm_eo)
        }
    }

    /// Whether the pattern matches anywhere in `bytes`.
    func matches(_ bytes: [UInt8]) -> Bool {
        firstMatch(in: bytes) != nil
    }

    /// Runs `body` with the C.UTF-8 locale for this thread (regex semantics depend on it).
    private static func withLocale<T>(_ body: () -> T) -> T {
        guard let locale = utf8Locale.value else { return body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }

    /// Created once; C.UTF-8 is what the lab's `LANG` says.
    private static let utf8Locale = LocaleHandle(newlocale((Int32(1) << LC_CTYPE) | (Int32(1) << LC_COLLATE), "C.UTF-8", nil))
}

/// Holds a `locale_t` so it can live in a static (it is never freed nor changed).
private final class LocaleHandle: @unchecked Sendable {
    let value: locale_t?
    init(_ value: locale_t?) { self.value = value }
}

/// A regex that did not compile, in glibc's words.
struct RegexError: Error {
    let message: String
}
