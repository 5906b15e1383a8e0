@testable import Course
import CommandKit
import Foundation

/// A lab over the repository's content, with a temporary state folder and a fake wall clock;
/// `type` feeds lines and returns what they printed.
final class LabHarness {
    static let library = CourseLibrary.load(root: CourseRoot.path)

    let home: String
    let out = OutputBuffer()
    let err = OutputBuffer()
    var now = 1_000.0
    private(set) var lab: Lab!
    var written: [String: String] = [:]

    init(home: String? = nil, library: CourseLibrary = LabHarness.library) {
        self.home = home ?? FileManager.default.temporaryDirectory.appendingPathComponent("ckalab-lab-\(UUID().uuidString)").path
        lab = Lab(library: library, environment: environment(), stdout: out.sink, stderr: err.sink)
    }

    private func environment() -> LabEnvironment {
        LabEnvironment(store: SessionStore(home: home), wallClock: { [unowned self] in now }, learner: "alice",
                       version: "0.1.0", submissionsDirectory: home + "/submissions",
                       writeFile: { [unowned self] path, data in
                           written[path] = String(decoding: data, as: UTF8.self)
                           try SessionStore.writeAtomically(data, to: path)
                       })
    }

    /// Feeds each line (as typed at the prompt) and returns stdout and stderr printed meanwhile.
    @discardableResult
    func type(_ lines: String...) -> (out: String, err: String) {
        out.clear()
        err.clear()
        for line in lines {
            now += 5
            lab.feed(line)
        }
        return (out.text, err.text)
    }

    /// What opening printed.
    @discardableResult
    func open(_ kind: LabState.Kind, _ id: String, fresh: Bool = false) -> String {
        out.clear()
        lab.open(kind, id, fresh: fresh)
        return out.text
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: home)
    }
}
