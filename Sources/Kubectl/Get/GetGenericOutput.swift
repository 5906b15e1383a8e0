import CommandKit
import KubeModel

/// `-o yaml|json|name|jsonpath|custom-columns` for `kubectl get` (get.go printGeneric): one
/// object alone when one was named, otherwise a `List` of every object.
enum GetGenericOutput {
    static func print(_ objects: [JSONValue], single: Bool, format: OutputFormat, noHeaders: Bool,
                      allowMissingKeys: Bool, to invocation: inout Invocation) throws(KubectlFailure) {
        let value: JSONValue = single ? (objects.first ?? .null) : list(objects)
        switch format {
        case .name:
            for object in objects {
                invocation.stdout.write(OutputPrinter.resourceName(of: object) + "/"
                    + (object[path: ["metadata", "name"]]?.stringValue ?? "") + "\n")
            }
        case .json:
            invocation.stdout.write(GoJSON.indented(value, sortKeys: true) + "\n")
        case .yaml:
            invocation.stdout.write(KubeYAML.print(value))
        case .jsonPath(let template), .jsonPathAsJSON(let template):
            let asJSON = if case .jsonPathAsJSON = format { true } else { false }
            invocation.stdout.write(try JSONPathPrinter.render(template: template, object: value, asJSON: asJSON,
                                                               allowMissingKeys: allowMissingKeys, numbersAreFloats: false))
        case .customColumns(let spec):
            let printer = try CustomColumns(spec: spec)
            invocation.stdout.write(printer.render(objects, withHeaders: !noHeaders))
        case .action, .wide:
            break
        }
    }

    /// The List kubectl builds: `apiVersion: v1`, `items`, `kind: List`, `metadata.resourceVersion: ""`.
    static func list(_ objects: [JSONValue]) -> JSONValue {
        ["apiVersion": "v1", "items": .array(objects), "kind": "List", "metadata": ["resourceVersion": ""]]
    }
}
