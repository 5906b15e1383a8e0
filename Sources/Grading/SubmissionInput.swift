import Course
import Foundation

/// A submission as read from disk: its bytes, or why they could not be read.
public struct SubmissionInput: Sendable, Equatable {
    /// The path as the instructor gave it (or as found in a folder).
    public var file: String
    public var contents: Result<[UInt8], ReadFailure>

    public struct ReadFailure: Error, Sendable, Equatable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    public init(file: String, contents: Result<[UInt8], ReadFailure>) {
        self.file = file
        self.contents = contents
    }

    public init(file: String, text: String) {
        self.init(file: file, contents: .success(Array(text.utf8)))
    }

    /// Bytes past this are not read: no learner types a megabyte.
    public static let maxBytes = 1 << 20

    /// Reads `paths` (files, or folders whose visible files are taken in name order), in order.
    public static func collect(_ paths: [String]) -> [SubmissionInput] {
        var inputs: [SubmissionInput] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                inputs.append(SubmissionInput(file: path, contents: .failure(ReadFailure("no such file or directory"))))
                continue
            }
            guard isDirectory.boolValue else {
                inputs.append(read(path))
                continue
            }
            let names = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for name in names {
                let child = path.hasSuffix("/") ? path + name : path + "/" + name
                var childIsDirectory: ObjCBool = false
                if manager.fileExists(atPath: child, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
                    inputs.append(read(child))
                }
            }
        }
        return inputs
    }

    static func read(_ path: String) -> SubmissionInput {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return SubmissionInput(file: path, contents: .failure(ReadFailure("cannot read the file (permission denied?)")))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        return SubmissionInput(file: path, contents: .success([UInt8](data)))
    }
}

/// What a submission's bytes say: the script to replay and who and what it is for.
struct ParsedSubmission: Sendable, Equatable {
    var script: String
    var learner: String
    /// The exercise named in the header, if any.
    var exercise: String?

    /// Text that is a script (a `lab submit` file or a plain shell script), or why it is not.
    static func parse(_ bytes: [UInt8], file: String) -> Result<ParsedSubmission, SubmissionInput.ReadFailure> {
        if bytes.count > SubmissionInput.maxBytes {
            return .failure(.init("too large (more than 1 MiB): not a submission"))
        }
        if bytes.contains(0) {
            return .failure(.init("binary data, not a text file"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(.init("not UTF-8 text"))
        }
        let fields = Submission.fields(of: text)
        let learner = fields?["learner"].flatMap { $0.isEmpty ? nil : $0 } ?? nameFromFile(file)
        return .success(ParsedSubmission(script: text, learner: learner, exercise: fields?["exercise"]))
    }

    /// `subs/alice.sh` → `alice`.
    static func nameFromFile(_ file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.hasSuffix(".sh") && base.count > 3 ? String(base.dropLast(3)) : base
    }
}
