import NodeFS
import SimKit

/// The HTTP servers of the image catalogue, answering GETs from the container's own files.
enum WebServer {
    case nginx
    case httpd

    init?(image: String) {
        guard case .success(let (_, spec)) = ImageCatalog.resolve(image) else { return nil }
        if spec.name.hasSuffix("/nginx") { self = .nginx } else if spec.name.hasSuffix("/httpd") { self = .httpd } else { return nil }
    }

    /// Both listen on port 80 in their default configuration.
    var port: Int { 80 }

    private var root: String {
        switch self {
        case .nginx: "/usr/share/nginx/html"
        case .httpd: "/usr/local/apache2/htdocs"
        }
    }

    /// The response to `GET path`: the file under the document root, its directory's
    /// index.html, or the server's 404 page.
    func answer(path: String, fileSystem: any FileSystem, now: Int64) -> ClusterHTTP.Response {
        let bare = String(path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        var file = Path.normalize(root + "/" + (bare.removingPercentEncodingSafely))
        if bare.hasSuffix("/") || (try? fileSystem.info(file, followSymlinks: true))?.isDirectory == true { file += "/index.html" }
        guard file.hasPrefix(root), let info = try? fileSystem.info(file, followSymlinks: true), info.isRegular,
              let body = try? fileSystem.readFile(file) else {
            return notFound(now: now)
        }
        let type = Self.contentType(file)
        switch self {
        case .nginx:
            let seconds = info.modificationTime / 1_000_000_000
            return ClusterHTTP.Response(status: 200, reason: "OK", headers: [
                ("Server", Self.nginxVersion), ("Date", HTTPDate.format(now)), ("Content-Type", type),
                ("Content-Length", String(body.count)), ("Last-Modified", HTTPDate.format(info.modificationTime)),
                ("Connection", "close"), ("ETag", "\"\(String(seconds, radix: 16))-\(String(body.count, radix: 16))\""),
                ("Accept-Ranges", "bytes"),
            ], body: body)
        case .httpd:
            let micros = info.modificationTime / 1_000
            return ClusterHTTP.Response(status: 200, reason: "OK", headers: [
                ("Date", HTTPDate.format(now)), ("Server", Self.httpdVersion), ("Last-Modified", HTTPDate.format(info.modificationTime)),
                ("ETag", "\"\(String(body.count, radix: 16))-\(String(micros, radix: 16))\""), ("Accept-Ranges", "bytes"),
                ("Content-Length", String(body.count)), ("Connection", "close"), ("Content-Type", type),
            ], body: body)
        }
    }

    static let nginxVersion = "nginx/1.27.3"
    static let httpdVersion = "Apache/2.4.62 (Unix)"

    private func notFound(now: Int64) -> ClusterHTTP.Response {
        switch self {
        case .nginx:
            let body = Array("<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>\(Self.nginxVersion)</center>\r\n</body>\r\n</html>\r\n".utf8)
            return ClusterHTTP.Response(status: 404, reason: "Not Found", headers: [
                ("Server", Self.nginxVersion), ("Date", HTTPDate.format(now)), ("Content-Type", "text/html"),
                ("Content-Length", String(body.count)), ("Connection", "close"),
            ], body: body)
        case .httpd:
            let body = Array("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n".utf8)
            return ClusterHTTP.Response(status: 404, reason: "Not Found", headers: [
                ("Date", HTTPDate.format(now)), ("Server", Self.httpdVersion), ("Content-Length", String(body.count)),
                ("Connection", "close"), ("Content-Type", "text/html; charset=iso-8859-1"),
            ], body: body)
        }
    }

    /// The MIME type both servers' default tables give an extension.
    static func contentType(_ file: String) -> String {
        let name = Path.basename(file)
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": return "text/html"
        case "txt": return "text/plain"
        case "css": return "text/css"
        case "js": return "application/javascript"
        case "json": return "application/json"
        case "png": return "image/png"
        default: return "application/octet-stream"
        }
    }
}

/// RFC 1123 dates as HTTP headers carry them (`Mon, 23 Nov 2026 23:07:25 GMT`).
enum HTTPDate {
    static func format(_ nanoseconds: Int64) -> String {
        let seconds = CivilDate.floorDivide(nanoseconds, 1_000_000_000)
        let days = CivilDate.floorDivide(seconds, 86_400)
        let rest = seconds - days * 86_400
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        let (year, month, day) = CivilDate.fromDays(days)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekday), \(two(day)) \(months[Int(month) - 1]) \(year) \(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60)) GMT"
    }
}

extension String {
    /// `%XX` escapes decoded; a malformed escape stays as typed.
    fileprivate var removingPercentEncodingSafely: String {
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
