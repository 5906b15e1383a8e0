import Testing

/// `-o jsonpath=` on a dry-run deployment, against kubectl v1.32.
@Suite struct JSONPathDifferentialTests {
    static let templates: [String] = [
        "{.metadata.name}", "{.spec.replicas}", "{.metadata.creationTimestamp}", "{.metadata}", "{.spec}",
        "{.spec.template.spec.containers[*].name}", "{.spec.template.spec.containers[5]}", "{.metadata[0]}",
        "{range .spec.template.spec.containers[*]}[{.name}]{end}", "{..image}",
        // "{..name}" is left out: Go walks map members in random order, so kubectl's own output varies.
        "{.spec.template.spec.containers[?(@.name==\"nginx\")].image}", "{.spec.replicas[?(@.x==1)]}",
        "{.spec.template.spec.containers[?(@.resources)].name}", "{.kind}{\"\\t\"}{.apiVersion}{\"\\n\"}", "{bogus}",
        "{.a,.b}", "{.spec[}", "{.metadata['name']}", "{.spec.template.spec.containers[-1:].name}",
        "{.spec.template.spec.containers[1:0]}", "{end}", "{.x", "{[?(@.x}", "{.x}", "plain text", "{.metadata.labels.app}",
        "{.spec.template.spec.containers[0:2:1].image}", "{.spec.template.spec.containers[0,1].name}",
        "{range .spec.template.spec.containers[*]}{.name}{\"=\"}{.image}{\"\\n\"}{end}", "{.metadata.labels.*}",
        "{.spec.template.spec.containers[?(@.name!=\"nginx\")].name}", "{.spec.selector.matchLabels}", "{@}", "{$.kind}",
        "{.spec.template.spec.containers[*]['name','image']}", "{.spec.template.spec.containers[?(@.name<\"c\")].name}",
        "{.spec.template.spec.containers[?(@.x==1)]}", "{.spec.template.spec.containers[0:0]}", "{.spec.replicas} items",
    ]

    @Test(arguments: templates)
    func jsonPathMatchesKubectl(_ template: String) {
        guard KubectlHarness.oracleAvailable else { return }
        let base = ["create", "deployment", "web", "--image=nginx", "--image=busybox:1.36", "--replicas=3", "--dry-run=client"]
        for extra in [["-o", "jsonpath=\(template)"], ["-o", "jsonpath=\(template)", "--allow-missing-template-keys=false"],
                      ["-o", "jsonpath-as-json=\(template)"]] {
            let line = base + extra
            #expect(KubectlHarness.lab(line) == KubectlHarness.real(line), "kubectl \(line.joined(separator: " "))")
        }
    }
}
