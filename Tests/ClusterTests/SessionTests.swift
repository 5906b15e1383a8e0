import Cluster
import LabTestSupport
import Testing

@Suite struct SessionTests {
    @Test func startsAsRootOnTheControlPlane() {
        let run = runLab("hostname\ncat /etc/hostname\npwd\nwhoami", echo: true)
        #expect(run.stdout == """
            root@controlplane:~# hostname
            controlplane
            root@controlplane:~# cat /etc/hostname
            controlplane
            root@controlplane:~# pwd
            /root
            root@controlplane:~# whoami
            root

            """)
        #expect(run.status == 0)
    }

    @Test func promptShowsTheWorkingDirectory() {
        let run = runLab("cd /etc/default\ncd ~/x 2>/dev/null; mkdir -p ~/x/y && cd ~/x/y\ntrue", echo: true)
        #expect(run.stdout == """
            root@controlplane:~# cd /etc/default
            root@controlplane:/etc/default# cd ~/x 2>/dev/null; mkdir -p ~/x/y && cd ~/x/y
            root@controlplane:~/x/y# true

            """)
    }

    @Test func sshOpensAShellOnAnotherNodeAndExitComesBack() {
        let run = runLab("""
            mkdir -p /config && echo 'Hello, Kubernetes!' > /config/conf
            ssh node01
            hostname
            ls /config
            echo node01 only > /tmp/mark
            exit
            hostname
            cat /tmp/mark
            ssh node01 cat /tmp/mark
            """, echo: true)
        #expect(run.stdout == """
            root@controlplane:~# mkdir -p /config && echo 'Hello, Kubernetes!' > /config/conf
            root@controlplane:~# ssh node01
            root@node01:~# hostname
            node01
            root@node01:~# ls /config
            root@node01:~# echo node01 only > /tmp/mark
            root@node01:~# exit
            root@controlplane:~# hostname
            controlplane
            root@controlplane:~# cat /tmp/mark
            root@controlplane:~# ssh node01 cat /tmp/mark
            node01 only

            """)
        #expect(run.stderr == """
            ls: cannot access '/config': No such file or directory
            logout
            Connection to node01 closed.
            cat: /tmp/mark: No such file or directory

            """)
        #expect(run.status == 0)
    }

    @Test func sshToAnUnknownHostFailsLikeOpenSSH() {
        let run = runLab("ssh node99")
        #expect(run.stderr == "ssh: Could not resolve hostname node99: Name or service not known\n")
        #expect(run.status == 255)
    }

    @Test func sshAcceptsUserAtHostAndOptions() {
        let run = runLab("ssh -o StrictHostKeyChecking=no root@node01 'hostname; echo $HOME'")
        #expect(run.stdout == "node01\n/root\n")
    }

    @Test func incompleteCommandsWaitForMoreLines() {
        let run = runLab("cat <<EOF\nline one\nEOF\nfor i in a b\ndo echo $i\ndone", echo: true)
        #expect(run.stdout == """
            root@controlplane:~# cat <<EOF
            > line one
            > EOF
            line one
            root@controlplane:~# for i in a b
            > do echo $i
            > done
            a
            b

            """)
    }

    @Test func exitEndsTheSessionAndLaterLinesAreNotRun() {
        let run = runLab("echo before\nexit 3\necho after")
        #expect(run.stdout == "before\n")
        #expect(run.stderr == "exit\n")
        #expect(run.status == 3)
    }

    @Test func editorsExplainWhatToDoWithoutATerminal() {
        let run = runLab("vi /etc/hosts")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("vi: no terminal to open an editor in"))
    }

    @Test func unknownCommandsAreBashsError() {
        let run = runLab("kubecttl get po")
        #expect(run.stderr == "bash: kubecttl: command not found\n")
        #expect(run.status == 127)
    }

    @Test func completesCommandsAndPaths() {
        let (_, session) = labSession("mkdir -p /etc/kubernetes/manifests")
        #expect(session.completions(line: "hostn", cursor: 5) == ["hostname"])
        #expect(session.completions(line: "ls /etc/kub", cursor: 11) == ["/etc/kubernetes/"])
        #expect(session.completions(line: "cat /etc/hostn", cursor: 14) == ["/etc/hostname"])
    }

    @Test func nodesShareTheImageButNotTheirChanges() {
        let (_, session) = labSession("echo x > /root/only-here")
        let world = session.world
        #expect(world.nodes.map(\.name) == ["controlplane", "node01"])
        #expect(world.node(named: "controlplane")?.disk.exists("/root/only-here") == true)
        #expect(world.node(named: "node01")?.disk.exists("/root/only-here") == false)
        #expect(world.node(named: "node01")?.disk.exists("/etc/os-release") == true)
    }
}
