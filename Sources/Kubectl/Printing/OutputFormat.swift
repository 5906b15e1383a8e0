import CommandKit
import KubeModel

/// An `-o` value: how to print objects.
public enum OutputFormat: Equatable, Sendable {
    /// No `-o`: the verb's one-line message (`deployment.apps/web created`).
    case action
    case name
    case json
    case yaml
    case jsonPath(String)
    case jsonPathAsJSON(String)
    case customColumns(String)
    case wide

    /// What `kubectl create`/`run`/`expose` accept (cmd/util's PrintFlags without table printers).
    static let objectFormats = ["go-template", "go-template-file", "json", "jsonpath", "jsonpath-as-json",
                                "jsonpath-file", "name", "template", "templatefile", "yaml"]

    /// Parses `-o` as the PrintFlags chain does, with its error texts.
    static func parse(_ text: String, allowed: [String]) throws(KubectlFailure) -> OutputFormat {
        if text.isEmpty { return .action }
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let kind = String(parts[0])
        let argument = parts.count > 1 ? String(parts[1]) : ""
        guard allowed.contains(kind) else {
            throw .error("unable to match a printer suitable for the output format \(FlagParsing.goQuote(text)), "
                + "allowed formats are: \(allowed.joined(separator: ","))")
        }
        switch kind {
        case "name": return .name
        case "json": return .json
        case "yaml": return .yaml
        case "wide": return .wide
        case "jsonpath", "jsonpath-as-json":
            guard !argument.isEmpty else { throw .error("template format specified but no template given") }
            return kind == "jsonpath" ? .jsonPath(argument) : .jsonPathAsJSON(argument)
        case "custom-columns":
            guard !argument.isEmpty else { throw .error("custom-columns format specified but no custom columns given") }
            return .customColumns(argument)
        default:
            throw .error("-o \(kind) is not available in this lab yet")
        }
    }
}

/// Prints one object in a chosen format.
enum OutputPrinter {
    static func print(_ object: JSONValue, format: OutputFormat, action: String, to invocation: inout Invocation,
                      allowMissingKeys: Bool = true) throws(KubectlFailure) {
        switch format {
        case .action:
            invocation.stdout.write("\(resourceName(of: object))/\(object[path: ["metadata", "name"]]?.stringValue ?? "") \(action)\n")
        case .name:
            invocation.stdout.write("\(resourceName(of: object))/\(object[path: ["metadata", "name"]]?.stringValue ?? "")\n")
        case .json:
            invocation.stdout.write(GoJSON.indented(object) + "\n")
        case .yaml:
            invocation.stdout.write(KubeYAML.print(object))
        case .jsonPath(let template), .jsonPathAsJSON(let template):
            let asJSON = if case .jsonPathAsJSON = format { true } else { false }
            let text = try JSONPathPrinter.render(template: template, object: object, asJSON: asJSON,
                                                  allowMissingKeys: allowMissingKeys)
            invocation.stdout.write(text)
        case .customColumns(let spec):
            let printer = try CustomColumns(spec: spec)
            invocation.stdout.write(printer.render([object]))
        case .wide:
            throw .error("-o wide is not available here")
        }
    }

    /// `kind.group` in lower case, as NamePrinter writes it (`deployment.apps`, `pod`).
    static func resourceName(of object: JSONValue) -> String {
        let kind = (object["kind"]?.stringValue ?? "").lowercased()
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        guard let slash = apiVersion.firstIndex(of: "/") else { return kind }
        return kind + "." + apiVersion[..<slash]
    }
}
