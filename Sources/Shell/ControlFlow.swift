/// Non-local exits through the interpreter, thrown from builtins and caught where bash
/// would stop unwinding (a loop, a function call, a subshell, the top level).
enum ControlFlow: Error {
    /// `break N`: leave N enclosing loops.
    case breakLoop(Int)
    /// `continue N`
    case continueLoop(Int)
    /// `return N` from a function or a sourced file.
    case returnFromFunction(Int32)
    /// `exit N`, `set -e` failures, and fatal errors in a non-interactive shell.
    case exit(Int32)
    /// An expansion or assignment error (bad substitution, arithmetic error, readonly
    /// variable): bash abandons the rest of the line with this status and reads the next.
    case abortLine(Int32)
    /// A budget ran out: the whole `run` stops.
    case budgetExceeded
}
