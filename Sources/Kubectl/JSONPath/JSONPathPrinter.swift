import KubeModel

/// kubectl's JSONPathPrinter for `-o jsonpath=` / `-o jsonpath-as-json=` on one object.
enum JSONPathPrinter {
    static func render(template: String, object: JSONValue, asJSON: Bool, allowMissingKeys: Bool,
                       numbersAreFloats: Bool = true) throws(KubectlFailure) -> String {
        var path: JSONPath
        do throws(KubectlFailure) {
            path = try JSONPath(template)
        } catch {
            throw .error("error parsing jsonpath \(template), \(error.stderr)\n")
        }
        path.allowMissingKeys = allowMissingKeys
        path.numbersAreFloats = numbersAreFloats
        do throws(KubectlFailure) {
            return try path.execute(object, asJSON: asJSON)
        } catch {
            let dumped = numbersAreFloats ? JSONPath.floated(object) : object
            throw .error("error executing jsonpath \(FlagParsing.goQuote(template)): Error executing template: \(error.stderr). "
                + "Printing more information for debugging the template:\n\ttemplate was:\n\t\t\(template)\n"
                + "\tobject given to jsonpath engine was:\n\t\t\(GoFormat.sharp(dumped))\n\n\n")
        }
    }
}
