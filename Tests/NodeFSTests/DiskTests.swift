import Foundation
import NodeFS
import SimKit
import Testing

private func makeDisk() -> Disk {
    let disk = Disk(clock: SimClock(start: 1_000_000_000))
    try? disk.createDirectories("/etc/kubernetes/manifests")
    try? disk.writeFile("/etc/hostname", "controlplane\n")
    return disk
}

@Suite struct DiskTests {
    @Test func readsWhatWasWritten() throws {
        let disk = makeDisk()
        try disk.writeFile("/etc/kubernetes/manifests/etcd.yaml", "kind: Pod\n")
        #expect(try disk.readText("/etc/kubernetes/manifests/etcd.yaml") == "kind: Pod\n")
        try disk.writeFile("/etc/kubernetes/manifests/etcd.yaml", "more\n", append: true)
        #expect(try disk.readText("/etc/kubernetes/manifests/etcd.yaml") == "kind: Pod\nmore\n")
        #expect(try disk.info("/etc/kubernetes/manifests/etcd.yaml").size == 15)
    }

    /// `mkdir -p` makes the missing tail in one change: every level with the mode and time, through
    /// symlinked directories, stopping at a file in the way; a path that is there is left alone.
    @Test func createDirectoriesMakesTheMissingTail() throws {
        let disk = makeDisk()
        try disk.createSymlink("/etc/k", target: "kubernetes")
        try disk.createDirectories("/etc/k/pods/uid-1/volumes/projected", mode: 0o750)
        #expect(try disk.listDirectory("/etc/kubernetes") == ["manifests", "pods"])
        #expect(try disk.info("/etc/kubernetes/pods").mode & 0o777 == 0o750)
        #expect(try disk.info("/etc/kubernetes/pods/uid-1/volumes/projected").isDirectory)
        #expect(try disk.listDirectory("/etc/kubernetes/pods/uid-1/volumes/projected") == [])
        try disk.createDirectories("/etc/kubernetes/pods/uid-1/")
        #expect(try disk.listDirectory("/etc/kubernetes/pods/uid-1") == ["volumes"])
        #expect(throws: FSError.fileExists) { try disk.createDirectories("/etc/hostname/sub/dir") }
        #expect(throws: FSError.fileExists) { try disk.createDirectories("/etc/hostname") }
        try disk.createDirectories("/a/./b/../c")
        #expect(try disk.listDirectory("/a") == ["b", "c"])
        let viaProtocol: any FileSystem = disk
        try viaProtocol.createDirectories("/x/y/z")
        #expect(try disk.info("/x/y/z").isDirectory)
    }

    /// `writeFiles` leaves the disk as `mkdir -p` and one `writeFile` per file would: a new
    /// directory made with its files; in an existing one, a file's mode kept and the directory's
    /// time moved only by a new name; odd names (`a/b`, repeats) written one by one.
    @Test func writeFilesIsMkdirAndWriteFileEach() throws {
        let clock = SimClock(start: 1_000_000_000)
        let disk = Disk(clock: clock)
        try disk.writeFiles(in: "/var/lib/pods/uid-1/volumes/token", [("token", Array("t".utf8)), ("ca.crt", Array("c".utf8))])
        #expect(try disk.listDirectory("/var/lib/pods/uid-1/volumes/token") == ["ca.crt", "token"])
        #expect(try disk.readText("/var/lib/pods/uid-1/volumes/token/token") == "t")
        #expect(try disk.info("/var/lib/pods/uid-1/volumes/token/ca.crt").mode & 0o777 == 0o644)
        #expect(try disk.info("/var/lib/pods").mode & 0o777 == 0o755)
        try disk.setMode("/var/lib/pods/uid-1/volumes/token/token", 0o600)
        clock.advance(nanoseconds: 5_000_000_000)
        try disk.writeFiles(in: "/var/lib/pods/uid-1/volumes/token", [("token", Array("u".utf8))])
        #expect(try disk.readText("/var/lib/pods/uid-1/volumes/token/token") == "u")
        #expect(try disk.info("/var/lib/pods/uid-1/volumes/token/token").mode & 0o777 == 0o600)
        #expect(try disk.info("/var/lib/pods/uid-1/volumes/token/token").modificationTime == 6_000_000_000)
        #expect(try disk.info("/var/lib/pods/uid-1/volumes/token").modificationTime == 1_000_000_000)
        try disk.writeFiles(in: "/var/lib/pods/uid-1/volumes/token", [("namespace", Array("default".utf8))])
        #expect(try disk.info("/var/lib/pods/uid-1/volumes/token").modificationTime == 6_000_000_000)
        try disk.writeFiles(in: "/etc", [("hosts", Array("a".utf8)), ("hosts", Array("b".utf8))])
        #expect(try disk.readText("/etc/hosts") == "b")
        try disk.createDirectories("/etc/sub")
        #expect(throws: FSError.isADirectory) { try disk.writeFiles(in: "/etc", [("sub", [])]) }
        #expect(throws: FSError.fileExists) { try disk.writeFiles(in: "/etc/hosts", [("x", [])]) }
    }

