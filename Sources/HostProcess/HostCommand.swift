#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// What a program on this machine printed, and how it ended.
public struct HostRun: Sendable, Equatable {
    public var stdout: [UInt8]
    public var stderr: [UInt8]
    /// The exit status, or 128 + the signal that ended it.
    public var status: Int32
    /// Whether it ran past its time limit and was killed.
    public var timedOut: Bool

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs the real tools the tests compare against (bash, coreutils, kubectl, tmux, ckalab).
///
/// posix_spawn, poll and waitpid, not Foundation's `Process`: `waitUntilExit` can park a
/// test-pool thread forever under load (swift-corelibs-foundation), and reading stdout to
/// its end before stderr deadlocks once stderr fills its pipe. Every run has a time limit.
public enum HostCommand {
    /// Runs `executable` with `arguments`.
    /// - environment: the whole environment (nil inherits this process's).
    /// - directory: the working directory (through `env -C`; glibc's chdir action is not imported).
    /// - stdin: bytes to feed, or nil for /dev/null.
    /// - timeout: seconds before the program and its process group are killed.
    public static func run(
        _ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
        directory: String? = nil, stdin: [UInt8]? = nil, timeout: Double = 120
    ) -> HostRun {
        var argv = [executable] + arguments
        var path = executable
        if let directory {
            path = "/usr/bin/env"
            argv = ["env", "-C", directory, executable] + arguments
        }
        return spawn(path: path, argv: argv, environment: environment, stdin: stdin, timeout: timeout)
    }

    private static func spawn(path: String, argv: [String], environment: [String: String]?, stdin: [UInt8]?, timeout: Double) -> HostRun {
        signal(SIGPIPE, SIG_IGN)
        // Pipes and spawn under one lock: a pipe end another test's child inherited before
        // it was marked close-on-exec would keep this child's stdin open forever.
        let started = spawnLock.withLock { _ in
            startChild(path: path, argv: argv, environment: environment, stdin: stdin)
        }
        switch started {
        case .failure(let message): return failure(message)
        case .success(let child):
            return collect(pid: child.pid, stdout: child.stdout, stderr: child.stderr, stdin: child.stdin,
                           input: stdin ?? [], timeout: timeout)
        }
    }

    private static let spawnLock = Mutex(())

    private struct Child { var pid: pid_t, stdout: Int32, stderr: Int32, stdin: Int32 }
    private enum Started { case success(Child), failure(String) }

    private static func makePipe() -> [Int32]? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return ends
    }

    private static func startChild(path: String, argv: [String], environment: [String: String]?, stdin: [UInt8]?) -> Started {
        guard let outPipe = makePipe(), let errPipe = makePipe(), let inPipe = stdin == nil ? [-1, -1] : makePipe() else {
            return .failure("cannot make pipes")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if stdin != nil {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so a time-out kills whatever it started too; default
        // signal handling and no blocked signals, as from a terminal.
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var cEnvironment: [UnsafeMutablePointer<CChar>?]? = environment.map { env in
            env.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer { cEnvironment?.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned: Int32 = if var cEnvironment {
            posix_spawn(&pid, path, &actions, &attributes, &cArguments, &cEnvironment)
        } else {
            posix_spawn(&pid, path, &actions, &attributes, &cArguments, environ)
        }
        close(outPipe[1])
        close(errPipe[1])
        if stdin != nil { close(inPipe[0]) }
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            if stdin != nil { close(inPipe[1]) }
            return .failure("cannot start \(path): \(String(cString: strerror(spawned)))")
        }
        return .success(Child(pid: pid, stdout: outPipe[0], stderr: errPipe[0], stdin: inPipe[1]))
    }

    /// Feeds stdin and reads both outputs as they come, until the program has exited and
    /// its pipes are drained (a daemon it started, like tmux's server, may hold them open).
    private static func collect(pid: pid_t, stdout: Int32, stderr: Int32, stdin: Int32, input: [UInt8], timeout: Double) -> HostRun {
        var out: [UInt8] = [], err: [UInt8] = []
        var inputFD = stdin, written = 0
        var openOutputs: [Int32: Bool] = [stdout: true, stderr: true]
        for fd in [stdout, stderr, stdin] where fd >= 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        if inputFD >= 0, input.isEmpty { close(inputFD); inputFD = -1 }
        let deadline = monotonicSeconds() + timeout
        var status: Int32 = 0, exited = false, timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)

        func drain(_ fd: Int32) {
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if fd == stdout { out += buffer[0..<count] } else { err += buffer[0..<count] }
                } else if count == 0 || errno != EINTR {
                    if count == 0 { openOutputs[fd] = false }
                    return
                }
            }
        }

        while true {
            var fds: [pollfd] = []
            for fd in [stdout, stderr] where openOutputs[fd] == true { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            if inputFD >= 0 { fds.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
            _ = poll(&fds, nfds_t(fds.count), exited ? 0 : 20)
            for entry in fds where entry.revents != 0 {
                if entry.fd == inputFD {
                    let count = input[written...].withUnsafeBytes { write(inputFD, $0.baseAddress, $0.count) }
                    if count > 0 { written += count }
                    if count < 0, errno != EAGAIN, errno != EINTR { written = input.count }
                    if written >= input.count { close(inputFD); inputFD = -1 }
                } else {
                    drain(entry.fd)
                }
            }
            if exited { break }
            if waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                // One more pass reads what it wrote before it ended.
                continue
            }
            if monotonicSeconds() > deadline {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                timedOut = true
                exited = true
            }
        }
        for fd in [stdout, stderr] { drain(fd); close(fd) }
        if inputFD >= 0 { close(inputFD) }
        if timedOut { err += Array("\n[test harness: killed after \(Int(timeout)) s]\n".utf8) }
        return HostRun(stdout: out, stderr: err, status: exitStatus(status), timedOut: timedOut)
    }

    private static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private static func failure(_ message: String) -> HostRun {
        HostRun(stdout: [], stderr: Array(message.utf8), status: -1, timedOut: false)
    }
}
