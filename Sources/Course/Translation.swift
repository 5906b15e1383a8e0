/// The languages content comes in, and the parallel files (`exercises/zh-TW/<id>.yaml`) that
/// translate only the texts. A missing file or field falls back to English.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case traditionalChinese = "zh-TW"

    /// The folder holding the translations (nil for English, the files themselves).
    var folder: String? { self == .english ? nil : rawValue }

    /// From LC_ALL, else LANG, as a C library picks the locale: `zh_TW.UTF-8` → zh-TW.
    public static func from(environment: [String: String]) -> Language {
        let locale = [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("zh_TW") || locale.hasPrefix("zh-TW") ? .traditionalChinese : .english
    }
}

/// Applies translation files to decoded content.
enum Translation {
    static let exerciseFields = ["title", "task", "hints"]
    static let lessonFields = ["title", "intro", "steps"]
    static let stepFields = ["text", "hint", "done"]
    static let rubricFields = ["feedback"]

    static func exercise(_ exercise: Exercise, text: String, file: String) throws(ContentError) -> Exercise {
        let map = try YAMLField.document(text, file: file).mapping(exerciseFields)
        var translated = exercise
        if let title = map.optional("title") { translated.title = try title.string() }
        if let task = map.optional("task") { translated.task = try task.string() }
        if let field = map.optional("hints") {
            let hints = try field.strings()
            guard hints.count == exercise.hints.count else {
                throw field.error("expected \(exercise.hints.count) hints (as in the English file), got \(hints.count)")
            }
            translated.hints = hints
        }
        return translated
    }

    static func lesson(_ lesson: Lesson, text: String, file: String) throws(ContentError) -> Lesson {
        let map = try YAMLField.document(text, file: file).mapping(lessonFields)
        var translated = lesson
        if let title = map.optional("title") { translated.title = try title.string() }
        if let intro = map.optional("intro") { translated.intro = try intro.string() }
        if let field = map.optional("steps") {
            let items = try field.list()
            guard items.count == lesson.steps.count else {
                throw field.error("expected \(lesson.steps.count) steps (as in the English file), got \(items.count)")
            }
            for (index, item) in items.enumerated() {
                let step = try item.mapping(stepFields)
                if let text = step.optional("text") { translated.steps[index].text = try text.string() }
                for (key, english) in [("hint", lesson.steps[index].hint), ("done", lesson.steps[index].done)] {
                    guard let value = step.optional(key) else { continue }
                    guard english != nil else { throw value.error("the English step has no \(key) to translate") }
                    let text = try value.string()
                    if key == "hint" { translated.steps[index].hint = text } else { translated.steps[index].done = text }
                }
            }
        }
        return translated
    }

    static func rubric(_ rubric: Rubric, text: String, file: String) throws(ContentError) -> Rubric {
        let map = try YAMLField.document(text, file: file).mapping(rubricFields)
        var translated = rubric
        guard let field = map.optional("feedback") else { return translated }
        let names = rubric.checks.map(\.name)
        let feedback = try field.mapping(names)
        for (index, check) in rubric.checks.enumerated() {
            if let line = feedback.optional(check.name) { translated.checks[index].feedback = try line.string() }
        }
        return translated
    }
}
