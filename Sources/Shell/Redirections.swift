import CommandKit
import NodeFS
import ShellSyntax

/// A file opened for writing by `>`/`>>`: writes are gathered and appended in chunks, so a
/// loop writing many lines does not rewrite the file each time.
final class FileSink {
    let path: String
    private let fileSystem: any FileSystem
    private let mode: UInt16
    private var pending: [UInt8] = []
    private var written = 0

    init(path: String, fileSystem: any FileSystem, mode: UInt16) {
        self.path = path
        self.fileSystem = fileSystem
        self.mode = mode
    }

    lazy var sink = OutputSink { [unowned self] bytes in
        guard self.written + self.pending.count < Budget.maxCapturedBytes else { return }
        self.pending.append(contentsOf: bytes)
        if self.pending.count > 1 << 20 { self.flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        written += pending.count
        try? fileSystem.writeFile(path, pending, append: true, mode: mode)
        pending = []
    }
}

extension Shell {
    /// Runs `body` with `redirections` applied, left to right; a failed redirection prints
    /// bash's message and the command does not run (status 1).
    func withRedirections(_ redirections: [Redirection], io: IOContext,
                          _ body: (IOContext) throws(ControlFlow) -> Int32) throws(ControlFlow) -> Int32 {
        if redirections.isEmpty { return try body(io) }
        var current = io
        var files: [FileSink] = []
        defer { for file in files { file.flush() } }
        for redirection in redirections {
            guard try apply(redirection, to: &current, files: &files) else { return 1 }
        }
        return try body(current)
    }

    private func apply(_ redirection: Redirection, to io: inout IOContext, files: inout [FileSink]) throws(ControlFlow) -> Bool {
        switch redirection.op {
        case .hereDocument, .hereDocumentStrippingTabs:
            var text = ""
            if let document = redirection.hereDocument {
                if document.expands {
                    var units: [ExpansionUnit] = []
                    try expandParts(document.body, quoted: true, into: &units, io: io)
                    text = Self.text(of: units)
                } else {
                    text = Self.literalText(document.body)
                }
            }
            io.fds[redirection.fd ?? 0] = .input(InputStream(Array(text.utf8)))
            return true
        case .hereString:
            let text = try expandToString(redirection.target, io: io)
            io.fds[redirection.fd ?? 0] = .input(InputStream(Array((text + "\n").utf8)))
            return true
        case .duplicateInput, .duplicateOutput:
            let fd = redirection.fd ?? (redirection.op == .duplicateInput ? 0 : 1)
            let target = try expandToString(redirection.target, io: io)
            if target == "-" {
                io.fds[fd] = nil
                return true
            }
            if let source = Int(target) {
                guard let descriptor = io.fds[source] else {
                    shellError("\(source): Bad file descriptor", io: io)
                    return false
                }
                io.fds[fd] = descriptor
                return true
            }
            if redirection.op == .duplicateOutput, redirection.fd == nil {
                // `>&file` is `&>file`.
                guard let sink = try openOutput(redirection, append: false, io: io, files: &files) else { return false }
                io.fds[1] = .output(sink, terminal: false)
                io.fds[2] = .output(sink, terminal: false)
                return true
            }
            shellError("\(target): ambiguous redirect", io: io)
            return false
        case .output, .clobber, .append:
            guard let sink = try openOutput(redirection, append: redirection.op == .append, io: io, files: &files) else { return false }
            io.fds[redirection.fd ?? 1] = .output(sink, terminal: false)
            return true
        case .outputAndError, .appendOutputAndError:
            guard let sink = try openOutput(redirection, append: redirection.op == .appendOutputAndError, io: io, files: &files) else { return false }
            io.fds[1] = .output(sink, terminal: false)
            io.fds[2] = .output(sink, terminal: false)
            return true
        case .input, .readWrite:
            guard let name = try redirectionTarget(redirection, io: io) else { return false }
            let fd = redirection.fd ?? 0
            if name == "/dev/null" || name == "/dev/zero" {
                io.fds[fd] = .input(InputStream())
                return true
            }
            if name == "/dev/stdin" { return true }
            let path = Path.join(state.workingDirectory, name)
            do throws(FSError) {
                let info = try fileSystem.info(path)
                if info.isDirectory {
                    if redirection.op == .readWrite { throw FSError.isADirectory }
                    io.fds[fd] = .input(InputStream())
                    return true
                }
                io.fds[fd] = .input(InputStream(try fileSystem.readFile(path)))
            } catch .noSuchFile where redirection.op == .readWrite {
                do throws(FSError) {
                    try fileSystem.writeFile(path, [], append: false, mode: 0o666 & ~state.umask)
                    io.fds[fd] = .input(InputStream())
                } catch {
                    shellError("\(name): \(error.message)", io: io)
                    return false
                }
            } catch {
                shellError("\(name): \(error.message)", io: io)
                return false
            }
            return true
        }
    }

    private static func literalText(_ parts: [WordPart]) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let s), .singleQuoted(let s), .escaped(let s): text += s
            default: break
            }
        }
        return text
    }

    /// The single word a redirection names; more or fewer is an `ambiguous redirect`.
    private func redirectionTarget(_ redirection: Redirection, io: IOContext) throws(ControlFlow) -> String? {
        let fields = try expandWord(redirection.target, io: io)
        guard fields.count == 1, let name = fields.first else {
            shellError("\(Self.source(of: redirection.target)): ambiguous redirect", io: io)
            return nil
        }
        if name.isEmpty {
            shellError(": No such file or directory", io: io)
            return nil
        }
        return name
    }

    private func openOutput(_ redirection: Redirection, append: Bool, io: IOContext, files: inout [FileSink]) throws(ControlFlow) -> OutputSink? {
        guard let name = try redirectionTarget(redirection, io: io) else { return nil }
        switch name {
        case "/dev/null": return .discarding()
        case "/dev/stdout": return io.sink(1)
        case "/dev/stderr": return io.sink(2)
        default: break
        }
        let path = Path.join(state.workingDirectory, name)
        let mode = 0o666 & ~state.umask
        if let existing = files.first(where: { $0.path == path }) { existing.flush() }
        do throws(FSError) {
            if let info = try? fileSystem.info(path), info.isDirectory { throw FSError.isADirectory }
            try fileSystem.writeFile(path, [], append: append, mode: mode)
        } catch {
            shellError("\(name): \(error.message)", io: io)
            return nil
        }
        let file = FileSink(path: path, fileSystem: fileSystem, mode: mode)
        files.append(file)
        return file.sink
    }

    /// A word roughly as it was written, for error messages.
    static func source(of word: Word) -> String {
        source(of: word.parts)
    }

    static func source(of parts: [WordPart]) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let s): text += s
            case .singleQuoted(let s): text += "'\(s)'"
            case .escaped(let s): text += "\\" + s
            case .doubleQuoted(let inner): text += "\"" + source(of: inner) + "\""
            case .parameter(let p): text += p.operation == nil && p.name.count == 1 || p.operation == nil && isValidName(p.name) ? "$" + p.name : "${\(p.name)}"
            case .commandSubstitution: text += "$(…)"
            case .arithmetic(let s): text += "$((\(s)))"
            case .tilde(let user): text += "~" + user
            }
        }
        return text
    }
}
