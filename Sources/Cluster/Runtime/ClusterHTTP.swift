import APIStore
import KubeModel
import NodeFS

/// One HTTP request through the simulated cluster network: a Service's ClusterIP or a node's
/// NodePort goes to the first ready endpoint (kube-proxy picks at random; the lab, the first),
/// a pod IP to the pod's containers, and a serving image answers from its own filesystem.
struct ClusterHTTP {
    let world: World

    /// Why a connection failed (the errno the client reports).
    enum Failure: Error { case refused, noRoute }

    /// What a server answered.
    struct Response {
        var status: Int
        var reason: String
        var headers: [(String, String)]
        var body: [UInt8]
        var statusLine: String { "HTTP/1.1 \(status) \(reason)" }
    }

    /// The address of `host`: an IPv4 literal, /etc/hosts, then the cluster DNS when the
    /// resolver's nameserver is the cluster's (glibc/musl order: search list first, ndots:5).
    static func resolve(_ host: String, fileSystem: any FileSystem, dns: ClusterDNS) -> String? {
        if isIPv4(host) { return host }
        if let address = resolveInHosts(host, fileSystem: fileSystem) { return address }
        let conf = String(decoding: (try? fileSystem.readFile("/etc/resolv.conf")) ?? [], as: UTF8.self)
        guard ClusterDNS.nameserver(resolvConf: conf) == ClusterDNS.nameserver else { return nil }
        let search = ClusterDNS.searchDomains(resolvConf: conf)
        let dots = host.filter { $0 == "." }.count
        let candidates = host.hasSuffix(".") ? [host] : (dots < 5 ? search.map { host + "." + $0 } + [host] : [host] + search.map { host + "." + $0 })
        for candidate in candidates {
            if let first = dns.addresses(of: candidate)?.first { return first }
        }
        return nil
    }

    /// Where a connection to `ip` lands: loopback is the machine itself (the pod, in a
    /// container; the node, on a node), found by its hostname in /etc/hosts.
    static func destination(_ ip: String, fileSystem: any FileSystem, hostname: String) -> String {
        guard ip.hasPrefix("127."), let own = resolveInHosts(hostname, fileSystem: fileSystem), !own.hasPrefix("127.") else { return ip }
        return own
    }

    private static func resolveInHosts(_ host: String, fileSystem: any FileSystem) -> String? {
        let hosts = String(decoding: (try? fileSystem.readFile("/etc/hosts")) ?? [], as: UTF8.self)
        for line in hosts.split(separator: "\n") where !line.hasPrefix("#") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.count > 1, isIPv4(words[0]), words.dropFirst().contains(host) { return words[0] }
        }
        return nil
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && UInt8($0) != nil }
    }

    /// A GET (or HEAD) of `path` at ip:port; `host` is the Host header's name.
    func request(ip: String, port: Int, path: String, head: Bool = false, keepAlive: Bool = false) -> Result<Response, Failure> {
        switch backend(ip: ip, port: port) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let (podIP, targetPort)):
            guard let server = server(podIP: podIP, port: targetPort) else {
                return .failure(.refused)
            }
            var response = server.kind.answer(path: path, fileSystem: server.fileSystem, now: world.clock.now)
            response.headers = response.headers.map { $0.0 == "Connection" ? ($0.0, keepAlive ? "keep-alive" : "close") : $0 }
            if head { response.body = [] }
            return .success(response)
        }
    }

    /// The pod address and port a connection ends at, after kube-proxy's rules.
    private func backend(ip: String, port: Int) -> Result<(String, Int), Failure> {
        guard let serviceType = world.store.resources.lookup("services") else { return .failure(.noRoute) }
        let services = world.store.list(serviceType)
        if let service = services.first(where: { $0[path: ["spec", "clusterIP"]]?.stringValue == ip }) {
            let ports = service[path: ["spec", "ports"]]?.arrayValue ?? []
            guard let servicePort = ports.first(where: { $0["port"]?.intValue == port }) else { return .failure(.refused) }
            return endpoint(of: service, port: servicePort)
        }
        if world.nodes.contains(where: { $0.address == ip }) {
            if let service = services.first(where: { ($0[path: ["spec", "ports"]]?.arrayValue ?? []).contains { $0["nodePort"]?.intValue == port } }),
               let servicePort = (service[path: ["spec", "ports"]]?.arrayValue ?? []).first(where: { $0["nodePort"]?.intValue == port }) {
                return endpoint(of: service, port: servicePort)
            }
            return .failure(.refused)
        }
        guard podExists(ip: ip) else { return .failure(.noRoute) }
        return .success((ip, port))
    }

    /// The first ready address of the Service's Endpoints with the port named like `port`.
    private func endpoint(of service: KubeObject, port: JSONValue) -> Result<(String, Int), Failure> {
        guard let type = world.store.resources.lookup("endpoints"),
              let endpoints = world.store.object(type, namespace: service.namespace, name: service.name) else { return .failure(.refused) }
        let name = port["name"]?.stringValue ?? ""
        for subset in endpoints.content["subsets"]?.arrayValue ?? [] {
            let ports = subset["ports"]?.arrayValue ?? []
            guard let match = ports.first(where: { ($0["name"]?.stringValue ?? "") == name }) ?? (ports.count == 1 ? ports.first : nil),
                  let number = match["port"]?.intValue,
                  let ip = subset["addresses"]?.arrayValue?.first?["ip"]?.stringValue else { continue }
            return .success((ip, number))
        }
        return .failure(.refused)
    }

    private func runningPods(ip: String) -> [KubeObject] {
        guard let type = world.store.resources.lookup("pods") else { return [] }
        return world.store.list(type).filter {
            $0[path: ["status", "podIP"]]?.stringValue == ip && $0[path: ["status", "phase"]]?.stringValue == "Running"
        }
    }

    private func podExists(ip: String) -> Bool { !runningPods(ip: ip).isEmpty }

    /// A running container of the pod at `podIP` whose image serves HTTP on `port`.
    private func server(podIP: String, port: Int) -> (kind: WebServer, fileSystem: any FileSystem)? {
        for pod in runningPods(ip: podIP) {
            let uid = pod.uid
            let records = world.runtime.containers.values.filter { $0.podUID == uid && $0.isRunning }.sorted { $0.id < $1.id }
            for record in records {
                guard let kind = WebServer(image: record.image), kind.port == port else { continue }
                return (kind, record.fileSystem)
            }
        }
        return nil
    }
}
