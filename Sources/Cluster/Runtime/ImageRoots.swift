import Coreutils
import NodeFS
import SimKit

/// The root filesystems of the catalogue's images, built once per process and shared
/// copy-on-write by every container (each container gets its own writable `Disk` over one).
enum ImageRoots {
    /// When the image layers were built: well before the world starts.
    static let buildTime: Int64 = SimClock.defaultStart - 40 * 86_400 * 1_000_000_000

    private static let busybox = make(.busybox)
    private static let alpine = make(.alpine)
    private static let debian = make(.debian)
    private static let distroless = make(.distroless)
    private static let nginx = extend(debian, with: nginxFiles + [("/usr/bin/curl", "\u{7F}ELF\u{2}\u{1}\u{1}\0", 0o755)])
    private static let httpd = extend(debian, with: [("/usr/local/apache2/htdocs/index.html", "<html><body><h1>It works!</h1></body></html>\n", 0o644)])
    /// The network toolbox ships curl.
    private static let netutils = extend(debian, with: [("/usr/bin/curl", "\u{7F}ELF\u{2}\u{1}\u{1}\0", 0o755)])
    /// calico/cni: the CNI plugins it installs on the node, and the installer itself.
    private static let calicoCNI = extend(distroless, with: CanalCNI.binaries.map { ("/opt/cni/bin/" + $0, "\u{7F}ELF\u{2}\u{1}\u{1}\0", 0o755) })
    /// calico/node: the binary canal's `mount-bpffs` init container and probes run.
    private static let calicoNode = extend(distroless, with: [("/usr/bin/calico-node", "\u{7F}ELF\u{2}\u{1}\u{1}\0", 0o755),
                                                              ("/usr/bin/start_runit", "\u{7F}ELF\u{2}\u{1}\u{1}\0", 0o755)])

    static func tree(for spec: ImageSpec) -> FileTree {
        if spec.name.hasSuffix("/nginx") { return nginx }
        if spec.name.hasSuffix("/httpd") { return httpd }
        if spec.name == "docker.io/hwchiu/netutils" { return netutils }
        if spec.name == "docker.io/calico/cni" { return calicoCNI }
        if spec.name == "docker.io/calico/node" { return calicoNode }
        switch spec.layout {
        case .busybox: return busybox
        case .alpine: return alpine
        case .debian: return debian
        case .distroless: return distroless
        }
    }

    private static func make(_ layout: ImageSpec.Layout) -> FileTree {
        let disk = Disk(clock: SimClock(start: buildTime))
        for path in ["/usr/bin", "/usr/sbin", "/usr/lib", "/usr/local/bin", "/etc", "/home", "/var/log", "/var/lib",
                     "/mnt", "/opt", "/run", "/srv", "/dev", "/proc", "/sys"] {
            try? disk.createDirectories(path)
        }
        try? disk.createDirectories("/root", mode: 0o700)
        try? disk.setMode("/root", 0o700)
        try? disk.createDirectories("/tmp", mode: 0o1777)
        try? disk.setMode("/tmp", 0o1777)
        for (link, target) in [("/bin", "usr/bin"), ("/sbin", "usr/sbin"), ("/lib", "usr/lib")] {
            try? disk.createSymlink(link, target: target)
        }
        try? disk.createDevice("/dev/null", kind: .null)
        if layout != .distroless {
            let commands = Coreutils.registry
            for name in commands.names {
                guard let path = commands[name]?.path else { continue }
                try? disk.writeFile(path, Array("\u{7F}ELF\u{2}\u{1}\u{1}\0".utf8), append: false, mode: 0o755)
            }
            // Name lookups: busybox's nslookup applet; glibc's (or musl's) getent.
            let lookups = (layout == .debian ? [] : ["/usr/bin/nslookup", "/usr/bin/wget"]) + (layout == .busybox ? [] : ["/usr/bin/getent"])
            for shell in ["/usr/bin/sh"] + (layout == .debian ? ["/usr/bin/bash"] : []) + lookups {
                try? disk.writeFile(shell, Array("\u{7F}ELF\u{2}\u{1}\u{1}\0".utf8), append: false, mode: 0o755)
            }
        }
        try? disk.writeFile("/etc/passwd", Array(passwd(layout).utf8), append: false, mode: 0o644)
        try? disk.writeFile("/etc/group", Array("root:x:0:\n".utf8), append: false, mode: 0o644)
        if let release = osRelease(layout) {
            try? disk.writeFile("/etc/os-release", Array(release.utf8), append: false, mode: 0o644)
        }
        return disk.tree
    }

