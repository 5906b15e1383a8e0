/// One change of an edit script: `deleted` lines of file 0 from `line0` are replaced by
/// `inserted` lines of file 1 from `line1` (0-based).
struct DiffChange: Equatable {
    var line0: Int
    var line1: Int
    var deleted: Int
    var inserted: Int
}

/// The edit script GNU diff computes: Myers' O(ND) search for the midpoint snake as in
/// diffutils' analyze.c (with its discarding of lines that match nothing and its shifting of
/// change boundaries), so that where several minimal scripts exist the same one is chosen.
enum DiffAlgorithm {
    /// The changes turning `old` into `new`; lines are compared by their equivalence class.
    /// Like diff's io.c, lines common to both ends are left out of the analysis except for
    /// `horizon` lines next to the differences (the context lines of `-u` and `-c`), which
    /// changes the counts that decide which lines are discarded.
    static func script(_ old: [Int], _ new: [Int], horizon: Int) -> [DiffChange] {
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix
                && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let start = max(0, prefix - horizon)
        let trailing = max(0, suffix - horizon)
        let middle = analyse(Array(old[start..<(old.count - trailing)]), Array(new[start..<(new.count - trailing)]))
        return middle.map {
            DiffChange(line0: $0.line0 + start, line1: $0.line1 + start, deleted: $0.deleted, inserted: $0.inserted)
        }
    }

    private static func analyse(_ old: [Int], _ new: [Int]) -> [DiffChange] {
        var changed0 = [Bool](repeating: false, count: old.count + 2)
        var changed1 = [Bool](repeating: false, count: new.count + 2)
        var state = DiffSearch(old: old, new: new)
        state.discardConfusingLines(&changed0, &changed1)
        state.compare(0, state.x.count, 0, state.y.count, minimal: false, &changed0, &changed1)
        shiftBoundaries(old, &changed0, changed1)
        shiftBoundaries(new, &changed1, changed0)
        return buildScript(changed0, old.count, changed1, new.count)
    }

    /// Scans the change flags (offset by one: index 0 and count + 1 are sentinels) into changes.
    private static func buildScript(_ changed0: [Bool], _ count0: Int, _ changed1: [Bool], _ count1: Int) -> [DiffChange] {
        var script: [DiffChange] = []
        var i0 = 0, i1 = 0
        while i0 < count0 || i1 < count1 {
            if changed0[i0 + 1] || changed1[i1 + 1] {
                let start0 = i0, start1 = i1
                while changed0[i0 + 1] { i0 += 1 }
                while changed1[i1 + 1] { i1 += 1 }
                script.append(DiffChange(line0: start0, line1: start1, deleted: i0 - start0, inserted: i1 - start1))
            }
            i0 += 1
            i1 += 1
        }
        return script
    }

    /// Moves runs of changed lines so they merge where equal lines allow it, and otherwise
    /// sit as late as possible (analyze.c's `shift_boundaries`). Flags are offset by one.
    private static func shiftBoundaries(_ equivs: [Int], _ changed: inout [Bool], _ otherChanged: [Bool]) {
        func flag(_ i: Int) -> Bool { changed[i + 1] }
        func other(_ j: Int) -> Bool { otherChanged[j + 1] }
        let end = equivs.count
        var i = 0, j = 0
        while true {
            while i < end && !flag(i) {
                while other(j) { j += 1 }
                j += 1
                i += 1
            }
            if i == end { break }
            var start = i
            i += 1
            while flag(i) { i += 1 }
            while other(j) { j += 1 }
            var corresponding = end
            var runLength = 0
            repeat {
                runLength = i - start
                while start > 0 && equivs[start - 1] == equivs[i - 1] {
                    start -= 1; changed[start + 1] = true
                    i -= 1; changed[i + 1] = false
                    while flag(start - 1) { start -= 1 }
                    j -= 1
                    while other(j) { j -= 1 }
                }
                corresponding = other(j - 1) ? i : end
                while i != end && equivs[start] == equivs[i] {
                    changed[start + 1] = false; start += 1
                    changed[i + 1] = true; i += 1
                    while flag(i) { i += 1 }
                    j += 1
                    while other(j) { j += 1; corresponding = i }
                }
            } while runLength != i - start
            while corresponding < i {
                start -= 1; changed[start + 1] = true
                i -= 1; changed[i + 1] = false
                j -= 1
                while other(j) { j -= 1 }
            }
        }
    }
}

