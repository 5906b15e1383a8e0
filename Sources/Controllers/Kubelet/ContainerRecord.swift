import APIStore
import KubeModel

/// What the kubelet knows of one container of a pod: the state it reports and what comes next.
struct ContainerRecord {
    enum State: Equatable {
        case waiting(reason: String, message: String?)
        case running(startedAt: Int64)
        case terminated(exitCode: Int32, reason: String, startedAt: Int64, finishedAt: Int64, containerID: String)
    }

    var name: String
    var image: String
    var isInit: Bool
    var containerID: String?
    var imageID: String?
    var state: State = .waiting(reason: "ContainerCreating", message: nil)
    var lastState: State?
    var restartCount = 0
    /// When the next start (after a crash) or pull (after a failed pull) may happen.
    var backOff = BackOff()
    /// Whether a pull/start is in flight (scheduled on the timeline).
    var busy = false

    init(name: String, image: String, isInit: Bool) {
        self.name = name
        self.image = image
        self.isInit = isInit
    }

    var isRunning: Bool { if case .running = state { true } else { false } }

    var exitCode: Int32? { if case .terminated(let code, _, _, _, _) = state { code } else { nil } }

    /// A record taken over from a status the kubeadm world (or an earlier kubelet) wrote.
    init?(adopting status: JSONValue, isInit: Bool) {
        guard let name = status["name"]?.stringValue else { return nil }
        self.init(name: name, image: status["image"]?.stringValue ?? "", isInit: isInit)
        containerID = status["containerID"]?.stringValue.map { String($0.dropFirst("containerd://".count)) }
        imageID = status["imageID"]?.stringValue
        restartCount = status["restartCount"]?.intValue ?? 0
        state = Self.state(from: status["state"]) ?? state
        lastState = Self.state(from: status["lastState"])
    }

    private static func state(from json: JSONValue?) -> State? {
        guard let json else { return nil }
        if let running = json["running"] {
            return .running(startedAt: Timestamp.parse(running["startedAt"]?.stringValue ?? "") ?? 0)
        }
        if let done = json["terminated"] {
            return .terminated(exitCode: Int32(done["exitCode"]?.intValue ?? 0), reason: done["reason"]?.stringValue ?? "",
                               startedAt: Timestamp.parse(done["startedAt"]?.stringValue ?? "") ?? 0,
                               finishedAt: Timestamp.parse(done["finishedAt"]?.stringValue ?? "") ?? 0,
                               containerID: String((done["containerID"]?.stringValue ?? "").dropFirst("containerd://".count)))
        }
        if let waiting = json["waiting"] {
            return .waiting(reason: waiting["reason"]?.stringValue ?? "", message: waiting["message"]?.stringValue)
        }
        return nil
    }

    /// `state`/`lastState` as the API shows them.
    static func json(_ state: State?) -> JSONValue {
        guard let state else { return .emptyObject }
        switch state {
        case .waiting(let reason, let message):
            var waiting: JSONObject = [:]
            if let message { waiting["message"] = .string(message) }
            waiting["reason"] = .string(reason)
            return ["waiting": .object(waiting)]
        case .running(let startedAt):
            return ["running": ["startedAt": .string(Timestamp.rfc3339(nanoseconds: startedAt))]]
        case .terminated(let code, let reason, let startedAt, let finishedAt, let id):
            return ["terminated": ["containerID": .string("containerd://" + id), "exitCode": .int(Int(code)),
                                   "finishedAt": .string(Timestamp.rfc3339(nanoseconds: finishedAt)),
                                   "reason": .string(reason),
                                   "startedAt": .string(Timestamp.rfc3339(nanoseconds: startedAt))]]
        }
    }
}

/// The kubelet's crash and image-pull back-off: 10 s, doubling, at most 5 min.
struct BackOff: Equatable {
    static let initial: Int64 = 10_000_000_000
    static let maximum: Int64 = 300_000_000_000
    /// The current delay (0: none yet).
    var delay: Int64 = 0
    /// Until when the container waits.
    var until: Int64 = 0

    /// Starts or doubles the back-off at `now`.
    mutating func next(now: Int64) {
        delay = delay == 0 ? Self.initial : min(delay * 2, Self.maximum)
        until = now + delay
    }

    func isActive(at now: Int64) -> Bool { now < until }

    /// `10s`, `20s`, `1m20s`, `5m0s` as Go prints a Duration.
    var text: String {
        let seconds = delay / 1_000_000_000
        return seconds >= 60 ? "\(seconds / 60)m\(seconds % 60)s" : "\(seconds)s"
    }
}
