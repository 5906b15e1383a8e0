import KubeModel

/// `--sort-by=<jsonpath>`: kubectl's RuntimeSort (numbers by value, strings in natural order,
/// objects without the field first), stable.
enum GetSort {
    static func sorted(_ objects: [KubeObject], by expression: String) throws(KubectlFailure) -> [KubeObject] {
        let path: JSONPath
        do throws(KubectlFailure) {
            path = try JSONPath(try CustomColumns.relaxed(expression))
        } catch {
            throw .error(error.stderr)
        }
        var keyed: [(JSONValue?, KubeObject)] = []
        for object in objects {
            let results = (try? path.findResults(object.content)) ?? []
            keyed.append((results.first?.first, object))
        }
        if !objects.isEmpty, keyed.allSatisfy({ $0.0 == nil }) {
            throw .error("couldn't find any field with path \(FlagParsing.goQuote(try CustomColumns.relaxed(expression))) "
                + "in the list of objects")
        }
        let order = keyed.indices.sorted { a, b in
            switch (keyed[a].0, keyed[b].0) {
            case (nil, nil): return a < b
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?):
                if less(x, y) { return true }
                if less(y, x) { return false }
                return a < b
            }
        }
        return order.map { keyed[$0].1 }
    }

    private static func less(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y
        case let (.double(x), .double(y)): return x < y
        case let (.int(x), .double(y)): return Double(x) < y
        case let (.double(x), .int(y)): return x < Double(y)
        case let (.string(x), .string(y)): return naturalLess(x, y)
        case let (.bool(x), .bool(y)): return !x && y
        default: return GoJSON.compact(a) < GoJSON.compact(b)
        }
    }

    /// sortorder.NaturalLess: runs of digits compare by value, the rest byte by byte.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var i = 0, j = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        while i < x.count, j < y.count {
            if isDigit(x[i]), isDigit(y[j]) {
                var ei = i, ej = j
                while ei < x.count, isDigit(x[ei]) { ei += 1 }
                while ej < y.count, isDigit(y[ej]) { ej += 1 }
                var si = i, sj = j
                while si < ei - 1, x[si] == 48 { si += 1 }
                while sj < ej - 1, y[sj] == 48 { sj += 1 }
                let lenX = ei - si, lenY = ej - sj
                if lenX != lenY { return lenX < lenY }
                for k in 0..<lenX where x[si + k] != y[sj + k] { return x[si + k] < y[sj + k] }
                if ei - i != ej - j { return ei - i < ej - j }
                i = ei
                j = ej
            } else {
                if x[i] != y[j] { return x[i] < y[j] }
                i += 1
                j += 1
            }
        }
        return x.count - i < y.count - j
    }
}
