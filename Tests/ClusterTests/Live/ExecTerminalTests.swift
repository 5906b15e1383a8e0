import Cluster
import LabTestSupport
import Testing

/// `kubectl exec -it POD -- sh` at the learner's terminal: the typed lines run in the
/// container's shell, under its prompt, until `exit` hands the terminal back.
struct ExecTerminalTests {
    static let pods = """
        kubectl run web --image=nginx
        kubectl run bb --image=busybox -- sleep 3600
        sleep 10

        """

    @Test func aShellInTheContainerUntilExit() {
        let run = runLab(Self.pods + """
            kubectl exec -it bb -- sh
            hostname
            cd /tmp
            echo hi > x; cat x
            exit 3
            echo "status $?"
            ls /tmp
            kubectl exec -it web -- bash
            cat /etc/hostname
            ls /usr/share/nginx/html
            exit
            kubectl exec -it web -- sh
            echo in dash
            exit
            kubectl exec bb -- cat /tmp/x
            """, terminal: true, echo: true)
        // On a terminal stderr's lines (`command terminated with exit code 3`, bash's `exit`)
        // come between these; the lab keeps the two streams apart.
        let expected = """
            root@controlplane:~# kubectl exec -it bb -- sh
            / # hostname
            bb
            / # cd /tmp
            /tmp # echo hi > x; cat x
            hi
            /tmp # exit 3
            root@controlplane:~# echo "status $?"
            status 3
            root@controlplane:~# ls /tmp
            root@controlplane:~# kubectl exec -it web -- bash
            root@web:/# cat /etc/hostname
            web
            root@web:/# ls /usr/share/nginx/html
            50x.html  index.html
            root@web:/# exit
            root@controlplane:~# kubectl exec -it web -- sh
            # echo in dash
            in dash
            # exit
            root@controlplane:~# kubectl exec bb -- cat /tmp/x
            hi

            """
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let tail = lines.drop { !$0.hasPrefix("root@controlplane:~# kubectl exec -it bb") }.joined(separator: "\n")
        #expect(tail == expected)
        #expect(run.stderr == "command terminated with exit code 3\nexit\n")
    }

    @Test func pipedInputIsNotATerminal() {
        let run = runLab(Self.pods + """
            echo 'echo from a pipe; hostname' | kubectl exec -it bb -- sh
            echo "status $?"
            """, terminal: true)
        #expect(run.stdout.hasSuffix("pod/bb created\nfrom a pipe\nbb\nstatus 0\n"))
        #expect(run.stderr == "Unable to use a TTY - input is not a terminal or the right kind of file\n")
    }

    @Test func withoutATerminalTheShellGetsNoInput() {
        let run = runLab(Self.pods + """
            kubectl exec -it bb -- sh
            hostname
            """)
        #expect(run.stdout.hasSuffix("controlplane\n"))
        #expect(run.stderr == "Unable to use a TTY - input is not a terminal or the right kind of file\n")
    }
}
