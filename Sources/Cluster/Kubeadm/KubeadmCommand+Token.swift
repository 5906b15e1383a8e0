import APIStore
import CommandKit
import Foundation
import KubeModel
import SimKit

/// `kubeadm token create [--print-join-command] [--ttl]` and `kubeadm token list`: bootstrap tokens
/// are `bootstrap-token-<id>` Secrets in kube-system (cmd/kubeadm/app/cmd/token.go).
extension KubeadmCommand {
    static let tokenGroups = "system:bootstrappers:kubeadm:default-node-token"
    static let adminConf = "/etc/kubernetes/admin.conf"

    static func token(_ line: Line, _ invocation: inout Invocation, _ world: World) -> Int32 {
        let verb = line.words.dropFirst().first ?? ""
        guard verb == "create" || verb == "list" || verb == "generate" else {
            invocation.stderr.write("kubeadm token \(verb): not available in this lab\n")
            return 1
        }
        if verb == "generate" {
            var random = SeededRandom(seed: world.description.seed &+ UInt64(bitPattern: world.clock.now))
            invocation.stdout.write(newToken(&random) + "\n")
            return 0
        }
        let kubeconfig = line.value("kubeconfig") ?? adminConf
        guard (try? invocation.fileSystem.info(kubeconfig)) != nil else {
            return fail("failed to load admin kubeconfig: open \(kubeconfig): no such file or directory", &invocation)
        }
        return verb == "create" ? createToken(line, &invocation, world) : listTokens(&invocation, world)
    }

