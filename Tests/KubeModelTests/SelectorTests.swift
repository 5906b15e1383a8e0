import KubeModel
import Testing

/// Label and field selectors. Parse errors were taken from the real kubectl 1.32
/// (`kubectl set selector --local`, which prints `couldn't parse the selector string "…": <error>`).
@Suite struct SelectorTests {
    static func parseError(_ text: String) -> String? {
        if case .failure(let e) = LabelSelector.parse(text) { return e.message }
        return nil
    }

    @Test(arguments: [
        ("a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"),
        ("a in (x", "unable to parse requirement: found '', expected: ',' or ')'"),
        ("!", "unable to parse requirement: found '', expected: identifier"),
        ("a=b c", "found 'c', expected: ',' or 'end of string'"),
        ("x/y/z=1", #"unable to parse requirement: <nil>: Invalid value: "x/y/z": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"#),
        ("=b", "found '=', expected: !, identifier, or 'end of string'"),
        ("a,,b", "found ',', expected: identifier after ','"),
        ("a notin x", "unable to parse requirement: found 'x' expected: '('"),
        ("a>b", #"unable to parse requirement: values[0]: Invalid value: "b": for 'Gt', 'Lt' operators, the value must be an integer"#),
        ("a gt 3", "unable to parse requirement: found 'gt', expected: in, notin, =, ==, !=, gt, lt"),
        ("a=b=c", "found '=', expected: ',' or 'end of string'"),
        ("a in (x y)", "unable to parse requirement: found 'y', expected: ',' or ')'"),
        ("a=b,", "found '', expected: identifier after ','"),
        (",", "found ',', expected: !, identifier, or 'end of string'"),
        ("a=Bad Value", "found 'Value', expected: ',' or 'end of string'"),
        ("a=b-", #"unable to parse requirement: values[0][a]: Invalid value: "b-": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"#),
    ])
    func labelSelectorErrors(text: String, expected: String) {
        #expect(Self.parseError(text) == expected)
    }

    @Test func parsedSelectorsMatchAndPrint() throws {
        let selector = try LabelSelector.parse("tier notin (db, cache),app=web,!legacy,env in (prod,dev),release").get()
        #expect(selector.description == "app=web,env in (dev,prod),!legacy,release,tier notin (cache,db)")
        #expect(selector.matches(["app": "web", "env": "prod", "release": "1"]))
        #expect(!selector.matches(["app": "web", "env": "prod", "release": "1", "legacy": "y"]))
        #expect(!selector.matches(["app": "web", "env": "prod", "release": "1", "tier": "db"]))
        #expect(!selector.matches(["app": "web", "env": "test", "release": "1"]))
        let numeric = try LabelSelector.parse("n>3,m<10").get()
        #expect(numeric.matches(["n": "4", "m": "9"]))
        #expect(!numeric.matches(["n": "3", "m": "9"]))
        #expect(try LabelSelector.parse("").get().isEmpty)
        #expect(try LabelSelector.parse("a in ()").get().description == "a in ()")
        #expect(try LabelSelector.parse("a==").get().matches(["a": ""]))
    }

    @Test func objectSelectors() throws {
        let object: JSONValue = ["matchLabels": ["app": "web"],
                                 "matchExpressions": [["key": "tier", "operator": "In", "values": ["a", "b"]]]]
        let selector = try LabelSelector.fromObject(object).get()
        #expect(selector.matches(["app": "web", "tier": "b"]))
        #expect(!selector.matches(["app": "web"]))
        #expect(try LabelSelector.fromObject(nil).get().matches(["a": "b"]) == false)
        #expect(try LabelSelector.fromObject([:]).get().matches(["a": "b"]))
        let bad: JSONValue = ["matchExpressions": [["key": "a", "operator": "Gt", "values": ["1"]]]]
        #expect(throws: SelectorError(#""Gt" is not a valid label selector operator"#)) { try LabelSelector.fromObject(bad).get() }
    }

    @Test func fieldSelectors() throws {
        let selector = try FieldSelector.parse("status.phase!=Running,spec.nodeName=node01").get()
        let pod: JSONValue = ["kind": "Pod", "metadata": ["name": "p", "namespace": "default"],
                              "spec": ["nodeName": "node01"], "status": ["phase": "Pending"]]
        #expect(selector.matches(FieldSelector.fields(of: pod)))
        #expect(selector.unsupportedFieldError(kind: "Pod") == nil)
        #expect(try FieldSelector.parse("metadata.name==p").get().matches(FieldSelector.fields(of: pod)))
        let bad = try FieldSelector.parse("x=y").get()
        #expect(bad.unsupportedFieldError(kind: "Pod") == "field label not supported: x")
        #expect(bad.unsupportedFieldError(kind: "Deployment")
            == #""x" is not a known field selector: only "metadata.name", "metadata.namespace""#)
        #expect(FieldSelector.listErrorMessage(group: "", version: "v1", resource: "events", labelSelector: "",
                                               fieldSelector: "message=whatever", detail: "field label not supported: message")
            == #"Unable to find "/v1, Resource=events" that match label selector "", field selector "message=whatever": field label not supported: message"#)
        #expect(throws: SelectorError("invalid selector: 'abc'; can't understand 'abc'")) { try FieldSelector.parse("abc").get() }
    }
}
