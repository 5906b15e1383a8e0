import KubeModel

/// The mutating admission plugins a v1.32 API server runs on new pods: ServiceAccount
/// (the account and its projected `kube-api-access-xxxxx` token volume), Priority and
/// DefaultTolerationSeconds (KubeModel's `Defaults.admitPod`).
enum PodAdmission {
    static let tokenMountPath = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// `suffix` gives the volume's five random characters (the store's seeded generator).
    static func admit(_ pod: JSONValue, suffix: () -> String) -> JSONValue {
        var pod = Defaults.admitPod(pod)
        // ServiceAccount leaves mirror pods alone: the kubelet deletes a mirror pod whose spec
        // differs from its static pod's.
        if pod[path: ["metadata", "annotations", "kubernetes.io/config.mirror"]] != nil { return pod }
        guard pod[path: ["spec", "automountServiceAccountToken"]]?.boolValue != false else { return pod }
        let containers = pod[path: ["spec", "containers"]]?.arrayValue ?? []
        let alreadyMounted = containers.contains { container in
            (container["volumeMounts"]?.arrayValue ?? []).contains { $0["mountPath"]?.stringValue == tokenMountPath }
        }
        guard !alreadyMounted else { return pod }
        let name = "kube-api-access-" + suffix()
        let mount: JSONValue = ["mountPath": .string(tokenMountPath), "name": .string(name), "readOnly": true]
        for key in ["initContainers", "containers"] {
            guard let list = pod[path: ["spec", key]]?.arrayValue else { continue }
            pod[path: ["spec", key]] = .array(list.map { container in
                var container = container
                container["volumeMounts"] = .array((container["volumeMounts"]?.arrayValue ?? []) + [mount])
                return container
            })
        }
        let volume: JSONValue = [
            "name": .string(name),
            "projected": [
                "defaultMode": 420,
                "sources": [
                    ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
                    ["configMap": ["items": [["key": "ca.crt", "path": "ca.crt"]], "name": "kube-root-ca.crt"]],
                    ["downwardAPI": ["items": [[
                        "fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"], "path": "namespace",
                    ]]]],
                ],
            ],
        ]
        pod[path: ["spec", "volumes"]] = .array((pod[path: ["spec", "volumes"]]?.arrayValue ?? []) + [volume])
        return pod
    }
}
