/// Generated names in live-cluster output, masked so tests can state the rest exactly:
/// pod suffixes as `xxxxx`, template hashes as `hhhhhhhhhh`.
enum LiveMasking {
    static func masked(_ text: String) -> String {
        text.replacing(/-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}\b/, with: "-hhhhhhhhhh-xxxxx")
            .replacing(/\b(canal|kube-proxy|nginx|config|test-ds)-[bcdfghjklmnpqrstvwxz2456789]{5}\b/) { "\($0.1)-xxxxx" }
    }
}