    private static func extend(_ tree: FileTree, with files: [(String, String, UInt16)]) -> FileTree {
        let disk = Disk(tree: tree, clock: SimClock(start: buildTime))
        for (path, text, mode) in files {
            try? disk.createDirectories(Path.dirname(path))
            try? disk.writeFile(path, Array(text.utf8), append: false, mode: mode)
        }
        return disk.tree
    }

    private static func passwd(_ layout: ImageSpec.Layout) -> String {
        switch layout {
        case .busybox: "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n"
        case .alpine: "root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n"
        case .debian: "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
        case .distroless: "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n"
        }
    }

    private static func osRelease(_ layout: ImageSpec.Layout) -> String? {
        switch layout {
        case .busybox: nil
        case .alpine: "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.21.0\nPRETTY_NAME=\"Alpine Linux v3.21\"\nHOME_URL=\"https://alpinelinux.org/\"\nBUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n"
        case .debian: "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL=\"https://www.debian.org/\"\nSUPPORT_URL=\"https://www.debian.org/support\"\nBUG_REPORT_URL=\"https://bugs.debian.org/\"\n"
        case .distroless: "PRETTY_NAME=\"Distroless\"\nNAME=\"Debian GNU/Linux\"\nID=\"debian\"\nVERSION_ID=\"12\"\nVERSION=\"Debian GNU/Linux 12 (bookworm)\"\nHOME_URL=\"https://github.com/GoogleContainerTools/distroless\"\n"
        }
    }

    private static let nginxFiles: [(String, String, UInt16)] = [
        ("/docker-entrypoint.sh", "#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\nexec \"$@\"\n", 0o775),
        ("/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh", "#!/bin/sh\n", 0o775),
        ("/docker-entrypoint.d/15-local-resolvers.envsh", "#!/bin/sh\n", 0o775),
        ("/docker-entrypoint.d/20-envsubst-on-templates.sh", "#!/bin/sh\n", 0o775),
        ("/docker-entrypoint.d/30-tune-worker-processes.sh", "#!/bin/sh\n", 0o775),
        ("/etc/nginx/nginx.conf", """
            
            user  nginx;
            worker_processes  auto;
            
            error_log  /var/log/nginx/error.log notice;
            pid        /var/run/nginx.pid;
            
            
            events {
                worker_connections  1024;
            }
            
            
            http {
                include       /etc/nginx/mime.types;
                default_type  application/octet-stream;
            
                log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                                  '$status $body_bytes_sent "$http_referer" '
                                  '"$http_user_agent" "$http_x_forwarded_for"';
            
                access_log  /var/log/nginx/access.log  main;
            
                sendfile        on;
                #tcp_nopush     on;
            
                keepalive_timeout  65;
            
                #gzip  on;
            
                include /etc/nginx/conf.d/*.conf;
            }
            
            """, 0o644),
        ("/etc/nginx/conf.d/default.conf", """
            server {
                listen       80;
                listen  [::]:80;
                server_name  localhost;
            
                location / {
                    root   /usr/share/nginx/html;
                    index  index.html index.htm;
                }
            
                error_page   500 502 503 504  /50x.html;
                location = /50x.html {
                    root   /usr/share/nginx/html;
                }
            }
            
            """, 0o644),
        ("/usr/share/nginx/html/index.html", """
            <!DOCTYPE html>
            <html>
            <head>
            <title>Welcome to nginx!</title>
            <style>
            html { color-scheme: light dark; }
            body { width: 35em; margin: 0 auto;
            font-family: Tahoma, Verdana, Arial, sans-serif; }
            </style>
            </head>
            <body>
            <h1>Welcome to nginx!</h1>
            <p>If you see this page, the nginx web server is successfully installed and
            working. Further configuration is required.</p>
            
            <p>For online documentation and support please refer to
            <a href="http://nginx.org/">nginx.org</a>.<br/>
            Commercial support is available at
            <a href="http://nginx.com/">nginx.com</a>.</p>
            
            <p><em>Thank you for using nginx.</em></p>
            </body>
            </html>
            
            """, 0o644),
        ("/usr/share/nginx/html/50x.html", "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n", 0o644),
        ("/var/log/nginx/access.log", "", 0o644),
        ("/var/log/nginx/error.log", "", 0o644),
    ]
}
