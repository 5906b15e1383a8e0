import KubeModel

/// `kubectl set image` and `kubectl set env`: change the containers of a pod template.
enum SetVerbs {
    /// Where a kind keeps its pod spec (polymorphichelpers.UpdatePodSpecForObject).
    static func podSpecPath(kind: String) -> [String]? {
        switch kind {
        case "Pod": ["spec"]
        case "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "ReplicationController": ["spec", "template", "spec"]
        case "CronJob": ["spec", "jobTemplate", "spec", "template", "spec"]
        default: nil
        }
    }

    static func image(_ request: inout VerbRequest) throws(KubectlFailure) {
        let mode = try request.dryRun()
        let format = try request.changedOutputFormat()
        let (resources, pairs) = try PairArguments.split(request.arguments, pairType: "image")
        var images: [(String, String)] = []
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw .error("invalid image format: \(pair)")
            }
            let name = String(pair[..<equals])
            images.removeAll { $0.0 == name }
            images.append((name, String(pair[pair.index(after: equals)...])))
        }
        let local = request.flags.bool("local")
        if local, !resources.isEmpty || request.flags.strings("filename").isEmpty {
            throw .error("you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'")
        }
        var problems: [String] = []
        if request.flags.bool("all"), !request.flags.string("selector").isEmpty {
            problems.append("cannot set --all and --selector at the same time")
        }
        if resources.isEmpty, request.flags.strings("filename").isEmpty {
            problems.append("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if images.isEmpty {
            problems.append("at least one image update is required")
        } else if images.count > 1, images.contains(where: { $0.0 == "*" }) {
            problems.append("all containers are already specified by *, but saw more than one container_name=container_image pairs")
        }
        if let failure = KubectlFailure.combined(problems.map { KubectlFailure.error($0) }) { throw failure }
        let set = try request.resolveTargets(request.targetQuery(resources, local: local, emptyMessage: VerbRequest.noResourcesMessage))
        var failures = set.failures
        for target in set.targets {
            guard let specPath = podSpecPath(kind: target.object.kind) else {
                failures.append(.error("error: \(target.type.kubectlName)/\(target.object.name) the object is not a pod or does not have a pod template"))
                continue
            }
            var object = target.object
            for (name, image) in images {
                var found = false
                for list in ["initContainers", "containers"] {
                    guard var containers = object.content[path: specPath + [list]]?.arrayValue else { continue }
                    for index in containers.indices where name == "*" || containers[index]["name"]?.stringValue == name {
                        containers[index]["image"] = .string(image)
                        found = true
                    }
                    object.content[path: specPath + [list]] = .array(containers)
                }
                if !found { failures.append(.error("unable to find container named \(GoSyntax.quote(name))")) }
            }
            if object.content == target.object.content { continue }
            do throws(KubectlFailure) {
                let result = try request.save(target, object, mode: mode)
                try request.printChanged(result, format: format, action: "image updated", mode: mode)
            } catch {
                failures.append(error)
            }
        }
        if let failure = KubectlFailure.combined(failures) { throw failure }
    }

    static func env(_ request: inout VerbRequest) throws(KubectlFailure) {
        let mode = try request.dryRun()
        let format = try request.changedOutputFormat()
        let list = request.flags.bool("list")
        if list, format != .action { throw .error("--list and --output may not be specified together") }
        let (resources, pairs) = try PairArguments.split(request.arguments, pairType: "env")
        var add: [(String, String)] = [], remove: [String] = []
        for pair in pairs + request.flags.strings("env") {
            if let equals = pair.firstIndex(of: "=") {
                let key = String(pair[..<equals])
                let problems = envVarNameErrors(key)
                if !problems.isEmpty {
                    throw .error("\(GoSyntax.quote(key)) is not a valid key name: \(problems.joined(separator: ";"))")
                }
                add.removeAll { $0.0 == key }
                add.append((key, String(pair[pair.index(after: equals)...])))
            } else if pair.hasSuffix("-") {
                remove.append(String(pair.dropLast()))
            }
        }
        if remove.contains(where: { key in add.contains { $0.0 == key } }) {
            throw .error("can not both modify and remove the same environment variable in the same command")
        }
        let local = request.flags.bool("local")
        if local, !resources.isEmpty || request.flags.strings("filename").isEmpty {
            throw .error("you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'")
        }
        let containerPattern = request.flags.string("containers")
        let overwrite = request.flags.bool("overwrite")
        let set = try request.resolveTargets(request.targetQuery(resources, local: local, emptyMessage: VerbRequest.noResourcesMessage))
        var failures = set.failures
        for target in set.targets {
            guard let specPath = podSpecPath(kind: target.object.kind) else { continue }
            var object = target.object
            var matched = false
            var clashes: [String] = []
            for listName in ["initContainers", "containers"] {
                guard var containers = object.content[path: specPath + [listName]]?.arrayValue else { continue }
                for index in containers.indices {
                    let name = containers[index]["name"]?.stringValue ?? ""
                    guard GlobMatch.matches(pattern: containerPattern, name) else { continue }
                    matched = true
                    var env = containers[index]["env"]?.arrayValue ?? []
                    if list {
                        request.invocation.stdout.write("# \(target.object.kind) \(target.object.name), container \(name)\n")
                        for item in env { request.invocation.stdout.write("\(item["name"]?.stringValue ?? "")=\(item["value"]?.stringValue ?? "")\n") }
                        continue
                    }
                    for (key, value) in add {
                        if let at = env.firstIndex(where: { $0["name"]?.stringValue == key }) {
                            if !overwrite {
                                clashes.append("'\(key)' already has a value (\(env[at]["value"]?.stringValue ?? "")), and --overwrite is false")
                                continue
                            }
                            env[at] = ["name": .string(key), "value": .string(value)]
                        } else {
                            env.append(["name": .string(key), "value": .string(value)])
                        }
                    }
                    env.removeAll { item in remove.contains(item["name"]?.stringValue ?? "") }
                    containers[index]["env"] = env.isEmpty ? nil : .array(env)
                }
                object.content[path: specPath + [listName]] = .array(containers)
            }
            if !matched {
                request.invocation.stderr.write("Warning: \(target.object.kind)/\(target.object.name) does not have any containers matching \(GoSyntax.quote(containerPattern))\n")
                continue
            }
            if list { continue }
            if !clashes.isEmpty {
                failures.append(.error("\(target.type.kubectlName)/\(target.object.name)\n \(clashes.joined(separator: "\n "))"))
                continue
            }
            do throws(KubectlFailure) {
                let result = try request.save(target, object, mode: mode)
                try request.printChanged(result, format: format, action: "env updated", mode: mode)
            } catch {
                failures.append(error)
            }
        }
        if let failure = KubectlFailure.combined(failures) { throw failure }
    }
}

