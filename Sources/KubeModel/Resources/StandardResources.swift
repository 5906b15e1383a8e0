/// What `kubectl api-resources` lists on a kubeadm v1.32 cluster (no CRDs installed), in its
/// order: core group first, then groups alphabetically, resources alphabetically within a group.
extension ResourceTable {
    public static let standard = ResourceTable(coreResources + groupResources)

    private static let createOnly = ["create"]
    private static let noCollection = ["create", "delete", "get", "list", "patch", "update", "watch"]
    private static let all = ["all"]
    private static let extensions = ["api-extensions"]

    private static let coreResources: [ResourceType] = [
        ResourceType(plural: "bindings", singular: "binding", namespaced: true, kind: "Binding", verbs: createOnly),
        ResourceType(plural: "componentstatuses", singular: "componentstatus", shortNames: ["cs"], namespaced: false,
                     kind: "ComponentStatus", verbs: ["get", "list"]),
        ResourceType(plural: "configmaps", singular: "configmap", shortNames: ["cm"], namespaced: true, kind: "ConfigMap"),
        ResourceType(plural: "endpoints", singular: "endpoints", shortNames: ["ep"], namespaced: true, kind: "Endpoints"),
        ResourceType(plural: "events", singular: "event", shortNames: ["ev"], namespaced: true, kind: "Event"),
        ResourceType(plural: "limitranges", singular: "limitrange", shortNames: ["limits"], namespaced: true, kind: "LimitRange"),
        ResourceType(plural: "namespaces", singular: "namespace", shortNames: ["ns"], namespaced: false, kind: "Namespace",
                     verbs: noCollection, hasStatus: true),
        ResourceType(plural: "nodes", singular: "node", shortNames: ["no"], namespaced: false, kind: "Node", hasStatus: true),
        ResourceType(plural: "persistentvolumeclaims", singular: "persistentvolumeclaim", shortNames: ["pvc"], namespaced: true,
                     kind: "PersistentVolumeClaim", hasStatus: true),
        ResourceType(plural: "persistentvolumes", singular: "persistentvolume", shortNames: ["pv"], namespaced: false,
                     kind: "PersistentVolume", hasStatus: true),
        ResourceType(plural: "pods", singular: "pod", shortNames: ["po"], namespaced: true, kind: "Pod", categories: all,
                     hasStatus: true),
        ResourceType(plural: "podtemplates", singular: "podtemplate", namespaced: true, kind: "PodTemplate"),
        ResourceType(plural: "replicationcontrollers", singular: "replicationcontroller", shortNames: ["rc"], namespaced: true,
                     kind: "ReplicationController", categories: all, hasGeneration: true, hasStatus: true),
        ResourceType(plural: "resourcequotas", singular: "resourcequota", shortNames: ["quota"], namespaced: true,
                     kind: "ResourceQuota", hasStatus: true),
        ResourceType(plural: "secrets", singular: "secret", namespaced: true, kind: "Secret"),
        ResourceType(plural: "serviceaccounts", singular: "serviceaccount", shortNames: ["sa"], namespaced: true,
                     kind: "ServiceAccount"),
        ResourceType(plural: "services", singular: "service", shortNames: ["svc"], namespaced: true, kind: "Service",
                     categories: all, hasStatus: true),
    ]

