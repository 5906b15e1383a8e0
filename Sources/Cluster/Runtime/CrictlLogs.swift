import APIStore
import CommandKit

/// `crictl logs [-t] [--tail N] [--since D] CONTAINER-ID`: a container's CRI log, by id or unique id prefix.
extension Crictl {
    private static let logsSpecs: [CrictlFlags.Spec] = [
        .init(names: ["follow", "f"], isBool: true), .init(names: ["previous", "p"], isBool: true), .init(names: ["since"]),
        .init(names: ["timestamps", "t"], isBool: true), .init(names: ["tail"], defaultValue: "-1"),
        .init(names: ["limit-bytes"], defaultValue: "-1"), .init(names: ["reverse", "r"], isBool: true),
    ]

    static func logs(_ words: [String], _ inventory: CrictlInventory, world: World,
                     invocation: inout Invocation) throws(CrictlFailure) {
        let flags = try parse(words, logsSpecs)
        guard let id = flags.arguments.first, !id.isEmpty else { throw .fatal("ID cannot be empty") }
        guard let container = inventory.container(matching: id) else {
            let message = "rpc error: code = NotFound desc = an error occurred when try to find container \"\(id)\": not found"
            let now = invocation.clock.now
            let micros = String((now / 1_000) % 1_000_000)
            let quoted = message.replacingOccurrences(of: "\"", with: "\\\"")
            invocation.stderr.write("E\(SystemTime.monthDay(now)) \(SystemTime.clock(now)).\(String(repeating: "0", count: 6 - micros.count))\(micros)"
                + "    4815 log.go:32] \"ContainerStatus from runtime service failed\" err=\"\(quoted)\" containerID=\"\(id)\"\n")
            throw .fatal(message)
        }
        guard let tail = Int(flags.string("tail")), let limit = Int(flags.string("limit-bytes")) else {
            throw .fatal("invalid value for --tail or --limit-bytes")
        }
        var lines = container.record.flatMap { world.runtime.logLines(containerID: $0.id) } ?? []
        if tail >= 0, lines.count > tail { lines = Array(lines.suffix(tail)) }
        if flags.bool("reverse") { lines.reverse() }
        var written = 0
        for line in lines {
            var text = line.text + "\n"
            if flags.bool("timestamps") { text = fixedNano(line.time) + " " + text }
            if limit >= 0 {
                guard written < limit else { break }
                if written + text.utf8.count > limit { text = String(decoding: text.utf8.prefix(limit - written), as: UTF8.self) }
                written += text.utf8.count
            }
            if line.stream == .stderr { invocation.stderr.write(text) } else { invocation.stdout.write(text) }
        }
    }

    /// RFC3339NanoFixed: nine fraction digits, always.
    private static func fixedNano(_ nanoseconds: Int64) -> String {
        let seconds = Timestamp.rfc3339(nanoseconds: nanoseconds / 1_000_000_000 * 1_000_000_000)
        let fraction = String(nanoseconds % 1_000_000_000)
        return String(seconds.dropLast()) + "." + String(repeating: "0", count: 9 - fraction.count) + fraction + "Z"
    }
}
