/// YAML as kubectl reads manifests (sigs.k8s.io/yaml over go-yaml v2) and prints `-o yaml`.
public enum KubeYAML {
    /// What `kubectl … -o yaml` prints for one object: go-yaml v2's `Marshal` of the object's
    /// JSON, byte for byte (sorted keys, 2-space indent, unindented lists under keys, 80-column
    /// folding of long scalars), ending in a newline.
    public static func print(_ value: JSONValue) -> String {
        var printer = YAMLPrinter()
        printer.document(value)
        return printer.emitter.out
    }
}
