import KubeModel

/// One column of a server-side Table (`metav1.TableColumnDefinition`): wide-only when priority > 0.
struct TableColumn: Sendable {
    let name: String
    let priority: Int

    init(_ name: String, wide: Bool = false) {
        self.name = name
        self.priority = wide ? 1 : 0
    }
}

/// What the row functions see besides the object: the clock and whether `-o wide` was asked.
struct RowContext {
    /// The world's time, in nanoseconds since the epoch.
    let now: Int64
    let wide: Bool

    /// translateTimestampSince: the AGE of an RFC 3339 timestamp (`<unknown>` when absent).
    func age(_ timestamp: JSONValue?) -> String {
        HumanDuration.age(of: timestamp?.stringValue, now: now)
    }

    /// `creationTimestamp`'s age.
    func age(of object: KubeObject) -> String {
        age(object.content[path: ["metadata", "creationTimestamp"]])
    }
}

/// A kind's table printer (pkg/printers/internalversion/printers.go): its columns and how a
/// row is built. Rows hold every column's cell when wide, else only the priority-0 cells.
struct KindPrinter: Sendable {
    let columns: [TableColumn]
    let row: @Sendable (KubeObject, RowContext) -> [String]

    /// The headers as kubectl prints them (upper case), wide columns only with `-o wide`.
    func headers(wide: Bool) -> [String] {
        columns.filter { wide || $0.priority == 0 }.map { $0.name.uppercased() }
    }

    /// The default table convertor's columns for kinds without a printer.
    static let fallback = KindPrinter(columns: [TableColumn("Name"), TableColumn("Age")]) { object, context in
        [object.name, context.age(of: object)]
    }

    /// The printer for a resource type (by `group/kind`).
    static func forType(_ type: ResourceType) -> KindPrinter {
        byGroupKind[type.group + "/" + type.kind] ?? fallback
    }

    private static let byGroupKind: [String: KindPrinter] = {
        var table: [String: KindPrinter] = [:]
        for (key, printer) in CorePrinters.all + WorkloadPrinters.all + ClusterPrinters.all + DiscoveryPrinters.all { table[key] = printer }
        return table
    }()
}

/// Reading cells out of an object.
extension KubeObject {
    /// The string at a path, or "".
    func text(_ path: String...) -> String { content[path: path]?.stringValue ?? "" }

    /// The integer at a path, or 0 (Go's zero value).
    func number(_ path: String...) -> Int { content[path: path]?.intValue ?? 0 }

    /// The array at a path, or [].
    func list(_ path: String...) -> [JSONValue] { content[path: path]?.arrayValue ?? [] }

    /// The string map at a path (labels, selectors, nodeSelector).
    func stringMap(_ path: String...) -> [String: String] {
        var map: [String: String] = [:]
        for (key, value) in content[path: path]?.objectValue ?? [:] { map[key] = value.stringValue ?? "" }
        return map
    }
}

/// Formatting helpers shared by the printers.
enum Cells {
    /// labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty.
    static func labels(_ map: [String: String]) -> String {
        if map.isEmpty { return "<none>" }
        return map.keys.sorted(by: GoJSON.utf8Less).map { "\($0)=\(map[$0] ?? "")" }.joined(separator: ",")
    }

    /// metav1.FormatLabelSelector: `<none>` for nil/empty, else the selector's String().
    static func formatLabelSelector(_ selector: JSONValue?) -> String {
        let text = labelSelectorString(selector)
        return text.isEmpty ? "<none>" : text
    }

    /// LabelSelectorAsSelector(s).String(): "" for nil or empty selectors.
    static func labelSelectorString(_ selector: JSONValue?) -> String {
        guard let selector, !selector.isNull else { return "" }
        switch LabelSelector.fromObject(selector) {
        case .success(let parsed): return parsed.description
        case .failure: return "<error>"
        }
    }

    /// layoutContainerCells: container names and images, comma-joined.
    static func containers(_ containers: [JSONValue]) -> (names: String, images: String) {
        let names = containers.map { $0["name"]?.stringValue ?? "" }.joined(separator: ",")
        let images = containers.map { $0["image"]?.stringValue ?? "" }.joined(separator: ",")
        return (names, images)
    }

    /// A pointer-to-int field: its value or "<unset>"-free zero.
    static func int(_ value: JSONValue?) -> String { String(value?.intValue ?? 0) }
}
