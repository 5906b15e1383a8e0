import APIStore
import CommandKit
import KubeModel

/// `kubeadm join` on a machine of the world and `kubeadm reset` (cmd/kubeadm/app/cmd/join.go,
/// phases/join, preflight/checks.go, reset.go): validation, preflight, discovery against the
/// bootstrap tokens and the CA hash, then the kubelet-start phase (World.completeJoin).
extension KubeadmCommand {
    static let joinedMessage = """

        This node has joined the cluster:
        * Certificate signing request was sent to apiserver and a response was received.
        * The Kubelet was informed of the new secure connection details.

        Run 'kubectl get nodes' on the control-plane to see this node join the cluster.


        """

    static func join(_ line: Line, _ invocation: inout Invocation, _ world: World) -> Int32 {
        let endpoint = line.words.count > 1 ? line.words[1] : ""
        let token = line.value("token") ?? ""
        let discoveryToken = line.value("discovery-token") ?? token
        let tlsToken = line.value("tls-bootstrap-token") ?? token
        let hashes = line.flags["discovery-token-ca-cert-hash"] ?? []
        let skipCA = line.has("discovery-token-unsafe-skip-ca-verification")
        var problems: [String] = []
        if hashes.isEmpty, !skipCA {
            problems.append("discovery.bootstrapToken.caCertHashes: Invalid value: \"\": using token-based discovery without "
                + "caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass "
                + "--discovery-token-unsafe-skip-ca-verification flag to continue")
        }
        if !validToken(discoveryToken) {
            problems.append("discovery.bootstrapToken.token: Invalid value: \"\(discoveryToken)\": the bootstrap token is invalid")
        }
        if !endpoint.contains(":") {
            problems.append("discovery.bootstrapToken.apiServerEndpoint: Invalid value: \"\(endpoint)\": address \(endpoint): missing port in address")
        }
        if !validToken(tlsToken) {
            problems.append("discovery.tlsBootstrapToken: Invalid value: \"\(tlsToken)\": the bootstrap token is invalid")
        }
        if !problems.isEmpty {
            return fail(problems.count == 1 ? problems[0] : "[" + problems.joined(separator: ", ") + "]", &invocation)
        }
        let node = invocation.host.hostname
        let ignored = Set((line.flags["ignore-preflight-errors"] ?? []).flatMap { $0.lowercased().split(separator: ",").map(String.init) })
        invocation.stdout.write("[preflight] Running pre-flight checks\n")
        let errors = preflightErrors(invocation, world: world, node: node)
        let fatal = ignored.contains("all") ? [] : errors.filter { !ignored.contains($0.0.lowercased()) }
        for (check, message) in errors where !fatal.contains(where: { $0.0 == check }) {
            invocation.stderr.write("\t[WARNING \(check)]: \(message)\n")
        }
        if !fatal.isEmpty {
            let lines = fatal.map { "\t[ERROR \($0.0)]: \($0.1)\n" }.joined()
            return fail("error execution phase preflight: [preflight] Some fatal errors occurred:\n" + lines
                + "[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`",
                &invocation)
        }
        if let problem = discover(token: discoveryToken, hashes: hashes, skipCA: skipCA, world: world) {
            return fail("error execution phase preflight: couldn't validate the identity of the API Server: " + problem, &invocation)
        }
        invocation.stdout.write("""
            [preflight] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...
            [preflight] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.

            """)
        if let existing = nodeObject(world, node), existing[path: ["status", "conditions"]]?.arrayValue?.contains(where: {
            $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
        }) == true {
            return fail("error execution phase kubelet-start: a Node with name \"\(node)\" and status \"Ready\" already exists in the "
                + "cluster. You must delete the existing Node or change the name of this new joining Node", &invocation)
        }
        world.completeJoin(node)
        let nanos = 1_000_000_000 + Int(SHA256Hex.of(Array("\(world.description.seed)/\(node)/\(world.clock.now)".utf8)).utf8
            .reduce(0) { ($0 &* 31 &+ Int($1)) & 0x3fff_ffff } % 40_000_000)
        let fraction = String(nanos % 1_000_000_000)
        var digits = String(repeating: "0", count: 9 - fraction.count) + fraction
        while digits.hasSuffix("0") { digits.removeLast() }
        let seconds = "\(nanos / 1_000_000_000)" + (digits.isEmpty ? "" : "." + digits)
        invocation.stdout.write("""
            [kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"
            [kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"
            [kubelet-start] Starting the kubelet
            [kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s
            [kubelet-check] The kubelet is healthy after \(seconds)s
            [kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap

            """ + joinedMessage.dropLast())
        return 0
    }

