import KubeModel
import Testing

/// `kubectl api-resources` rows and kubectl's way of resolving what a user typed.
struct ResourceTableTests {
    let table = ResourceTable.standard

    @Test(arguments: [
        ("po", "pods"), ("pod", "pods"), ("pods", "pods"), ("Pod", "pods"), ("PODS", "pods"),
        ("deploy", "deployments.apps"), ("Deployment", "deployments.apps"), ("deployments.apps", "deployments.apps"),
        ("deployment.apps", "deployments.apps"), ("deploy.apps", "deployments.apps"),
        ("deployments.v1.apps", "deployments.apps"), ("ds", "daemonsets.apps"), ("sts", "statefulsets.apps"),
        ("ev", "events"), ("events", "events"), ("events.events.k8s.io", "events.events.k8s.io"),
        ("no", "nodes"), ("ns", "namespaces"), ("svc", "services"), ("ep", "endpoints"), ("endpoints", "endpoints"),
        ("cm", "configmaps"), ("sa", "serviceaccounts"), ("pv", "persistentvolumes"), ("pvc", "persistentvolumeclaims"),
        ("cj", "cronjobs.batch"), ("jobs", "jobs.batch"), ("sc", "storageclasses.storage.k8s.io"),
        ("netpol", "networkpolicies.networking.k8s.io"), ("ing", "ingresses.networking.k8s.io"),
        ("pdb", "poddisruptionbudgets.policy"), ("hpa", "horizontalpodautoscalers.autoscaling"),
        ("limits", "limitranges"), ("quota", "resourcequotas"), ("pc", "priorityclasses.scheduling.k8s.io"),
        ("leases", "leases.coordination.k8s.io"), ("controllerrevisions", "controllerrevisions.apps"),
        ("crd", "customresourcedefinitions.apiextensions.k8s.io"), ("clusterrolebinding", "clusterrolebindings.rbac.authorization.k8s.io"),
        ("csr", "certificatesigningrequests.certificates.k8s.io"), ("rc", "replicationcontrollers"),
    ])
    func resolves(argument: String, key: String) {
        #expect(table.lookup(argument)?.key == key)
    }

    @Test(arguments: ["foo", "", "pods.apps", "deploy.v2.apps", "podss"])
    func unknownNamesResolveToNothing(argument: String) {
        #expect(table.lookup(argument) == nil)
    }

    @Test func rowsMatchTheRealDiscovery() throws {
        let pods = try #require(table.lookup("pods"))
        #expect(pods.shortNames == ["po"] && pods.apiVersion == "v1" && pods.namespaced && pods.kind == "Pod")
        #expect(pods.verbs == ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"])
        let namespaces = try #require(table.lookup("ns"))
        #expect(namespaces.verbs == ["create", "delete", "get", "list", "patch", "update", "watch"] && !namespaces.namespaced)
        let hpa = try #require(table.lookup("hpa"))
        #expect(hpa.apiVersion == "autoscaling/v2" && hpa.groupResource == "horizontalpodautoscalers.autoscaling")
        #expect(try #require(table.lookup("crd")).shortNames == ["crd", "crds"])
        #expect(try #require(table.lookup("bindings")).verbs == ["create"])
        #expect(table.types.count == 58)
        #expect(table.types.first?.plural == "bindings" && table.types.last?.plural == "volumeattachments")
        #expect(table.category("all").map(\.plural) == ["pods", "replicationcontrollers", "services", "daemonsets",
                                                        "deployments", "replicasets", "statefulsets",
                                                        "horizontalpodautoscalers", "cronjobs", "jobs"])
    }

    @Test func typesByApiVersionAndKind() {
        #expect(table.type(apiVersion: "apps/v1", kind: "DaemonSet")?.plural == "daemonsets")
        #expect(table.type(apiVersion: "v1", kind: "Event")?.group == "")
        #expect(table.type(apiVersion: "events.k8s.io/v1", kind: "Event")?.group == "events.k8s.io")
        #expect(table.type(apiVersion: "apps/v1beta1", kind: "Deployment") == nil)
        #expect(table.type(apiVersion: "v1", kind: "Deployment") == nil)
    }

    @Test func messageNames() throws {
        let deployments = try #require(table.lookup("deploy"))
        #expect(deployments.groupResource == "deployments.apps" && deployments.groupKind == "Deployment.apps")
        #expect(deployments.kubectlName == "deployment.apps")
        #expect(try #require(table.lookup("po")).kubectlName == "pod")
    }
}