/// The undiscarded lines of both files and the search vectors, as analyze.c keeps them.
private struct DiffSearch {
    let old: [Int]
    let new: [Int]
    /// Undiscarded lines and where each came from.
    var x: [Int] = [], y: [Int] = []
    var xIndex: [Int] = [], yIndex: [Int] = []
    var forward: [Int] = [], backward: [Int] = []
    var diagonalOffset = 0
    var tooExpensive = 4096

    init(old: [Int], new: [Int]) {
        self.old = old
        self.new = new
    }

    /// Lines of one file that match nothing in the other are changes for sure; lines that
    /// match very many are left out of the search when they sit among such lines.
    mutating func discardConfusingLines(_ changed0: inout [Bool], _ changed1: inout [Bool]) {
        var counts0: [Int: Int] = [:], counts1: [Int: Int] = [:]
        for e in old { counts0[e, default: 0] += 1 }
        for e in new { counts1[e, default: 0] += 1 }
        var discards0 = Self.discardable(old, otherCounts: counts1)
        var discards1 = Self.discardable(new, otherCounts: counts0)
        Self.filterProvisional(&discards0)
        Self.filterProvisional(&discards1)
        for (i, e) in old.enumerated() {
            if discards0[i] == 0 { x.append(e); xIndex.append(i) } else { changed0[i + 1] = true }
        }
        for (i, e) in new.enumerated() {
            if discards1[i] == 0 { y.append(e); yIndex.append(i) } else { changed1[i + 1] = true }
        }
        let diagonals = x.count + y.count + 3
        forward = [Int](repeating: 0, count: diagonals)
        backward = [Int](repeating: 0, count: diagonals)
        diagonalOffset = y.count + 1
        var expensive = 1
        var size = x.count + y.count
        while size != 0 { expensive <<= 1; size >>= 2 }
        tooExpensive = max(4096, expensive)
    }

    private static func discardable(_ lines: [Int], otherCounts: [Int: Int]) -> [UInt8] {
        var many = 5
        var tem = lines.count / 64
        while true { tem >>= 2; if tem <= 0 { break }; many *= 2 }
        return lines.map { e in
            let matches = otherCounts[e] ?? 0
            return matches == 0 ? 1 : (matches > many ? 2 : 0)
        }
    }

    /// Keeps provisional discards only inside runs of discards (analyze.c's rules).
    private static func filterProvisional(_ discards: inout [UInt8]) {
        let end = discards.count
        var i = 0
        while i < end {
            defer { i += 1 }
            if discards[i] == 2 { discards[i] = 0; continue }
            if discards[i] == 0 { continue }
            var j = i, provisional = 0
            while j < end {
                if discards[j] == 0 { break }
                if discards[j] == 2 { provisional += 1 }
                j += 1
            }
            while j > i && discards[j - 1] == 2 { j -= 1; discards[j] = 0; provisional -= 1 }
            let length = j - i
            if provisional * 4 > length {
                while j > i { j -= 1; if discards[j] == 2 { discards[j] = 0 } }
                continue
            }
            var minimum = 1
            var tem = length / 4
            while true { tem >>= 2; if tem <= 0 { break }; minimum *= 2 }
            minimum += 1
            var k = 0, consec = 0
            while k < length {
                if discards[i + k] != 2 { consec = 0 }
                else {
                    consec += 1
                    if minimum == consec { k -= consec }
                    else if minimum < consec { discards[i + k] = 0 }
                }
                k += 1
            }
            k = 0; consec = 0
            while k < length {
                if k >= 8 && discards[i + k] == 1 { break }
                if discards[i + k] == 2 { consec = 0; discards[i + k] = 0 }
                else if discards[i + k] == 0 { consec = 0 }
                else { consec += 1 }
                if consec == 3 { break }
                k += 1
            }
            i += length - 1
            k = 0; consec = 0
            while k < length {
                if k >= 8 && discards[i - k] == 1 { break }
                if discards[i - k] == 2 { consec = 0; discards[i - k] = 0 }
                else if discards[i - k] == 0 { consec = 0 }
                else { consec += 1 }
                if consec == 3 { break }
                k += 1
            }
        }
    }

    private func fd(_ d: Int) -> Int { forward[d + diagonalOffset] }
    private func bd(_ d: Int) -> Int { backward[d + diagonalOffset] }

