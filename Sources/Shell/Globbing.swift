import NodeFS

extension Shell {
    /// Pathname expansion of one field: the sorted matching paths, or nil when nothing matches
    /// (bash then keeps the word as it was).
    func glob(_ field: [ExpansionUnit]) -> [String]? {
        var components: [[ExpansionUnit]] = [[]]
        for unit in field {
            if case .char("/", _, _) = unit {
                components.append([])
            } else {
                components[components.count - 1].append(unit)
            }
        }
        let absolute = components.first?.isEmpty == true && components.count > 1
        if absolute { components.removeFirst() }
        var results: [String] = [absolute ? "/" : ""]
        for (index, component) in components.enumerated() {
            let isLast = index == components.count - 1
            var next: [String] = []
            for prefix in results {
                let directory = prefix.isEmpty ? state.workingDirectory : Path.join(state.workingDirectory, prefix)
                if component.isEmpty {
                    // A trailing `/`: only directories.
                    if fileSystem.isDirectory(directory) { next.append(prefix.isEmpty ? "/" : prefix) }
                    continue
                }
                let separator = isLast ? "" : "/"
                if !Pattern.hasWildcards(component) {
                    let name = Self.text(of: component)
                    let candidate = prefix + name
                    if (try? fileSystem.info(Path.join(state.workingDirectory, candidate), followSymlinks: false)) != nil {
                        next.append(candidate + separator)
                    }
                    continue
                }
                let pattern = Pattern(component)
                let showHidden: Bool = {
                    if case .char(".", _, _)? = component.first { return true }
                    return false
                }()
                guard let names = try? fileSystem.listDirectory(directory) else { continue }
                for name in names where (showHidden || !name.hasPrefix(".")) && pattern.matches(name) {
                    if name == "." || name == ".." { continue }
                    if !isLast, !fileSystem.isDirectory(Path.join(directory, name)) { continue }
                    next.append(prefix + name + separator)
                }
            }
            results = next
            if results.isEmpty { return nil }
        }
        return results.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
