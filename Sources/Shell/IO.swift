import CommandKit

/// Bytes a command reads, with a cursor shared by everything reading the same stream, so
/// `while read l; do …; done < f` reads one line per iteration.
final class InputStream {
    private(set) var bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// Everything not yet read; an external command takes it all.
    func takeRest() -> [UInt8] {
        guard offset < bytes.count else { return [] }
        let rest = Array(bytes[offset...])
        offset = bytes.count
        return rest
    }

    /// One byte, or nil at the end.
    func readByte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }
}

/// An open file descriptor of the shell.
enum Descriptor {
    case input(InputStream)
    case output(OutputSink, terminal: Bool)
}

/// The shell's file descriptors while a command runs (0, 1, 2 and any others opened by
/// redirections).
struct IOContext {
    var fds: [Int: Descriptor]

    init(stdin: InputStream, stdout: OutputSink, stderr: OutputSink, terminal: Bool) {
        fds = [0: .input(stdin), 1: .output(stdout, terminal: terminal), 2: .output(stderr, terminal: terminal)]
    }

    var stdin: InputStream {
        if case .input(let stream)? = fds[0] { return stream }
        return InputStream()
    }

    var stdout: OutputSink { sink(1) }
    var stderr: OutputSink { sink(2) }

    func sink(_ fd: Int) -> OutputSink {
        if case .output(let sink, _)? = fds[fd] { return sink }
        return .discarding()
    }

    var stdoutIsTerminal: Bool {
        if case .output(_, let terminal)? = fds[1] { return terminal }
        return false
    }
}

/// Collects a pipe's or a `$(…)`'s bytes, dropping what passes the budget.
final class CaptureBuffer {
    private(set) var bytes: [UInt8] = []
    private(set) var overflowed = false

    lazy var sink = OutputSink { [unowned self] chunk in
        let room = Budget.maxCapturedBytes - self.bytes.count
        if chunk.count > room {
            self.overflowed = true
            if room > 0 { self.bytes.append(contentsOf: chunk.prefix(room)) }
        } else {
            self.bytes.append(contentsOf: chunk)
        }
    }
}