    private static let groupResources: [ResourceType] = [
        group("admissionregistration.k8s.io", namespaced: false, [
            ("mutatingwebhookconfigurations", "MutatingWebhookConfiguration", []),
            ("validatingadmissionpolicies", "ValidatingAdmissionPolicy", []),
            ("validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", []),
            ("validatingwebhookconfigurations", "ValidatingWebhookConfiguration", []),
        ], categories: extensions, generation: true),
        [ResourceType(plural: "customresourcedefinitions", singular: "customresourcedefinition", shortNames: ["crd", "crds"],
                      group: "apiextensions.k8s.io", namespaced: false, kind: "CustomResourceDefinition",
                      categories: extensions, hasGeneration: true, hasStatus: true),
         ResourceType(plural: "apiservices", singular: "apiservice", group: "apiregistration.k8s.io", namespaced: false,
                      kind: "APIService", categories: extensions, hasStatus: true)],
        [ResourceType(plural: "controllerrevisions", singular: "controllerrevision", group: "apps", namespaced: true,
                      kind: "ControllerRevision")],
        group("apps", namespaced: true, [
            ("daemonsets", "DaemonSet", ["ds"]), ("deployments", "Deployment", ["deploy"]),
            ("replicasets", "ReplicaSet", ["rs"]), ("statefulsets", "StatefulSet", ["sts"]),
        ], categories: all, generation: true, status: true),
        group("authentication.k8s.io", namespaced: false, [
            ("selfsubjectreviews", "SelfSubjectReview", []), ("tokenreviews", "TokenReview", []),
        ], verbs: createOnly),
        [ResourceType(plural: "localsubjectaccessreviews", singular: "localsubjectaccessreview", group: "authorization.k8s.io",
                      namespaced: true, kind: "LocalSubjectAccessReview", verbs: createOnly)],
        group("authorization.k8s.io", namespaced: false, [
            ("selfsubjectaccessreviews", "SelfSubjectAccessReview", []),
            ("selfsubjectrulesreviews", "SelfSubjectRulesReview", []),
            ("subjectaccessreviews", "SubjectAccessReview", []),
        ], verbs: createOnly),
        [ResourceType(plural: "horizontalpodautoscalers", singular: "horizontalpodautoscaler", shortNames: ["hpa"],
                      group: "autoscaling", version: "v2", namespaced: true, kind: "HorizontalPodAutoscaler",
                      categories: all, hasStatus: true)],
        group("batch", namespaced: true, [("cronjobs", "CronJob", ["cj"]), ("jobs", "Job", [])],
              categories: all, generation: true, status: true),
        [ResourceType(plural: "certificatesigningrequests", singular: "certificatesigningrequest", shortNames: ["csr"],
                      group: "certificates.k8s.io", namespaced: false, kind: "CertificateSigningRequest", hasStatus: true),
         ResourceType(plural: "leases", singular: "lease", group: "coordination.k8s.io", namespaced: true, kind: "Lease"),
         ResourceType(plural: "endpointslices", singular: "endpointslice", group: "discovery.k8s.io", namespaced: true,
                      kind: "EndpointSlice", hasGeneration: true),
         ResourceType(plural: "events", singular: "event", shortNames: ["ev"], group: "events.k8s.io", namespaced: true,
                      kind: "Event")],
        group("flowcontrol.apiserver.k8s.io", namespaced: false, [
            ("flowschemas", "FlowSchema", []), ("prioritylevelconfigurations", "PriorityLevelConfiguration", []),
        ], generation: true, status: true),
        [ResourceType(plural: "ingressclasses", singular: "ingressclass", group: "networking.k8s.io", namespaced: false,
                      kind: "IngressClass", hasGeneration: true),
         ResourceType(plural: "ingresses", singular: "ingress", shortNames: ["ing"], group: "networking.k8s.io",
                      namespaced: true, kind: "Ingress", hasGeneration: true, hasStatus: true),
         ResourceType(plural: "networkpolicies", singular: "networkpolicy", shortNames: ["netpol"], group: "networking.k8s.io",
                      namespaced: true, kind: "NetworkPolicy", hasGeneration: true),
         ResourceType(plural: "runtimeclasses", singular: "runtimeclass", group: "node.k8s.io", namespaced: false,
                      kind: "RuntimeClass"),
         ResourceType(plural: "poddisruptionbudgets", singular: "poddisruptionbudget", shortNames: ["pdb"], group: "policy",
                      namespaced: true, kind: "PodDisruptionBudget", hasGeneration: true, hasStatus: true)],
        group("rbac.authorization.k8s.io", namespaced: false, [
            ("clusterrolebindings", "ClusterRoleBinding", []), ("clusterroles", "ClusterRole", []),
        ]),
        group("rbac.authorization.k8s.io", namespaced: true, [
            ("rolebindings", "RoleBinding", []), ("roles", "Role", []),
        ]),
        [ResourceType(plural: "priorityclasses", singular: "priorityclass", shortNames: ["pc"], group: "scheduling.k8s.io",
                      namespaced: false, kind: "PriorityClass")],
        group("storage.k8s.io", namespaced: false, [("csidrivers", "CSIDriver", []), ("csinodes", "CSINode", [])]),
        [ResourceType(plural: "csistoragecapacities", singular: "csistoragecapacity", group: "storage.k8s.io",
                      namespaced: true, kind: "CSIStorageCapacity"),
         ResourceType(plural: "storageclasses", singular: "storageclass", shortNames: ["sc"], group: "storage.k8s.io",
                      namespaced: false, kind: "StorageClass"),
         ResourceType(plural: "volumeattachments", singular: "volumeattachment", group: "storage.k8s.io",
                      namespaced: false, kind: "VolumeAttachment", hasStatus: true)],
    ].flatMap { $0 }

    /// Several resources of one group that share scope and traits; singular = lowercased kind.
    private static func group(_ group: String, namespaced: Bool, _ rows: [(String, String, [String])],
                              verbs: [String] = ResourceType.standardVerbs, categories: [String] = [],
                              generation: Bool = false, status: Bool = false) -> [ResourceType] {
        rows.map { plural, kind, shortNames in
            ResourceType(plural: plural, singular: kind.lowercased(), shortNames: shortNames, group: group,
                         namespaced: namespaced, kind: kind, verbs: verbs, categories: categories,
                         hasGeneration: generation, hasStatus: status)
        }
    }
}
