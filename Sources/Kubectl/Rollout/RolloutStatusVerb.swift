import KubeModel

/// `kubectl rollout status`: watches one Deployment, DaemonSet or StatefulSet, printing each new
/// status line until the rollout is done (rollout_status.go with the status viewers of
/// polymorphichelpers/rollout_status.go). `--timeout=0` means no limit; the lab stops a watch that
/// nothing finishes after a simulated hour, with kubectl's timeout error.
enum RolloutStatusVerb {
    static let unlimitedSeconds = 3600.0

    static func run(_ request: inout VerbRequest) throws(KubectlFailure) {
        if request.arguments.isEmpty, request.flags.strings("filename").isEmpty {
            throw .error("required resource not specified")
        }
        var query = request.targetQuery(request.arguments, local: false, emptyMessage: VerbRequest.noResourcesMessage)
        query.allowEmptySelector = true
        guard let context = request.context else { throw KubectlFailure.connectionRefused }
        let set = try request.resolveTargets(query)
        if let failure = set.failures.first { throw failure }
        guard set.targets.count == 1, let target = set.targets.first else {
            // v1.32 words it as the watch it sets up (later releases say "rollout status").
            throw .error("watch is only supported on individual resources and resource collections - \(set.targets.count) resources were found")
        }
        let kind = target.object.kind
        guard ["Deployment", "DaemonSet", "StatefulSet"].contains(kind) else {
            let group = target.object.apiVersion.split(separator: "/").dropLast().first.map { "." + $0 } ?? ""
            throw .error("no status viewer has been implemented for \(kind)\(group)")
        }
        let type = target.type
        let namespace = type.namespaced ? target.object.namespace : nil
        let name = target.object.name
        let out = request.invocation.stdout
        if !request.flags.bool("watch") {
            out.write(try RolloutStatus.view(target.object).text)
            return
        }
        var timeout = Double(request.flags.duration("timeout")) / 1_000_000_000
        if timeout <= 0 { timeout = unlimitedSeconds }
        var last = ""
        var failure: KubectlFailure?
        let finished = context.wait(upTo: timeout) {
            guard let object = try? context.get(resource: type.key, namespace: namespace, name: name) else {
                failure = .error("object has been deleted")
                return true
            }
            do throws(KubectlFailure) {
                let status = try RolloutStatus.view(object)
                if status.text != last { out.write(status.text) }
                last = status.text
                return status.done
            } catch {
                failure = error
                return true
            }
        }
        if let failure { throw failure }
        if !finished { throw .error("timed out waiting for the condition") }
    }
}

/// The status viewers: one line of where a rollout stands, and whether it is done.
enum RolloutStatus {
    static func view(_ object: KubeObject) throws(KubectlFailure) -> (text: String, done: Bool) {
        let generation = object[path: ["metadata", "generation"]]?.intValue ?? 0
        let observed = object[path: ["status", "observedGeneration"]]?.intValue ?? 0
        func status(_ field: String) -> Int { object[path: ["status", field]]?.intValue ?? 0 }
        let name = object.name
        switch object.kind {
        case "Deployment":
            guard generation <= observed else { return ("Waiting for deployment spec update to be observed...\n", false) }
            let progressing = (object[path: ["status", "conditions"]]?.arrayValue ?? []).first { $0["type"]?.stringValue == "Progressing" }
            if progressing?["reason"]?.stringValue == "ProgressDeadlineExceeded" {
                throw .error("deployment \"\(name)\" exceeded its progress deadline")
            }
            let replicas = object[path: ["spec", "replicas"]]?.intValue ?? 1
            let updated = status("updatedReplicas")
            if updated < replicas {
                return ("Waiting for deployment \"\(name)\" rollout to finish: \(updated) out of \(replicas) new replicas have been updated...\n", false)
            }
            if status("replicas") > updated {
                return ("Waiting for deployment \"\(name)\" rollout to finish: \(status("replicas") - updated) old replicas are pending termination...\n", false)
            }
            if status("availableReplicas") < updated {
                return ("Waiting for deployment \"\(name)\" rollout to finish: \(status("availableReplicas")) of \(updated) updated replicas are available...\n", false)
            }
            return ("deployment \"\(name)\" successfully rolled out\n", true)
        case "DaemonSet":
            guard object[path: ["spec", "updateStrategy", "type"]]?.stringValue ?? "RollingUpdate" == "RollingUpdate" else {
                throw .error("rollout status is only available for RollingUpdate strategy type")
            }
            guard generation <= observed else { return ("Waiting for daemon set spec update to be observed...\n", false) }
            let desired = status("desiredNumberScheduled")
            if status("updatedNumberScheduled") < desired {
                return ("Waiting for daemon set \"\(name)\" rollout to finish: \(status("updatedNumberScheduled")) out of \(desired) new pods have been updated...\n", false)
            }
            if status("numberAvailable") < desired {
                return ("Waiting for daemon set \"\(name)\" rollout to finish: \(status("numberAvailable")) of \(desired) updated pods are available...\n", false)
            }
            return ("daemon set \"\(name)\" successfully rolled out\n", true)
        default:
            let strategy = object[path: ["spec", "updateStrategy"]]
            guard strategy?["type"]?.stringValue ?? "RollingUpdate" == "RollingUpdate" else {
                throw .error("rollout status is only available for RollingUpdate strategy type")
            }
            guard observed != 0, generation <= observed else { return ("Waiting for statefulset spec update to be observed...\n", false) }
            let replicas = object[path: ["spec", "replicas"]]?.intValue ?? 1
            if status("readyReplicas") < replicas {
                return ("Waiting for \(replicas - status("readyReplicas")) pods to be ready...\n", false)
            }
            if let rolling = strategy?["rollingUpdate"] {
                let partition = rolling["partition"]?.intValue ?? 0
                if status("updatedReplicas") < replicas - partition {
                    return ("Waiting for partitioned roll out to finish: \(status("updatedReplicas")) out of \(replicas - partition) new pods have been updated...\n", false)
                }
                return ("partitioned roll out complete: \(status("updatedReplicas")) new pods have been updated...\n", true)
            }
            let update = object[path: ["status", "updateRevision"]]?.stringValue ?? ""
            let current = object[path: ["status", "currentRevision"]]?.stringValue ?? ""
            if update != current {
                return ("waiting for statefulset rolling update to complete \(status("updatedReplicas")) pods at revision \(update)...\n", false)
            }
            return ("statefulset rolling update complete \(status("currentReplicas")) pods at revision \(current)...\n", true)
        }
    }
}