/// validation.IsEnvVarName: `[-._a-zA-Z][-._a-zA-Z0-9]*`.
func envVarNameErrors(_ name: String) -> [String] {
    let bytes = Array(name.utf8)
    func allowed(_ c: UInt8, first: Bool) -> Bool {
        c == 45 || c == 46 || c == 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (!first && c >= 48 && c <= 57)
    }
    var errors: [String] = []
    if bytes.isEmpty || !bytes.enumerated().allSatisfy({ allowed($0.element, first: $0.offset == 0) }) {
        errors.append(NameRules.regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
                                           "[-._a-zA-Z][-._a-zA-Z0-9]*", ["my.env-name", "MY_ENV.NAME", "MyEnvName1"]))
    }
    return errors
}

/// Go's filepath.Match for container name patterns (`*`, `?`, literal text).
enum GlobMatch {
    static func matches(pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var memo: [Int: Bool] = [:]
        func match(_ i: Int, _ j: Int) -> Bool {
            let key = i * (t.count + 1) + j
            if let known = memo[key] { return known }
            let result: Bool
            if i == p.count {
                result = j == t.count
            } else if p[i] == "*" {
                result = match(i + 1, j) || (j < t.count && match(i, j + 1))
            } else if j < t.count, p[i] == "?" || p[i] == t[j] {
                result = match(i + 1, j + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}
