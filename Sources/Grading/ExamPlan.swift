import Course
import SimKit

/// An exam: weighted tasks drawn from the library's exercises, the same for the same seed.
public struct ExamPlan: Sendable, Equatable, Codable {
    public struct Task: Sendable, Equatable, Codable {
        /// 1-based, as the exam numbers them.
        public var number: Int
        public var exercise: String
        /// Percent of the exam (the tasks' weights add up to 100, as the real exam's do).
        public var weight: Int
    }

    public var seed: UInt64
    public var tasks: [Task]
    /// The time allowed, in minutes (the tasks' estimates plus a fifth, unless given).
    public var minutes: Int

    /// The pass mark, in percent, as the CKA's.
    public static let passMark = 66

    /// Draws `count` exercises (one per topic first, then any), weighted by difficulty.
    public static func draw(from library: CourseLibrary, seed: UInt64, count: Int = 6, minutes: Int? = nil) -> ExamPlan {
        var random = SeededRandom(seed: seed)
        let ids = library.ids.filter { library.entries[$0] != nil }
        var shuffled = ids
        shuffled.shuffle(using: &random)
        // One exercise from each topic before a second from any, so an exam covers the syllabus.
        var chosen: [String] = []
        var topics: Set<String> = []
        for id in shuffled where chosen.count < count {
            guard let topic = library.entries[id]?.exercise.topic, !topics.contains(topic) else { continue }
            topics.insert(topic)
            chosen.append(id)
        }
        for id in shuffled where chosen.count < count && !chosen.contains(id) { chosen.append(id) }
        let raw = chosen.map { difficultyWeight(library.entries[$0]?.exercise.difficulty ?? "") }
        let weights = percentages(raw)
        let tasks = chosen.enumerated().map { index, id in Task(number: index + 1, exercise: id, weight: weights[index]) }
        let estimate = chosen.reduce(0) { $0 + (library.entries[$1]?.exercise.estimatedMinutes ?? 0) }
        return ExamPlan(seed: seed, tasks: tasks, minutes: minutes ?? max(1, estimate + (estimate + 4) / 5))
    }

    static func difficultyWeight(_ difficulty: String) -> Int {
        switch difficulty {
        case "easy": return 4
        case "hard": return 10
        default: return 7
        }
    }

    /// Whole percentages in proportion to `raw`, adding up to exactly 100 (largest remainders first).
    static func percentages(_ raw: [Int]) -> [Int] {
        let total = raw.reduce(0, +)
        guard total > 0 else { return raw.map { _ in 0 } }
        var result = raw.map { $0 * 100 / total }
        let remainders = raw.enumerated().map { ($0.offset, $0.element * 100 % total) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var missing = 100 - result.reduce(0, +)
        for (index, _) in remainders where missing > 0 {
            result[index] += 1
            missing -= 1
        }
        return result
    }
}
