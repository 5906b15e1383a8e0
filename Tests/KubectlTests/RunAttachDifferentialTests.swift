import Testing

/// `kubectl run`'s attach options and `kubectl attach`'s argument checks, byte for byte against
/// kubectl v1.32 (all answered before any server is asked).
@Suite struct RunAttachDifferentialTests {
    static let lines: [[String]] = [
        ["run", "tmp", "--rm", "--image=busybox"], ["run", "tmp", "-t", "--image=busybox"],
        ["run", "tmp", "-it", "--image=busybox", "--dry-run=client"], ["run", "tmp", "--rm", "-i", "--image=busybox", "--dry-run=server"],
        ["run", "tmp", "--attach", "--image=busybox", "--dry-run=client"], ["run", "tmp", "--rm", "--attach=false", "-i", "--image=busybox"],
        ["run", "tmp", "--image=busybox", "--pod-running-timeout=0"], ["run", "tmp", "-t", "--image=busybox", "--pod-running-timeout=0"],
        ["run", "tmp", "-i", "--image=busybox", "--restart=Bogus"], ["run", "tmp", "--image=busybox", "--expose", "-t"],
        ["run", "tmp", "--image=busybox", "--expose"], ["run", "tmp", "--image=busybox", "--image-pull-policy=Bad"],
        ["run", "tmp", "--rm", "--image=busybox", "--image-pull-policy=Bad"],
        ["attach"], ["attach", "a", "b", "c"], ["attach", "x", "--pod-running-timeout=0"], ["attach", "x", "--pod-running-timeout=-1s"],
    ]

    @Test(arguments: lines)
    func sameErrorAsKubectl(_ line: [String]) {
        guard KubectlHarness.oracleAvailable else { return }
        let real = KubectlHarness.real(line)
        let lab = KubectlHarness.lab(line)
        #expect(lab == real, "kubectl \(line.joined(separator: " "))")
    }
}
