/// Where a command writes: a terminal, a pipe's buffer, a file, or nowhere.
public final class OutputSink {
    private let receive: ([UInt8]) -> Void
    /// Bytes written so far (the shell enforces output budgets with it).
    public private(set) var byteCount = 0

    public init(_ receive: @escaping ([UInt8]) -> Void) {
        self.receive = receive
    }

    public func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        byteCount += bytes.count
        receive(bytes)
    }

    public func write<S: Sequence>(contentsOf bytes: S) where S.Element == UInt8 {
        write(Array(bytes))
    }

    public func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Writes `text` and a newline.
    public func line(_ text: String) {
        write(Array((text + "\n").utf8))
    }

    public static func discarding() -> OutputSink { OutputSink { _ in } }
}

/// Collects what is written, e.g. a pipeline stage's output or a `$(…)` result.
public final class OutputBuffer {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public lazy var sink = OutputSink { [unowned self] chunk in self.bytes.append(contentsOf: chunk) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func clear() { bytes.removeAll() }
}
