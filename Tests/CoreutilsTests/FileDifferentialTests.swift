import Foundation
import HostProcess
import LabTestSupport
import Testing

/// One differential row: a script run by the real tools and by the lab's commands.
struct FileRow: CustomTestStringConvertible, Sendable, ExpressibleByStringLiteral {
    let script: String
    var testDescription: String { script.replacingOccurrences("\n", " ⏎ ") }
    init(_ script: String) { self.script = script }
    init(stringLiteral value: String) { script = value }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for c in self { out += c == target ? replacement : String(c) }
        return out
    }
}

/// Runs `script` both ways and expects the same stdout, stderr and status.
func expectSame(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let real = runRealScript(script)
    let lab = FileTestShell().run(script)
    #expect(lab == real, "\n--- script\n\(script)\n--- real\n\(real)\n--- lab\n\(lab)", sourceLocation: sourceLocation)
}

/// Runs `script` in the real bash (non-interactive: this machine's `bash -i` echoes piped input
/// to stderr) in a fresh temp dir, with the lab's environment; the temp path reads as /tmp/difftest.
func runRealScript(_ script: String) -> FileOutcome {
    let manager = FileManager.default
    let directory = manager.temporaryDirectory.appendingPathComponent("ckalab-files-\(UUID().uuidString)")
    try? manager.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: directory) }
    let environment = [
        "HOME": "/root", "USER": "root", "LOGNAME": "root", "LANG": "C.UTF-8", "TZ": "UTC", "TERM": "xterm",
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "PWD": directory.path,
    ]
    let run = HostCommand.run("/bin/bash", ["--norc", "--noprofile", "-c", script], environment: environment, directory: directory.path)
    func clean(_ data: [UInt8]) -> String {
        String(decoding: data, as: UTF8.self).replacingOccurrences(of: directory.path, with: differentialDirectory)
    }
    return FileOutcome(stdout: clean(run.stdout), stderr: clean(run.stderr), status: run.status)
}

@Suite struct FileDifferentialTests {
    static let basics: [FileRow] = [
        "env echo hello world", "env echo -n abc", "env echo -e 'a\\tb\\nc'", "env echo -e 'x\\cy' z", "env echo -E 'a\\tb'",
        "env echo -x a", "env echo -- a", "env echo -e '\\0101\\x41'", "env echo", "env echo -nx",
        "env printf '%s-%s\\n' a b c", "env printf '%d %5d|%-5d|\\n' 42 7 3", "env printf '%x %X %o %u\\n' 255 255 8 -1",
        "env printf '%5.2f|%e|%g\\n' 3.14159 1234.5 0.0001", "env printf '%q\\n' 'a b' \"it's\" ''", "env printf '%b\\n' 'a\\tb'",
        "env printf '%c%c\\n' hello world", "env printf '%d\\n' abc", "env printf '%d\\n' 3x", "env printf", "env printf '%z'",
        "env printf 'x\\n' extra", "env printf '%s\\n'", "env printf '%05d|%+d|% d\\n' 42 5 7", "env printf '%d\\n' \"'A\"",
        "env printf '%*d|%-*s|\\n' 5 1 4 ab", "env printf '\\101\\x42\\n'", "env printf '%%\\n'", "env printf '%.3s\\n' abcdef",
        "env printf '%i\\n' 0x1f 010", "env printf '%d\\n' 99999999999999999999",
        "true", "false", "true --help", "basename /a/b/c.txt", "basename /a/b/c.txt .txt", "basename -a x/ /",
        "basename -s .c a.c b.c", "basename", "basename a b c", "basename /", "basename ''", "dirname /a/b/c",
        "dirname a", "dirname a/b/ /", "dirname", "dirname ''", "dirname //a//b//",
        "env test -n abc", "env test -z abc", "env test abc = abc", "env test 1 -lt 2", "env test 3 -le 2", "env test abc -eq 1",
        "env test 1 -eq", "env test a b c", "env test", "env test ! -e nope", "env [ 1 -eq 1 ]", "env [ 1 -eq 1", "env test -d /tmp",
        "env test -f /tmp", "env test '(' a ')'", "env test a -a '' -o b", "env test 2 -gt 10",
        "env test -e /etc/passwd -a -r /etc/passwd", "env test ' 5 ' -eq 5", "env test -l", "env test '(' a",
        "seq 3", "seq 2 5", "seq 1 2 9", "seq 5 -1 2", "seq 1 0.5 3", "seq -w 8 10", "seq -s, 3",
        "seq -f %03g 3", "seq a", "seq", "seq 1 0 3", "seq 3 1", "seq -s ' ' 1 4", "seq 1 2 3 4", "seq -- -2 0",
        "sleep", "sleep x", "sleep 1q", "sleep 0", "sleep 0.1s 0", "nproc", "whoami", "whoami x", "id", "id -u",
        "id -un", "id -g", "id -Gn", "id nosuch", "id -n", "id root", "id -u root",
        "uname", "uname -s", "uname -x", "uname -m", "uname a",
        "printenv NOPE", "env -u", "env nosuchcmd", "env -i A=1 B=2", "env -i A=1 printenv A",
        "which nope", "which",
    ]

