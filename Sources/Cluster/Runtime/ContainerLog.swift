import CommandKit

/// One line a container wrote, as the kubelet's CRI log file keeps it.
struct ContainerLogLine: Equatable {
    enum Stream: Equatable { case stdout, stderr }
    var time: Int64
    var stream: Stream
    var text: String
}

/// A container's stdout and stderr, line by line with their times (what `kubectl logs` reads).
final class ContainerLog {
    /// The lines so far (writing any the container logged before the lab, first).
    var lines: [ContainerLogLine] {
        writePending()
        return stored
    }
    private var stored: [ContainerLogLine] = []
    /// Writes what an adopted container logged before the lab, when its log is first needed.
    var pending: (() -> Void)?
    private var partial: [ContainerLogLine.Stream: [UInt8]] = [:]
    /// The kubelet rotates logs at 10 MiB; the lab keeps the last lines instead.
    static let maxLines = 20_000
    /// A nanosecond offset inside the second, so `--timestamps` reads like a real log.
    private let jitter: Int64

    init(jitter: Int64) {
        self.jitter = jitter
    }

    /// A sink for one stream, stamping lines with `clock()`.
    func sink(_ stream: ContainerLogLine.Stream, clock: @escaping () -> Int64, isOpen: @escaping () -> Bool) -> OutputSink {
        OutputSink { [weak self] bytes in
            guard let self, isOpen() else { return }
            self.append(bytes, stream: stream, time: clock())
        }
    }

    func append(line: String, stream: ContainerLogLine.Stream = .stdout, time: Int64) {
        writePending()
        add(ContainerLogLine(time: time + jitter + Int64(stored.count % 1000) * 1_117, stream: stream, text: line))
    }

    /// A line whose text carries its own timestamp: the CRI time follows it by a few microseconds.
    func append(stampedLine line: String, stream: ContainerLogLine.Stream, time: Int64) {
        writePending()
        add(ContainerLogLine(time: time + 41_000 + Int64(stored.count % 7) * 3_000, stream: stream, text: line))
    }

    private func append(_ bytes: [UInt8], stream: ContainerLogLine.Stream, time: Int64) {
        var pending = partial[stream] ?? []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                append(line: String(decoding: pending, as: UTF8.self), stream: stream, time: time)
                pending.removeAll(keepingCapacity: true)
            } else if pending.count < 1 << 16 {
                pending.append(byte)
            }
        }
        partial[stream] = pending
    }

    /// At exit: an unterminated last line is still a line.
    func flush(time: Int64) {
        for stream in [ContainerLogLine.Stream.stdout, .stderr] {
            if let pending = partial[stream], !pending.isEmpty {
                append(line: String(decoding: pending, as: UTF8.self), stream: stream, time: time)
            }
        }
        partial = [:]
    }

    private func add(_ line: ContainerLogLine) {
        writePending()
        stored.append(line)
        if stored.count > Self.maxLines { stored.removeFirst(stored.count - Self.maxLines) }
    }

    private func writePending() {
        guard let pending else { return }
        self.pending = nil
        pending()
    }
}
