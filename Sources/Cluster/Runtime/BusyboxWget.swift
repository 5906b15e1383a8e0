import CommandKit
import NodeFS

/// busybox 1.36's `wget` applet: -q, -O FILE (- for stdout), -S, -T SEC, -P DIR, --spider.
enum BusyboxWget {
    struct Options {
        var quiet = false
        var serverResponse = false
        var spider = false
        var output: String?
        var directory: String?
        var urls: [String] = []
    }

    static func run(_ invocation: inout Invocation, http: ClusterHTTP) -> Int32 {
        guard let options = parse(&invocation) else { return 1 }
        for url in options.urls {
            if let status = download(url, options, &invocation, http: http) { return status }
        }
        return 0
    }

    private static func parse(_ invocation: inout Invocation) -> Options? {
        var options = Options()
        var words = Array(invocation.operands)[...]
        let withArgument: Set<Character> = ["O", "o", "P", "Y", "U", "T", "t"]
        while let word = words.popFirst() {
            if word == "--" { options.urls += words; break }
            if word.hasPrefix("--") {
                let parts = word.dropFirst(2).split(separator: "=", maxSplits: 1).map(String.init)
                let name = parts.first ?? ""
                var value: String? = parts.count > 1 ? parts[1] : nil
                let takesValue = ["output-document", "directory-prefix", "proxy", "user-agent", "timeout", "tries", "header", "post-data", "output-file"]
                let flags = ["continue", "quiet", "server-response", "spider", "no-check-certificate", "passive-ftp", "no-cache", "no-verbose"]
                if takesValue.contains(name) {
                    if value == nil { value = words.popFirst() }
                    guard let value else {
                        invocation.stderr.write("wget: option '--\(name)' requires an argument\n")
                        return nil
                    }
                    if name == "output-document" { options.output = value }
                    if name == "directory-prefix" { options.directory = value }
                } else if flags.contains(name) {
                    if name == "quiet" { options.quiet = true }
                    if name == "server-response" { options.serverResponse = true }
                    if name == "spider" { options.spider = true }
                } else {
                    invocation.stderr.write("wget: unrecognized option '\(word)'\n")
                    return nil
                }
                continue
            }
            guard word.hasPrefix("-"), word.count > 1 else { options.urls.append(word); continue }
            var letters = word.dropFirst()[...]
            while let letter = letters.popFirst() {
                switch letter {
                case "q": options.quiet = true
                case "S": options.serverResponse = true
                case "c": break
                case "n": letters = ""
                case _ where withArgument.contains(letter):
                    let value = letters.isEmpty ? words.popFirst() : String(letters)
                    letters = ""
                    guard let value else {
                        invocation.stderr.write("wget: option requires an argument -- '\(letter)'\n")
                        return nil
                    }
                    if letter == "O" { options.output = value }
                    if letter == "P" { options.directory = value }
                    if letter == "T", Int(value) == nil {
                        invocation.stderr.write("wget: invalid number '\(value)'\n")
                        return nil
                    }
                default:
                    invocation.stderr.write("wget: invalid option -- '\(letter)'\n")
                    return nil
                }
            }
        }
        guard !options.urls.isEmpty else {
            invocation.stderr.write(usage)
            return nil
        }
        return options
    }

