import KubeModel

/// discovery.k8s.io kinds (printers.go printEndpointSlice): NAME ADDRESSTYPE PORTS ENDPOINTS AGE.
enum DiscoveryPrinters {
    static let all: [(String, KindPrinter)] = [("discovery.k8s.io/EndpointSlice", endpointSlice)]

    static let endpointSlice = KindPrinter(columns: [
        TableColumn("Name"), TableColumn("AddressType"), TableColumn("Ports"), TableColumn("Endpoints"), TableColumn("Age"),
    ]) { object, context in
        [object.name, object.text("addressType"), ports(object.list("ports")), endpoints(object.list("endpoints")),
         context.age(of: object)]
    }

    /// formatDiscoveryPorts: each port's number, else its name, else `*`.
    static func ports(_ ports: [JSONValue]) -> String {
        let cells = ports.map { port in
            port["port"]?.intValue.map(String.init) ?? port["name"]?.stringValue ?? "*"
        }
        return listWithMore(cells)
    }

    /// formatDiscoveryEndpoints: every address of every endpoint.
    static func endpoints(_ endpoints: [JSONValue]) -> String {
        listWithMore(endpoints.flatMap { ($0["addresses"]?.arrayValue ?? []).map { $0.stringValue ?? "" } })
    }

    /// listWithMoreString: the first three, `+ N more...` for the rest, `<unset>` for none.
    static func listWithMore(_ items: [String]) -> String {
        let shown = items.prefix(3).joined(separator: ",")
        if items.count > 3 { return "\(shown) + \(items.count - 3) more..." }
        return shown.isEmpty ? "<unset>" : shown
    }
}
