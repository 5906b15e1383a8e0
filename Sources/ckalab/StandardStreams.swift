import CommandKit
import Foundation

/// The process's real stdout and stderr, unbuffered, as sinks for the simulation.
enum StandardStreams {
    // The simulation is single-threaded; these are only touched from the main thread.
    nonisolated(unsafe) static let stdout = OutputSink { bytes in writeAll(1, bytes) }
    nonisolated(unsafe) static let stderr = OutputSink { bytes in writeAll(2, bytes) }

    static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    static var terminalWidth: Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// Where ckalab keeps its own files: `$CKALAB_HOME`, else `~/.ckalab`.
enum LabHome {
    static func directory() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["CKALAB_HOME"], !home.isEmpty { return home }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.ckalab"
    }

    static func ensureExists(_ path: String) {
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
}
