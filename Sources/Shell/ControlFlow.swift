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
    /// An expansion error (`${x:?}`, bad substitution, arithmetic error): bash abandons the
    /// whole command line (interactive) or the script (non-interactive) with this status.
    case abortLine(Int32)
    /// A budget ran out: the whole `run` stops.
    case budgetExceeded
}
