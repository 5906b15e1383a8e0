import ShellSyntax

/// One shell variable: a string (or a list, for `read -a`), and its attributes.
struct Variable: Equatable {
    var value: String
    var exported = false
    var readonly = false
    /// Set for indexed arrays; `value` then mirrors element 0.
    var array: [String]?

    init(_ value: String, exported: Bool = false) {
        self.value = value
        self.exported = exported
    }
}

/// `set -e -u -x -o pipefail …`
struct ShellOptions: Equatable {
    var errexit = false
    var nounset = false
    var xtrace = false
    var pipefail = false
    var noglob = false
    var allexport = false
}

/// Everything a subshell copies and throws away afterwards: `( … )` and `$( … )` save this,
/// run, and restore it, so nothing leaks out of them.
struct ShellState {
    var variables: [String: Variable] = [:]
    var positional: [String] = []
    var functions: [String: ShellCommand] = [:]
    var aliases: [String: String] = [:]
    var options = ShellOptions()
    var workingDirectory = "/"
    var previousDirectory: String?
    var lastStatus: Int32 = 0
    /// Saved values of names made `local`, one frame per active function call.
    var localFrames: [[String: Variable?]] = []
    var umask: UInt16 = 0o022
    var lastBackgroundPID: Int?
    var pipeStatus: [Int32] = [0]
}