    static func validToken(_ token: String) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 6, parts[1].count == 16 else { return false }
        return token.utf8.allSatisfy { $0 == UInt8(ascii: ".") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The join preflight checks that can fail on a lab machine, in RunJoinNodeChecks' order.
    static func preflightErrors(_ invocation: Invocation, world: World, node: String) -> [(String, String)] {
        var errors: [(String, String)] = []
        let fileSystem = invocation.fileSystem
        if let manifests = try? fileSystem.listDirectory("/etc/kubernetes/manifests"), !manifests.isEmpty {
            errors.append(("DirAvailable--etc-kubernetes-manifests", "/etc/kubernetes/manifests is not empty"))
        }
        for file in ["/etc/kubernetes/kubelet.conf", "/etc/kubernetes/bootstrap-kubelet.conf"] where (try? fileSystem.info(file)) != nil {
            errors.append(("FileAvailable-" + file.replacingOccurrences(of: "/", with: "-"), "\(file) already exists"))
        }
        if world.agents.units[node]?.state == .running {
            errors.append(("Port-10250", "Port 10250 is in use"))
        }
        if (try? fileSystem.info("/etc/kubernetes/pki/ca.crt")) != nil {
            errors.append(("FileAvailable--etc-kubernetes-pki-ca.crt", "/etc/kubernetes/pki/ca.crt already exists"))
        }
        return errors
    }

    /// Token discovery: the token must exist in kube-system and match; the CA must match a pinned hash.
    /// Returns what kubeadm reports when it does not (an unknown token fails after the 5 minute timeout).
    static func discover(token: String, hashes: [String], skipCA: Bool, world: World) -> String? {
        let parts = token.split(separator: ".").map(String.init)
        guard parts.count == 2 else { return nil }
        let secret = world.store.resources.type(key: "secrets").flatMap {
            world.store.object($0, namespace: "kube-system", name: "bootstrap-token-" + parts[0])
        }
        let expired = decode(secret?.content[path: ["data", "expiration"]]?.stringValue)
            .flatMap(Timestamp.parse).map { $0 <= world.clock.now } ?? false
        guard let secret, !expired else {
            world.clock.sleep(nanoseconds: 300 * 1_000_000_000)
            return "could not find a JWS signature in the cluster-info ConfigMap for token ID \"\(parts[0])\""
        }
        guard decode(secret.content[path: ["data", "token-secret"]]?.stringValue) == parts[1] else {
            return "failed to verify JWS signature of received cluster info object, can't trust this API Server"
        }
        let actual = caCertHash(world)
        if !skipCA, !hashes.contains(actual) {
            return "cluster CA found in cluster-info ConfigMap is invalid: none of the public keys \"\(actual)\" are pinned"
        }
        return nil
    }

    static func nodeObject(_ world: World, _ name: String) -> KubeObject? {
        world.store.resources.type(key: "nodes").flatMap { world.store.object($0, namespace: "", name: name) }
    }

    /// `kubeadm reset [-f]` on a worker: the kubelet stopped, kubeadm's files removed; the Node object stays.
    static func reset(_ line: Line, _ invocation: inout Invocation, _ world: World) -> Int32 {
        if !line.has("force") && !line.has("f") {
            invocation.stdout.write("[reset] Are you sure you want to proceed? [y/N]: ")
            let answer = String(decoding: invocation.stdin, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            guard answer.lowercased() == "y" || answer.lowercased() == "yes" else {
                return fail("won't proceed; the user didn't answer (Y|y) in order to continue", &invocation)
            }
        }
        invocation.stdout.write("[preflight] Running pre-flight checks\n")
        world.resetMachine(invocation.host.hostname)
        invocation.stdout.write("""
            [reset] Stopping the kubelet service
            [reset] Unmounting mounted directories in "/var/lib/kubelet"
            [reset] Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]
            [reset] Deleting files: [\(KubeadmReset.files.joined(separator: " "))]

            The reset process does not clean CNI configuration. To do so, you must remove /etc/cni/net.d

            The reset process does not reset or clean up iptables rules or IPVS tables.
            If you wish to reset iptables, you must do so manually by using the "iptables" command.

            If your cluster was setup to utilize IPVS, run ipvsadm --clear (or similar)
            to reset your system's IPVS tables.

            The reset process does not clean your kubeconfig files and you must remove them manually.
            Please, check the contents of the $HOME/.kube/config file.

            """)
        return 0
    }
}

/// What `kubeadm reset` deletes besides directory contents.
enum KubeadmReset {
    static let files = ["/etc/kubernetes/admin.conf", "/etc/kubernetes/super-admin.conf", "/etc/kubernetes/kubelet.conf",
                        "/etc/kubernetes/bootstrap-kubelet.conf", "/etc/kubernetes/controller-manager.conf",
                        "/etc/kubernetes/scheduler.conf"]
}
