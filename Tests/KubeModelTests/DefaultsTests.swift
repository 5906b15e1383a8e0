import KubeModel
import Testing

/// Scheme defaults as a v1.32 API server fills them (core/v1, apps/v1, batch/v1 defaults.go).
@Suite struct DefaultsTests {
    static let container: JSONValue = ["name": "nginx", "image": "nginx", "ports": [["containerPort": 80]]]

    @Test func podDefaults() {
        let pod = Defaults.apply(to: ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"],
                                      "spec": ["containers": [Self.container, ["name": "b", "image": "busybox:1.36"]]]])
        let spec = pod["spec"]
        #expect(spec?["restartPolicy"] == "Always")
        #expect(spec?["dnsPolicy"] == "ClusterFirst")
        #expect(spec?["schedulerName"] == "default-scheduler")
        #expect(spec?["terminationGracePeriodSeconds"] == 30)
        #expect(spec?["securityContext"] == [:])
        #expect(spec?["enableServiceLinks"] == true)
        let first = spec?["containers"]?.arrayValue?.first
        #expect(first?["imagePullPolicy"] == "Always")
        #expect(first?["terminationMessagePath"] == "/dev/termination-log")
        #expect(first?["terminationMessagePolicy"] == "File")
        #expect(first?["resources"] == [:])
        #expect(first?[path: ["ports"]]?.arrayValue?.first?["protocol"] == "TCP")
        #expect(spec?["containers"]?.arrayValue?.last?["imagePullPolicy"] == "IfNotPresent")
        #expect(pod[path: ["status", "phase"]] == "Pending")
    }

    @Test(arguments: [("nginx", "Always"), ("nginx:latest", "Always"), ("nginx:1.27", "IfNotPresent"),
                      ("localhost:5000/app", "Always"), ("registry:5000/app:v1", "IfNotPresent"),
                      ("nginx@sha256:abc", "IfNotPresent")])
    func pullPolicy(image: String, expected: String) {
        let pod = Defaults.apply(to: ["kind": "Pod", "spec": ["containers": [["name": "c", "image": .string(image)]]]])
        #expect(pod[path: ["spec", "containers"]]?.arrayValue?.first?["imagePullPolicy"] == .string(expected))
    }

    @Test func podAdmission() {
        let pod = Defaults.admitPod(["kind": "Pod", "spec": ["containers": [Self.container]]])
        #expect(pod[path: ["spec", "serviceAccountName"]] == "default")
        #expect(pod[path: ["spec", "priority"]] == 0)
        #expect(pod[path: ["spec", "preemptionPolicy"]] == "PreemptLowerPriority")
        #expect(pod[path: ["spec", "tolerations"]] == [
            ["effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists", "tolerationSeconds": 300],
            ["effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists", "tolerationSeconds": 300],
        ])
        let tolerant = Defaults.admitPod(["kind": "Pod", "spec": ["tolerations": [["operator": "Exists"]]]])
        #expect(tolerant[path: ["spec", "tolerations"]]?.arrayValue?.count == 1)
        #expect(Defaults.qosClass(pod) == "BestEffort")
        let limited = Defaults.apply(to: ["kind": "Pod", "spec": ["containers": [
            ["name": "c", "image": "x", "resources": ["limits": ["cpu": "1", "memory": "1Gi"]]]]]])
        #expect(limited[path: ["spec", "containers"]]?.arrayValue?.first?[path: ["resources", "requests"]] == ["cpu": "1", "memory": "1Gi"])
        #expect(Defaults.qosClass(limited) == "Guaranteed")
    }

    @Test func workloadDefaults() {
        let template: JSONValue = ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [Self.container]]]
        let deploy = Defaults.apply(to: ["apiVersion": "apps/v1", "kind": "Deployment", "spec": ["template": template]])
        #expect(deploy[path: ["spec", "replicas"]] == 1)
        #expect(deploy[path: ["spec", "strategy"]] == ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"]])
        #expect(deploy[path: ["spec", "revisionHistoryLimit"]] == 10)
        #expect(deploy[path: ["spec", "progressDeadlineSeconds"]] == 600)
        #expect(deploy[path: ["spec", "template", "spec", "restartPolicy"]] == "Always")
        #expect(deploy[path: ["spec", "template", "spec", "tolerations"]] == nil)
        let recreate = Defaults.apply(to: ["kind": "Deployment", "spec": ["strategy": ["type": "Recreate"]]])
        #expect(recreate[path: ["spec", "strategy"]] == ["type": "Recreate"])
        let ds = Defaults.apply(to: ["kind": "DaemonSet", "spec": ["template": template]])
        #expect(ds[path: ["spec", "updateStrategy"]] == ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": 1, "maxSurge": 0]])
        #expect(ds[path: ["spec", "revisionHistoryLimit"]] == 10)
        let sts = Defaults.apply(to: ["kind": "StatefulSet", "spec": ["template": template]])
        #expect(sts[path: ["spec", "podManagementPolicy"]] == "OrderedReady")
        #expect(sts[path: ["spec", "updateStrategy"]] == ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]])
        #expect(sts[path: ["spec", "persistentVolumeClaimRetentionPolicy"]] == ["whenDeleted": "Retain", "whenScaled": "Retain"])
        #expect(sts[path: ["spec", "replicas"]] == 1)
        let job = Defaults.apply(to: ["kind": "Job", "spec": ["template": template]])
        #expect(job[path: ["spec", "completions"]] == 1)
        #expect(job[path: ["spec", "parallelism"]] == 1)
        #expect(job[path: ["spec", "backoffLimit"]] == 6)
        #expect(job[path: ["spec", "completionMode"]] == "NonIndexed")
        let cron = Defaults.apply(to: ["kind": "CronJob", "spec": ["jobTemplate": ["spec": ["template": template]]]])
        #expect(cron[path: ["spec", "concurrencyPolicy"]] == "Allow")
        #expect(cron[path: ["spec", "successfulJobsHistoryLimit"]] == 3)
        #expect(cron[path: ["spec", "failedJobsHistoryLimit"]] == 1)
        #expect(cron[path: ["spec", "jobTemplate", "spec", "template", "spec", "dnsPolicy"]] == "ClusterFirst")
    }

    @Test func otherKinds() {
        let svc = Defaults.apply(to: ["kind": "Service", "spec": ["ports": [["port": 80]], "type": "NodePort"]])
        #expect(svc[path: ["spec", "sessionAffinity"]] == "None")
        #expect(svc[path: ["spec", "ports"]] == [["port": 80, "protocol": "TCP", "targetPort": 80]])
        #expect(svc[path: ["spec", "internalTrafficPolicy"]] == "Cluster")
        #expect(svc[path: ["spec", "externalTrafficPolicy"]] == "Cluster")
        #expect(svc[path: ["spec", "ipFamilies"]] == ["IPv4"])
        #expect(svc[path: ["spec", "ipFamilyPolicy"]] == "SingleStack")
        let ns = Defaults.apply(to: ["kind": "Namespace", "metadata": ["name": "dev"]])
        #expect(ns[path: ["metadata", "labels"]] == ["kubernetes.io/metadata.name": "dev"])
        #expect(ns[path: ["spec", "finalizers"]] == ["kubernetes"])
        #expect(ns[path: ["status", "phase"]] == "Active")
        #expect(Defaults.apply(to: ["kind": "PersistentVolumeClaim"])[path: ["spec", "volumeMode"]] == "Filesystem")
        #expect(Defaults.apply(to: ["kind": "Secret"])["type"] == "Opaque")
    }
}
