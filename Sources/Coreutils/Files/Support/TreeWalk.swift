import NodeFS

/// One entry met while walking a tree.
struct WalkEntry {
    /// The path as the command prints it (`dir/sub/file`, built from the operand as typed).
    var path: String
    /// The absolute path on the filesystem.
    var absolute: String
    /// `lstat` of the entry (symlinks are not followed below the starting point).
    var info: FileInfo
    /// 0 for the starting point.
    var depth: Int
}

/// What a walk meets, in order: each entry once (`visit`), and each directory once more after
/// its contents (`leave`). Directories that cannot be listed give `unreadable` and no `leave`
/// unless the visitor asked for it.
enum WalkEvent {
    case visit(WalkEntry)
    case leave(WalkEntry)
    case unreadable(WalkEntry, FSError)
}

enum WalkControl {
    case proceed
    /// After a `visit` of a directory: do not descend into it (no `leave` follows).
    case skipChildren
    case stop
}

/// Depth-first walk over a tree without recursion, so a very deep tree cannot exhaust the
/// stack. Entries come in the filesystem's order (NodeFS lists names sorted bytewise; a real
/// ext4 disk gives readdir's hash order, which differs from run to run anyway).
struct TreeWalk {
    let fileSystem: any FileSystem

    /// Walks from `start` (a path as typed) with `startInfo` already looked up.
    /// `followStart`: whether the starting point was reached through a symlink (its info is
    /// the target's), so it is listed as a directory.
    func walk(from start: String, absolute: String, info: FileInfo, maximumDepth: Int = .max,
              _ body: (WalkEvent) -> WalkControl) {
        struct Frame {
            var entry: WalkEntry
            var remaining: ArraySlice<String>
        }
        var stack: [Frame] = []
        let root = WalkEntry(path: start, absolute: absolute, info: info, depth: 0)

        // Returns false when the walk must stop.
        func enter(_ entry: WalkEntry) -> Bool {
            switch body(.visit(entry)) {
            case .stop: return false
            case .skipChildren: return true
            case .proceed: break
            }
            guard entry.info.isDirectory, entry.depth < maximumDepth else {
                if entry.info.isDirectory {
                    return leave(entry)
                }
                return true
            }
            do {
                let names = try fileSystem.listDirectory(entry.absolute)
                stack.append(Frame(entry: entry, remaining: names[...]))
                return true
            } catch {
                if case .stop = body(.unreadable(entry, error)) { return false }
                return true
            }
        }

        func leave(_ entry: WalkEntry) -> Bool {
            if case .stop = body(.leave(entry)) { return false }
            return true
        }

        guard enter(root) else { return }
        while !stack.isEmpty {
            let top = stack.count - 1
            guard let name = stack[top].remaining.popFirst() else {
                let frame = stack.removeLast()
                guard leave(frame.entry) else { return }
                continue
            }
            let parent = stack[top].entry
            let childAbsolute = Path.join(parent.absolute, name)
            let childPath = Self.join(parent.path, name)
            guard let childInfo = try? fileSystem.info(childAbsolute, followSymlinks: false) else {
                continue  // vanished while walking (e.g. removed by -exec)
            }
            let child = WalkEntry(path: childPath, absolute: childAbsolute, info: childInfo, depth: parent.depth + 1)
            guard enter(child) else { return }
        }
    }

    /// `dir` + `/` + `name`, without doubling a trailing slash (`a/` + `x` → `a/x`).
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
