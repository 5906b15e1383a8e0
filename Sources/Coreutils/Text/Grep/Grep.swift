import CommandKit
import NodeFS

/// `grep [OPTION]... PATTERNS [FILE]...` — GNU grep 3.11 over the node's filesystem.
let grepCommand = Command("grep") { inv in
    // `-5` means `-C 5`, as grep's digit options do.
    var arguments = Array(inv.arguments.dropFirst())
    for (index, argument) in arguments.enumerated() {
        if argument == "--" { break }
        if argument.count > 1, argument.hasPrefix("-"), argument.dropFirst().allSatisfy(\.isASCII),
           argument.dropFirst().allSatisfy(\.isNumber) {
            arguments[index] = "--context=" + argument.dropFirst()
        }
    }
    let options: ParsedOptions
    do throws(OptionError) {
        options = try parseOptions(ArraySlice(arguments), GrepConfig.specs)
    } catch {
        inv.error(error.message)
        inv.stderr.line("Usage: grep [OPTION]... PATTERNS [FILE]...")
        inv.stderr.line("Try 'grep --help' for more information.")
        return 2
    }
    if options.has("help") {
        inv.stdout.line("Usage: grep [OPTION]... PATTERNS [FILE]...")
        inv.stdout.line("Search for PATTERNS in each FILE.")
        return 0
    }
    if options.has("version") {
        inv.stdout.line("grep (GNU grep) 3.11")
        return 0
    }
    var config = GrepConfig()
    do throws(GrepConfig.Failure) {
        try config.apply(options, inv)
    } catch {
        switch error {
        case .message(let text): inv.error(text)
        case .usage(let text):
            inv.error(text)
            inv.stderr.line("Usage: grep [OPTION]... PATTERNS [FILE]...")
            inv.stderr.line("Try 'grep --help' for more information.")
        }
        return 2
    }
    var operands = options.operands
    if !options.has("regexp") && !options.has("file") {
        guard let first = operands.first else {
            inv.stderr.line("Usage: grep [OPTION]... PATTERNS [FILE]...")
            inv.stderr.line("Try 'grep --help' for more information.")
            return 2
        }
        config.patterns = GrepConfig.split(Array(first.utf8))
        operands.removeFirst()
    }
    let matcher: GrepMatcher
    do throws(RegexError) {
        matcher = try GrepMatcher(patterns: config.patterns, syntax: config.syntax, ignoreCase: config.ignoreCase,
                                  word: config.wordRegexp, line: config.lineRegexp)
    } catch {
        inv.error(error.message)
        return 2
    }
    var run = GrepRun(inv: inv, config: config,
                      search: GrepSearch(config: config, matcher: matcher, out: inv.stdout, err: inv.stderr))
    let searchesDirectory = operands.isEmpty && config.recursive
    let targets = operands.isEmpty ? [config.recursive ? "." : "-"] : operands
    let showNames = config.withFilename ?? (targets.count > 1 || config.recursive)
    for target in targets {
        run.visit(target, showName: showNames, commandLine: true, omitDotPrefix: searchesDirectory)
        if run.done { break }
    }
    if config.quiet && run.selectedAny { return 0 }
    if run.errorSeen { return 2 }
    return run.selectedAny ? 0 : 1
}

/// One grep invocation's walk over its operands (and, with -r, the trees under them).
private struct GrepRun {
    let inv: Invocation
    let config: GrepConfig
    var search: GrepSearch
    var selectedAny = false
    var errorSeen = false
    /// -q stops at the first selected line.
    var done = false
    private var input = TextInput()
    private var visitedFiles = 0

    init(inv: Invocation, config: GrepConfig, search: GrepSearch) {
        self.inv = inv
        self.config = config
        self.search = search
    }

    mutating func visit(_ operand: String, showName: Bool, commandLine: Bool, omitDotPrefix: Bool) {
        guard !done else { return }
        if operand == "-" && commandLine {
            searchBytes(inv.stdin, name: config.label, showName: showName)
            return
        }
        let path = inv.resolvedPath(operand)
        let info: FileInfo
        do throws(FSError) {
            info = try inv.fileSystem.info(path, followSymlinks: commandLine || config.dereferenceRecursive)
        } catch {
            report(operand, error)
            return
        }
        let base = Path.basename(operand)
        if info.isDirectory {
            guard config.recursive else {
                report(operand, .isADirectory)
                return
            }
            if !commandLine && config.excludeDirectories.contains(where: { Glob.matches($0, base) }) { return }
            let names: [String]
            do throws(FSError) {
                names = try inv.fileSystem.listDirectory(path)
            } catch {
                report(operand, error)
                return
            }
            for name in names {
                let child = omitDotPrefix && operand == "." ? name
                    : (operand.hasSuffix("/") ? operand + name : operand + "/" + name)
                visit(child, showName: showName, commandLine: false, omitDotPrefix: false)
                if done { return }
            }
            return
        }
        if info.isSymlink { return }
        if !config.includes.isEmpty && !config.includes.contains(where: { Glob.matches($0, base) }) {
            if !commandLine || !config.excludes.isEmpty || true { return }
        }
        if config.excludes.contains(where: { Glob.matches($0, base) }) { return }
        if !commandLine && !info.isRegular { return }
        switch input.read(operand, inv) {
        case .success(let bytes): searchBytes(bytes, name: operand, showName: showName)
        case .failure(let error): report(operand, error)
        }
    }

    private mutating func searchBytes(_ bytes: [UInt8], name: String, showName: Bool) {
        let selected = search.search(bytes, displayName: name, showName: showName)
        if selected > 0 {
            selectedAny = true
            if config.quiet { done = true }
        }
    }

    private mutating func report(_ operand: String, _ error: FSError) {
        errorSeen = true
        if !config.noMessages { inv.error("\(operand): \(error.message)") }
    }
}