    @Test func errorsAreErrnos() {
        let disk = makeDisk()
        #expect(throws: FSError.noSuchFile) { try disk.readFile("/nope") }
        #expect(throws: FSError.isADirectory) { try disk.readFile("/etc") }
        #expect(throws: FSError.notADirectory) { try disk.readFile("/etc/hostname/x") }
        #expect(throws: FSError.noSuchFile) { try disk.writeFile("/no/such/dir/file", "x") }
        #expect(throws: FSError.fileExists) { try disk.createDirectory("/etc") }
        #expect(throws: FSError.directoryNotEmpty) { try disk.removeDirectory("/etc/kubernetes") }
        #expect(throws: FSError.isADirectory) { try disk.removeFile("/etc") }
        #expect(throws: FSError.notADirectory) { try disk.listDirectory("/etc/hostname") }
        #expect(FSError.noSuchFile.message == "No such file or directory")
    }

    @Test func resolvesDotsAndSymlinksPhysically() throws {
        let disk = makeDisk()
        try disk.createSymlink("/k", target: "/etc/kubernetes")
        try disk.writeFile("/k/manifests/a.yaml", "a")
        #expect(try disk.readText("/etc/kubernetes/manifests/a.yaml") == "a")
        #expect(try disk.readText("/etc/./kubernetes//manifests/../manifests/a.yaml") == "a")
        #expect(try disk.canonicalPath("/k/manifests/") == "/etc/kubernetes/manifests")
        #expect(try disk.info("/k", followSymlinks: false).isSymlink)
        #expect(try disk.info("/k").isDirectory)
        // `..` after a symlink goes to the link target's parent, as the kernel does.
        #expect(try disk.canonicalPath("/k/..") == "/etc")
        try disk.createSymlink("/loop", target: "/loop")
        #expect(throws: FSError.tooManySymlinks) { try disk.readFile("/loop") }
        #expect(throws: FSError.notADirectory) { try disk.readFile("/etc/hostname/") }
    }

    @Test func renameFollowsPosix() throws {
        let disk = makeDisk()
        try disk.createDirectory("/tmp")
        try disk.writeFile("/tmp/a", "a")
        try disk.rename("/tmp/a", to: "/tmp/b")
        #expect(!disk.exists("/tmp/a"))
        #expect(try disk.readText("/tmp/b") == "a")
        try disk.createDirectory("/tmp/d")
        #expect(throws: FSError.isADirectory) { try disk.rename("/tmp/b", to: "/tmp/d") }
        #expect(throws: FSError.invalidArgument) { try disk.rename("/tmp", to: "/tmp/d/x") }
        try disk.rename("/etc/kubernetes/manifests", to: "/tmp/manifests")
        #expect(try disk.listDirectory("/etc/kubernetes") == [])
        #expect(disk.isDirectory("/tmp/manifests"))
    }

