import Testing

@Suite struct ExplainTests {
    func explain(_ line: String) -> KubectlRun { kubectl("explain " + line, MemoryContext()) }

    @Test func kindAndField() {
        #expect(explain("deploy.spec.replicas") == KubectlRun(stdout: """
            GROUP:      apps
            KIND:       Deployment
            VERSION:    v1

            FIELD: replicas <integer>


            DESCRIPTION:
                <empty>


            """, stderr: "", status: 0))
        let ports = explain("pod.spec.containers.ports").stdout
        #expect(ports.hasPrefix("KIND:       Pod\nVERSION:    v1\n\nFIELD: ports <[]ContainerPort>\n\n\nDESCRIPTION:\n    <empty>\nFIELDS:\n"))
        #expect(ports.contains("  containerPort\t<integer> -required-\n    <no description>\n\n  hostIP\t<string>\n"))
        let pod = explain("pods").stdout
        #expect(pod.contains("  spec\t<PodSpec>\n    <no description>\n\n  status\t<PodStatus>\n    <no description>\n\n\n"))
        #expect(explain("pod.spec").stdout.contains("  containers\t<[]Container> -required-\n"))
        #expect(explain("pod.spec").stdout.contains("  nodeSelector\t<map[string]string>\n"))
    }

    @Test func recursive() {
        let text = explain("pod.metadata --recursive").stdout
        #expect(text.contains("FIELDS:\n  annotations\t<map[string]string>\n  creationTimestamp\t<string>\n"))
        #expect(text.contains("  managedFields\t<[]ManagedFieldsEntry>\n    apiVersion\t<string>\n    fieldsType\t<string>\n    fieldsV1\t<FieldsV1>\n"))
        #expect(explain("deployments --recursive").stdout.contains("        containers\t<[]Container> -required-\n"))
        #expect(explain("deployments.apps").stderr == "error: field \"apps\" does not exist\n")
        #expect(explain("hpa --api-version=autoscaling/v2").stdout.hasPrefix("GROUP:      autoscaling\nKIND:       HorizontalPodAutoscaler\nVERSION:    v2\n"))
    }

    @Test func errors() {
        #expect(explain("pod.spec.foo.bar").stderr == "error: field \"bar\" does not exist\n")
        #expect(explain("pod.nope").stderr == "error: field \"nope\" does not exist\n")
        #expect(explain("foo").stderr == "error: the server doesn't have a resource type \"foo\"\n")
        #expect(kubectl("explain", MemoryContext()).stderr
            == "error: You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n")
    }
}
