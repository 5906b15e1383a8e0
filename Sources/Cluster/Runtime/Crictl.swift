import APIStore
import CommandKit
import Controllers

/// `crictl` (cri-tools v1.32) on a node: its containers, pod sandboxes, images and container logs,
/// as containerd there knows them.
enum Crictl {
    static let version = "v1.32.0"

    static func run(_ invocation: inout Invocation, _ world: World) -> Int32 {
        let words = Array(invocation.operands)
        let node = invocation.host.hostname
        // Global options come before the command (endpoints and timeouts change nothing here).
        let global: CrictlFlags
        switch CrictlFlags.parse(words, specs: globalSpecs) {
        case .success(let parsed): global = parsed
        case .failure(let failure): return report(failure, &invocation)
        }
        if global.bool("version") {
            invocation.stdout.write("crictl version \(version)\n")
            return 0
        }
        guard let command = global.arguments.first, !global.help else {
            invocation.stderr.write("crictl: the lab has no help text for crictl; try crictl ps, pods, images or logs\n")
            return 0
        }
        let rest = Array(global.arguments.dropFirst())
        let now = invocation.clock.now
        do throws(CrictlFailure) {
            let output: String
            switch command {
            case "ps": output = try ps(rest, CrictlInventory(node: node, world: world), now: now)
            case "pods": output = try pods(rest, CrictlInventory(node: node, world: world), now: now)
            case "images", "image", "img": output = try images(rest, CrictlInventory(node: node, world: world), world: world)
            case "logs":
                try logs(rest, CrictlInventory(node: node, world: world), world: world, invocation: &invocation)
                return 0
            case "version":
                output = "Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.7.24\nRuntimeApiVersion:  v1\n"
            case "attach", "create", "exec", "info", "inspect", "inspecti", "inspectp", "imagefsinfo", "port-forward", "pull",
                 "rm", "rmi", "rmp", "run", "runp", "start", "stats", "statsp", "stop", "stopp", "update", "config",
                 "checkpoint", "events", "metricsp", "update-runtime-config", "completion", "help", "h":
                throw .exit("crictl \(command) is not available in this lab yet", 1)
            default:
                throw .exit("No help topic for '\(command)'", 3)
            }
            invocation.stdout.write(output)
            return 0
        } catch {
            return report(error, &invocation)
        }
    }

    private static let globalSpecs: [CrictlFlags.Spec] = [
        .init(names: ["config", "c"]), .init(names: ["debug", "D"], isBool: true), .init(names: ["image-endpoint", "i"]),
        .init(names: ["runtime-endpoint", "r"]), .init(names: ["timeout", "t"]), .init(names: ["version", "v"], isBool: true),
    ]

    private static func report(_ failure: CrictlFailure, _ invocation: inout Invocation) -> Int32 {
        switch failure {
        case .usage(let message):
            invocation.stdout.write("Incorrect Usage: \(message)\n\n")
            invocation.stderr.write("FATA[0000] \(message)\n")
            return 1
        case .fatal(let message):
            invocation.stderr.write("FATA[0000] \(message)\n")
            return 1
        case .exit(let message, let status):
            invocation.stderr.write(message + "\n")
            return status
        }
    }

    static func parse(_ words: [String], _ specs: [CrictlFlags.Spec]) throws(CrictlFailure) -> CrictlFlags {
        switch CrictlFlags.parse(words, specs: specs) {
        case .success(let flags): return flags
        case .failure(let failure): throw failure
        }
    }

    /// A Go regexp's MatchString (an unanchored search); nil pattern matches everything.
    static func matches(_ pattern: String, _ text: String) throws(CrictlFailure) -> Bool {
        guard !pattern.isEmpty else { return true }
        guard let regex = try? Regex(pattern) else { throw .fatal("error parsing regexp: invalid pattern: `\(pattern)`") }
        return text.contains(regex)
    }

    // MARK: - ps

    private static let psSpecs: [CrictlFlags.Spec] = [
        .init(names: ["verbose", "v"], isBool: true), .init(names: ["id"]), .init(names: ["name"]), .init(names: ["pod", "p"]),
        .init(names: ["image"]), .init(names: ["state", "s"]), .init(names: ["label"]), .init(names: ["quiet", "q"], isBool: true),
        .init(names: ["output", "o"], defaultValue: "table"), .init(names: ["all", "a"], isBool: true),
        .init(names: ["latest", "l"], isBool: true), .init(names: ["last", "n"]), .init(names: ["no-trunc"], isBool: true),
        .init(names: ["resolve-image-path", "r"], isBool: true), .init(names: ["namespace"]),
    ]

