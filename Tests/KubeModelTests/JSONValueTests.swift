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
}
