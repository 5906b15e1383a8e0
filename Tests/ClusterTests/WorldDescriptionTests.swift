import Cluster
import LabTestSupport
import Testing

/// A world described as data: node labels and taints, files on nodes, objects in the API.
@Suite struct WorldDescriptionTests {
    static func described() -> WorldDescription {
        var description = WorldDescription(nodes: [
            .init(name: "controlplane", address: "172.30.1.2", role: .controlPlane, taints: []),
            .init(name: "node01", address: "172.30.2.2", labels: ["disk": "ssd"],
                  taints: [.init(key: "dedicated", value: "gpu", effect: "NoSchedule")]),
        ])
        description.files = [
            .init(path: "/opt/motd", contents: "hello\n"),
            .init(node: "node01", path: "/etc/app/conf.yaml", contents: "key: value\n", mode: 0o600),
        ]
        description.objects = ["""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: team
            data:
              mode: fast
            """]
        return description
    }

    @Test func nodesCarryTheDescribedLabelsAndTaints() {
        let run = runLab("""
            kubectl get node -o jsonpath='{range .items[*]}{.metadata.name} {.spec.taints}{"\\n"}{end}'
            kubectl get node -l disk=ssd -o name
            """, world: World(Self.described()))
        #expect(run.stdout == """
            controlplane 
            node01 [{"effect":"NoSchedule","key":"dedicated","value":"gpu"}]
            node/node01

            """)
        #expect(run.stderr == "")
    }

    @Test func theDefaultWorldKeepsKubeadmsTaint() {
        let run = runLab("kubectl get node controlplane -o jsonpath='{.spec.taints}'")
        #expect(run.stdout == #"[{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"}]"#)
    }

    @Test func filesLandOnTheirNodes() {
        let run = runLab("cat /opt/motd; ls /etc/app 2>&1; ssh node01 'cat /opt/motd /etc/app/conf.yaml; stat -c %a /etc/app/conf.yaml'",
                         world: World(Self.described()))
        #expect(run.stdout == "hello\nls: cannot access '/etc/app': No such file or directory\nhello\nkey: value\n600\n")
    }

    @Test func objectsAreCreatedThroughTheAPIServer() {
        let world = World(Self.described())
        #expect(world.setupProblems.isEmpty)
        let run = runLab("kubectl get cm settings -n team -o jsonpath='{.data.mode} {.metadata.uid}'", world: world)
        #expect(run.stdout.hasPrefix("fast "))
        #expect(run.stdout.count > "fast ".count)
    }

    @Test func badObjectsAreReportedNotFatal() {
        var description = Self.described()
        description.objects = ["kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: Bad_Name\n", "a: [unclosed"]
        let world = World(description)
        #expect(world.setupProblems.count == 2)
        #expect(world.setupProblems.first?.contains("metadata.name: Invalid value: \"Bad_Name\"") == true)
    }
}
