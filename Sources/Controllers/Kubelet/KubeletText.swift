import SimKit

/// How the kubelet words times and ids.
enum KubeletText {
    /// Go's `time.Duration.String()` at millisecond precision: `523ms`, `1.234s`, `1m2.5s`.
    static func duration(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        if millis < 1000 { return "\(millis)ms" }
        let minutes = millis / 60_000
        let rest = millis % 60_000
        var text = String(rest / 1000)
        let fraction = rest % 1000
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 3 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return (minutes > 0 ? "\(minutes)m" : "") + text + "s"
    }

    /// `count` lowercase hex digits of seeded chance.
    static func hex(_ random: inout SeededRandom, _ count: Int) -> String {
        var text = ""
        while text.count < count {
            let digits = String(random.next(), radix: 16)
            text += String(repeating: "0", count: 16 - digits.count) + digits
        }
        return String(text.prefix(count))
    }
}

/// Image sizes and digests for the Pulled events and `imageID`s (registries are out of reach offline).
enum ImageSizes {
    static let known: [String: Int] = [
        "nginx": 72_188_133, "busybox": 2_166_802, "redis": 45_005_123, "httpd": 58_140_244, "alpine": 3_653_068,
        "ubuntu": 29_754_290, "memcached": 32_115_812, "mysql": 170_611_248, "postgres": 153_923_331,
        "registry.k8s.io/pause": 320_368,
    ]

    static func repository(_ image: String) -> String {
        let last = image.split(separator: "/").last.map(String.init) ?? image
        let name = last.split(separator: "@").first.map(String.init) ?? last
        let bare = name.split(separator: ":").first.map(String.init) ?? name
        let prefix = image.split(separator: "/").dropLast().joined(separator: "/")
        return prefix.isEmpty ? bare : prefix + "/" + bare
    }

    static func bytes(of image: String) -> Int {
        let repository = repository(image)
        if let size = known[repository] { return size }
        return 10_000_000 + Int(StaticPodSource.hex(of: image, length: 6).utf8.reduce(0) { $0 &* 31 &+ Int($1) } % 60_000_000)
    }

    /// `docker.io/library/nginx@sha256:…` as containerd reports it.
    static func imageID(_ image: String) -> String { imageIDs.answer(image, digestReference) }

    /// Asked at every container start, of a few images.
    private static let imageIDs = Memo<String, String>(capacity: 256)

    private static func digestReference(_ image: String) -> String {
        var repository = repository(image)
        if !repository.contains("/") { repository = "docker.io/library/" + repository }
        else if !(repository.split(separator: "/").first ?? "").contains(".") { repository = "docker.io/" + repository }
        return repository + "@sha256:" + StaticPodSource.hex(of: image, length: 64)
    }
}
