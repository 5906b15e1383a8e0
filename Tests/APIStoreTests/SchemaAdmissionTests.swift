import APIStore
import KubeModel
import SimKit
import Testing

/// The store with the API server's real admission: strict decoding, defaults, validation.
struct SchemaAdmissionTests {
    let store: APIStore

    init() throws {
        store = APIStore(clock: SimClock(), seed: 3, admission: SchemaAdmission())
        try store.create(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "default"]]))
    }

    @Test func defaultsAreApplied() throws {
        let pod = try store.create(KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "nginx"],
                                               "spec": ["containers": [["image": "nginx", "name": "nginx"]]]]))
        #expect(pod[path: ["spec", "restartPolicy"]] == "Always" && pod[path: ["spec", "dnsPolicy"]] == "ClusterFirst")
        #expect(pod[path: ["status", "phase"]] == "Pending")
    }

    @Test func unknownFieldsAreBadRequests() {
        do {
            try store.create(KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "nginx"],
                                         "spec": ["containers": [["imagee": "nginx", "name": "nginx"]]]]))
            Issue.record("accepted")
        } catch {
            #expect(error.reason == .badRequest && error.code == 400)
            #expect(error.message == "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.containers[0].imagee\"")
        }
    }

    @Test func invalidObjectsAreRefusedWithCauses() {
        do {
            try store.create(KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "nginx"],
                                         "spec": ["containers": [["name": "nginx"]]]]))
            Issue.record("accepted")
        } catch {
            #expect(error.reason == .invalid && error.code == 422)
            #expect(error.message == "Pod \"nginx\" is invalid: spec.containers[0].image: Required value")
            #expect(error.causes.first?.type == "FieldValueRequired" && error.causes.first?.field == "spec.containers[0].image")
        }
    }
}
