import Cluster
import CommandKit
import Shell

/// libFuzzer entry: the bytes are typed into a fresh lab, line by line, and also parsed
/// whole. Anything but a clean return (a crash, a trap, a hang past libFuzzer's timeout)
/// is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Shell.isIncomplete(text)
    let session = TerminalSession(world: World(), stdout: .discarding(), stderr: .discarding())
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if session.hasEnded { break }
        session.feed(String(line))
    }
    session.finishInput()
    return 0
}
