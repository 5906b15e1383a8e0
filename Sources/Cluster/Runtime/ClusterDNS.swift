import APIStore
import KubeModel

/// CoreDNS's `kubernetes` plugin as the lab answers it: Services by name, a headless Service's
/// ready pods, StatefulSet pods by `<hostname>.<service>`, pods by dashed IP; plus the resolver's
/// search list from a container's /etc/resolv.conf (kubelet's `ClusterFirst` file).
struct ClusterDNS {
    static let domain = "cluster.local"
    static let nameserver = "10.96.0.10"
    let store: APIStore

    /// One A lookup of a fully qualified name: nil when the name does not exist (NXDOMAIN);
    /// an empty list when it exists with no address (a headless Service with no ready pod).
    func addresses(of fqdn: String) -> [String]? {
        var name = fqdn.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard name.hasSuffix("." + Self.domain) else { return nil }
        let labels = name.dropLast(Self.domain.count + 1).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch labels.count {
        case 3 where labels[2] == "svc":
            return serviceAddresses(namespace: labels[1], name: labels[0])
        case 4 where labels[3] == "svc":
            return endpointAddresses(namespace: labels[2], service: labels[1]).filter { $0.hostname == labels[0] }.map(\.ip)
                .nilIfEmpty
        case 3 where labels[2] == "pod":
            let ip = labels[0].replacingOccurrences(of: "-", with: ".")
            let parts = ip.split(separator: ".")
            guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return nil }
            return namespaceExists(labels[1]) ? [ip] : nil
        default:
            return nil
        }
    }

    private func namespaceExists(_ name: String) -> Bool {
        guard let type = store.resources.lookup("namespaces") else { return false }
        return store.object(type, namespace: "", name: name) != nil
    }

    private func serviceAddresses(namespace: String, name: String) -> [String]? {
        guard let type = store.resources.lookup("services"),
              let service = store.object(type, namespace: namespace, name: name) else { return nil }
        let clusterIP = service[path: ["spec", "clusterIP"]]?.stringValue ?? ""
        if clusterIP == "None" { return endpointAddresses(namespace: namespace, service: name).map(\.ip).nilIfEmpty }
        if service[path: ["spec", "type"]]?.stringValue == "ExternalName" { return [] }
        return clusterIP.isEmpty ? [] : [clusterIP]
    }

    /// The ready addresses of a Service's Endpoints, in their order.
    private func endpointAddresses(namespace: String, service: String) -> [(ip: String, hostname: String?)] {
        guard let type = store.resources.lookup("endpoints"),
              let endpoints = store.object(type, namespace: namespace, name: service) else { return [] }
        var result: [(String, String?)] = []
        for subset in endpoints.content["subsets"]?.arrayValue ?? [] {
            for address in subset["addresses"]?.arrayValue ?? [] {
                guard let ip = address["ip"]?.stringValue, !result.contains(where: { $0.0 == ip }) else { continue }
                result.append((ip, address["hostname"]?.stringValue))
            }
        }
        return result
    }

    /// `search` domains of a resolv.conf text.
    static func searchDomains(resolvConf: String) -> [String] {
        var domains: [String] = []
        for line in resolvConf.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.first == "search" || (words.first == "domain" && domains.isEmpty) { domains = Array(words.dropFirst()) }
        }
        return domains
    }

    /// The first nameserver of a resolv.conf text.
    static func nameserver(resolvConf: String) -> String? {
        for line in resolvConf.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.first == "nameserver", words.count > 1 { return String(words[1]) }
        }
        return nil
    }
}

extension Array {
    /// nil for an empty array (a name with no record does not exist).
    fileprivate var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
