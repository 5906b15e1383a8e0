import CommandKit
import KubeModel

/// `kubectl get --watch`: the table once, then one row per change as the cluster runs on.
/// Rows share the column widths seen so far (kubectl's tab writer remembers them across
/// flushes); a deleted object prints its last state. The watch ends when nothing is due in
/// the cluster within five simulated minutes, as if the learner pressed Ctrl-C.
struct GetWatch {
    let fetch: GetFetch
    let table: (Bool) -> GetTableOutput
    let headers: Bool
    static let horizonSeconds = 300.0

    mutating func run(_ targets: [GetTarget], labels: String, fields: String, printInitial: Bool,
                      to invocation: inout Invocation) throws(KubectlFailure) {
        var widths: [Int] = []
        var seen: [String: String] = [:]
        var first: [[String]] = []
        for section in fetch.sections {
            for object in section.objects { seen[Self.key(section.type, object)] = Self.version(object) }
            if printInitial { first += table(true).rows(of: section.type, section.objects) }
        }
        var out: [UInt8] = []
        if let type = fetch.sections.first?.type ?? targets.first?.type {
            let headerRow = headers && (printInitial || !first.isEmpty) ? [table(false).headerRow(type)] : []
            if !(headerRow + first).isEmpty { GetTableOutput.align(headerRow + first, widths: &widths, into: &out) }
        }
        invocation.stdout.write(out)

        var failure: KubectlFailure?
        var current = fetch
        let stdout = invocation.stdout
        let table = self.table
        fetch.context.watch(upTo: Self.horizonSeconds) {
            guard failure == nil else { return }
            var next = current
            next.sections = []
            do throws(KubectlFailure) {
                try next.run(targets, labels: labels, fields: fields)
            } catch {
                failure = error
                return
            }
            var rows: [[String]] = []
            var present: Set<String> = []
            for section in next.sections {
                var changed: [KubeObject] = []
                for object in section.objects {
                    let id = Self.key(section.type, object)
                    present.insert(id)
                    if seen[id] != Self.version(object) { changed.append(object) }
                    seen[id] = Self.version(object)
                }
                rows += table(true).rows(of: section.type, changed)
            }
            // Objects that disappeared print once more, as the DELETED event's last state.
            for section in current.sections {
                let gone = section.objects.filter { !present.contains(Self.key(section.type, $0)) }
                for object in gone { seen[Self.key(section.type, object)] = nil }
                rows += table(true).rows(of: section.type, gone)
            }
            current = next
            guard !rows.isEmpty else { return }
            var bytes: [UInt8] = []
            GetTableOutput.align(rows, widths: &widths, into: &bytes)
            stdout.write(bytes)
        }
        if let failure { throw failure }
    }

    private static func key(_ type: ResourceType, _ object: KubeObject) -> String {
        type.key + "/" + object.namespace + "/" + object.name
    }

    private static func version(_ object: KubeObject) -> String {
        object.content[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
    }
}
