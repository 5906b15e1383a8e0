import CommandKit
import NodeFS

/// curl 8.5 (Ubuntu 24.04's) against the cluster network: -s, -S, -o, -I, -i, -v, -f, -L.
enum Curl {
    struct Options {
        var silent = false
        var showError = false
        var output: String?
        var head = false
        var include = false
        var verbose = false
        var fail = false
        var urls: [String] = []
    }

    static let version = "curl/8.5.0"

    static func run(_ invocation: inout Invocation, http: ClusterHTTP) -> Int32 {
        guard let options = parse(&invocation) else { return 2 }
        guard !options.urls.isEmpty else {
            invocation.stderr.write("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n")
            return 2
        }
        var status: Int32 = 0
        for url in options.urls { status = fetch(url, options, &invocation, http: http) }
        return status
    }

    private static func parse(_ invocation: inout Invocation) -> Options? {
        var options = Options()
        var words = Array(invocation.operands)[...]
        let ignoredFlags: Set<String> = ["--location", "--insecure", "--compressed", "--no-progress-meter", "--http1.1", "--globoff"]
        let ignoredWithValue: Set<String> = ["--max-time", "--connect-timeout", "--user-agent", "--header", "--write-out", "--retry", "--request"]
        while let word = words.popFirst() {
            switch word {
            case "--silent": options.silent = true
            case "--show-error": options.showError = true
            case "--head": options.head = true
            case "--include": options.include = true
            case "--verbose": options.verbose = true
            case "--fail": options.fail = true
            case "--output":
                guard let value = words.popFirst() else { return missing(word, &invocation) }
                options.output = value
            case _ where ignoredFlags.contains(word):
                if word == "--no-progress-meter" { options.silent = options.silent || false }
            case _ where ignoredWithValue.contains(word):
                guard words.popFirst() != nil else { return missing(word, &invocation) }
            case _ where word.hasPrefix("--"):
                invocation.stderr.write("curl: option \(word): is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n")
                return nil
            case _ where word.hasPrefix("-") && word.count > 1:
                var letters = word.dropFirst()[...]
                while let letter = letters.popFirst() {
                    switch letter {
                    case "s": options.silent = true
                    case "S": options.showError = true
                    case "I": options.head = true
                    case "i": options.include = true
                    case "v": options.verbose = true
                    case "f": options.fail = true
                    case "L", "k": break
                    case "o", "m", "H", "A", "w", "X":
                        let value = letters.isEmpty ? words.popFirst() : String(letters)
                        letters = ""
                        guard let value else { return missing("-\(letter)", &invocation) }
                        if letter == "o" { options.output = value }
                    default:
                        invocation.stderr.write("curl: option -\(letter): is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n")
                        return nil
                    }
                }
            default:
                options.urls.append(word)
            }
        }
        return options
    }

    private static func missing(_ option: String, _ invocation: inout Invocation) -> Options? {
        invocation.stderr.write("curl: option \(option): requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n")
        return nil
    }

