import Glibc

/// Shell-style wildcard matching (`fnmatch`), for `grep --include` and friends.
enum Glob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }
}