    @Test(arguments: basics) func basic(_ row: FileRow) { expectSame(row.script) }

    static let files: [FileRow] = [
        // mkdir / rmdir
        "mkdir a && mkdir a", "mkdir x/y", "mkdir -p a/b/c -v; mkdir -pv a/b/d", "mkdir -v d e", "mkdir",
        "mkdir -m 700 e && stat -c '%a %F' e", "mkdir -m 999 e", "touch f && mkdir -p f/g", "touch f && mkdir f",
        "mkdir -p a/b && rmdir a", "rmdir nope", "mkdir -p a/b/c && rmdir -pv a/b/c && ls", "touch f && rmdir f",
        "rmdir", "mkdir -p a/b && rmdir --ignore-fail-on-non-empty a; echo $?", "mkdir ''", "mkdir 'a b' && ls",
        "mkdir -p ./x/../y && ls", "mkdir -v $'new\\nline'",
        // rm
        "mkdir d && rm d", "rm nope", "rm -f nope; echo $?", "rm", "rm -f", "rm -rf /", "rm -r /", "rm -rf .",
        "rm -r ..", "mkdir -p d/e && touch d/e/f && rm -rv d", "mkdir e && rm -d e -v", "mkdir e && touch e/x && rm -d e",
        "touch f && rm -v f && ls", "touch f && rm -i f < /dev/null; echo; ls", "rm -rf nope/x; echo $?",
        "touch a b && rm -v a nope b", "mkdir -p d/a/b && rm -rf d && ls", "rm -r -f ./", "rm -rf ../",
        "touch 'a b' && rm -v 'a b'", "ln -s nope dangling && rm -v dangling", "mkdir d && ln -s d l && rm -v l && ls",
        "touch f && rm -rf f/", "rm --no-preserve-root -rf /nonexistent; echo $?",
        // mv
        "mv", "touch f && mv f", "mv nope x", "touch f && mv -v f h && ls", "mkdir d && touch g && mv -v g d/ && ls d",
        "mkdir d e && mv d e && ls e", "mkdir d && mv d d/sub", "mv . x", "touch f && mv f f", "touch a b && mv a b c",
        "touch a b && mkdir c && mv -v a b c && ls c", "mkdir d && touch f && mv d f", "mkdir d && touch f && mv f d/f && ls d",
        "touch a && mkdir -p d/a && mv a d", "touch z f && mv -n z f; echo $?; ls", "mkdir t && touch a && mv -t t a -v",
        "mv -t", "touch a b && mv -T a b c", "touch a && mv -T a b && ls", "mkdir -p a/x b/x/y && mv a/x b",
        // cp
        "cp", "touch f && cp f", "mkdir d && cp d x", "touch f && cp -v f g", "mkdir d && touch d/h && cp -r d d2 -v",
        "touch f && cp f nope/x", "cp nope x", "touch f g && cp -n f g; echo $?", "mkdir d && touch d/f && cp -r d d",
        "mkdir t && touch f g && cp -t t f g -v", "touch a b && cp a b c", "mkdir d && touch a && cp -T a d",
        "touch f && cp f/ x", "mkdir d && touch d/b && cp -r d/ e2 -v", "printf hi > f && cp f g && cat g",
        "printf hi > f && chmod 751 f && cp f g && stat -c '%a' g", "printf hi > f && chmod 751 f && cp -p f g && stat -c '%a' g",
        "touch f && cp f f", "mkdir d && cp -r d d/sub", "touch f && ln -s f l && cp l c && stat -c '%F' c",
        "touch f && ln -s f l && cp -P l c && stat -c '%F' c", "mkdir -p d/s && touch d/s/f && cp -a d e && ls -R e",
        "mkdir d e && touch d/f && cp -r d e && ls e", "touch f && mkdir d && cp f d && cp -v f d",
        // touch
        "touch a b c && ls", "touch -c nope && ls", "touch nope/x", "touch -d nope f", "touch",
        "touch -d '2024-03-01 10:00' f && stat -c '%y' f", "touch -t 202402031415.16 f && stat -c '%y' f",
        "touch -d @0 f && stat -c '%Y' f", "touch -d '2024-01-01' a && touch -r a b && stat -c '%Y' b",
        "touch -r nope f",
        // ln
        "touch f && ln f f", "touch f && ln -s f f", "ln nope x", "touch f && ln -sv f g && readlink g",
        "ln -s f d/x", "ln", "mkdir d && ln -s ../f d/l && readlink d/l", "touch f && ln -sfv f g && ln -sfv f g",
        "touch f && ln f h -v && cat h", "mkdir d && ln d h", "mkdir d && ln -s /tmp d && ls d",
        "mkdir d && ln -sn /tmp d2 && ln -sfn /etc d2 && readlink d2", "touch a b && ln -s a b c",
        "touch f && ln -sT f d && readlink d", "mkdir d && ln -s x y d/ && ls d",
        // chmod
        "touch f && chmod 999 f", "touch f && chmod u+q f", "chmod", "chmod 644", "chmod 644 nope",
        "touch f && chmod -v 755 f", "touch f && chmod -c 644 f", "touch f && chmod -v 644 f", "touch f && chmod u+x,g-r f && stat -c '%A' f",
        "touch f && chmod a=r f && stat -c '%a' f", "touch f && chmod +x f && stat -c '%a' f", "touch f && chmod o=u f && stat -c '%a' f",
        "mkdir -p d/e && touch d/e/f && chmod -R go-rx d && stat -c '%a %n' d d/e d/e/f", "touch f && chmod 4755 f && stat -c '%A' f",
        "touch f && chmod 1777 f && stat -c '%A' f", "touch f && chmod g+s,o+t f && stat -c '%A' f", "touch f && chmod -w f && stat -c '%a' f",
        "touch f && chmod 0 f && stat -c '%A' f", "mkdir d && chmod a+X d && touch g && chmod a+X g && stat -c '%a' d g",
        "touch f && chmod --reference=f 600", "touch f g && chmod 600 g && chmod --reference=g f && stat -c %a f",
        // chown / chgrp
        "chown nobody nope", "touch f && chown nosuch f", "touch f && chown :nosuch f", "chown", "chown root",
        "touch f && chown -v 1:1 f", "touch f && chown -v nobody f && stat -c '%U:%G' f", "touch f && chgrp -v adm f",
        "touch f && chown -v root:root f", "touch f && chown -c root f", "touch f && chown daemon:bin f && stat -c '%u %g %U %G' f",
        "touch f && chgrp nosuch f", "mkdir -p d/e && chown -R 1:1 d && stat -c '%u:%g' d d/e", "touch f && chown 0.0 f; echo $?",
        // readlink / realpath
        "ln -s a b && readlink b", "touch f && readlink f; echo $?", "readlink", "ln -s a b && readlink -f b",
        "mkdir -p d/e && ln -s d/e l && readlink -f l/../x", "readlink -f nope/x; echo $?", "readlink -m nope/x/../y",
        "readlink -e nope; echo $?", "touch f && readlink -e f", "realpath .", "realpath nope", "realpath nope/x",
        "realpath -m nope/x", "touch f && realpath -s ./f", "realpath", "mkdir d && ln -s d l && realpath l", "realpath ''",
        "touch f && realpath -e f nope", "ln -s l1 l2 && ln -s l2 l1 && readlink -f l1; echo $?", "cd /usr/bin && realpath ../../etc",
        // stat
        "printf 'hello\\n' > f && stat -c '%n|%s|%a|%A|%U|%G|%F|%h|%u|%g' f", "mkdir d && stat -c '%s %F %h %a' d",
        "ln -s f l && stat -c '%F %N %s' l", "stat nope", "stat", "touch f && ln -s f l && stat -L -c '%F' l",
        "stat -c %F /dev/null", "touch f && stat -c '%b %B %o' f", "printf 1234567 > f && stat -c '%s %b' f",
        "touch f && stat --printf '%n\\n%s\\n' f", "touch f && stat -c '%Q %n' f", "touch 'a b' && stat -c %N 'a b'",
        "touch f && stat -c '%5s|%-5s|%05s' f", "touch f && stat -c %n f nope f",
        // basic ls
        "touch b a c && ls", "touch b a c && ls -r", "mkdir d && touch d/x f && ls d f", "ls nope", "ls nope; echo $?",
        "touch .hidden v && ls", "touch .hidden v && ls -a", "touch .hidden v && ls -A", "mkdir d && touch f && ln -s f l && ls -F",
        "mkdir d && touch f && ls -p", "mkdir d && touch d/x && ls -d d", "mkdir -p d/e && touch d/e/f d/g && ls -R",
        "mkdir -p d/e && touch d/e/f && ls -R d", "touch 'a b' \"it's\" c && ls", "touch 'a b' c && ls -1",
        "printf 12345 > a && printf 1 > b && touch c && ls -S", "printf 12345 > a && printf 1 > b && touch c && ls -Sr",
        "mkdir d e && touch f && ls d e f", "touch a b && ls -m", "touch a b && ls -x", "touch a b c && ls -C",
        "touch aa bb cc dd ee ff gg hh && ls -C -w 12", "touch aa bb cc dd ee ff gg hh && ls -x -w 12",
        "touch x && ls -d . x", "touch f && ls -U", "ls -Z . > /dev/null; echo $?", "ls --color=bad", "ls --time-style=bad",
        "ls -w abc", "ls --sort=size .", "ls -e", "ls --nope", "mkdir d && ls -d d/ d//", "touch f && ls ./f",
        "touch f && ls -i f > /dev/null; echo $?", "mkdir -p a/b && touch a/b/c && ls a/b/c a", "touch $'a\\nb' && ls",
        "touch 'x:y' && ls", "ls -1 /etc/hostname /nonexistent /etc/hosts", "mkdir d && touch d/.x && ls -A d && ls d",
        // ls long, with fixed old dates so real and lab agree
        "touch -d '2024-03-01 10:00' f && ls -l f", "printf 12345 > f && touch -d '2024-03-01 10:00' f && ls -l f",
        "printf 12345 > f && chmod 755 f && touch -d '2023-12-25 23:59' f && ls -lh f", "touch -d '2024-03-01' f && ls -n f",
        "touch -d '2024-03-01' f && ls -g f", "touch -d '2024-03-01' f && ls -o f", "touch -d '2024-03-01' f && ls -lG f",
        "touch -d '2024-03-01 10:00' f && ls -l --time-style=long-iso f", "touch -d '2024-03-01 10:00' f && ls -l --time-style=iso f",
        "touch -d '2024-03-01 10:00:05' f && ls -l --full-time f", "touch -d '2024-03-01 10:00' f && ls -l --time-style=+%Y/%m f",
        "mkdir d && touch -d '2024-03-01' d && ls -ld d",
        "mkdir d && printf 123 > d/a && printf 1234567 > d/b && touch -d '2024-01-01' d/a d/b && ls -l d",
        "mkdir d && printf 123 > d/a && touch -d '2024-01-01' d/a && chown 1 d/a && ls -l d",
        "mkdir d && printf x > d/a && touch -d '2024-01-01' d/a && ls -ls d", "touch -d '2024-03-01' f && chmod 4755 f && ls -l f",
        "mkdir d && touch d/a && touch -d '2024-03-01' d/a && ls -l d",
        "touch -d '2024-03-01' a b && ls -lt a b", "touch -d '2024-03-01' a && touch -d '2024-03-02' b && ls -t a b",
        "touch -d '2024-03-01' a && touch -d '2024-03-02' b && ls -tr", "mkdir d && printf 1234567 > d/big && ls -s d",
        // du
        "mkdir -p d/e && printf x > d/f && printf y > d/e/g && du d", "mkdir -p d/e && printf x > d/f && du -s d",
        "mkdir -p d && printf x > d/f && du -a d", "mkdir -p d && printf x > d/f && du -sh d", "du nope",
        "mkdir -p d/e/f && du -d 1 d", "mkdir d && du -c d d", "printf x > f && du f", "mkdir -p d/e && du --max-depth=0 d",
        // which / pwd / date
        "which ls", "which -a ls", "which ls nope; echo $?", "pwd", "/usr/bin/pwd", "env pwd -P", "mkdir d && cd d && env pwd",
        "date -d @0", "date -u -d @86400", "date -d 2024-01-02", "date -d '2024-03-01 12:30:00'", "date -d '2024-01-02T03:04:05Z'",
        "date -d @0 +%s", "date -d @1700000000 '+%Y-%m-%d %H:%M:%S %Z %z %j %a %A %b %B'", "date -d nonsense",
        "date -R -d @1700000000", "date -I -d @1700000000", "date -Iseconds -d @1700000000", "date --rfc-3339=seconds -d @0",
        "date -d @0 +%%%n%t%e", "date x y", "date -d '2024-02-30'", "date -u -d '2024-01-01 00:00' +%s",
        "date -d '2024-01-01 +2 days' +%F", "date -d '2024-01-31 1 month' +%F", "date -d '2024-03-01 3 hours ago' '+%F %T'",
    ]

