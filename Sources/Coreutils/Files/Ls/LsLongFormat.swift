import NodeFS

extension LsRun {
    /// `-l`: mode, links, owner, group, size, date, name, aligned as GNU aligns them.
    mutating func printLong(_ entries: [LsEntry]) {
        let padding = alignmentPadding(entries)
        let names = entries.map { renderName($0) }
        var accounts = self.accounts
        let owners = entries.map { options.numeric ? String($0.info.uid) : accounts.userName($0.info.uid) }
        let groups = entries.map { options.numeric ? String($0.info.gid) : accounts.groupName($0.info.gid) }
        let sizes = entries.map { sizeText($0.info) }
        let links = entries.map { String($0.info.linkCount) }
        let linkWidth = links.map(\.count).max() ?? 0
        let ownerWidth = owners.map { DisplayWidth.of($0) }.max() ?? 0
        let groupWidth = groups.map { DisplayWidth.of($0) }.max() ?? 0
        let sizeWidth = sizes.map(\.count).max() ?? 0
        let now = inv.clock.now
        var out = ""
        for (index, entry) in entries.enumerated() {
            var line = prefix(entry, entries)
            line += entry.info.modeString + " "
            line += leftPad(links[index], linkWidth) + " "
            if options.showOwner { line += rightPad(owners[index], ownerWidth) + " " }
            if options.showGroup { line += rightPad(groups[index], groupWidth) + " " }
            line += leftPad(sizes[index], sizeWidth) + " "
            line += dateText(entry.info.modificationTime, now: now) + " "
            line += (needsPadding(entry, padding) ? " " : "") + names[index].text
            if entry.info.isSymlink, let target = entry.info.symlinkTarget {
                line += " -> " + colored(quoted(target), code: entry.targetInfo.map { colorCode($0, target: nil, isLink: false) } ?? LsColors.table(inv.environment["LS_COLORS"])["mi"])
                if let targetInfo = entry.targetInfo, let mark = indicator(targetInfo), options.indicator == .classify || options.indicator == .fileType || (options.indicator == .slash && targetInfo.isDirectory) {
                    line += String(mark)
                }
            }
            out += line + "\n"
        }
        self.accounts = accounts
        emit(out)
    }

    private func sizeText(_ info: FileInfo) -> String {
        if info.kind == .characterDevice { return "1, 3" }
        return options.human ? HumanSize.format(info.size) : String(info.size)
    }

    /// `Jan  5 09:00` for the last six months, `Jan  5  2025` otherwise; or the chosen time style.
    func dateText(_ time: Int64, now: Int64) -> String {
        let civil = CivilTime(nanoseconds: time)
        let sixMonths: Int64 = 31_556_952 / 2 * 1_000_000_000
        let recent = time <= now && time > now - sixMonths
        switch options.timeStyle {
        case "full-iso": return TimeFormat.format("%Y-%m-%d %H:%M:%S.%N %z", civil)
        case "long-iso": return TimeFormat.format("%Y-%m-%d %H:%M", civil)
        case "iso": return TimeFormat.format(recent ? "%m-%d %H:%M" : "%Y-%m-%d ", civil)
        case let style where style.hasPrefix("+"):
            let formats = style.dropFirst().split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let format = !recent && formats.count > 1 ? String(formats[1]) : String(formats.first ?? "")
            return TimeFormat.format(format, civil)
        default: return TimeFormat.format(recent ? "%b %e %H:%M" : "%b %e  %Y", civil)
        }
    }

    private func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func rightPad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
