/// What kubectl prints when nothing listens on the API server's port (the kube-apiserver static
/// pod is down): `The connection to the server 172.30.1.2:6443 was refused - did you specify the
/// right host or port?`, exit status 1.
extension KubectlServerError {
    public static func connectionRefused(server: String) -> KubectlServerError {
        KubectlServerError(reason: "", code: 0,
                           message: "The connection to the server \(server) was refused - did you specify the right host or port?")
    }

    /// A connection error, not a status from the server: printed bare.
    public var isConnectionRefused: Bool { code == 0 && message.hasPrefix("The connection to the server ") }
}