    @Test(arguments: files) func file(_ row: FileRow) { expectSame(row.script) }

    static let find: [FileRow] = [
        "mkdir -p d/e && touch d/e/g && find", "mkdir -p d/e && touch d/f d/e/g 'a b' && find | sort",
        "mkdir -p d/e && touch d/f d/e/g && find . -name f", "mkdir -p d/e && touch d/f && find d -type d | sort",
        "mkdir -p d/e && touch f d/g && find . -maxdepth 1 -type f", "mkdir -p d/e && touch f d/g && find . -type f -maxdepth 1",
        "find nope", "find nope; echo $?", "find . -name", "find . -type q", "touch a && find . -name a b",
        "find . -maxdepth x", "find . -exec echo", "find . -o -name a", "find . \\( -name a", "find . -name a \\)",
        "find . -size 3q", "find . -perm 999", "find . -user nosuch", "find . -newer nope", "find . -mtime x",
        "touch a && find -type f", "find ''", "find . -mindepth x", "find . -maxdepth -1", "find . !", "find . -a", "find . -bogus",
        "mkdir -p d/e && touch d/e/f && find d -mindepth 2", "mkdir -p d/e && touch d/e/f && find d -mindepth 1 -maxdepth 1",
        "mkdir -p d/e && touch d/f d/e/g && find . -empty | sort", "mkdir -p d/e && touch d/f && find d -empty | sort",
        "mkdir -p d/e && touch d/e/g && find d -print0", "mkdir -p d/e && touch d/f d/e/g && find . -name '*.x' -o -name g",
        "mkdir d && touch d/f d/g && find . \\( -name f -o -name g \\) -print | sort", "mkdir d && touch d/f && find . ! -type d",
        "mkdir d && touch d/f && find d -exec echo X {} \\;", "mkdir d && touch d/f && find d -exec echo X {} +",
        "mkdir d && touch d/f && find d -type f -exec echo '[{}]' \\;", "touch a && find . -exec nosuch {} \\; ; echo $?",
        "touch a && find . -type f -exec false {} \\; -print; echo $?", "touch a && find . -type f -exec false {} + ; echo $?",
        "mkdir d && printf 12345 > d/f && find . -size -1k -type f", "mkdir d && printf 12345 > d/f && find . -size +2c",
        "printf 12345 > f && find . -size 5c", "printf 12345 > f && find . -size 1", "printf 12345 > f && find . -size -1",
        "touch Abc && find . -iname 'a*'", "mkdir d && touch d/f && find . -path './d/*'", "mkdir d && touch d/f && find . -path '*d*' | sort",
        "touch f && chmod 644 f && find . -perm 644 -type f", "touch f && chmod 755 f && find . -perm -100 -type f",
        "touch f && chmod 640 f && find . -perm /002 -type f; echo $?", "touch f && chmod 4755 f && find . -perm -u=s",
        "mkdir -p d/e && touch d/e/g && find . -user root -name g", "mkdir -p d/e && touch d/e/g && find . -group root -name g",
        "mkdir -p d/e && touch d/e/g && find . -uid 0 -name g", "mkdir -p d/e && touch d/e/g && ln -s d l && find -L . -name g | sort",
        "mkdir -p d/e && find . -depth | sort", "mkdir -p d/e && touch d/e/f && find d -depth", "mkdir -p d/e && touch d/f && find d -delete && ls",
        "mkdir -p d/e && touch d/f && find d -name f -delete && find d | sort", "mkdir d && touch d/f && find . -name d -prune -o -print",
        "touch a && find . -type f,d | sort", "touch a && find . -type f,x", "touch a && find . -type fd",
        "mkdir d && touch d/f && find d -printf '%p %f %s %m %d %y %P|\\n'", "mkdir d && touch d/f && find d -printf '%h/%f %u %g %U %G %n\\n'",
        "mkdir d && touch d/f && find d -printf '%-5f|%5d|\\n'", "mkdir d && ln -s f d/l && find d -printf '%p %y %l\\n'",
        "mkdir d && touch d/f && find d -quit", "mkdir d && touch d/f && find d -name f -quit -o -print",
        "mkdir d && touch d/f && find d/ -name f", "mkdir d && touch d/f && find d// | sort", "touch f && find f", "touch f && find ./f -name f",
        "mkdir d && touch d/f && find d -true -false -print", "mkdir d && touch d/f && find d -not -name f", "mkdir d && touch d/f && find d -links 2",
        "ln -s nope dangling && find . -type l", "ln -s nope dangling && find -L . -type l", "ln -s nope dangling && find . -xtype l",
        "mkdir d && ln -s .. d/up && find -L d 2>&1 | sort", "mkdir d && ln -s d l && find l", "mkdir d && touch d/x && ln -s d l && find l/",
        "mkdir -p a/b/c/d/e/f/g && find a | sort", "mkdir d && touch d/f && find d -executable", "mkdir d && touch d/f && find d -newer d/f",
        "touch a && find . -name a , -name b", "touch a && find . -mtime -1 -name a", "touch a && find . -mmin +5 -name a",
        "touch a && find . -mtime 0 -name a", "touch a && find . -nouser", "touch a && find . -maxdepth 0",
        // order-free versions of listings checked above
        "mkdir d && touch d/h d/g && cp -rv d d2 | sort", "mkdir -p d/e && printf x > d/f && printf y > d/e/g && du -a d | sort",
        "ln -s target link && ls -l link | cut -c1", "mkdir d && touch d/a && touch -d '2024-03-01' d/a d && ls -la d | tail -n +4",
        "seq 100 | wc -l", "yes | head -3", "yes abc def | head -2", "echo hi | cat", "printf 'a\\nb\\n' | env cat -n",
    ]

    @Test(arguments: find) func findRow(_ row: FileRow) { expectSame(row.script) }


}
