import APIStore
import Cluster
import KubeModel

/// An event recorded on an object with a reason (and a message matching a pattern).
enum EventCheck {
    static func evaluate(_ reference: ObjectReference, reason: String, message: TextMatch?, in world: World) -> CheckOutcome {
        guard let type = world.store.resources.lookup("events") else { return .fail("no Event type") }
        let namespace = reference.namespace.isEmpty ? "default" : reference.namespace
        let events = world.store.list(type, ListOptions(namespace: namespace)).filter { event in
            event[path: ["involvedObject", "kind"]]?.stringValue == reference.kind
                && event[path: ["involvedObject", "name"]]?.stringValue == reference.name
        }
        let matching = events.filter { event in
            event.content["reason"]?.stringValue == reason
                && (message?.accepts(event.content["message"]?.stringValue ?? "") ?? true)
        }
        if let event = matching.first {
            return .pass("\(reference.shown): \(reason): \(event.content["message"]?.stringValue ?? "")")
        }
        let seen = events.compactMap { $0.content["reason"]?.stringValue }
        let wanted = reason + (message.map { " " + $0.expectation } ?? "")
        return .fail("no event \(wanted) on \(reference.shown)"
            + (seen.isEmpty ? "" : " (seen: \(Array(Set(seen)).sorted().joined(separator: ", ")))"))
    }
}