    @Test func copiesShareStorageUntilWritten() throws {
        let clock = SimClock()
        let base = makeDisk().tree
        let node01 = Disk(tree: base, clock: clock)
        let node02 = Disk(tree: base, clock: clock)
        try node01.writeFile("/etc/hostname", "node01\n")
        #expect(try node01.readText("/etc/hostname") == "node01\n")
        #expect(try node02.readText("/etc/hostname") == "controlplane\n")
    }

    @Test func stampsTimesFromTheSimulatedClock() throws {
        let clock = SimClock(start: 5_000_000_000)
        let disk = Disk(clock: clock)
        try disk.writeFile("/f", "x")
        #expect(try disk.info("/f").modificationTime == 5_000_000_000)
        clock.advance(seconds: 2)
        try disk.writeFile("/f", "y", append: true)
        #expect(try disk.info("/f").modificationTime == 7_000_000_000)
    }

    @Test func devNullSwallowsWrites() throws {
        let disk = makeDisk()
        try disk.createDirectory("/dev")
        try disk.createDevice("/dev/null", kind: .null)
        try disk.writeFile("/dev/null", "lost")
        #expect(try disk.readFile("/dev/null") == [])
    }

    @Test func modeStringsLookLikeLs() throws {
        let disk = makeDisk()
        try disk.createDirectory("/tmp", mode: 0o1777)
        #expect(try disk.info("/tmp").modeString == "drwxrwxrwt")
        try disk.writeFile("/x", [], append: false, mode: 0o4755)
        #expect(try disk.info("/x").modeString == "-rwsr-xr-x")
    }

    /// A path's components are its non-empty `/`-separated parts, whatever the characters,
    /// for a native string and a bridged one alike.
    @Test func componentsSplitOnSlashesOnly() {
        let paths = ["/", "", "a", "/var/lib/kubelet/pods/3f2a-é/volumes/", "//a//b", "rel/x/./..", "/日本/語/", "a/ /b"]
        for path in paths {
            let expected = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            #expect(Path.components(path) == expected, "\(path)")
            let bridged = String(describing: NSString(string: path))
            #expect(Path.components(bridged) == expected, "\(path)")
        }
    }

    @Test(arguments: [
        ("/a/b/", "b", "/a"), ("b", "b", "."), ("/", "/", "/"), ("/a", "a", "/"), ("a//b//", "b", "a"),
    ])
    func lexicalPaths(path: String, base: String, dir: String) {
        #expect(Path.basename(path) == base)
        #expect(Path.dirname(path) == dir)
    }

    @Test func normalizeFoldsLikeBashCd() {
        #expect(Path.normalize("/a/./b/../c//") == "/a/c")
        #expect(Path.normalize("/..") == "/")
    }

    /// Paths already normal come back as they are; the rest fold as before (the fold, spelled out here).
    @Test func normalizeAgreesWithTheComponentFold() {
        func folded(_ path: String) -> String {
            var result: [String] = []
            for part in path.split(separator: "/") where part != "." {
                if part == ".." { if !result.isEmpty { result.removeLast() } } else { result.append(String(part)) }
            }
            return "/" + result.joined(separator: "/")
        }
        var random = SeededRandom(seed: 12)
        let parts = ["a", ".", "..", "", "...", "b.c", ".x", "..y", "漢字"]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...5, using: &random)
            let body = (0..<count).map { _ in parts[Int.random(in: 0..<parts.count, using: &random)] }.joined(separator: "/")
            let path = (Bool.random(using: &random) ? "/" : "") + body + (Bool.random(using: &random) ? "/" : "")
            #expect(Path.normalize(path) == folded(path), "\(path)")
        }
        #expect(Path.normalize("/") == "/")
        #expect(Path.normalize("") == "/")
    }
}
