/// One line of a rubric: what is checked, what it is worth, what the learner reads if it fails.
public struct Check: Sendable, Equatable {
    /// Unique within the rubric (a test name in grade reports).
    public var name: String
    public var points: Int
    public var feedback: String
    public var kind: CheckKind

    static let fields = ["name", "points", "feedback"] + CheckKind.names
}

/// Which nodes a check looks at.
public enum NodeScope: Sendable, Equatable {
    /// Every node must pass.
    case all
    /// At least one node must pass.
    case any
    /// Each of these nodes must pass.
    case named([String])
    /// For DaemonSets: the nodes the DaemonSet controller decides it should run on.
    case eligible
}

/// The declarative checks, plus two escape hatches (a command's output, a snippet's status).
public enum CheckKind: Sendable, Equatable {
    /// A file on nodes: exists (or not), and optionally its contents.
    case file(path: String, nodes: NodeScope, exists: Bool, contents: TextMatch?)
    /// An API object exists (or is absent).
    case object(ObjectReference, absent: Bool)
    /// A field of an object, by JSONPath (kubectl's template syntax).
    case field(ObjectReference, path: String, match: TextMatch)
    /// How many pods match a selector (only Running, only Ready ones when asked).
    case pods(selector: String, namespace: String, count: Int, running: Bool, ready: Bool)
    /// A DaemonSet's pods: one Running pod on each node of `nodes`.
    case daemonSet(name: String, namespace: String, nodes: NodeScope)
    /// A static pod: its manifest in the node's kubelet staticPodPath and its mirror pod Running.
    case staticPod(name: String, node: String, namespace: String)
    /// An event on an object with this reason (and message).
    case event(ObjectReference, reason: String, message: TextMatch?)
    /// A command typed at the terminal: its stdout (and exit status).
    case command(run: String, output: TextMatch?, status: Int32?)
    /// A shell snippet typed at the terminal; exit status 0 passes.
    case script(run: String)

    /// The key naming each kind in `grader/<id>.yaml`.
    static let names = ["file", "object", "field", "pods", "daemonSet", "staticPod", "event", "command", "script"]
}

/// An object by kind, name and namespace.
public struct ObjectReference: Sendable, Equatable {
    public var kind: String
    public var name: String
    public var namespace: String

    /// `DaemonSet default/config`, `Node node01`.
    var shown: String { "\(kind) \(namespace.isEmpty ? "" : namespace + "/")\(name)" }
}
