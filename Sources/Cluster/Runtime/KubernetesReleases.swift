/// Which `vMAJOR.MINOR.PATCH` tags registry.k8s.io has for the Kubernetes images, so that a
/// mistyped version in a static pod manifest fails to pull as it would on a real node.
enum KubernetesReleases {
    /// The last patch release of each minor version the lab knows (later minors: none yet).
    static let lastPatch: [Int: Int] = [
        20: 15, 21: 14, 22: 17, 23: 17, 24: 17, 25: 16, 26: 15, 27: 16, 28: 15, 29: 15, 30: 14, 31: 14,
        32: 11, 33: 7, 34: 3,
    ]

    /// `v1.32.4`, and the release candidates and betas of each minor (`v1.33.0-rc.1`).
    static func exists(_ tag: String) -> Bool {
        guard tag.hasPrefix("v1.") else { return false }
        let version = tag.dropFirst(3)
        let parts = version.split(separator: "-", maxSplits: 1)
        let numbers = parts.first?.split(separator: ".", omittingEmptySubsequences: false) ?? []
        guard numbers.count == 2, let minor = Int(numbers[0]), let patch = Int(numbers[1]),
              String(minor) == numbers[0], String(patch) == numbers[1], let last = lastPatch[minor] else { return false }
        if parts.count == 2 {
            let label = parts[1].split(separator: ".")
            guard patch == 0, label.count == 2, ["alpha", "beta", "rc"].contains(label[0]), let n = Int(label[1]) else { return false }
            return n >= 0 && n <= 3
        }
        return patch <= last
    }
}
