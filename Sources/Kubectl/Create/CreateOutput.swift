import KubeModel

/// Sends a generated object to the server (or not, with --dry-run) and prints the result.
extension VerbRequest {
    mutating func finishCreate(_ object: JSONValue) throws(KubectlFailure) {
        let mode = try dryRun()
        let format = try OutputFormat.parse(flags.string("output"), allowed: OutputFormat.objectFormats)
        var result = KubeObject(object)
        if mode != .client {
            guard let context else { throw KubectlFailure.connectionRefused }
            do throws(KubectlServerError) {
                result = try context.create(result, dryRun: mode == .server)
            } catch {
                throw KubectlFailure(stderr: error.stderr)
            }
        }
        let suffix = mode == .client ? " (dry run)" : mode == .server ? " (server dry run)" : ""
        try OutputPrinter.print(result.content, format: format, action: "created" + suffix, to: &invocation,
                                allowMissingKeys: flags.bool("allow-missing-template-keys"))
    }
}

extension KubectlFailure {
    /// What kubectl says when no API server answers (the lab's kubeconfig points at the control plane).
    public static let connectionRefused = KubectlFailure(
        stderr: "The connection to the server 172.30.1.2:6443 was refused - did you specify the right host or port?\n")
}
