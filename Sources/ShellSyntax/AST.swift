/// The syntax tree of a bash-subset script, as the parser builds it and the interpreter runs it.
///
/// Modelled on mvdan/sh's `syntax` package: no I/O here, every node knows where it started.

/// A place in the source: 1-based line and column (columns count characters).
public struct SourcePosition: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A whole script, or one complete line typed at the prompt.
public struct Script: Equatable, Sendable {
    public var body: CommandList

    public init(body: CommandList) {
        self.body = body
    }
}

/// Commands separated by `;`, `&` or newlines: `a; b && c | d &`.
public struct CommandList: Equatable, Sendable {
    public var items: [AndOrList]

    public init(_ items: [AndOrList] = []) {
        self.items = items
    }
}

/// Pipelines joined by `&&` and `||`, optionally run in the background (`&`).
public struct AndOrList: Equatable, Sendable {
    public var first: Pipeline
    public var rest: [AndOrLink]
    public var background: Bool

    public init(first: Pipeline, rest: [AndOrLink] = [], background: Bool = false) {
        self.first = first
        self.rest = rest
        self.background = background
    }
}

public struct AndOrLink: Equatable, Sendable {
    public enum Operator: String, Equatable, Sendable {
        case and = "&&"
        case or = "||"
    }

    public var op: Operator
    public var pipeline: Pipeline

    public init(_ op: Operator, _ pipeline: Pipeline) {
        self.op = op
        self.pipeline = pipeline
    }
}

/// `! a | b |& c`: commands whose output feeds the next one's input.
public struct Pipeline: Equatable, Sendable {
    public var negated: Bool
    public var commands: [ShellCommand]
    /// For each `|` between commands: true when it was `|&` (stderr too).
    public var pipesStderr: [Bool]
    public var position: SourcePosition
    /// `time pipeline`: bash prints real/user/sys times to stderr after it.
    public var timed: Bool

    public init(negated: Bool = false, commands: [ShellCommand], pipesStderr: [Bool]? = nil, position: SourcePosition,
                timed: Bool = false) {
        self.negated = negated
        self.commands = commands
        self.pipesStderr = pipesStderr ?? Array(repeating: false, count: max(commands.count - 1, 0))
        self.position = position
        self.timed = timed
    }
}

/// One element of a pipeline.
public indirect enum ShellCommand: Equatable, Sendable {
    case simple(SimpleCommand)
    case compound(CompoundCommand, redirections: [Redirection])
    case function(FunctionDefinition)
}

/// `A=1 B=2 cmd arg… >file`: assignments, words and redirections in any order.
public struct SimpleCommand: Equatable, Sendable {
    public var assignments: [Assignment]
    public var words: [Word]
    public var redirections: [Redirection]
    public var position: SourcePosition

    public init(assignments: [Assignment] = [], words: [Word] = [], redirections: [Redirection] = [], position: SourcePosition) {
        self.assignments = assignments
        self.words = words
        self.redirections = redirections
        self.position = position
    }
}

public indirect enum CompoundCommand: Equatable, Sendable {
    /// `{ list; }`
    case braceGroup(CommandList)
    /// `( list )`
    case subshell(CommandList)
    case ifClause(IfClause)
    /// `while list; do list; done`, or `until` when `until` is true.
    case whileLoop(condition: CommandList, body: CommandList, until: Bool)
    /// `for name [in words…]; do list; done`; `words` is nil without `in` (then `"$@"`).
    case forLoop(variable: String, words: [Word]?, body: CommandList)
    /// `case word in pattern) list;; … esac`
    case caseClause(subject: Word, items: [CaseItem])
    /// `[[ words… ]]`, kept as words; the interpreter evaluates it like `test` with patterns.
    case conditional([Word])
    /// `(( expression ))`, kept as text.
    case arithmetic(String)
}

/// `if c1; then b1; elif c2; then b2; else b3; fi`
public struct IfClause: Equatable, Sendable {
    public struct Branch: Equatable, Sendable {
        public var condition: CommandList
        public var body: CommandList

        public init(condition: CommandList, body: CommandList) {
            self.condition = condition
            self.body = body
        }
    }

    /// The `if` branch first, then each `elif`.
    public var branches: [Branch]
    public var elseBody: CommandList?

    public init(branches: [Branch], elseBody: CommandList? = nil) {
        self.branches = branches
        self.elseBody = elseBody
    }
}

public struct CaseItem: Equatable, Sendable {
    public enum Terminator: String, Equatable, Sendable {
        case `break` = ";;"
        case fallThrough = ";&"
        case testNext = ";;&"
    }

    public var patterns: [Word]
    public var body: CommandList
    public var terminator: Terminator

    public init(patterns: [Word], body: CommandList, terminator: Terminator = .break) {
        self.patterns = patterns
        self.body = body
        self.terminator = terminator
    }
}

/// `name() compound-command` or `function name { … }`.
public struct FunctionDefinition: Equatable, Sendable {
    public var name: String
    public var body: ShellCommand

    public init(name: String, body: ShellCommand) {
        self.name = name
        self.body = body
    }
}

/// `NAME=value` or `NAME+=value` before a command (or alone).
public struct Assignment: Equatable, Sendable {
    public var name: String
    public var value: Word
    public var append: Bool