    /// One URL; nil when it went well, else the exit status (busybox dies on the first error).
    private static func download(_ text: String, _ options: Options, _ invocation: inout Invocation, http: ClusterHTTP) -> Int32? {
        guard let url = HTTPURL(text) else {
            invocation.stderr.write("wget: not an http or ftp url: \(text)\n")
            return 1
        }
        let lastComponent = url.path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        var fileName = options.output ?? (lastComponent.isEmpty ? "index.html" : lastComponent)
        if options.output == nil, let directory = options.directory { fileName = directory + "/" + fileName }
        let toStdout = options.output == "-"
        guard let ip = ClusterHTTP.resolve(url.host, fileSystem: invocation.fileSystem, dns: ClusterDNS(store: http.world.store)) else {
            invocation.stderr.write("wget: bad address '\(url.host)'\n")
            return 1
        }
        if !options.quiet { invocation.stderr.write("Connecting to \(url.authority) (\(ip):\(url.port))\n") }
        let response: ClusterHTTP.Response
        let target = ClusterHTTP.destination(ip, fileSystem: invocation.fileSystem, hostname: invocation.host.hostname)
        switch http.request(ip: target, port: url.port, path: "/" + url.path) {
        case .failure(let failure):
            let reason = failure == .refused ? "Connection refused" : "No route to host"
            invocation.stderr.write("wget: can't connect to remote host (\(ip)): \(reason)\n")
            return 1
        case .success(let answer):
            response = answer
        }
        if options.serverResponse { invocation.stderr.write("  \(response.statusLine)\n") }
        guard (200..<300).contains(response.status) else {
            invocation.stderr.write("wget: server returned error: \(response.statusLine)\n")
            return 1
        }
        if options.serverResponse {
            invocation.stderr.write(response.headers.map { "  \($0.0): \($0.1)\n" }.joined() + "  \n")
        }
        if options.spider {
            if !options.quiet { invocation.stderr.write("remote file exists\n") }
            return nil
        }
        if !toStdout {
            let path = invocation.path(fileName)
            if options.output == nil, (try? invocation.fileSystem.info(path, followSymlinks: false)) != nil {
                invocation.stderr.write("wget: can't open '\(fileName)': File exists\n")
                return 1
            }
            do throws(FSError) {
                try invocation.fileSystem.writeFile(path, response.body, append: false, mode: 0o644)
            } catch {
                invocation.stderr.write("wget: can't open '\(fileName)': \(error.message)\n")
                return 1
            }
        }
        if !options.quiet { invocation.stderr.write(toStdout ? "writing to stdout\n" : "saving to '\(fileName)'\n") }
        if toStdout { invocation.stdout.write(response.body) }
        if !options.quiet {
            invocation.stderr.write(progressLine(file: Path.basename(fileName), size: response.body.count))
            invocation.stderr.write(toStdout ? "written to stdout\n" : "'\(fileName)' saved\n")
        }
        return nil
    }

    /// libbb's progress bar at its last update, as drawn when stderr is not a terminal
    /// (80 columns: a 32-star bar).
    static func progressLine(file: String, size: Int) -> String {
        let name = file.count >= 20 ? String(file.prefix(20)) : file + String(repeating: " ", count: 20 - file.count)
        let amount = sizeText(size)
        guard size > 0 else { return name + " " + amount + " --:--:-- ETA\n" }
        return name + " 100% |" + String(repeating: "*", count: 32) + "| " + amount + "  0:00:00 ETA\n"
    }

    /// smart_ulltoa5: five columns, scaled with k/M/G past 99999.
    private static func sizeText(_ size: Int) -> String {
        var value = size
        var scale = 0
        while value > 99_999 { value /= 1024; scale += 1 }
        let digits = scale == 0 ? String(value) : String(value) + String(Array(" kMGTPEZY")[min(scale, 8)])
        return String(repeating: " ", count: max(0, 5 - digits.count)) + digits
    }

    private static let usage = """
        BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

        Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
        \t[--post-data STR | --post-file FILE] [-Y on/off]
        \t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

        Retrieve files via HTTP or FTP

        \t--spider\tOnly check URL existence: $? is 0 if exists
        \t--header STR\tAdd STR (of form 'header: value') to headers
        \t--post-data STR\tSend STR using POST method
        \t--post-file FILE\tSend FILE using POST method
        \t--no-check-certificate\tDon't validate the server's certificate
        \t-c\t\tContinue retrieval of aborted transfer
        \t-q\t\tQuiet
        \t-P DIR\t\tSave to DIR (default .)
        \t-S    \t\tShow server response
        \t-T SEC\t\tNetwork read timeout is SEC seconds
        \t-O FILE\t\tSave to FILE ('-' for stdout)
        \t-o LOGFILE\tLog messages to FILE
        \t-U STR\t\tUse STR for User-Agent header
        \t-Y on/off\tUse proxy

        """
}