    static func ps(_ words: [String], _ inventory: CrictlInventory, now: Int64) throws(CrictlFailure) -> String {
        let flags = try parse(words, psSpecs)
        let state = flags.string("state").lowercased()
        guard ["", "created", "running", "exited", "unknown"].contains(state) else {
            throw .fatal("listing containers: list containers: --state should be one of created, running, exited or unknown")
        }
        switch flags.string("output") {
        case "table": break
        case "json", "yaml": throw .fatal("listing containers: the lab prints crictl's tables only, not \(flags.string("output"))")
        case let other: throw .fatal("listing containers: unsupported output format \"\(other)\"")
        }
        let last = Int(flags.string("last")) ?? 0
        let ignoreState = flags.bool("latest") || last > 0
        var list: [CrictlContainer] = []
        for container in inventory.containers {
            if !ignoreState {
                if state.isEmpty, !flags.bool("all"), !container.running { continue }
                if state == "running", !container.running { continue }
                if state == "exited", container.running { continue }
                if state == "created" || state == "unknown" { continue }
            }
            if !flags.string("id").isEmpty, !container.id.hasPrefix(flags.string("id")) { continue }
            if !flags.string("pod").isEmpty, !container.sandboxID.hasPrefix(flags.string("pod")) { continue }
            if !flags.string("image").isEmpty, !imageMatches(flags.string("image"), container.image) { continue }
            guard try matches(flags.string("name"), container.name),
                  try matches(flags.string("namespace"), container.podNamespace) else { continue }
            list.append(container)
        }
        if flags.bool("latest") { list = Array(list.prefix(1)) } else if last > 0 { list = Array(list.prefix(last)) }
        if flags.bool("quiet") { return list.map { $0.id + "\n" }.joined() }
        let noTrunc = flags.bool("no-trunc")
        var rows = [["CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD", "NAMESPACE"]]
        for container in list {
            let image = flags.bool("resolve-image-path") ? container.image
                : noTrunc ? "sha256:" + imageID(container.image) : CrictlFormat.truncated(imageID(container.image))
            rows.append([noTrunc ? container.id : CrictlFormat.truncated(container.id), image,
                         CrictlFormat.ago(now - container.created), container.running ? "Running" : "Exited", container.name,
                         String(container.attempt), noTrunc ? container.sandboxID : CrictlFormat.truncated(container.sandboxID),
                         container.podName, container.podNamespace])
        }
        return CrictlFormat.table(rows)
    }

    /// The image's id (its config digest, hex), the same on every node.
    static func imageID(_ image: String) -> String { StaticPodSource.hex(of: "image-config/" + image, length: 64) }

    private static func imageMatches(_ filter: String, _ image: String) -> Bool {
        let canonical = ImageReference.parse(filter)?.canonical ?? filter
        return canonical == image || imageID(image).hasPrefix(filter) || ("sha256:" + imageID(image)).hasPrefix(filter)
    }

    // MARK: - pods

    private static let podsSpecs: [CrictlFlags.Spec] = [
        .init(names: ["id"]), .init(names: ["name"]), .init(names: ["namespace"]), .init(names: ["state", "s"]),
        .init(names: ["label"]), .init(names: ["verbose", "v"], isBool: true), .init(names: ["quiet", "q"], isBool: true),
        .init(names: ["output", "o"], defaultValue: "table"), .init(names: ["latest", "l"], isBool: true),
        .init(names: ["last", "n"]), .init(names: ["no-trunc"], isBool: true),
    ]

    static func pods(_ words: [String], _ inventory: CrictlInventory, now: Int64) throws(CrictlFailure) -> String {
        let flags = try parse(words, podsSpecs)
        let state = flags.string("state").lowercased()
        guard ["", "ready", "notready"].contains(state) else {
            throw .fatal("listing pod sandboxes: --state should be ready or notready")
        }
        var list: [CrictlSandbox] = []
        for sandbox in inventory.sandboxes {
            if state == "ready", !sandbox.ready { continue }
            if state == "notready", sandbox.ready { continue }
            if !flags.string("id").isEmpty, !sandbox.id.hasPrefix(flags.string("id")) { continue }
            guard try matches(flags.string("name"), sandbox.name), try matches(flags.string("namespace"), sandbox.namespace) else { continue }
            list.append(sandbox)
        }
        let last = Int(flags.string("last")) ?? 0
        if flags.bool("latest") { list = Array(list.prefix(1)) } else if last > 0 { list = Array(list.prefix(last)) }
        if flags.bool("quiet") { return list.map { $0.id + "\n" }.joined() }
        var rows = [["POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"]]
        for sandbox in list {
            rows.append([flags.bool("no-trunc") ? sandbox.id : CrictlFormat.truncated(sandbox.id), CrictlFormat.ago(now - sandbox.created),
                         sandbox.ready ? "Ready" : "NotReady", sandbox.name, sandbox.namespace, "0", "(default)"])
        }
        return CrictlFormat.table(rows)
    }

    // MARK: - images

    private static let imagesSpecs: [CrictlFlags.Spec] = [
        .init(names: ["quiet", "q"], isBool: true), .init(names: ["verbose", "v"], isBool: true),
        .init(names: ["digests"], isBool: true), .init(names: ["no-trunc"], isBool: true),
        .init(names: ["output", "o"], defaultValue: "table"), .init(names: ["pinned"], isBool: true),
    ]

    static func images(_ words: [String], _ inventory: CrictlInventory, world: World) throws(CrictlFailure) -> String {
        let flags = try parse(words, imagesSpecs)
        var names: Set<String> = ["registry.k8s.io/pause:3.10"]
        for container in inventory.containers { names.insert(container.image) }
        if let filter = flags.arguments.first {
            let wanted = ImageReference.parse(filter)
            names = names.filter { name in
                guard let reference = ImageReference.parse(name), let wanted else { return false }
                return reference.name == wanted.name && (!filter.contains(":") || reference.tag == wanted.tag)
            }
        }
        let sorted = names.sorted()
        if flags.bool("quiet") { return sorted.map { "sha256:" + imageID($0) + "\n" }.joined() }
        var rows = [["IMAGE", "TAG", "IMAGE ID", "SIZE"]]
        for name in sorted {
            guard let reference = ImageReference.parse(name) else { continue }
            var bytes = 0
            if case .success(let (_, spec)) = ImageCatalog.resolve(name) { bytes = spec.bytes }
            let id = flags.bool("no-trunc") ? "sha256:" + imageID(name) : CrictlFormat.truncated(imageID(name))
            rows.append([reference.name, reference.digest == nil ? reference.tag : "<none>", id, CrictlFormat.size(bytes)])
        }
        return CrictlFormat.table(rows)
    }
}
