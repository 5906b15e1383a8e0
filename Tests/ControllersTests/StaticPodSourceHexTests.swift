@testable import Controllers
import Testing

/// Static pod uids, container ids and image digests are these hex strings: a change of the
/// function changes every id a learner has seen. The values are FNV-1a 64, chained by round,
/// worked out independently (Python).
@Suite struct StaticPodSourceHexTests {
    @Test(arguments: [
        ("kube-apiserver.yaml", 32, "553bee419e1d7c337718a9336a2a1d84"),
        ("busybox", 64, "d8cb043ac19249693ed4b1316e3c6d4ebed677b74641321766f21194c61acf94"),
        ("", 5, "cbf29"),
        ("ü", 20, "0ac20a07b71807ea0ac5"),
    ])
    func hexIsChainedFNV(text: String, length: Int, expected: String) {
        #expect(StaticPodSource.hex(of: text, length: length) == expected)
    }
}
