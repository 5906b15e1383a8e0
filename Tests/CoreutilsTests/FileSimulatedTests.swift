@testable import Coreutils
import Testing

/// Outputs that depend on the simulated clock, owners, inodes or the terminal: the real
/// machine cannot answer these, so each row states what GNU would print in the lab's world.
@Suite struct FileSimulatedTests {
    func run(_ script: String, terminal: Bool = false, width: Int = 80) -> FileOutcome {
        FileTestShell(terminal: terminal, width: width).run(script)
    }

    @Test func longListingUsesTheSimulatedClock() {
        let result = run("mkdir d && printf hello > f && ln -s f l && ls -l")
        #expect(result.stdout == """
            total 8
            drwxr-xr-x 2 root root 4096 Jan  5 09:00 d
            -rw-r--r-- 1 root root    5 Jan  5 09:00 f
            lrwxrwxrwx 1 root root    1 Jan  5 09:00 l -> f

            """)
    }

    @Test func sleepAdvancesTheClock() {
        let result = run("sleep 90 && touch f && sleep 2h && date && ls -l f && date -u +%T")
        #expect(result.stdout == """
            Mon Jan  5 11:01:30 UTC 2026
            -rw-r--r-- 1 root root 0 Jan  5 09:01 f
            11:01:30

            """)
    }

    @Test func futureAndOldFilesShowTheYear() {
        let result = run("touch -d '2026-03-01 10:00' future && touch -d '2025-06-01' old && touch -d '2025-08-01' recent && ls -l")
        #expect(result.stdout == """
            total 0
            -rw-r--r-- 1 root root 0 Mar  1  2026 future
            -rw-r--r-- 1 root root 0 Jun  1  2025 old
            -rw-r--r-- 1 root root 0 Aug  1 00:00 recent

            """)
    }

    @Test func ownersComeFromTheNode() {
        let result = run("touch f && chown ubuntu:adm f && ls -l f && ls -n f && stat -c '%U %G %u %g' f")
        #expect(result.stdout == """
            -rw-r--r-- 1 ubuntu adm 0 Jan  5 09:00 f
            -rw-r--r-- 1 1000 4 0 Jan  5 09:00 f
            ubuntu adm 1000 4

            """)
    }

    @Test func terminalColumnsQuoteOddNames() {
        let result = run("mkdir d && touch 'a b' c \"it's\" $'n\\nl' && ls --color=auto", terminal: true)
        #expect(result.stdout == "'a b'   c   \u{1B}[0m\u{1B}[01;34md\u{1B}[0m  \"it's\"  'n'$'\\n''l'\n")
        let plain = run("touch 'a b' c && ls --color=never -l", terminal: true)
        #expect(plain.stdout == "total 0\n-rw-r--r-- 1 root root 0 Jan  5 09:00 'a b'\n-rw-r--r-- 1 root root 0 Jan  5 09:00  c\n")
    }

    @Test func terminalColumnsFitTheWidth() {
        let names = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon"
        let result = run("touch \(names) && mkdir dir && ls --color=never", terminal: true)
        #expect(result.stdout == """
            alpha  delta  epsilon  gamma  kappa   mu  omicron  rho\t  tau\t upsilon  zeta
            beta   dir    eta      iota   lambda  nu  pi\t   sigma  theta  xi

            """)
        let narrow = run("touch \(names) && mkdir dir && ls -C -w 40")
        #expect(narrow.stdout == """
            alpha\t eta\t mu\t  sigma    zeta
            beta\t gamma\t nu\t  tau
            delta\t iota\t omicron  theta
            dir\t kappa\t pi\t  upsilon
            epsilon  lambda  rho\t  xi

            """)
    }

    @Test func colours() {
        let result = run("mkdir d && touch x && chmod +x x && ln -s nope o && ln -s x l && touch p && ls --color=always")
        #expect(result.stdout == "\u{1B}[0m\u{1B}[01;34md\u{1B}[0m\n\u{1B}[01;36ml\u{1B}[0m\n\u{1B}[40;31;01mo\u{1B}[0m\np\n\u{1B}[01;32mx\u{1B}[0m\n")
        let auto = run("mkdir d && ls --color=auto")
        #expect(auto.stdout == "d\n")
        let tmp = run("ls -d --color=always /tmp")
        #expect(tmp.stdout == "\u{1B}[0m\u{1B}[30;42m/tmp\u{1B}[0m\n")
    }

    @Test func statDefaultLayout() {
        let result = run("printf 'hello\\n' > f && stat f")
        let inode = FakeInode.number(FileTestShell().disk, "/tmp/difftest/f")
        #expect(result.stdout == """
              File: f
              Size: 6         \tBlocks: 8          IO Block: 4096   regular file
            Device: 252,1\tInode: \(String(inode).padding(11)) Links: 1
            Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)
            Access: 2026-01-05 09:00:00.000000000 +0000
            Modify: 2026-01-05 09:00:00.000000000 +0000
            Change: 2026-01-05 09:00:00.000000000 +0000
             Birth: 2026-01-05 09:00:00.000000000 +0000

