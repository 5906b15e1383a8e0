import Cluster
import KubeModel
import Kubectl

/// An object exists or is absent; a field of it equals or matches.
enum ObjectCheck {
    static func find(_ reference: ObjectReference, in world: World) -> KubeObject? {
        guard let type = world.store.resources.lookup(reference.kind) else { return nil }
        return world.store.object(type, namespace: reference.namespace, name: reference.name)
    }

    static func evaluate(_ reference: ObjectReference, absent: Bool, in world: World) -> CheckOutcome {
        let found = find(reference, in: world) != nil
        let object: [String: CheckDetail] = ["object": .verbatim(reference.shown)]
        switch (found, absent) {
        case (true, false): return .pass(.say(.objectExists, object))
        case (false, false): return .fail(.say(.objectNotFound, object))
        case (true, true): return .fail(.say(.objectStillExists, object))
        case (false, true): return .pass(.say(.objectGone, object))
        }
    }

    static func evaluate(_ reference: ObjectReference, path: String, match: TextMatch, in world: World) -> CheckOutcome {
        var values: [String: CheckDetail] = ["object": .verbatim(reference.shown), "path": .verbatim(path)]
        guard let object = find(reference, in: world) else { return .fail(.say(.objectNotFound, values)) }
        let value: String
        do throws(KubectlFailure) {
            value = try JSONPath(path).execute(object.content)
        } catch {
            // kubectl's own error, as it prints it.
            values["error"] = .verbatim(error.stderr)
            return .fail(.say(.fieldFailed, values))
        }
        values["value"] = .verbatim(Quoted.text(value))
        if match.accepts(value) { return .pass(.say(.fieldIs, values)) }
        values["expectation"] = match.expected
        return .fail(.say(.fieldIsNot, values))
    }
}