    public init(name: String, value: Word, append: Bool = false) {
        self.name = name
        self.value = value
        self.append = append
    }
}

public struct Redirection: Equatable, Sendable {
    public enum Operator: String, Equatable, Sendable {
        case input = "<"
        case output = ">"
        case append = ">>"
        case clobber = ">|"
        case duplicateInput = "<&"
        case duplicateOutput = ">&"
        case readWrite = "<>"
        /// `&>file`: stdout and stderr.
        case outputAndError = "&>"
        /// `&>>file`
        case appendOutputAndError = "&>>"
        case hereDocument = "<<"
        /// `<<-`: leading tabs are stripped from the body and the delimiter line.
        case hereDocumentStrippingTabs = "<<-"
        case hereString = "<<<"
    }

    /// The explicit file descriptor (`2>`), or nil for the operator's default.
    public var fd: Int?
    public var op: Operator
    /// The file, the fd to duplicate (`2>&1` → `1`, `-` closes), the here-string, or the
    /// here-document's delimiter word as written.
    public var target: Word
    /// The body of a here-document, filled in by the parser once it has read the lines.
    public var hereDocument: HereDocument?
    public var position: SourcePosition

    public init(fd: Int? = nil, op: Operator, target: Word, hereDocument: HereDocument? = nil, position: SourcePosition) {
        self.fd = fd
        self.op = op
        self.target = target
        self.hereDocument = hereDocument
        self.position = position
    }
}

/// A here-document's body. With a quoted delimiter (`<<'EOF'`) the body is one literal part
/// and nothing in it expands; otherwise `$x`, `$(…)`, `` `…` `` and `\` escapes do.
public struct HereDocument: Equatable, Sendable {
    public var body: [WordPart]
    public var expands: Bool

    public init(body: [WordPart], expands: Bool) {
        self.body = body
        self.expands = expands
    }
}

/// A shell word: parts that expand and are then joined, split and globbed.
public struct Word: Equatable, Sendable {
    public var parts: [WordPart]
    public var position: SourcePosition

    public init(_ parts: [WordPart], position: SourcePosition) {
        self.parts = parts
        self.position = position
    }

    /// The word's text when it is a plain unquoted literal (`for`, `in`, a command name).
    public var literalText: String? {
        guard parts.count == 1, case .literal(let text) = parts[0] else { return nil }
        return text
    }
}

public indirect enum WordPart: Equatable, Sendable {
    /// Unquoted text: subject to globbing (field splitting applies only to expansions).
    case literal(String)
    /// `'…'`, or `$'…'` already decoded.
    case singleQuoted(String)
    /// `\c` outside quotes: the character, taken literally.
    case escaped(String)
    /// `"…"`: its parts expand but are not split or globbed.
    case doubleQuoted([WordPart])
    /// `$name`, `${name…}`, `$?`, `$1`, `$@`, …
    case parameter(ParameterExpansion)
    /// `$(list)` or `` `list` ``.
    case commandSubstitution(CommandList)
    /// `$(( expression ))`, kept as text for the interpreter's arithmetic evaluator.
    case arithmetic(String)
    /// `~` or `~user` at the start of a word (or after `:`/`=` in an assignment).
    case tilde(user: String)
}

/// `$name` or `${…}` with its operation.
public struct ParameterExpansion: Equatable, Sendable {
    public enum Operation: Equatable, Sendable {
        /// `${#name}`
        case length
        /// `${name:-word}` (colon: also when empty) / `${name-word}`
        case useDefault(Word, colon: Bool)
        /// `${name:=word}` / `${name=word}`
        case assignDefault(Word, colon: Bool)
        /// `${name:?word}` / `${name?word}`
        case errorIfUnset(Word, colon: Bool)
        /// `${name:+word}` / `${name+word}`
        case useAlternative(Word, colon: Bool)
        /// `${name#pattern}` (longest: `##`)
        case removePrefix(Word, longest: Bool)
        /// `${name%pattern}` (longest: `%%`)
        case removeSuffix(Word, longest: Bool)
        /// `${name/pattern/string}` (all: `//`)
        case replace(pattern: Word, with: Word, all: Bool)
        /// `${name/#pattern/string}` (anchored at the start) / `${name/%pattern/string}` (at the end)
        case replaceAnchored(pattern: Word, with: Word, atEnd: Bool)
        /// `${!name}`: the value of the variable whose name is the value of `name`
        case indirect
        /// `${name:offset}` / `${name:offset:length}`, kept as arithmetic text
        case substring(offset: String, length: String?)
        /// `${name^}` `${name^^}` `${name,}` `${name,,}`
        case changeCase(upper: Bool, all: Bool)
        /// `${}`, `${a:}`, `${a!b}`…: bash parses it but fails when expanding it, printing
        /// `TEXT: bad substitution` (TEXT is the whole `${…}`) with status 1. The name is empty.
        case badSubstitution(text: String)
    }

    /// A variable name, a digit string (`1`, `10`), or one of `? # @ * $ ! - 0`.
    public var name: String
    public var operation: Operation?

    public init(name: String, operation: Operation? = nil) {
        self.name = name
        self.operation = operation
    }
}
