import NodeFS

/// A name as ls prints it: quoted for the terminal, coloured, with its indicator.
struct LsName {
    var text: String
    /// Terminal columns it takes (escape sequences excluded).
    var width: Int
    var isQuoted: Bool
}

extension LsRun {
    /// A name quoted in the run's quoting style.
    func quoted(_ name: String) -> String {
        switch options.quoting {
        case .literal:
            guard options.hideControl else { return name }
            return String(name.unicodeScalars.map { DisplayWidth.isPrintable($0) && $0.value >= 0x20 && $0.value != 0x7F ? Character($0) : "?" })
        case .shellEscape: return Quoting.quote(name, .shellEscape)
        case .c: return Quoting.quote(name, .c)
        case .escape:
            let cQuoted = Quoting.quote(name, .c)
            return String(cQuoted.dropFirst().dropLast()).replacingSpaces()
        }
    }

    func renderName(_ entry: LsEntry) -> LsName {
        let text = quoted(entry.name)
        let isQuoted = text != entry.name && options.quoting == .shellEscape
        var rendered = colored(text, code: colorCode(entry.info, target: entry.targetInfo, isLink: entry.info.isSymlink))
        var width = DisplayWidth.of(text)
        if options.format != .long || !entry.info.isSymlink, let mark = indicator(entry.info) {
            rendered += String(mark)
            width += 1
        }
        return LsName(text: rendered, width: width, isQuoted: isQuoted)
    }

    /// The `-F`/`-p` character for a file of this kind.
    func indicator(_ info: FileInfo) -> Character? {
        switch options.indicator {
        case .none: return nil
        case .slash: return info.isDirectory ? "/" : nil
        case .fileType, .classify:
            switch info.kind {
            case .directory: return "/"
            case .symlink: return "@"
            case .regular: return options.indicator == .classify && info.mode & 0o111 != 0 ? "*" : nil
            case .characterDevice: return nil
            }
        }
    }

    func colored(_ text: String, code: String?) -> String {
        guard options.color, let code, code != "0", code != "00", !code.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// The LS_COLORS code for a file (Ubuntu's `dircolors` defaults unless LS_COLORS says otherwise).
    func colorCode(_ info: FileInfo, target: FileInfo?, isLink: Bool, name: String? = nil) -> String? {
        guard options.color else { return nil }
        let table = LsColors.table(inv.environment["LS_COLORS"])
        if isLink && info.isSymlink {
            return target == nil ? (table["or"] ?? table["ln"]) : table["ln"]
        }
        switch info.kind {
        case .directory:
            let sticky = info.mode & 0o1000 != 0, otherWritable = info.mode & 0o002 != 0
            if sticky && otherWritable { return table["tw"] }
            if otherWritable { return table["ow"] }
            if sticky { return table["st"] }
            return table["di"]
        case .symlink: return table["ln"]
        case .characterDevice: return table["cd"]
        case .regular:
            if info.mode & 0o4000 != 0 { return table["su"] }
            if info.mode & 0o2000 != 0 { return table["sg"] }
            if info.mode & 0o111 != 0 { return table["ex"] }
            return nil
        }
    }

    /// Whether some name in the listing is quoted, so unquoted ones get a space to line up.
    func alignmentPadding(_ entries: [LsEntry]) -> Bool {
        guard options.quoting == .shellEscape, options.format == .long || options.format == .columns || options.format == .across else { return false }
        return entries.contains { quoted($0.name) != $0.name }
    }

    func needsPadding(_ entry: LsEntry, _ padding: Bool) -> Bool {
        padding && quoted(entry.name) == entry.name
    }

    /// The `-i` and `-s` columns before a name.
    func prefix(_ entry: LsEntry, _ all: [LsEntry]) -> String {
        var text = ""
        if options.inode {
            let width = all.map { String(FakeInode.number(inv.fileSystem, $0.absolute)).count }.max() ?? 0
            let number = String(FakeInode.number(inv.fileSystem, entry.absolute))
            text += (options.format == .single ? "" : String(repeating: " ", count: max(0, width - number.count))) + number + " "
        }
        if options.showBlocks {
            let width = all.map { blocksText($0).count }.max() ?? 0
            let blocks = blocksText(entry)
            text += (options.format == .single ? "" : String(repeating: " ", count: max(0, width - blocks.count))) + blocks + " "
        }
        return text
    }

    func blocksText(_ entry: LsEntry) -> String {
        options.human ? HumanSize.format(entry.info.kilobytes * 1024) : String(entry.info.kilobytes)
    }

    /// Writes text, putting GNU's one-time colour reset before the first coloured name.
    mutating func emit(_ text: String) {
        if !colorStarted, let escape = text.firstIndex(of: "\u{1B}") {
            colorStarted = true
            inv.stdout.write(String(text[..<escape]) + "\u{1B}[0m" + String(text[escape...]))
        } else {
            inv.stdout.write(text)
        }
    }

    mutating func printCommas(_ entries: [LsEntry]) {
        var line = ""
        var position = 0
        for (index, entry) in entries.enumerated() {
            let name = renderName(entry)
            let length = name.width + prefix(entry, entries).count
            if index > 0 {
                if position + length + 2 > options.width {
                    line += ",\n"
                    position = 0
                } else {
                    line += ", "
                    position += 2
                }
            }
            line += prefix(entry, entries) + name.text
            position += length
        }
        emit(line + "\n")
    }
}

/// `LS_COLORS` parsed into codes by key (`di`, `ln`, `ex`, …).
enum LsColors {
    static let ubuntuDefaults = "rs=0:di=01;34:ln=01;36:mh=00:pi=40;33:so=01;35:do=01;35:bd=40;33;01:cd=40;33;01:or=40;31;01:mi=00:su=37;41:sg=30;43:ca=00:tw=30;42:ow=34;42:st=37;44:ex=01;32"

    static func table(_ value: String?) -> [String: String] {
        var table: [String: String] = [:]
        for item in (value ?? ubuntuDefaults).split(separator: ":") {
            let parts = item.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { table[String(parts[0])] = String(parts[1]) }
        }
        return table
    }
}

extension String {
    /// `ls -b`: spaces become `\ `.
    func replacingSpaces() -> String {
        var out = ""
        for c in self { out += c == " " ? "\\ " : String(c) }
        return out
    }
}
