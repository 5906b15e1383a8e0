import LabTestSupport
import Testing

/// What only the lab's interactive terminal shows: .bashrc aliases, history, the prompt's shell.
@Suite struct InteractiveTests {
    @Test func bashrcAliasesAreDefined() {
        let run = runLab("alias k; type ll; alias grep")
        #expect(run.stdout == "alias k='kubectl'\nll is aliased to `ls -alF'\nalias grep='grep --color=auto'\n")
        #expect(run.status == 0)
    }

    @Test func aliasesExpandOnTheFirstWord() {
        let run = runLab("alias say='echo said'\nsay hello\nk get pods")
        #expect(run.stdout == "said hello\n")
        // `k` is kubectl, which finds no pods in a fresh cluster's default namespace.
        #expect(run.stderr == "No resources found in default namespace.\n")
        #expect(run.status == 0)
    }

    @Test func historyIsNumberedLikeBash() {
        let run = runLab("echo a\n echo hidden\nhistory\nhistory 1")
        #expect(run.stdout == "a\nhidden\n    1  echo a\n    2  history\n    3  history 1\n")
    }

    @Test func historyCanBeCleared() {
        let run = runLab("echo a\nhistory -c\nhistory")
        #expect(run.stdout == "a\n    1  history\n")
    }

    @Test func typeFindsProgramsOnThePath() {
        let run = runLab("type cat; command -v cat; type -P cat")
        #expect(run.stdout == "cat is /usr/bin/cat\n/usr/bin/cat\n/usr/bin/cat\n")
    }

    @Test func syntaxErrorsRunNothingFromTheLine() {
        let run = runLab("echo before; if; echo after")
        #expect(run.stdout == "")
        #expect(run.stderr == "bash: syntax error near unexpected token `;'\n")
        #expect(run.status == 2)
    }

    @Test func sshRunsACommandStringWithScriptPrefixes() {
        let run = runLab("ssh node01 'echo on $HOSTNAME; nope'")
        #expect(run.stdout == "on node01\n")
        #expect(run.stderr == "bash: line 1: nope: command not found\n")
        #expect(run.status == 127)
    }

    @Test func scriptsRunFromTheNodesDisk() {
        let run = runLab("printf '#!/bin/bash\\necho args: $*\\n' > /tmp/s.sh\n/tmp/s.sh a b\necho $?\nbash /tmp/s.sh a b")
        #expect(run.stdout == "126\nargs: a b\n")
        #expect(run.stderr == "bash: /tmp/s.sh: Permission denied\n")
    }

    @Test func theWorkingDirectoryFollowsCd() {
        let run = runLab("cd /etc\npwd\ncd -\necho $OLDPWD")
        #expect(run.stdout == "/etc\n/root\n/etc\n")
    }
}
