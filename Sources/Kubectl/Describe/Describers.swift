import KubeModel

/// Which describer prints which kind (describe.go's `describerMap`); others get the generic one.
enum Describers {
    typealias Describer = (KubeObject, DescribeSession) -> String

    static func describer(for type: ResourceType) -> Describer {
        switch (type.group, type.kind) {
        case ("", "Pod"): PodDescriber.describe
        case ("", "ReplicationController"): WorkloadDescribers.replicationController
        case ("", "Secret"): ConfigDescribers.secret
        case ("", "Service"): NetworkDescribers.service
        case ("", "ServiceAccount"): ConfigDescribers.serviceAccount
        case ("", "Node"): NodeDescriber.describe
        case ("", "LimitRange"): ConfigDescribers.limitRange
        case ("", "ResourceQuota"): ConfigDescribers.resourceQuota
        case ("", "PersistentVolume"): StorageDescribers.persistentVolume
        case ("", "PersistentVolumeClaim"): StorageDescribers.persistentVolumeClaim
        case ("", "Namespace"): ConfigDescribers.namespace
        case ("", "Endpoints"): NetworkDescribers.endpoints
        case ("", "ConfigMap"): ConfigDescribers.configMap
        case ("scheduling.k8s.io", "PriorityClass"): ConfigDescribers.priorityClass
        case ("batch", "Job"): WorkloadDescribers.job
        case ("batch", "CronJob"): WorkloadDescribers.cronJob
        case ("apps", "StatefulSet"): WorkloadDescribers.statefulSet
        case ("apps", "Deployment"): WorkloadDescribers.deployment
        case ("apps", "DaemonSet"): WorkloadDescribers.daemonSet
        case ("apps", "ReplicaSet"): WorkloadDescribers.replicaSet
        case ("networking.k8s.io", "NetworkPolicy"): NetworkPolicyDescriber.describe
        case ("networking.k8s.io", "Ingress"): IngressDescriber.describe
        case ("rbac.authorization.k8s.io", "Role"), ("rbac.authorization.k8s.io", "ClusterRole"): OtherDescribers.role
        case ("rbac.authorization.k8s.io", "RoleBinding"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"):
            OtherDescribers.binding
        default: OtherDescribers.generic
        }
    }
}
