/// Workload checks (apps/validation, batch/validation) and the immutable fields of updates.
extension Validation {
    static func workloadErrors(_ spec: JSONValue, kind: String) -> [FieldError] {
        var errors: [FieldError] = []
        if kind != "DaemonSet" { errors += nonNegative(spec["replicas"], "spec.replicas") }
        errors += selectorAndTemplateErrors(spec, kind: kind)
        switch kind {
        case "Deployment":
            let strategy = spec["strategy"]
            if strategy?["type"]?.stringValue == "Recreate", strategy?["rollingUpdate"] != nil, strategy?["rollingUpdate"]?.isNull == false {
                errors.append(.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"))
            }
            if let type = strategy?["type"]?.stringValue, type != "Recreate", type != "RollingUpdate" {
                errors.append(.notSupported("spec.strategy.type", .string(type), ["Recreate", "RollingUpdate"]))
            }
            errors += nonNegative(spec["revisionHistoryLimit"], "spec.revisionHistoryLimit")
        case "StatefulSet":
            if let policy = spec["podManagementPolicy"]?.stringValue, policy != "OrderedReady", policy != "Parallel" {
                errors.append(.notSupported("spec.podManagementPolicy", .string(policy), ["OrderedReady", "Parallel"]))
            }
        case "DaemonSet":
            if let type = spec[path: ["updateStrategy", "type"]]?.stringValue, type != "RollingUpdate", type != "OnDelete" {
                errors.append(.notSupported("spec.updateStrategy", .string(type), ["RollingUpdate", "OnDelete"]))
            }
            errors += daemonSetStrategyErrors(spec["updateStrategy"])
        default: break
        }
        return errors
    }

    /// Selector required and non-empty, matching the template's labels; the template itself.
    static func selectorAndTemplateErrors(_ spec: JSONValue, kind: String) -> [FieldError] {
        var errors: [FieldError] = []
        let selectorValue = spec["selector"]
        let template = spec["template"]
        var selector = LabelSelector.nothing
        if kind == "ReplicationController" {
            let set = (selectorValue?.objectValue ?? [:]).compactMapValues(\.stringValue)
            if set.isEmpty {
                errors.append(.required("spec.selector"))
            } else {
                selector = .fromSet(Dictionary(uniqueKeysWithValues: set.map { ($0.key, $0.value) }))
            }
        } else if selectorValue == nil || selectorValue?.isNull == true {
            errors.append(.required("spec.selector"))
        } else {
            let labels = selectorValue?["matchLabels"]?.objectValue ?? [:]
            errors += NameRules.validateLabels(labels, field: "spec.selector.matchLabels")
            let expressions = selectorValue?["matchExpressions"]?.arrayValue ?? []
            if labels.count + expressions.count == 0 {
                errors.append(.invalid("spec.selector", .go(GoSyntax.labelSelector(selectorValue)),
                                       "empty selector is invalid for \(kind.lowercased())"))
            }
            switch LabelSelector.fromObject(selectorValue) {
            case .success(let parsed): selector = parsed
            case .failure:
                errors.append(.invalid("spec.selector", .go(GoSyntax.labelSelector(selectorValue)), "invalid label selector"))
                return errors
            }
        }
        guard let template, !template.isNull else {
            errors.append(.required("spec.template"))
            return errors
        }
        let templateLabels = template[path: ["metadata", "labels"]]?.objectValue
        let labelMap = (templateLabels ?? [:]).reduce(into: [String: String]()) { $0[$1.key] = $1.value.stringValue ?? "" }
        if !selector.isEmpty && !selector.matches(labelMap) {
            errors.append(.invalid("spec.template.metadata.labels",
                                   .go(GoSyntax.stringMap(templateLabels == nil ? nil : labelMap)),
                                   "`selector` does not match template `labels`"))
        }
        errors += NameRules.validateLabels(templateLabels, field: "spec.template.metadata.labels")
        errors += annotationErrors(template[path: ["metadata", "annotations"]]?.objectValue, field: "spec.template.metadata.annotations")
        let podSpec = template["spec"] ?? .object([:])
        // ValidatePodTemplateSpecForStatefulSet leaves the pod spec unchecked (its TODO: mounts of
        // volumeClaimTemplates would read as missing volumes); the pods fail later instead.
        if kind != "StatefulSet" { errors += podSpecErrors(podSpec, path: "spec.template.spec") }
        let policy = podSpec["restartPolicy"]?.stringValue ?? ""
        if policy != "Always" {
            errors.append(.notSupported("spec.template.spec.restartPolicy", .string(policy), ["Always"]))
        }
        if podSpec["activeDeadlineSeconds"] != nil, podSpec["activeDeadlineSeconds"]?.isNull == false {
            let owner = kind == "DaemonSet" ? "DaemonSet" : kind == "StatefulSet" ? "StatefulSet" : "ReplicaSet"
            errors.append(.forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in \(owner) is not Supported"))
        }
        return errors
    }

    static func jobSpecErrors(_ spec: JSONValue, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        errors += nonNegative(spec["parallelism"], "\(path).parallelism")
        errors += nonNegative(spec["completions"], "\(path).completions")
        errors += nonNegative(spec["backoffLimit"], "\(path).backoffLimit")
        if let seconds = spec["activeDeadlineSeconds"]?.intValue, seconds <= 0 {
            errors.append(.invalid("\(path).activeDeadlineSeconds", .int(seconds), "must be greater than or equal to 0"))
        }
        let podSpec = spec[path: ["template", "spec"]] ?? .object([:])
        errors += NameRules.validateLabels(spec[path: ["template", "metadata", "labels"]]?.objectValue,
                                           field: "\(path).template.metadata.labels")
        errors += podSpecErrors(podSpec, path: "\(path).template.spec")
        let policy = podSpec["restartPolicy"]?.stringValue ?? ""
        if policy != "OnFailure" && policy != "Never" {
            errors.append(.notSupported("\(path).template.spec.restartPolicy", .string(policy), ["OnFailure", "Never"]))
        }
        return errors
    }

    static func cronJobErrors(_ object: JSONValue) -> [FieldError] {
        var errors: [FieldError] = []
        let spec = object["spec"] ?? .object([:])
        let schedule = spec["schedule"]?.stringValue ?? ""
        if schedule.isEmpty {
            errors.append(.required("spec.schedule"))
        } else if !CronSchedule.isValid(schedule) {
            errors.append(.invalid("spec.schedule", .string(schedule), CronSchedule.error(schedule)))
        }
        if let policy = spec["concurrencyPolicy"]?.stringValue, !["Allow", "Forbid", "Replace"].contains(policy) {
            errors.append(.notSupported("spec.concurrencyPolicy", .string(policy), ["Allow", "Forbid", "Replace"]))
        }
        errors += jobSpecErrors(spec[path: ["jobTemplate", "spec"]] ?? .object([:]), path: "spec.jobTemplate.spec")
        return errors
    }

    /// The immutable fields each kind checks on update.
    static func updateErrors(_ object: JSONValue, old: JSONValue) -> [FieldError] {
        var errors: [FieldError] = []
        let kind = object["kind"]?.stringValue ?? ""
        func immutable(_ path: [String], _ field: String, render: (JSONValue?) -> BadValue) {
            if object[path: path] != old[path: path] {
                errors.append(.invalid(field, render(object[path: path]), "field is immutable"))
            }
        }
        switch kind {
        case "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet":
            immutable(["spec", "selector"], "spec.selector") { .go(GoSyntax.labelSelector($0)) }
            if kind == "StatefulSet" {
                var a = object["spec"] ?? .object([:])
                var b = old["spec"] ?? .object([:])
                for key in ["replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"] {
                    a[key] = nil
                    b[key] = nil
                }
                if a != b {
                    errors.append(.forbidden("spec", "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"))
                }
            }
        case "Pod":
            var a = object["spec"] ?? .object([:])
            var b = old["spec"] ?? .object([:])
            for key in ["activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds"] {
                a[key] = nil
                b[key] = nil
            }
            for key in ["containers", "initContainers"] {
                a.updateEach(key) { $0["image"] = nil }
                b.updateEach(key) { $0["image"] = nil }
            }
            if a != b {
                errors.append(.forbidden("spec", "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"))
            }
        case "Job":
            immutable(["spec", "selector"], "spec.selector") { .go(GoSyntax.labelSelector($0)) }
            if object[path: ["spec", "template"]] != old[path: ["spec", "template"]] {
                errors.append(.invalid("spec.template", .go("core.PodTemplateSpec{…}"), "field is immutable"))
            }
            immutable(["spec", "completions"], "spec.completions") { $0?.intValue.map(BadValue.int) ?? .null }
        case "Service":
            if let oldIP = old[path: ["spec", "clusterIP"]]?.stringValue, !oldIP.isEmpty,
               let newIP = object[path: ["spec", "clusterIP"]]?.stringValue, newIP != oldIP {
                errors.append(.invalid("spec.clusterIPs[0]", .go(GoSyntax.stringSlice([newIP])), "may not change once set"))
            }
        case "ConfigMap", "Secret":
            if old["immutable"]?.boolValue == true {
                if object["data"] != old["data"] {
                    errors.append(.forbidden("data", "field is immutable when `immutable` is set"))
                }
            }
        default: break
        }
        if let oldNamespace = old[path: ["metadata", "namespace"]], object[path: ["metadata", "namespace"]] != oldNamespace {
            errors.append(.invalid("metadata.namespace", object[path: ["metadata", "namespace"]]?.stringValue.map(BadValue.string) ?? .null, "field is immutable"))
        }
        return errors
    }
}
