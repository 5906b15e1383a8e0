import KubeModel

/// Names from pod templates, as the controllers derive them.
enum TemplateHash {
    /// `rand.SafeEncodeString` of a 32-bit FNV-1a hash of the template (plus the collision count):
    /// the `pod-template-hash` of a ReplicaSet, the `<ds>-<hash>` of a ControllerRevision.
    static func of(_ template: JSONValue, collisionCount: Int = 0) -> String {
        var hash: UInt32 = 0x811c_9dc5
        func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt32(byte)
                hash = hash &* 0x0100_0193
            }
        }
        add(KubeJSON.compact(template).utf8)
        if collisionCount > 0 { add(String(collisionCount).utf8) }
        return safeEncode(String(hash))
    }

    /// Maps each character through the name alphabet by its code point, as `rand.SafeEncodeString` does.
    static func safeEncode(_ text: String) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(text.unicodeScalars.map { alphabet[Int($0.value) % alphabet.count] })
    }

    /// A template with one label taken out (to compare templates ignoring `pod-template-hash`).
    static func withoutLabel(_ template: JSONValue?, _ key: String) -> JSONValue? {
        guard var template else { return nil }
        if var labels = template[path: ["metadata", "labels"]]?.objectValue {
            labels[key] = nil
            template[path: ["metadata", "labels"]] = labels.isEmpty ? nil : .object(labels)
        }
        return template
    }
}
