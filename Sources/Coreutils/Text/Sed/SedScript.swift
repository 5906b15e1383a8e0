/// A parsed sed script: a flat list of commands, where `{` knows its matching `}`.
struct SedScript {
    var commands: [SedCommand] = []
}

/// Where a command applies.
enum SedAddress {
    case line(Int)
    case last
    /// nil: the last regex used (`//`).
    case regex(PosixRegex?)
    case step(first: Int, step: Int)
    /// `addr1,+N` (only as the second address).
    case relative(Int)
    /// `addr1,~N` (only as the second address).
    case multiple(Int)
}

/// One command with its addresses.
struct SedCommand {
    var address1: SedAddress?
    var address2: SedAddress?
    var negated = false
    var kind: Kind

    enum Kind {
        case blockStart(end: Int)
        case blockEnd
        case substitute(SedSubstitution)
        case transliterate([UInt8: UInt8])
        case print, printFirstLine, delete, deleteFirstLine, lineNumber
        case quit(Int32), quitSilently(Int32)
        case append([UInt8]), insert([UInt8]), change([UInt8])
        case next, appendNext
        case hold, holdAppend, get, getAppend, exchange
        case label(String)
        case branch(String?), branchIfSubstituted(String?), branchUnlessSubstituted(String?)
        case readFile(String), writeFile(String)
        case zap, fileName, list
        case comment
    }
}

/// An `s` command's parts.
struct SedSubstitution {
    /// nil: the last regex used.
    var regex: PosixRegex?
    var replacement: [SedReplacementPiece]
    var global = false
    var occurrence = 1
    var print = false
    var writeFile: String?
}

/// A piece of an `s` replacement.
enum SedReplacementPiece {
    case literal([UInt8])
    /// `&` is group 0.
    case group(Int)
    case caseChange(SedCaseChange)
}

enum SedCaseChange { case upperNext, lowerNext, upper, lower, end }

/// A script error, in sed's words, with where it was found.
struct SedError: Error {
    let message: String
    /// 0-based offset in the joined script, or nil for errors without a position.
    let offset: Int?
}
