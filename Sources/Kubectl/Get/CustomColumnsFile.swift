extension CustomColumns {
    /// `-o custom-columns-file`: headers on the first line, JSONPaths on the second, split at whitespace.
    static func spec(fromTemplate text: String) throws(KubectlFailure) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2 else { throw .error("invalid template: \(text)") }
        let headers = lines[0].split(whereSeparator: { $0 == " " || $0 == "\t" })
        let paths = lines[1].split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard headers.count == paths.count else {
            throw .error("number of headers (\(headers.count)) and field specifications (\(paths.count)) don't match")
        }
        return zip(headers, paths).map { "\($0):\($1)" }.joined(separator: ",")
    }
}