    /// `<6>.<16>` of [a-z0-9], seeded by the world and the time.
    static func newToken(_ random: inout SeededRandom) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        func part(_ count: Int) -> String { String((0..<count).map { _ in alphabet[Int(random.next() % 36)] }) }
        let id = part(6)
        return id + "." + part(16)
    }

    /// The discovery hash: sha256 over the cluster CA (the control plane's /etc/kubernetes/pki/ca.crt).
    static func caCertHash(_ world: World) -> String {
        let controlPlane = world.description.controlPlane.flatMap { world.node(named: $0.name) }
        let bytes = (try? controlPlane?.disk.readFile("/etc/kubernetes/pki/ca.crt")) ?? []
        return "sha256:" + SHA256Hex.of(bytes ?? [])
    }

    private static func createToken(_ line: Line, _ invocation: inout Invocation, _ world: World) -> Int32 {
        guard let secretType = world.store.resources.type(key: "secrets") else { return 1 }
        let existing = world.store.list(secretType, ListOptions(namespace: "kube-system")).count
        var random = SeededRandom(seed: world.description.seed &* 31 &+ UInt64(existing) &+ UInt64(bitPattern: world.clock.now))
        let token = line.words.count > 2 ? line.words[2] : newToken(&random)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts[0].count == 6, parts[1].count == 16,
              token.allSatisfy({ $0 == "." || $0.isNumber || ($0.isLowercase && $0.isASCII) }) else {
            return fail("the bootstrap token \"\(token)\" was not of the form \"^([a-z0-9]{6})\\\\.([a-z0-9]{16})$\"", &invocation)
        }
        let ttlSeconds = durationSeconds(line.value("ttl") ?? "24h0m0s") ?? 86_400
        var data: JSONObject = [
            "auth-extra-groups": .string(base64(tokenGroups)),
            "token-id": .string(base64(parts[0])), "token-secret": .string(base64(parts[1])),
            "usage-bootstrap-authentication": .string(base64("true")), "usage-bootstrap-signing": .string(base64("true")),
        ]
        if ttlSeconds > 0 {
            data["expiration"] = .string(base64(Timestamp.rfc3339(nanoseconds: world.clock.now + ttlSeconds * 1_000_000_000)))
        }
        if let description = line.value("description") { data["description"] = .string(base64(description)) }
        let secret: JSONValue = [
            "apiVersion": "v1", "kind": "Secret",
            "metadata": ["name": .string("bootstrap-token-" + parts[0]), "namespace": "kube-system"],
            "type": "bootstrap.kubernetes.io/token", "data": .object(data),
        ]
        do {
            try world.store.create(KubeObject(secret))
        } catch {
            return fail("failed to create or update bootstrap token with name bootstrap-token-\(parts[0]): \(error.message)", &invocation)
        }
        if line.has("print-join-command") {
            let address = world.description.controlPlane?.address ?? "127.0.0.1"
            invocation.stdout.write("kubeadm join \(address):6443 --token \(token) --discovery-token-ca-cert-hash \(caCertHash(world)) \n")
        } else {
            invocation.stdout.write(token + "\n")
        }
        return 0
    }

    /// One tabwriter per token (minwidth 10, padding 3), the header with the first, as tokenTextPrinter prints.
    private static func listTokens(_ invocation: inout Invocation, _ world: World) -> Int32 {
        guard let secretType = world.store.resources.type(key: "secrets") else { return 1 }
        let secrets = world.store.list(secretType, ListOptions(namespace: "kube-system"))
            .filter { $0.content["type"]?.stringValue == "bootstrap.kubernetes.io/token" }
        var headerPrinted = false
        for secret in secrets {
            let field = { (key: String) in decode(secret.content[path: ["data", key]]?.stringValue) }
            guard let id = field("token-id"), let tokenSecret = field("token-secret") else { continue }
            var ttl = "<forever>"
            var expires = "<never>"
            if let expiration = field("expiration"), let at = Timestamp.parse(expiration) {
                ttl = shortHumanDuration((at - world.clock.now) / 1_000_000_000)
                expires = expiration
            }
            let usages = ["authentication", "signing"].filter { field("usage-bootstrap-" + $0) == "true" }.joined(separator: ",")
            let groups = field("auth-extra-groups") ?? ""
            let row = [id + "." + tokenSecret, pad(ttl, 9), expires, pad(usages.isEmpty ? "<none>" : usages, 22),
                       pad(field("description") ?? "<none>", 56), groups.isEmpty ? "<none>" : groups]
            var rows = [row]
            if !headerPrinted {
                rows.insert(["TOKEN", "TTL", "EXPIRES", "USAGES", "DESCRIPTION", "EXTRA GROUPS"], at: 0)
                headerPrinted = true
            }
            invocation.stdout.write(tabwriter(rows))
        }
        return 0
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Go's tabwriter (minwidth 10, padding 3, spaces): every cell but the last padded to its column.
    static func tabwriter(_ rows: [[String]]) -> String {
        let columns = (rows.map(\.count).max() ?? 1) - 1
        let widths = (0..<max(0, columns)).map { column in
            max(10, (rows.compactMap { $0.count > column ? $0[column].count : nil }.max() ?? 0) + 3)
        }
        return rows.map { row in
            row.enumerated().map { index, cell in index < row.count - 1 && index < widths.count ? pad(cell, widths[index]) : cell }
                .joined() + "\n"
        }.joined()
    }

    /// duration.ShortHumanDuration.
    static func shortHumanDuration(_ seconds: Int64) -> String {
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3_600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3_600)h" }
        if seconds < 86_400 * 365 { return "\(seconds / 86_400)d" }
        return "\(seconds / 86_400 / 365)y"
    }

    /// A Go duration (`24h`, `1h30m`, `0`) in seconds.
    static func durationSeconds(_ text: String) -> Int64? {
        if text == "0" { return 0 }
        var total: Double = 0
        var number = ""
        for character in text {
            if character.isNumber || character == "." { number.append(character); continue }
            guard let value = Double(number) else { return nil }
            switch character {
            case "h": total += value * 3_600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            number = ""
        }
        return number.isEmpty ? Int64(total) : nil
    }

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    static func decode(_ text: String?) -> String? {
        guard let text, let data = Data(base64Encoded: text) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
