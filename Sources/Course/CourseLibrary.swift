import Foundation

/// The content of a course root: `exercises/`, `solutions/`, `grader/`, decoded and cross-checked.
/// (Reading the real files is the edge; everything after is pure.)
public struct CourseLibrary: Sendable {
    public struct Entry: Sendable {
        public var exercise: Exercise
        public var rubric: Rubric
        public var solution: String
    }

    /// Ids in file-name order, each with its three files; problems name file, line and field.
    public var entries: [String: Entry] = [:]
    public var ids: [String] = []
    public var problems: [ContentError] = []
    /// `lessons/<id>.yaml`, in file-name order.
    public var lessons: [String: Lesson] = [:]
    public var lessonIDs: [String] = []
    /// The language texts are shown in (translations applied where they exist).
    public var language: Language = .english

    /// Reads `root`'s folders. `only` limits it to some exercise ids (unknown ones are problems)
    /// and leaves the lessons out.
    public static func load(root: String, only: [String] = [], language: Language = .english) -> CourseLibrary {
        var library = CourseLibrary()
        library.language = language
        if only.isEmpty { library.loadLessons(root: root) }
        let exerciseNames = yamlIDs(in: root + "/exercises")
        let wanted = only.isEmpty ? exerciseNames : only
        for id in wanted {
            guard exerciseNames.contains(id) else {
                library.problems.append(ContentError(file: "exercises/\(id).yaml", line: 0, field: "", message: "no such exercise"))
                continue
            }
            library.ids.append(id)
            if let entry = library.loadEntry(id, root: root) { library.entries[id] = entry }
        }
        if only.isEmpty {
            for id in yamlIDs(in: root + "/grader") where !exerciseNames.contains(id) {
                library.problems.append(ContentError(file: "grader/\(id).yaml", line: 0, field: "",
                                                     message: "no exercises/\(id).yaml for this rubric"))
            }
        }
        return library
    }

    private mutating func loadEntry(_ id: String, root: String) -> Entry? {
        let exerciseFile = "exercises/\(id).yaml", rubricFile = "grader/\(id).yaml", solutionFile = "solutions/\(id).sh"
        var exercise: Exercise?
        var rubric: Rubric?
        do throws(ContentError) {
            let decoded = try Exercise.decode(try Self.read(root, exerciseFile), file: exerciseFile)
            if decoded.id != id {
                throw ContentError(file: exerciseFile, line: 1, field: "id", message: "expected \"\(id)\" (the file's name), got \"\(decoded.id)\"")
            }
            exercise = try translated(decoded, root: root, id: id, folder: "exercises", apply: Translation.exercise)
        } catch {
            problems.append(error)
        }
        do throws(ContentError) {
            let decoded = try Rubric.decode(try Self.read(root, rubricFile), file: rubricFile)
            if decoded.exercise != id {
                throw ContentError(file: rubricFile, line: 1, field: "exercise", message: "expected \"\(id)\" (the file's name), got \"\(decoded.exercise)\"")
            }
            rubric = try translated(decoded, root: root, id: id, folder: "grader", apply: Translation.rubric)
        } catch {
            problems.append(error)
        }
        var solution: String?
        do throws(ContentError) {
            solution = try Self.read(root, solutionFile)
        } catch {
            problems.append(error)
        }
        guard let exercise, let rubric, let solution else { return nil }
        return Entry(exercise: exercise, rubric: rubric, solution: solution)
    }

    private mutating func loadLessons(root: String) {
        for id in Self.yamlIDs(in: root + "/lessons") {
            let file = "lessons/\(id).yaml"
            do throws(ContentError) {
                let lesson = try Lesson.decode(try Self.read(root, file), file: file)
                if lesson.id != id {
                    throw ContentError(file: file, line: 1, field: "id", message: "expected \"\(id)\" (the file's name), got \"\(lesson.id)\"")
                }
                lessons[id] = try translated(lesson, root: root, id: id, folder: "lessons", apply: Translation.lesson)
                lessonIDs.append(id)
            } catch {
                problems.append(error)
            }
        }
    }

    /// Checks every translation of a file (a bad one is a problem, whatever the language) and
    /// returns the content in the library's language.
    private mutating func translated<T>(_ content: T, root: String, id: String, folder: String,
                                        apply: (T, String, String) throws(ContentError) -> T) throws(ContentError) -> T {
        var result = content
        for language in Language.allCases {
            guard let sub = language.folder else { continue }
            let file = "\(folder)/\(sub)/\(id).yaml"
            guard let text = try? Self.read(root, file) else { continue }
            do throws(ContentError) {
                let applied = try apply(content, text, file)
                if language == self.language { result = applied }
            } catch {
                problems.append(error)
            }
        }
        return result
    }

    static func read(_ root: String, _ file: String) throws(ContentError) -> String {
        guard let data = FileManager.default.contents(atPath: root + "/" + file) else {
            throw ContentError(file: file, line: 0, field: "", message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ContentError(file: file, line: 0, field: "", message: "not UTF-8 text")
        }
        return text
    }

    /// `<id>.yaml` files of a folder (not schema.json, README.md, subfolders), sorted.
    static func yamlIDs(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }
}