            """)
        let link = run("ln -s f l && stat -c '%N|%y|%Y|%i' l")
        #expect(link.stdout.hasPrefix("'l' -> 'f'|2026-01-05 09:00:00.000000000 +0000|1767603600|"))
    }

    @Test func dateForms() {
        #expect(run("date").stdout == "Mon Jan  5 09:00:00 UTC 2026\n")
        #expect(run("date -u +'%Y-%m-%d %H:%M:%S'").stdout == "2026-01-05 09:00:00\n")
        #expect(run("date -d yesterday +%F; date -d tomorrow +%F; date -d '2 days ago' +%F; date -d now +%s").stdout
                == "2026-01-04\n2026-01-06\n2026-01-03\n1767603600\n")
        #expect(run("date -d 12:30").stdout == "Mon Jan  5 12:30:00 UTC 2026\n")
        #expect(run("date -d '+3 hours' +%T").stdout == "12:00:00\n")
        #expect(run("date -I").stdout == "2026-01-05\n")
        #expect(run("touch -d '2024-01-02 03:04:05' f && date -r f").stdout == "Tue Jan  2 03:04:05 UTC 2024\n")
    }

    @Test func machineFacts() {
        #expect(run("uname -a").stdout == "Linux controlplane 6.8.0-51-generic #52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n")
        #expect(run("uname -snrmo").stdout == "Linux controlplane 6.8.0-51-generic x86_64 GNU/Linux\n")
        #expect(run("hostname").stdout == "controlplane\n")
        #expect(run("uptime").stdout == " 09:00:00 up 47 min,  1 user,  load average: 0.08, 0.12, 0.10\n")
        #expect(run("sleep 1d && sleep 2h && uptime -p").stdout == "up 1 day, 2 hours, 47 minutes\n")
        #expect(run("sleep 3h && uptime").stdout == " 12:00:00 up  3:47,  1 user,  load average: 0.08, 0.12, 0.10\n")
        #expect(run("free").stdout == """
                           total        used        free      shared  buff/cache   available
            Mem:         4015888     1160532      412020        4160     2443336     2855356
            Swap:              0           0           0

            """)
        #expect(run("free -h").stdout == """
                           total        used        free      shared  buff/cache   available
            Mem:           3.8Gi       1.1Gi       402Mi       4.1Mi       2.3Gi       2.7Gi
            Swap:             0B          0B          0B

            """)
        #expect(run("free -m").stdout.contains("Mem:            3921        1133         402           4        2386        2788"))
        #expect(run("df").stdout == """
            Filesystem     1K-blocks    Used Available Use% Mounted on
            tmpfs             401592    1084    400508   1% /run
            /dev/vda1       20134592 7345124  12773084  37% /
            tmpfs            2007944       0   2007944   0% /dev/shm
            tmpfs               5120       0      5120   0% /run/lock
            /dev/vda15        106858    6186    100672   6% /boot/efi
            tmpfs             401588      12    401576   1% /run/user/0

