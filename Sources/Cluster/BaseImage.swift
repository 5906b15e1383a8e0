import Coreutils
import NodeFS
import SimKit

/// The Ubuntu root filesystem every node starts from.
///
/// Built once per world; each node's `Disk` starts as an O(1) copy of this tree and shares
/// its storage until the node changes a file.
enum BaseImage {
    /// When the image's files were "installed": a while before the world starts.
    static let installTime: Int64 = SimClock.defaultStart - 25 * 86_400 * 1_000_000_000

    /// Built once per process and shared by every world and node.
    static let standard: FileTree = {
        let commands = Coreutils.registry
        return make(executables: commands.names.compactMap { commands[$0]?.path })
    }()

    static func make(executables: [String]) -> FileTree {
        let clock = SimClock(start: installTime)
        let disk = Disk(clock: clock)
        func directory(_ path: String, mode: UInt16 = 0o755) {
            try? disk.createDirectories(path, mode: mode)
            try? disk.setMode(path, mode)
        }
        func file(_ path: String, _ text: String, mode: UInt16 = 0o644) {
            try? disk.createDirectories(Path.dirname(path))
            try? disk.writeFile(path, Array(text.utf8), append: false, mode: mode)
        }
        for path in ["/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/local/bin", "/usr/share",
                     "/etc", "/etc/systemd/system", "/etc/default", "/var/log", "/var/lib", "/var/cache",
                     "/home", "/opt", "/srv", "/mnt", "/media", "/run", "/boot", "/dev", "/proc", "/sys",
                     "/lib/systemd/system"] {
            directory(path)
        }
        directory("/root", mode: 0o700)
        directory("/tmp", mode: 0o1777)
        directory("/var/tmp", mode: 0o1777)
        // Ubuntu's merged /usr.
        for (link, target) in [("/bin", "usr/bin"), ("/sbin", "usr/sbin"), ("/lib", "usr/lib"), ("/lib64", "usr/lib64")] {
            try? disk.removeDirectory(link)
            try? disk.createSymlink(link, target: target)
        }
        try? disk.createDevice("/dev/null", kind: .null)

        file("/etc/os-release", osRelease)
        file("/etc/lsb-release", """
            DISTRIB_ID=Ubuntu
            DISTRIB_RELEASE=24.04
            DISTRIB_CODENAME=noble
            DISTRIB_DESCRIPTION="Ubuntu 24.04.1 LTS"

            """)
        file("/etc/issue", "Ubuntu 24.04.1 LTS \\n \\l\n\n")
        file("/etc/passwd", passwd)
        file("/etc/group", group)
        file("/etc/shells", "# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n")
        file("/etc/resolv.conf", "nameserver 8.8.8.8\nnameserver 1.1.1.1\n")
        file("/etc/timezone", "Etc/UTC\n")
        file("/root/.bashrc", bashrc)
        file("/root/.profile", "# ~/.profile: executed by Bourne-compatible login shells.\n\nif [ \"$BASH\" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n\nmesg n 2> /dev/null || true\n")
        for path in executables {
            // Not a real ELF: enough for `ls -l /usr/bin`, `which` and `file`-style curiosity.
            file(path, "\u{7F}ELF\u{2}\u{1}\u{1}\0", mode: 0o755)
        }
        return disk.tree
    }

    static let osRelease = """
        PRETTY_NAME="Ubuntu 24.04.1 LTS"
        NAME="Ubuntu"
        VERSION_ID="24.04"
        VERSION="24.04.1 LTS (Noble Numbat)"
        VERSION_CODENAME=noble
        ID=ubuntu
        ID_LIKE=debian
        HOME_URL="https://www.ubuntu.com/"
        SUPPORT_URL="https://help.ubuntu.com/"
        BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
        PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
        UBUNTU_CODENAME=noble
        LOGO=ubuntu-logo

        """

    static let passwd = """
        root:x:0:0:root:/root:/bin/bash
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
        bin:x:2:2:bin:/bin:/usr/sbin/nologin
        sys:x:3:3:sys:/dev:/usr/sbin/nologin
        sync:x:4:65534:sync:/bin:/bin/sync
        games:x:5:60:games:/usr/games:/usr/sbin/nologin
        man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
        lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
        mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
        news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
        uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
        proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
        www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
        backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
        list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
        irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
        _apt:x:42:65534::/nonexistent:/usr/sbin/nologin
        nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
        systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin
        systemd-timesync:x:996:996:systemd Time Synchronization:/:/usr/sbin/nologin
        messagebus:x:100:102::/nonexistent:/usr/sbin/nologin
        systemd-resolve:x:991:991:systemd Resolver:/:/usr/sbin/nologin
        sshd:x:101:65534::/run/sshd:/usr/sbin/nologin
        ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash

        """

    static let group = """
        root:x:0:
        daemon:x:1:
        bin:x:2:
        sys:x:3:
        adm:x:4:syslog,ubuntu
        tty:x:5:
        disk:x:6:
        lp:x:7:
        mail:x:8:
        news:x:9:
        uucp:x:10:
        man:x:12:
        proxy:x:13:
        kmem:x:15:
        www-data:x:33:
        backup:x:34:
        list:x:38:
        irc:x:39:
        shadow:x:42:
        utmp:x:43:
        staff:x:50:
        games:x:60:
        users:x:100:ubuntu
        nogroup:x:65534:
        systemd-journal:x:999:
        systemd-network:x:998:
        systemd-timesync:x:996:
        messagebus:x:102:
        systemd-resolve:x:991:
        ssh:x:103:
        ubuntu:x:1000:

        """

    static let bashrc = """
        # ~/.bashrc: executed by bash(1) for non-login shells.

        # If not running interactively, don't do anything
        [ -z "$PS1" ] && return

        HISTCONTROL=ignoredups:ignorespace
        HISTSIZE=1000
        HISTFILESIZE=2000

        alias ls='ls --color=auto'
        alias grep='grep --color=auto'

        # some more ls aliases
        alias ll='ls -alF'
        alias la='ls -A'
        alias l='ls -CF'

        alias k=kubectl

        """
}
