import KubeModel
import Testing

@Suite struct JSONValueTests {
    @Test func objectsCompareAsMaps() {
        let a: JSONValue = ["a": 1, "b": ["x", true]]
        let b: JSONValue = ["b": ["x", true], "a": 1]
        #expect(a == b)
        #expect(a != ["a": 1])
    }

    @Test func pathsReadAndCreateMembers() {
        var object = KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "web"]])
        object.labels = ["app": "web"]
        object.namespace = "default"
        #expect(object[path: ["metadata", "labels", "app"]] == "web")
        #expect(object.namespace == "default")
        #expect(object.kind == "Pod")
        object[path: ["spec", "nodeName"]] = "node01"
        #expect(object.content["spec"]?["nodeName"]?.stringValue == "node01")
    }

    @Test func metadataChangesInPlaceKeepOrderAndIdentity() {
        var object = KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "web"], "spec": [:]])
        let before = object
        object.updateMetadata { $0["uid"] = "u-1"; $0["namespace"] = "dev" }
        #expect(object.content == ["apiVersion": "v1", "kind": "Pod",
                                   "metadata": ["name": "web", "uid": "u-1", "namespace": "dev"], "spec": [:]])
        #expect(object.content.objectValue?.keys.elements == ["apiVersion", "kind", "metadata", "spec"])
        #expect(object.uid == "u-1" && object.namespace == "dev" && object.name == "web")
        // The copy taken before is not changed with it.
        #expect(before.uid == "" && before[path: ["metadata", "namespace"]] == nil)
        var bare = KubeObject(["kind": "Event"])
        bare.updateMetadata { $0["name"] = "e" }
        #expect(bare.content == ["kind": "Event", "metadata": ["name": "e"]] && bare.name == "e")
    }
}
