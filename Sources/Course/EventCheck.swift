import APIStore
import Cluster
import KubeModel

/// An event recorded on an object with a reason (and a message matching a pattern).
enum EventCheck {
    static func evaluate(_ reference: ObjectReference, reason: String, message: TextMatch?, in world: World) -> CheckOutcome {
        guard let type = world.store.resources.lookup("events") else {
            return .fail(.say(.noResourceType, ["kind": .verbatim("Event")]))
        }
        let namespace = reference.namespace.isEmpty ? "default" : reference.namespace
        let events = world.store.list(type, ListOptions(namespace: namespace)).filter { event in
            event[path: ["involvedObject", "kind"]]?.stringValue == reference.kind
                && event[path: ["involvedObject", "name"]]?.stringValue == reference.name
        }
        let matching = events.filter { event in
            event.content["reason"]?.stringValue == reason
                && (message?.accepts(event.content["message"]?.stringValue ?? "") ?? true)
        }
        var values: [String: CheckDetail] = ["object": .verbatim(reference.shown), "reason": .verbatim(reason)]
        if let event = matching.first {
            values["message"] = .verbatim(event.content["message"]?.stringValue ?? "")
            return .pass(.say(.eventFound, values))
        }
        let seen = Array(Set(events.compactMap { $0.content["reason"]?.stringValue })).sorted()
        values["seen"] = seen.isEmpty ? .verbatim("")
            : .say(.eventsSeen, ["reasons": .list(seen.map(CheckDetail.verbatim), separator: .listSeparator)])
        guard let message else { return .fail(.say(.noEvent, values)) }
        values["expectation"] = message.expected
        return .fail(.say(.noEventMatching, values))
    }
}
