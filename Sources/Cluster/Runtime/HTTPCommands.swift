import CommandKit

/// The HTTP clients of the lab's machines: busybox's `wget` applet in containers and curl
/// on the nodes and in images that ship it, both talking to the simulated cluster network.
enum HTTPCommands {
    static func registry(world: World) -> CommandRegistry {
        let link = WorldLink(world)
        return CommandRegistry([
            Command("wget") { invocation in BusyboxWget.run(&invocation, http: ClusterHTTP(world: link.world)) },
            Command("curl") { invocation in Curl.run(&invocation, http: ClusterHTTP(world: link.world)) },
        ])
    }

    /// `curl` alone, for the nodes (Ubuntu has curl but no busybox).
    static func nodeCommand(world: World) -> Command {
        let link = WorldLink(world)
        return Command("curl") { invocation in Curl.run(&invocation, http: ClusterHTTP(world: link.world)) }
    }
}

/// A URL split the way both clients do: scheme, host (as typed), port, path without its slash.
struct HTTPURL {
    var scheme: String
    var host: String
    var port: Int
    var path: String
    /// `host` or `host:port` as typed, for Host headers and messages.
    var authority: String

    init?(_ text: String) {
        var rest = Substring(text)
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        } else {
            scheme = "http"
        }
        guard scheme == "http" || scheme == "https" else { return nil }
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        authority = String(rest[..<end])
        var tail = rest[end...]
        if tail.first == "#" { tail = "" }
        if let hash = tail.firstIndex(of: "#") { tail = tail[..<hash] }
        path = tail.first == "/" ? String(tail.dropFirst()) : String(tail)
        let hostPart = authority.split(separator: "@").last.map(String.init) ?? authority
        if let colon = hostPart.lastIndex(of: ":") {
            host = String(hostPart[..<colon])
            guard let number = Int(hostPart[hostPart.index(after: colon)...]), (1...65_535).contains(number) else { return nil }
            port = number
        } else {
            host = hostPart
            port = scheme == "https" ? 443 : 80
        }
        guard !host.isEmpty else { return nil }
    }
}