    private static func fetch(_ text: String, _ options: Options, _ invocation: inout Invocation, http: ClusterHTTP) -> Int32 {
        let meter = !options.silent && !options.verbose && (options.output != nil || !invocation.stdoutIsTerminal)
        func fail(_ code: Int32, _ message: String) -> Int32 {
            if meter { invocation.stderr.write(meterHeader + meterLine(total: 0, received: 0) + "\n") }
            if !options.silent || options.showError { invocation.stderr.write("curl: (\(code)) \(message)\n") }
            return code
        }
        guard let url = HTTPURL(text) else {
            return fail(3, "URL rejected: No host part in the URL")
        }
        guard let ip = ClusterHTTP.resolve(url.host, fileSystem: invocation.fileSystem, dns: ClusterDNS(store: http.world.store)) else {
            return fail(6, "Could not resolve host: \(url.host)")
        }
        if options.verbose { invocation.stderr.write("*   Trying \(ip):\(url.port)...\n") }
        let response: ClusterHTTP.Response
        let target = ClusterHTTP.destination(ip, fileSystem: invocation.fileSystem, hostname: invocation.host.hostname)
        switch http.request(ip: target, port: url.port, path: "/" + url.path, head: options.head, keepAlive: true) {
        case .failure(let failure):
            let after = failure == .refused ? 0 : 3_071
            return fail(7, "Failed to connect to \(url.host) port \(url.port) after \(after) ms: Couldn't connect to server")
        case .success(let answer):
            response = answer
        }
        let headerText = response.statusLine + "\r\n" + response.headers.map { "\($0.0): \($0.1)\r\n" }.joined() + "\r\n"
        if options.verbose {
            let hostHeader = url.port == (url.scheme == "https" ? 443 : 80) ? url.host : url.authority
            let method = options.head ? "HEAD" : "GET"
            var lines: [String] = ["\(method) /\(url.path) HTTP/1.1", "Host: \(hostHeader)", "User-Agent: \(version)", "Accept: */*", ""]
            var text = "* Connected to \(url.host) (\(ip)) port \(url.port)\n"
            for line in lines { text += "> " + line + "\r\n" }
            lines = [response.statusLine]
            for (name, value) in response.headers { lines.append(name + ": " + value) }
            lines.append("")
            for line in lines { text += "< " + line + "\r\n" }
            invocation.stderr.write(text)
        }
        if options.fail && response.status >= 400 {
            if options.verbose { invocation.stderr.write("* The requested URL returned error: \(response.status)\n* Closing connection\n") }
            return fail(22, "The requested URL returned error: \(response.status)")
        }
        var payload: [UInt8] = []
        if options.head || options.include { payload += Array(headerText.utf8) }
        payload += response.body
        if meter {
            let total = Int(response.headers.first { $0.0 == "Content-Length" }?.1 ?? "") ?? response.body.count
            invocation.stderr.write(meterHeader + meterLine(total: 0, received: 0) + meterLine(total: total, received: response.body.count) + "\n")
        }
        if let output = options.output, output != "-" {
            do throws(FSError) {
                try invocation.fileSystem.writeFile(invocation.path(output), payload, append: false, mode: 0o644)
            } catch {
                if !options.silent || options.showError {
                    invocation.stderr.write("curl: (23) Failure writing output to destination\n")
                }
                return 23
            }
        } else {
            invocation.stdout.write(payload)
        }
        if options.verbose { invocation.stderr.write("* Connection #0 to host \(url.host) left intact\n") }
        return 0
    }

    private static let meterHeader = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
        + "                                 Dload  Upload   Total   Spent    Left  Speed\n"

    /// One redraw of the progress meter; the transfer takes the lab's network a millisecond.
    private static func meterLine(total: Int, received: Int) -> String {
        let percent = total > 0 ? received * 100 / total : (received > 0 ? 100 : 0)
        let speed = received * 1000
        func three(_ n: Int) -> String { String(repeating: " ", count: max(0, 3 - String(n).count)) + String(n) }
        return "\r" + three(percent) + " " + max5(total) + "  " + three(percent) + " " + max5(received) + "  "
            + three(0) + " " + max5(0) + "  " + max5(speed) + "  " + max5(0) + " --:--:-- --:--:-- --:--:-- " + max5(speed)
    }

    /// curl's max5data: a number in five columns, scaled to k/M/G.
    private static func max5(_ bytes: Int) -> String {
        let text: String
        if bytes < 100_000 {
            text = String(bytes)
        } else if bytes < 10_000 * 1024 {
            text = String(bytes / 1024) + "k"
        } else if bytes < 100 * 1024 * 1024 {
            let tenths = bytes * 10 / (1024 * 1024)
            text = "\(tenths / 10).\(tenths % 10)M"
        } else {
            text = String(bytes / (1024 * 1024)) + "M"
        }
        return String(repeating: " ", count: max(0, 5 - text.count)) + text
    }
}
