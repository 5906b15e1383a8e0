import APIStore
import Controllers
import KubeModel

/// Pods of the kubeadm world as the kubelet reports them: Running, Ready, never restarted.
extension KubeadmCluster {
    /// Registry digests are not knowable offline; a stable stand-in digest per image.
    mutating func imageID(_ image: String) -> String {
        let repository = image.split(separator: ":").first.map(String.init) ?? image
        return repository + "@sha256:" + StaticPodSource.hex(of: image, length: 64)
    }

    /// A pod's status after it started at `started` (seconds after init) on `node`.
    mutating func runningStatus(_ pod: JSONValue, node: WorldDescription.NodeSpec, podIP: String,
                                started: Int64) -> JSONValue {
        let ready = stamp(started + 12)
        func condition(_ type: String, _ time: JSONValue) -> JSONValue {
            ["lastProbeTime": nil, "lastTransitionTime": time, "status": "True", "type": .string(type)]
        }
        let spec = pod["spec"] ?? .emptyObject
        var initStatuses: [JSONValue] = []
        for container in spec["initContainers"]?.arrayValue ?? [] {
            let image = container["image"]?.stringValue ?? ""
            initStatuses.append([
                "containerID": .string("containerd://" + hex(64)), "image": .string(image), "imageID": .string(imageID(image)),
                "lastState": .emptyObject, "name": container["name"] ?? "", "ready": true, "restartCount": 0, "started": false,
                "state": ["terminated": ["containerID": .string("containerd://" + hex(64)), "exitCode": 0,
                                         "finishedAt": stamp(started + 2), "reason": "Completed", "startedAt": stamp(started + 1)]],
                "volumeMounts": volumeMounts(container),
            ])
        }
        var statuses: [JSONValue] = []
        // The kubelet reports containers sorted by name.
        let containers = (spec["containers"]?.arrayValue ?? []).sorted {
            ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "")
        }
        for container in containers {
            let image = container["image"]?.stringValue ?? ""
            statuses.append([
                "containerID": .string("containerd://" + hex(64)), "image": .string(image), "imageID": .string(imageID(image)),
                "lastState": .emptyObject, "name": container["name"] ?? "", "ready": true, "restartCount": 0, "started": true,
                "state": ["running": ["startedAt": stamp(started + 3)]],
                "volumeMounts": volumeMounts(container),
            ])
        }
        var status: JSONObject = [
            "conditions": [condition("PodReadyToStartContainers", stamp(started + 1)),
                           condition("Initialized", stamp(initStatuses.isEmpty ? started : started + 2)),
                           condition("Ready", ready), condition("ContainersReady", ready),
                           condition("PodScheduled", stamp(started))],
            "containerStatuses": .array(statuses),
            "hostIP": .string(node.address), "hostIPs": [["ip": .string(node.address)]],
        ]
        if !initStatuses.isEmpty { status["initContainerStatuses"] = .array(initStatuses) }
        status["phase"] = "Running"
        status["podIP"] = .string(podIP)
        status["podIPs"] = [["ip": .string(podIP)]]
        status["qosClass"] = .string(Defaults.qosClass(pod))
        status["startTime"] = stamp(started)
        return .object(status)
    }

    /// `status.containerStatuses[].volumeMounts` (1.31+): the mounts, read-only ones non-recursive.
    private func volumeMounts(_ container: JSONValue) -> JSONValue {
        .array((container["volumeMounts"]?.arrayValue ?? []).map { mount in
            var entry: JSONObject = ["mountPath": mount["mountPath"] ?? "", "name": mount["name"] ?? ""]
            if mount["readOnly"]?.boolValue == true {
                entry["readOnly"] = true
                entry["recursiveReadOnly"] = "Disabled"
            }
            return .object(entry)
        })
    }

    /// The service-account token volume the ServiceAccount admission plugin adds to API-created pods.
    mutating func withServiceAccountToken(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        let volumeName = "kube-api-access-" + store.nameSuffix()
        let mount: JSONValue = ["mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": .string(volumeName),
                                "readOnly": true]
        if var containers = spec["containers"]?.arrayValue {
            for index in containers.indices {
                containers[index]["volumeMounts"] = .array((containers[index]["volumeMounts"]?.arrayValue ?? []) + [mount])
            }
            spec["containers"] = .array(containers)
        }
        let projected: JSONValue = ["projected": ["defaultMode": 420, "sources": [
            ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
            ["configMap": ["items": [["key": "ca.crt", "path": "ca.crt"]], "name": "kube-root-ca.crt"]],
            ["downwardAPI": ["items": [["fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"],
                                        "path": "namespace"]]]],
        ]], "name": .string(volumeName)]
        spec["volumes"] = .array((spec["volumes"]?.arrayValue ?? []) + [projected])
        spec["serviceAccount"] = spec["serviceAccountName"] ?? "default"
        return spec
    }
}
