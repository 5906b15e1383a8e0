/// Random name suffixes the way the API server makes them (`utilrand.String`).
///
/// Kubernetes draws from "bcdfghjklmnpqrstvwxz2456789" — no vowels, no 0/1/3 — so that
/// suffixes never spell words. Ours are drawn from a seeded generator.
public struct NameGenerator: Sendable {
    public static let alphabet: [Character] = Array("bcdfghjklmnpqrstvwxz2456789")
    private var random: SeededRandom

    public init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// A suffix of `length` characters, e.g. `f8kcp`.
    public mutating func suffix(length: Int = 5) -> String {
        var result = ""
        for _ in 0..<length {
            result.append(Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))])
        }
        return result
    }

    /// `generateName` + suffix, e.g. `kube-proxy-` → `kube-proxy-f8kcp`.
    public mutating func name(prefix: String) -> String {
        prefix + suffix()
    }

    /// A number in `range`, for PIDs and the like.
    public mutating func number(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }
}
