import CommandKit
import NodeFS

/// `find [-H|-L|-P] [PATH...] [EXPRESSION]` — GNU findutils 4.9: tests, actions, `-exec … {} ;`
/// and `{} +`, `-delete`, `-prune`, depth options; entries in the node's directory order.
let findCommand = Command("find") { inv in
    var words = inv.operands[...]
    var followLinks = false
    while let first = words.first, ["-H", "-L", "-P"].contains(first) || first.hasPrefix("-O") || first == "-D" {
        words.removeFirst()
        if first == "-L" { followLinks = true }
        if first == "-P" || first == "-H" { followLinks = false }
        if first == "-D" { _ = words.popFirst() }
    }
    if words.first == "--help" {
        inv.stdout.line("Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]")
        return 0
    }
    if words.first == "--version" {
        inv.stdout.line("find (GNU findutils) 4.9.0")
        return 0
    }
    var paths: [String] = []
    while let first = words.first, !(first.hasPrefix("-") && first.count > 1), first != "(", first != "!", first != ")", first != "," {
        paths.append(first)
        words.removeFirst()
    }
    var parser = FindParser(inv: inv, words: words, followLinks: followLinks)
    let parsed: FindExpression?
    do throws(FindParser.Failure) {
        parsed = try parser.parse()
    } catch {
        inv.error(error.message)
        return 1
    }
    var expression = parsed ?? .test(.constant(true))
    if !parser.hasAction { expression = .and(expression, .action(.print)) }
    var run = FindRun(inv: inv, expression: expression, parser: parser)
    for path in paths.isEmpty ? ["."] : paths {
        if run.quit { break }
        run.walk(path)
    }
    run.flushBatches()
    return run.status
}

/// One find run: evaluation state, pending `-exec … +` batches, exit status.
struct FindRun {
    let inv: Invocation
    let expression: FindExpression
    let maxDepth: Int
    let minDepth: Int
    let depthFirst: Bool
    let followLinks: Bool
    var status: Int32 = 0
    var quit = false
    var pruned = false
    var batches: [[String]: [String]] = [:]
    var batchOrder: [[String]] = []
    var evaluations = 0
    lazy var accounts = Accounts(fileSystem: inv.fileSystem)

    init(inv: Invocation, expression: FindExpression, parser: FindParser) {
        self.inv = inv
        self.expression = expression
        maxDepth = parser.maxDepth
        minDepth = parser.minDepth
        depthFirst = parser.depthFirst
        followLinks = parser.followLinks
    }

    struct Entry {
        var path: String
        var absolute: String
        var info: FileInfo
        var depth: Int
        var start: String
    }

    mutating func walk(_ start: String) {
        let absolute = inv.resolvedPath(start)
        let info: FileInfo
        do throws(FSError) {
            info = try lookup(absolute, follow: followLinks)
        } catch {
            inv.error("\(Quoting.locale(start)): \(error.message)")
            status = 1
            return
        }
        struct Frame {
            var entry: Entry
            var remaining: ArraySlice<String>
            var canonical: String
        }
        var stack: [Frame] = []
        // Returns false to stop everything.
        func visit(_ entry: Entry, _ me: inout FindRun, _ stack: inout [Frame]) {
            var canonical = entry.absolute
            if entry.info.isDirectory {
                canonical = (try? me.inv.fileSystem.canonicalPath(entry.absolute)) ?? entry.absolute
                if me.followLinks, let loop = stack.first(where: { $0.canonical == canonical }) {
                    me.inv.error("File system loop detected; \(Quoting.locale(entry.path)) is part of the same file system loop as \(Quoting.locale(loop.entry.path)).")
                    me.status = 1
                    return
                }
            }
            if !me.depthFirst && entry.depth >= me.minDepth {
                me.pruned = false
                me.apply(entry)
                if me.quit { return }
                if me.pruned && entry.info.isDirectory { return }
            }
            guard entry.info.isDirectory, entry.depth < me.maxDepth else {
                if me.depthFirst && entry.depth >= me.minDepth { me.apply(entry) }
                return
            }
            do throws(FSError) {
                let names = try me.inv.fileSystem.listDirectory(entry.absolute)
                stack.append(Frame(entry: entry, remaining: names[...], canonical: canonical))
            } catch {
                me.inv.error("\(Quoting.locale(entry.path)): \(error.message)")
                me.status = 1
                if me.depthFirst && entry.depth >= me.minDepth { me.apply(entry) }
            }
        }
        var me = self
        visit(Entry(path: start, absolute: absolute, info: info, depth: 0, start: start), &me, &stack)
        while !stack.isEmpty && !me.quit {
            let top = stack.count - 1
            guard let name = stack[top].remaining.popFirst() else {
                let frame = stack.removeLast()
                if me.depthFirst && frame.entry.depth >= me.minDepth { me.apply(frame.entry) }
                continue
            }
            me.evaluations += 1
            if me.evaluations > 2_000_000 { break }
            let parent = stack[top].entry
            let childAbsolute = Path.join(parent.absolute, name)
            guard let childInfo = try? me.lookup(childAbsolute, follow: me.followLinks) else { continue }
            let child = Entry(path: TreeWalk.join(parent.path, name), absolute: childAbsolute, info: childInfo,
                              depth: parent.depth + 1, start: start)
            visit(child, &me, &stack)
        }
        self = me
    }

    /// `stat` when following links (falling back to `lstat` for dangling ones), else `lstat`.
    func lookup(_ absolute: String, follow: Bool) throws(FSError) -> FileInfo {
        if follow, let info = try? inv.fileSystem.info(absolute, followSymlinks: true) { return info }
        return try inv.fileSystem.info(absolute, followSymlinks: false)
    }

    mutating func apply(_ entry: Entry) {
        _ = evaluate(expression, entry)
    }

    mutating func flushBatches() {
        for command in batchOrder {
            guard let paths = batches[command], !paths.isEmpty else { continue }
            var index = 0
            while index < paths.count {
                let chunk = Array(paths[index..<min(paths.count, index + 4096)])
                index += chunk.count
                if run(command + chunk) != 0 { status = 1 }
            }
        }
        batches = [:]
        batchOrder = []
    }

    /// Runs a command for `-exec`; returns its status (find's message when it cannot be found).
    mutating func run(_ arguments: [String]) -> Int32 {
        guard let name = arguments.first else { return 1 }
        if !name.contains("/"), inv.locateCommand(name) == nil {
            inv.error("\(Quoting.locale(name)): No such file or directory")
            return 1
        }
        if name.contains("/"), !inv.fileSystem.exists(inv.resolvedPath(name)) {
            inv.error("\(Quoting.locale(name)): No such file or directory")
            return 1
        }
        return inv.runCommand(inv.with(arguments: arguments, stdin: []))
    }
}
