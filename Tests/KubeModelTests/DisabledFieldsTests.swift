import KubeModel
import Testing

/// Fields of alpha feature gates the v1.32 API server clears on write (`dropDisabledFields`).
@Suite struct DisabledFieldsTests {
    static let path = ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]
    static let set: JSONValue = ["apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": "web"],
                                 "spec": ["updateStrategy": ["rollingUpdate": ["maxUnavailable": 2, "partition": 1]]]]

    @Test func statefulSetMaxUnavailableIsDroppedOnCreate() {
        let dropped = DisabledFields.drop(from: Self.set, old: nil)
        #expect(dropped[path: Self.path] == nil)
        #expect(dropped[path: ["spec", "updateStrategy", "rollingUpdate", "partition"]] == 1)
    }

    @Test func statefulSetMaxUnavailableStaysWhenTheStoredObjectUsesIt() {
        #expect(DisabledFields.drop(from: Self.set, old: Self.set)[path: Self.path] == 2)
        var old = Self.set
        old[path: Self.path] = nil
        #expect(DisabledFields.drop(from: Self.set, old: old)[path: Self.path] == nil)
    }

    @Test func otherKindsPassUnchanged() {
        var daemonSet = Self.set
        daemonSet["kind"] = "DaemonSet"
        #expect(DisabledFields.drop(from: daemonSet, old: nil) == daemonSet)
    }
}