            """)
        #expect(run("df -h /").stdout == "Filesystem      Size  Used Avail Use% Mounted on\n/dev/vda1        20G  7.1G   13G  37% /\n")
        #expect(run("nproc").stdout == "2\n")
        #expect(run("id").stdout == "uid=0(root) gid=0(root) groups=0(root)\n")
        #expect(run("id ubuntu").stdout == "uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),100(users)\n")
    }

    @Test func environmentAndCommands() {
        let shell = FileTestShell()
        shell.environment = ["B": "2", "A": "1", "PATH": "/usr/bin:/bin"]
        #expect(shell.run("env").stdout == "A=1\nB=2\nPATH=/usr/bin:/bin\n")
        #expect(run("env -i X=1 env").stdout == "X=1\n")
        #expect(run("env -u HOME printenv HOME; echo $?").stdout == "1\n")
        #expect(run("printenv HOME USER").stdout == "/root\nroot\n")
        #expect(run("sudo whoami").stdout == "root\n")
        #expect(run("sudo -i").status == 0)
        #expect(run("sudo su").status == 0)
        #expect(run("sudo nosuch") == FileOutcome(stdout: "", stderr: "sudo: nosuch: command not found\n", status: 1))
        #expect(run("sudo").status == 1)
        #expect(run("which ls").stdout == "/usr/bin/ls\n")
        #expect(run("which -a ls").stdout == "/usr/bin/ls\n/bin/ls\n")
        #expect(run("which tree; echo $?").stdout == "1\n")
        #expect(run("env nosuch") == FileOutcome(stdout: "", stderr: "env: ‘nosuch’: No such file or directory\n", status: 127))
    }

    @Test func terminalOnlyOutput() {
        #expect(run("clear", terminal: true).stdout == "\u{1B}[H\u{1B}[2J\u{1B}[3J")
        #expect(run("clear").stdout == "")
        #expect(run("printf 'a\\nb\\n' > f && less f && more f").stdout == "a\nb\na\nb\n")
        #expect(run("echo hi | less").stdout == "hi\n")
        #expect(run("mkdir d && less d").stderr == "d is a directory\n")
    }

    @Test func yesStops() {
        let result = run("yes")
        #expect(result.stdout.utf8.count >= yesOutputBudget)
        #expect(result.stdout.utf8.count < yesOutputBudget + 16384)
        #expect(result.stdout.hasPrefix("y\ny\n"))
    }

    @Test func robustness() {
        #expect(run("rm -rf /") == FileOutcome(stdout: "", stderr: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", status: 1))
        #expect(run("cd /usr && rm -rf ..").stderr == "rm: refusing to remove '.' or '..' directory: skipping '..'\n")
        // GNU checks for a "." or ".." last component before it checks for the root (remove.c).
        #expect(run("rm -rf /tmp/../").stderr == "rm: refusing to remove '.' or '..' directory: skipping '/tmp/../'\n")
        #expect(run("ln -s / /tmp/r && rm -rf /tmp/r/").stderr == "rm: it is dangerous to operate recursively on '/tmp/r/' (same as '/')\nrm: use --no-preserve-root to override this failsafe\n")
        // A deep tree: every walker finishes without exhausting the stack.
        let shell = FileTestShell()
        var path = "/tmp/difftest/deep"
        for _ in 0..<500 {
            try? shell.disk.createDirectory(path)
            path += "/d"
        }
        let walked = shell.run("find deep | wc -l && du -s deep > /dev/null && ls -R deep > /dev/null && cp -r deep copy && chmod -R 700 deep && rm -rf deep copy && ls")
        #expect(walked.stdout == "500\n")
        #expect(walked.status == 0)
        // Symlink loops.
        let loops = run("mkdir d && ln -s .. d/up && ls -RL d; echo $?; ln -s a b && ln -s b a && cat a; readlink -f a; echo $?")
        #expect(loops.stdout == "d:\nup\n\nd/up:\nd\n2\n1\n")
        #expect(loops.stderr == "ls: d/up/d: not listing already-listed directory\ncat: a: Too many levels of symbolic links\n")
        // Odd names survive every command.
        let odd = run("touch $'a\\nb' ' ' -- '-x' && ls && find . -name '*' | sort && rm -v -- $'a\\nb' ' ' -x")
        #expect(odd.status == 0)
        #expect(run("printf '%s' '%' ; printf '%'; printf '%5'").status == 1)
    }
}

extension String {
    /// Pads with spaces to at least `width` characters.
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
