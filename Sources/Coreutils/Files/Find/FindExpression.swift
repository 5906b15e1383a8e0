/// A parsed find expression.
indirect enum FindExpression {
    case and(FindExpression, FindExpression)
    case or(FindExpression, FindExpression)
    case not(FindExpression)
    case comma(FindExpression, FindExpression)
    case test(FindTest)
    case action(FindAction)
}

enum Comparison {
    case less(Int64), equal(Int64), greater(Int64)

    func holds(_ value: Int64) -> Bool {
        switch self {
        case .less(let n): value < n
        case .equal(let n): value == n
        case .greater(let n): value > n
        }
    }
}

enum FindTest {
    case name(String, caseInsensitive: Bool)
    case path(String, caseInsensitive: Bool)
    case type(Set<Character>, followLinks: Bool)
    case newer(Int64)
    /// Size in units of `unit` bytes, rounded up.
    case size(Comparison, unit: Int64)
    case empty
    case perm(UInt16, kind: Character)
    case user(UInt32), group(UInt32), noUser, noGroup
    case minutesOld(Comparison), daysOld(Comparison)
    case links(Comparison), inode(Comparison)
    case constant(Bool)
    case executable, readable, writable
}

enum FindAction {
    case print, print0, delete, prune, quit
    case printf(String)
    case exec([String], batch: Bool)
    case ls
}
