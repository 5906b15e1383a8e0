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

/// `kubectl run -it … -- sh`: the pod's own shell at the terminal; leaving it ends the
/// container, then attach's parting line, the pod's end and `--rm` follow.
struct RunTerminalTests {
    @Test func aTemporaryShellPodUntilExit() {
        let run = runLab("""
            kubectl run tmp --rm -it --image=busybox -- sh
            hostname
            exit
            echo "status $?"
            kubectl get pods
            kubectl run t2 --rm -it --image=busybox --restart=Never -- sh
            exit 5
            echo "status $?"
            kubectl run t3 -it --image=busybox -- sh
            exit
            kubectl get pods
            """, terminal: true, echo: true)
        #expect(run.stdout == """
            root@controlplane:~# kubectl run tmp --rm -it --image=busybox -- sh
            / # hostname
            tmp
            / # exit
            Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running
            pod "tmp" deleted
            root@controlplane:~# echo "status $?"
            status 0
            root@controlplane:~# kubectl get pods
            root@controlplane:~# kubectl run t2 --rm -it --image=busybox --restart=Never -- sh
            / # exit 5
            pod "t2" deleted
            root@controlplane:~# echo "status $?"
            status 5
            root@controlplane:~# kubectl run t3 -it --image=busybox -- sh
            / # exit
            Session ended, resume using 'kubectl attach t3 -c t3 -i -t' command when the pod is running
            root@controlplane:~# kubectl get pods
            NAME   READY   STATUS    RESTARTS     AGE
            t3     1/1     Running   1 (3s ago)   8s

            """)
        #expect(run.stderr == """
            If you don't see a command prompt, try pressing enter.
            No resources found in default namespace.
            If you don't see a command prompt, try pressing enter.
            pod default/t2 terminated (Error)
            If you don't see a command prompt, try pressing enter.

            """)
    }

    @Test func pipedInputRunsInTheShellAndClosesIt() {
        let run = runLab("""
            echo 'echo piped; hostname' | kubectl run t4 --rm -i --image=busybox --restart=Never -- sh
            echo "status $?"
            """)
        #expect(run.stdout == "piped\nt4\npod \"t4\" deleted\nstatus 0\n")
        #expect(run.stderr == "If you don't see a command prompt, try pressing enter.\n")
    }
}
