import Kubectl
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
        ["run", "x", "--image="], ["run", "x", "--image=Busybox"], ["run", "x", "--image=nginx:"], ["run", "x", "--image=a//b"],
        ["run", "x", "--image=-a"], ["run", "x", "--image=a@sha256:xyz"], ["run", "x", "--image=a_-b"], ["run", "x", "--image=a:-1"],
        ["run", "x", "--image=my.reg:x/a"], ["run", "x", "--image=a___b"], ["run", "x", "--image=Busybox", "-t"],
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

/// Image references the real kubectl accepts get past the check (to the server, absent here).
@Suite struct RunImageNameTests {
    static let valid = [
        "nginx", "nginx:1.27", "registry.k8s.io/pause:3.10", "localhost:5000/a/b", "a__b", "a--b", "a.b_c", "MyReg.io/x",
        "docker.io/library/busybox:1.37.0", "a@sha256:" + String(repeating: "ab", count: 32), "a:V_1.2-x",
    ]

    @Test(arguments: valid)
    func acceptedImageReachesTheServer(_ image: String) {
        let run = KubectlHarness.lab(["run", "x", "--image=" + image])
        #expect(run.stderr == KubectlFailure.connectionRefused.stderr, "\(image)")
    }
}
