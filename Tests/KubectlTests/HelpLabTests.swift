import LabTestSupport
import Testing

/// Help in a whole lab: through the shell, pipes, $HOME and a stopped API server.
@Suite struct HelpLabTests {
    @Test func helpThroughTheShell() {
        let run = runLab("""
            kubectl create deploy --help | head -1
            kubectl run --help | grep -c -- '--image='
            kubectl expose -h >/dev/null; echo "expose $?"
            kubectl help set image | tail -3 | head -1
            kubectl options | grep -A1 cache-dir | head -1
            kubectl rollout >/dev/null; echo "rollout $?"
            kubectl get pods -A --help | head -1
            """)
        #expect(run.stdout == """
            Create a deployment with the specified name.
            11
            expose 0
              kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]
                --cache-dir='/root/.kube/cache':
            rollout 1
            Display one or many resources.

            """)
        #expect(run.stderr == "")
    }

    /// Help needs no server: it answers while kube-apiserver is down.
    @Test func helpWithoutAnAPIServer() {
        let run = runLab("""
            mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/
            sleep 5
            kubectl get pods; echo "get $?"
            kubectl get pods --help | head -1
            """)
        #expect(run.stdout == "get 1\nDisplay one or many resources.\n")
        #expect(run.stderr.hasPrefix("The connection to the server"))
    }
}
