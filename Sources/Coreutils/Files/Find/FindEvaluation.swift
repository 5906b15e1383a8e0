import CommandKit
import NodeFS

extension FindRun {
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    mutating func evaluate(_ expression: FindExpression, _ entry: Entry) -> Bool {
        if quit { return false }
        switch expression {
        case .and(let a, let b): return evaluate(a, entry) && evaluate(b, entry)
        case .or(let a, let b): return evaluate(a, entry) || evaluate(b, entry)
        case .not(let a): return !evaluate(a, entry)
        case .comma(let a, let b):
            _ = evaluate(a, entry)
            return evaluate(b, entry)
        case .test(let test): return check(test, entry)
        case .action(let action):
            switch action {
            case .print:
                inv.stdout.write(entry.path + "\n")
                return true
            case .print0:
                inv.stdout.write(entry.path + "\0")
                return true
            case .printf(let format):
                inv.stdout.write(FindFormat(run: self, entry: entry).expand(format))
                return true
            case .ls:
                inv.stdout.write(FindFormat(run: self, entry: entry).listing())
                return true
            case .prune:
                pruned = true
                return true
            case .quit:
                quit = true
                return true
            case .delete:
                if entry.path == "." || entry.depth == 0 && Path.basename(entry.path) == "." { return true }
                do throws(FSError) {
                    if entry.info.isDirectory && !entry.info.isSymlink {
                        try inv.fileSystem.removeDirectory(entry.absolute)
                    } else {
                        try inv.fileSystem.removeFile(entry.absolute)
                    }
                    return true
                } catch {
                    inv.error("cannot delete \(Quoting.locale(entry.path)): \(error.message)")
                    status = 1
                    return false
                }
            case .exec(let command, let batch):
                if batch {
                    if batches[command] == nil {
                        batches[command] = []
                        batchOrder.append(command)
                    }
                    batches[command, default: []].append(entry.path)
                    return true
                }
                let arguments = command.map { replacingBraces($0, entry.path) }
                return run(arguments) == 0
            }
        }
    }

    private func replacingBraces(_ word: String, _ path: String) -> String {
        guard word.contains("{}") else { return word }
        var out = ""
        var rest = Substring(word)
        while let range = rest.firstRange(of: "{}") {
            out += rest[..<range.lowerBound] + path
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    // swiftlint:disable:next cyclomatic_complexity
    mutating func check(_ test: FindTest, _ entry: Entry) -> Bool {
        let info = entry.info
        switch test {
        case .name(let pattern, let insensitive):
            var name = Path.basename(entry.path)
            if entry.path.hasSuffix("/") && entry.path.count > 1 { name = Path.basename(String(entry.path.dropLast())) }
            return Wildcard.matches(pattern, name, caseInsensitive: insensitive)
        case .path(let pattern, let insensitive):
            return Wildcard.matches(pattern, entry.path, caseInsensitive: insensitive)
        case .type(let kinds, let follow):
            var kindInfo = info
            if follow != followLinks, info.isSymlink || followLinks {
                kindInfo = (try? inv.fileSystem.info(entry.absolute, followSymlinks: follow)) ?? info
            }
            return kinds.contains(Self.typeLetter(kindInfo))
        case .newer(let time): return info.modificationTime > time
        case .size(let comparison, let unit):
            let units = (Int64(info.size) + unit - 1) / unit
            return comparison.holds(units)
        case .empty:
            if info.isDirectory { return (try? inv.fileSystem.listDirectory(entry.absolute))?.isEmpty ?? false }
            return info.isRegular && info.size == 0
        case .perm(let mode, let kind):
            let bits = info.mode & 0o7777
            switch kind {
            case "-": return bits & mode == mode
            case "/": return mode == 0 || bits & mode != 0
            default: return bits == mode
            }
        case .user(let uid): return info.uid == uid
        case .group(let gid): return info.gid == gid
        case .noUser: return accounts.users[info.uid] == nil
        case .noGroup: return accounts.groups[info.gid] == nil
        case .minutesOld(let comparison):
            let age = inv.clock.now - info.modificationTime
            return comparison.holds(Self.ceilDiv(age, 60_000_000_000))
        case .daysOld(let comparison):
            let age = inv.clock.now - info.modificationTime
            return comparison.holds(Self.floorDiv(age, 86_400_000_000_000))
        case .links(let comparison): return comparison.holds(Int64(info.linkCount))
        case .inode(let comparison): return comparison.holds(Int64(FakeInode.number(inv.fileSystem, entry.absolute)))
        case .constant(let value): return value
        case .executable: return info.isDirectory || info.mode & 0o111 != 0
        case .readable, .writable: return true
        }
    }

    static func typeLetter(_ info: FileInfo) -> Character {
        switch info.kind {
        case .regular: "f"
        case .directory: "d"
        case .symlink: "l"
        case .characterDevice: "c"
        }
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 {
        -floorDiv(-a, b)
    }
}
