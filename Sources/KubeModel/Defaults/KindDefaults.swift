/// Defaults of StatefulSets, Jobs, Services, Namespaces, volumes and the smaller kinds.
extension Defaults {
    static func statefulSet(_ o: inout JSONValue) {
        o.update("spec") { spec in
            spec.setDefault("replicas", 1)
            spec.setDefault("podManagementPolicy", "OrderedReady")
            spec.update("updateStrategy") { strategy in
                strategy.setDefault("type", "RollingUpdate")
                if strategy["type"]?.stringValue == "RollingUpdate" {
                    strategy.update("rollingUpdate") { $0.setDefault("partition", 0) }
                }
            }
            spec.setDefault("revisionHistoryLimit", 10)
            spec.update("persistentVolumeClaimRetentionPolicy") {
                $0.setDefault("whenDeleted", "Retain")
                $0.setDefault("whenScaled", "Retain")
            }
            spec.updateEach("volumeClaimTemplates") { claim in
                claim.update("spec") { $0.setDefault("volumeMode", "Filesystem") }
                claim.update("status") { $0.setDefault("phase", "Pending") }
            }
            template(&spec)
        }
    }

    static func job(_ spec: inout JSONValue) {
        if spec["completions"] == nil && spec["parallelism"] == nil {
            spec["completions"] = 1
            spec["parallelism"] = 1
        }
        spec.setDefault("parallelism", 1)
        spec.setDefault("backoffLimit", 6)
        spec.setDefault("completionMode", "NonIndexed")
        spec.setDefault("suspend", false)
        spec.setDefault("podReplacementPolicy", "TerminatingOrFailed")
        template(&spec)
    }

    static func otherKinds(_ o: inout JSONValue, kind: String) {
        switch kind {
        case "Service":
            o.update("spec") { service(&$0) }
        case "Namespace":
            let name = o[path: ["metadata", "name"]]?.stringValue ?? ""
            o.update("metadata") { $0.update("labels") { $0["kubernetes.io/metadata.name"] = .string(name) } }
            o.update("spec") { $0.setDefault("finalizers", ["kubernetes"]) }
            o.update("status") { $0.setDefault("phase", "Active") }
        case "PersistentVolumeClaim":
            o.update("spec") { $0.setDefault("volumeMode", "Filesystem") }
            o.update("status") { $0.setDefault("phase", "Pending") }
        case "PersistentVolume":
            o.update("spec") { spec in
                spec.setDefault("persistentVolumeReclaimPolicy", "Retain")
                spec.setDefault("volumeMode", "Filesystem")
                if spec["hostPath"] != nil { spec.update("hostPath") { $0.setDefault("type", "") } }
            }
            o.update("status") { $0.setDefault("phase", "Pending") }
        case "Secret":
            o.setDefault("type", "Opaque")
        case "Endpoints":
            o.updateEach("subsets") { $0.updateEach("ports") { $0.setDefault("protocol", "TCP") } }
        case "RoleBinding", "ClusterRoleBinding":
            o.updateEach("subjects") { subject in
                switch subject["kind"]?.stringValue {
                case "User", "Group": subject.setDefault("apiGroup", "rbac.authorization.k8s.io")
                case "ServiceAccount": break  // "" is the default, and omitempty drops it from what the server returns
                default: break
                }
            }
        case "NetworkPolicy":
            o.update("spec") { spec in
                spec.updateEach("ingress") { $0.updateEach("ports") { $0.setDefault("protocol", "TCP") } }
                spec.updateEach("egress") { $0.updateEach("ports") { $0.setDefault("protocol", "TCP") } }
                if spec["policyTypes"] == nil {
                    var types: [JSONValue] = ["Ingress"]
                    if spec["egress"] != nil { types.append("Egress") }
                    spec["policyTypes"] = .array(types)
                }
            }
        case "StorageClass":
            o.setDefault("reclaimPolicy", "Delete")
            o.setDefault("volumeBindingMode", "Immediate")
        case "PriorityClass":
            o.setDefault("preemptionPolicy", "PreemptLowerPriority")
        case "HorizontalPodAutoscaler":
            o.update("spec") { $0.setDefault("minReplicas", 1) }
        case "LimitRange":
            o.update("spec") { spec in
                spec.updateEach("limits") { item in
                    // Container limits: a max or default limit defaults the request side too.
                    guard item["type"]?.stringValue == "Container" else { return }
                    var defaults = item["default"]?.objectValue ?? [:]
                    for (name, value) in item["max"]?.objectValue ?? [:] where defaults[name] == nil { defaults[name] = value }
                    if !defaults.isEmpty { item["default"] = .object(defaults) }
                    var requests = item["defaultRequest"]?.objectValue ?? [:]
                    for (name, value) in defaults where requests[name] == nil { requests[name] = value }
                    if !requests.isEmpty { item["defaultRequest"] = .object(requests) }
                }
            }
        default:
            break
        }
    }

    /// core/v1 `SetDefaults_Service` plus what the registry fills that needs no allocator.
    static func service(_ spec: inout JSONValue) {
        spec.setDefault("type", "ClusterIP")
        let type = spec["type"]?.stringValue ?? "ClusterIP"
        spec.setDefault("sessionAffinity", "None")
        if spec["sessionAffinity"]?.stringValue == "ClientIP" {
            spec.update("sessionAffinityConfig") { $0.update("clientIP") { $0.setDefault("timeoutSeconds", 10800) } }
        }
        spec.updateEach("ports") { port in
            port.setDefault("protocol", "TCP")
            if port["targetPort"] == nil || port["targetPort"]?.isNull == true || port["targetPort"] == .int(0) {
                port["targetPort"] = port["port"] ?? 0
            }
        }
        if type != "ExternalName" {
            spec.setDefault("internalTrafficPolicy", "Cluster")
            spec.setDefault("ipFamilyPolicy", "SingleStack")
            spec.setDefault("ipFamilies", ["IPv4"])
        }
        if type == "NodePort" || type == "LoadBalancer" {
            spec.setDefault("externalTrafficPolicy", "Cluster")
        }
        if type == "LoadBalancer" { spec.setDefault("allocateLoadBalancerNodePorts", true) }
    }
}