    /// Marks the changes between x[xoff..<xlim] and y[yoff..<ylim] (analyze.c's `compareseq`).
    mutating func compare(_ xoffIn: Int, _ xlimIn: Int, _ yoffIn: Int, _ ylimIn: Int, minimal: Bool,
                          _ changed0: inout [Bool], _ changed1: inout [Bool]) {
        var xoff = xoffIn, xlim = xlimIn, yoff = yoffIn, ylim = ylimIn
        while xoff < xlim && yoff < ylim && x[xoff] == y[yoff] { xoff += 1; yoff += 1 }
        while xlim > xoff && ylim > yoff && x[xlim - 1] == y[ylim - 1] { xlim -= 1; ylim -= 1 }
        if xoff == xlim {
            for k in yoff..<ylim { changed1[yIndex[k] + 1] = true }
        } else if yoff == ylim {
            for k in xoff..<xlim { changed0[xIndex[k] + 1] = true }
        } else {
            let part = diag(xoff, xlim, yoff, ylim, minimal: minimal)
            compare(xoff, part.xmid, yoff, part.ymid, minimal: part.loMinimal, &changed0, &changed1)
            compare(part.xmid, xlim, part.ymid, ylim, minimal: part.hiMinimal, &changed0, &changed1)
        }
    }

    private struct Partition { var xmid: Int, ymid: Int, loMinimal: Bool, hiMinimal: Bool }

    /// The midpoint of the shortest edit script between the two ranges (analyze.c's `diag`,
    /// without the large-file heuristic, which diff uses only with --speed-large-files).
    private mutating func diag(_ xoff: Int, _ xlim: Int, _ yoff: Int, _ ylim: Int, minimal: Bool) -> Partition {
        let o = diagonalOffset
        let dmin = xoff - ylim, dmax = xlim - yoff
        let fmid = xoff - yoff, bmid = xlim - ylim
        var fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid
        let odd = (fmid - bmid) & 1 != 0
        forward[fmid + o] = xoff
        backward[bmid + o] = xlim
        var cost = 1
        while true {
            if fmin > dmin { fmin -= 1; forward[fmin - 1 + o] = -1 } else { fmin += 1 }
            if fmax < dmax { fmax += 1; forward[fmax + 1 + o] = -1 } else { fmax -= 1 }
            var d = fmax
            while d >= fmin {
                let tlo = fd(d - 1), thi = fd(d + 1)
                var px = tlo >= thi ? tlo + 1 : thi
                var py = px - d
                while px < xlim && py < ylim && x[px] == y[py] { px += 1; py += 1 }
                forward[d + o] = px
                if odd && bmin <= d && d <= bmax && bd(d) <= px {
                    return Partition(xmid: px, ymid: py, loMinimal: true, hiMinimal: true)
                }
                d -= 2
            }
            if bmin > dmin { bmin -= 1; backward[bmin - 1 + o] = Int.max } else { bmin += 1 }
            if bmax < dmax { bmax += 1; backward[bmax + 1 + o] = Int.max } else { bmax -= 1 }
            d = bmax
            while d >= bmin {
                let tlo = bd(d - 1), thi = bd(d + 1)
                var px = tlo < thi ? tlo : thi - 1
                var py = px - d
                while px > xoff && py > yoff && x[px - 1] == y[py - 1] { px -= 1; py -= 1 }
                backward[d + o] = px
                if !odd && fmin <= d && d <= fmax && px <= fd(d) {
                    return Partition(xmid: px, ymid: py, loMinimal: true, hiMinimal: true)
                }
                d -= 2
            }
            if !minimal && cost >= tooExpensive {
                // Gone well beyond the call of duty: report halfway between the best results.
                var fxybest = -1, fxbest = 0
                d = fmax
                while d >= fmin {
                    var px = min(fd(d), xlim)
                    var py = px - d
                    if ylim < py { px = ylim + d; py = ylim }
                    if fxybest < px + py { fxybest = px + py; fxbest = px }
                    d -= 2
                }
                var bxybest = Int.max, bxbest = 0
                d = bmax
                while d >= bmin {
                    var px = max(xoff, bd(d))
                    var py = px - d
                    if py < yoff { px = yoff + d; py = yoff }
                    if px + py < bxybest { bxybest = px + py; bxbest = px }
                    d -= 2
                }
                if (xlim + ylim) - bxybest < fxybest - (xoff + yoff) {
                    return Partition(xmid: fxbest, ymid: fxybest - fxbest, loMinimal: true, hiMinimal: false)
                }
                return Partition(xmid: bxbest, ymid: bxybest - bxbest, loMinimal: false, hiMinimal: true)
            }
            cost += 1
        }
    }
}
