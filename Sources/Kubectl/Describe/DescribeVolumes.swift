/// `describeVolumes` and the per-source printers (pod volumes and PersistentVolume sources).
enum DescribeVolumes {
    static func write(_ volumes: [DValue], _ w: DescribeWriter, space: String) {
        guard !volumes.isEmpty else {
            w.write(0, "\(space)Volumes:\t<none>\n")
            return
        }
        w.write(0, "\(space)Volumes:\n")
        for volume in volumes {
            w.write(1, "\(space.isEmpty ? "" : " ")\(volume["name"].string):\n")
            source(volume, w)
        }
    }

    /// The `Type:` line and details of one volume source (`<unknown>` for sources not listed).
    static func source(_ volume: DValue, _ w: DescribeWriter) {
        if volume["hostPath"].exists {
            let hostPath = volume["hostPath"]
            let type = hostPath["type"].exists ? hostPath["type"].string : "<none>"
            w.write(2, "Type:\tHostPath (bare host directory volume)\n    Path:\t\(hostPath["path"].string)\n    HostPathType:\t\(type)\n")
        } else if volume["emptyDir"].exists {
            let emptyDir = volume["emptyDir"]
            let size = ResourceQuantity(emptyDir["sizeLimit"].text)
            let limit = size.map { $0.millis > 0 ? $0.description : "<unset>" } ?? "<unset>"
            w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t\(emptyDir["medium"].string)\n    SizeLimit:\t\(limit)\n")
        } else if volume["secret"].exists {
            let secret = volume["secret"]
            w.write(2, "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t\(secret["secretName"].string)\n    Optional:\t\(secret["optional"].bool)\n")
        } else if volume["configMap"].exists {
            let configMap = volume["configMap"]
            w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t\(configMap["name"].string)\n    Optional:\t\(configMap["optional"].bool)\n")
        } else if volume["nfs"].exists {
            let nfs = volume["nfs"]
            w.write(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t\(nfs["server"].string)\n    Path:\t\(nfs["path"].string)\n    ReadOnly:\t\(nfs["readOnly"].bool)\n")
        } else if volume["persistentVolumeClaim"].exists {
            let claim = volume["persistentVolumeClaim"]
            w.write(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t\(claim["claimName"].string)\n    ReadOnly:\t\(claim["readOnly"].bool)\n")
        } else if volume["ephemeral"].exists {
            w.write(2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n")
        } else if volume["downwardAPI"].exists {
            w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n")
            for item in volume["downwardAPI", "items"].array {
                if item["fieldRef"].exists { w.write(3, "\(item["fieldRef", "fieldPath"].string) -> \(item["path"].string)\n") }
                if item["resourceFieldRef"].exists { w.write(3, "\(item["resourceFieldRef", "resource"].string) -> \(item["path"].string)\n") }
            }
        } else if volume["projected"].exists {
            projected(volume["projected"], w)
        } else if volume["csi"].exists {
            let csi = volume["csi"]
            w.write(2, "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t\(csi["driver"].string)\n    FSType:\t\(csi["fsType"].string)\n    ReadOnly:\t\(csi["readOnly"].bool)\n")
            attributes(csi["volumeAttributes"].stringMap, w)
        } else if volume["local"].exists {
            w.write(2, "Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t\(volume["local", "path"].string)\n")
        } else if volume["image"].exists {
            w.write(2, "Type:\tImage (a container image or OCI artifact)\n    Reference:\t\(volume["image", "reference"].string)\n    PullPolicy:\t\(volume["image", "pullPolicy"].string)\n")
        } else {
            w.write(1, "<unknown>\n")
        }
    }

    /// `printProjectedVolumeSource` (the kube-api-access volume of every pod).
    private static func projected(_ projected: DValue, _ w: DescribeWriter) {
        w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n")
        for source in projected["sources"].array {
            if source["secret"].exists {
                w.write(2, "SecretName:\t\(source["secret", "name"].string)\n    Optional:\t\(source["secret", "optional"].bool)\n")
            } else if source["downwardAPI"].exists {
                w.write(2, "DownwardAPI:\ttrue\n")
            } else if source["configMap"].exists {
                w.write(2, "ConfigMapName:\t\(source["configMap", "name"].string)\n    Optional:\t\(source["configMap", "optional"].bool)\n")
            } else if source["serviceAccountToken"].exists {
                w.write(2, "TokenExpirationSeconds:\t\(source["serviceAccountToken", "expirationSeconds"].int)\n")
            }
        }
    }

    /// `printCSIPersistentVolumeAttributesMultiline`.
    private static func attributes(_ attributes: [String: String], _ w: DescribeWriter) {
        w.write(2, "VolumeAttributes:\t")
        guard !attributes.isEmpty else { return w.line("<none>") }
        for (i, key) in DescribeFormat.sorted(attributes.keys).enumerated() {
            if i != 0 {
                w.write(2, "")
                w.write(2, "\t")
            }
            let line = "\(key)=\(attributes[key] ?? "")"
            w.write(2, line.utf8.count > DescribeFormat.maxAnnotationLength
                ? DescribeFormat.shorten(line, DescribeFormat.maxAnnotationLength) + "\n" : line + "\n")
        }
    }
}
