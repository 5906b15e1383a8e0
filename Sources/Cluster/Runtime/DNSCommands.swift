import APIStore
import CommandKit
import NodeFS

/// The name-lookup programs of the catalogue's images, answered by the cluster's DNS:
/// busybox's `nslookup` (busybox and alpine) and glibc's `getent hosts` (debian-based images).
enum DNSCommands {
    /// The store, shared with the container threads (only one of them runs at a time).
    final class StoreBox: @unchecked Sendable {
        unowned let store: APIStore
        init(_ store: APIStore) { self.store = store }
    }

    static func registry(store: APIStore) -> CommandRegistry {
        let box = StoreBox(store)
        return CommandRegistry([
            Command("nslookup") { invocation in nslookup(&invocation, dns: ClusterDNS(store: box.store)) },
            Command("getent") { invocation in getent(&invocation, dns: ClusterDNS(store: box.store)) },
        ])
    }

    private static func resolvConf(_ invocation: Invocation) -> String {
        String(decoding: (try? invocation.fileSystem.readFile("/etc/resolv.conf")) ?? [], as: UTF8.self)
    }

    /// busybox 1.37 `nslookup NAME`: A then AAAA queries, each through the search list only
    /// when the name has no dot; one reply block per query, in query order.
    static func nslookup(_ invocation: inout Invocation, dns: ClusterDNS) -> Int32 {
        let operands = Array(invocation.operands)
        guard let name = operands.first, !name.hasPrefix("-"), operands.count <= 2 else {
            invocation.stderr.write(usage)
            return 1
        }
        let conf = resolvConf(invocation)
        let server = operands.count == 2 ? operands[1] : ClusterDNS.nameserver(resolvConf: conf) ?? "127.0.0.1"
        let search = ClusterDNS.searchDomains(resolvConf: conf)
        let names = name.contains(".") || search.isEmpty ? [name] : search.map { name + "." + $0 }
        // Only the cluster's DNS answers: other servers are out of the lab's reach.
        guard server == ClusterDNS.nameserver else {
            invocation.stdout.write(";; connection timed out; no servers could be reached\n\n")
            return 1
        }
        var out = "Server:\t\t\(server)\nAddress:\t\(server):53\n\n"
        var status: Int32 = 0
        for ipv6 in [false, true] {
            for query in names {
                guard let addresses = dns.addresses(of: query) else {
                    out += "** server can't find \(query): NXDOMAIN\n\n"
                    status = 1
                    continue
                }
                // CoreDNS answers AAAA for IPv4-only names with no records (NODATA): an empty block.
                if !ipv6 { for address in addresses { out += "Name:\t\(query)\nAddress: \(address)\n" } }
                out += "\n"
            }
        }
        invocation.stdout.write(out)
        return status
    }

    private static let usage = """
        BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

        Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

        Query DNS about HOST

        QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,any,srv,ptr

        """

    /// `getent hosts NAME…`: glibc's resolver (ndots:5: names with fewer dots try the search
    /// list first); one line per address, `%-15s %s`; exit 2 when a name is not found.
    static func getent(_ invocation: inout Invocation, dns: ClusterDNS) -> Int32 {
        let operands = Array(invocation.operands)
        guard let database = operands.first else {
            invocation.stderr.write("Usage: getent [OPTION...] database [key ...]\nTry `getent --help' or `getent --usage' for more information.\n")
            return 1
        }
        guard database == "hosts" || database == "ahosts" || database == "ahostsv4" else {
            invocation.stderr.write("Unknown database: \(database)\nTry `getent --help' or `getent --usage' for more information.\n")
            return 1
        }
        let conf = resolvConf(invocation)
        let search = ClusterDNS.searchDomains(resolvConf: conf)
        var status: Int32 = 0
        for key in operands.dropFirst() {
            let dots = key.filter { $0 == "." }.count
            let candidates = key.hasSuffix(".") ? [key] : (dots < 5 ? search.map { key + "." + $0 } + [key] : [key] + search.map { key + "." + $0 })
            // nsswitch: files, then dns.
            var found: (String, [String])? = hostsFileAddress(key, invocation).map { (key, [$0]) }
            for candidate in candidates where found == nil {
                if let addresses = dns.addresses(of: candidate), !addresses.isEmpty {
                    found = (candidate.hasSuffix(".") ? String(candidate.dropLast()) : candidate, addresses)
                    break
                }
            }
            guard let (canonical, addresses) = found else {
                status = 2
                continue
            }
            var out = ""
            for address in database == "hosts" ? addresses : [] {
                out += address.padding(toLength: max(15, address.count), withPad: " ", startingAt: 0) + " " + canonical + "\n"
            }
            if database != "hosts" {
                for address in addresses {
                    let padded = address.padding(toLength: max(15, address.count), withPad: " ", startingAt: 0)
                    out += padded + " STREAM " + canonical + "\n" + padded + " DGRAM  \n" + padded + " RAW    \n"
                }
            }
            invocation.stdout.write(out)
        }
        return status
    }

    /// An /etc/hosts entry for `name` (the pod's own hostname is there).
    private static func hostsFileAddress(_ name: String, _ invocation: Invocation) -> String? {
        let text = String(decoding: (try? invocation.fileSystem.readFile("/etc/hosts")) ?? [], as: UTF8.self)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.count > 1, words.first?.contains(":") == false else { continue }
            if words.dropFirst().contains(name) { return words[0] }
        }
        return nil
    }
}
