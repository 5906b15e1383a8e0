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
        switch (found, absent) {
        case (true, false): return .pass("\(reference.shown) exists")
        case (false, false): return .fail("\(reference.shown) not found")
        case (true, true): return .fail("\(reference.shown) still exists")
        case (false, true): return .pass("\(reference.shown) is gone")
        }
    }

    static func evaluate(_ reference: ObjectReference, path: String, match: TextMatch, in world: World) -> CheckOutcome {
        guard let object = find(reference, in: world) else { return .fail("\(reference.shown) not found") }
        let value: String
        do throws(KubectlFailure) {
            value = try JSONPath(path).execute(object.content)
        } catch {
            return .fail("\(reference.shown) \(path): \(error.stderr)")
        }
        let shown = "\(reference.shown) \(path) is \(Quoted.text(value))"
        return match.accepts(value) ? .pass(shown) : .fail("\(shown), expected \(match.expectation)")
    }
}
