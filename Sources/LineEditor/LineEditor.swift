import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the candidates for the word under the cursor are, and where that word starts.
public struct CompletionCandidates: Sendable {
    /// Character offset in the line where the word being completed starts.
    public var wordStart: Int
    /// Whole replacement words; a directory ends in `/` (no space is added after it).
    public var candidates: [String]

    public init(wordStart: Int, candidates: [String]) {
        self.wordStart = wordStart
        self.candidates = candidates
    }
}

/// The one place that calls libedit: reads lines with a prompt, history and completion.
///
/// When stdin is not a terminal it reads plain lines instead, so pipes and tests work.
/// History is kept as plain lines in `historyFile`, one command per line, like bash's.
public final class LineEditor {
    public enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line typed so far is dropped.
        case interrupted
        /// Ctrl-D on an empty line, or the end of piped input.
        case endOfFile
    }

    public typealias Completer = (_ line: String, _ cursor: Int) -> CompletionCandidates

    public let isInteractive: Bool
    private let historyFile: String?
    private let completer: Completer
    private var editLine: OpaquePointer?
    private var history: OpaquePointer?
    private var promptText: UnsafeMutablePointer<CChar>?
    private var wasInterrupted = false
    private var lastTabLine: String?

    public init(historyFile: String?, completer: @escaping Completer) {
        self.historyFile = historyFile
        self.completer = completer
        isInteractive = isatty(STDIN_FILENO) == 1
        if isInteractive { setUpEditLine() }
    }

    deinit {
        if let editLine { el_end(editLine) }
        if let history { history_end(history) }
        free(promptText)
    }

    /// Shows `prompt` and waits for a line (without its newline).
    public func readLine(prompt: String) -> Input {
        guard let editLine else {
            guard let line = Swift.readLine(strippingNewline: true) else { return .endOfFile }
            return .line(line)
        }
        free(promptText)
        promptText = strdup(prompt)
        wasInterrupted = false
        lastTabLine = nil
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count), count > 0 else {
            return count < 0 && errno == EINTR ? .interrupted : .endOfFile
        }
        if wasInterrupted { return .interrupted }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Remembers a line for Up-arrow and appends it to the history file.
    public func addHistory(_ line: String) {
        guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { return }
        if let history { _ = ckalab_history_enter(history, line) }
        guard let historyFile, let file = fopen(historyFile, "a") else { return }
        fputs(line.replacingNewlines() + "\n", file)
        fclose(file)
    }

    // MARK: - libedit

    private func setUpEditLine() {
        Self.useUTF8Input()
        guard let editLine = ckalab_el_init("ckalab"), let history = history_init() else { return }
        self.editLine = editLine
        self.history = history
        ckalab_history_set_size(history, 1000)
        ckalab_history_set_unique(history)
        loadHistory()
        ckalab_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        ckalab_el_set_editor(editLine, "emacs")
        ckalab_el_set_signal(editLine, 1)
        ckalab_el_set_history(editLine, history)
        ckalab_el_set_prompt(editLine) { editLine in
            LineEditor.owner(of: editLine)?.promptText
        }
        ckalab_el_keep_interrupt_key(editLine)
        ckalab_el_add_function(editLine, "ckalab-complete", "Complete the word under the cursor") { editLine, _ in
            LineEditor.owner(of: editLine)?.complete() ?? UInt8(CC_ERROR)
        }
        ckalab_el_add_function(editLine, "ckalab-interrupt", "Drop the line, like bash's Ctrl-C") { editLine, _ in
            LineEditor.owner(of: editLine)?.interrupt() ?? UInt8(CC_ERROR)
        }
        ckalab_el_bind(editLine, "^I", "ckalab-complete")
        ckalab_el_bind(editLine, "^C", "ckalab-interrupt")
    }

    /// libedit reads characters in the C library's locale, and in the "C" locale it drops every
    /// byte of a multi-byte character: `echo '你好！'` arrived as `echo ''`. The terminal's own
    /// locale is taken; when that is not UTF-8 (unset, C, POSIX), C.UTF-8: the lab's text is UTF-8.
    private static func useUTF8Input() {
        _ = setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }

    private static func owner(of editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = ckalab_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    private func loadHistory() {
        guard let historyFile, let history, let file = fopen(historyFile, "r") else { return }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while getline(&buffer, &capacity, file) > 0, let buffer {
            var line = String(cString: buffer)
            if line.hasSuffix("\n") { line.removeLast() }
            if !line.isEmpty { _ = ckalab_history_enter(history, line) }
        }
    }

    /// bash's Ctrl-C: shows `^C` after the text and ends the line; the caller drops it.
    private func interrupt() -> UInt8 {
        guard let editLine, let info = el_line(editLine), let cursor = info.pointee.cursor,
              let end = info.pointee.lastchar else { return UInt8(CC_ERROR) }
        el_cursor(editLine, Int32(end - cursor))
        _ = el_insertstr(editLine, "^C")
        wasInterrupted = true
        // A queued Return lets libedit redraw the line with `^C` and end it as Enter would.
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    /// Tab: completes a unique candidate, extends to the common prefix, or (on a second Tab)
    /// lists the candidates below the line as bash does.
    private func complete() -> UInt8 {
        guard let editLine, let info = el_line(editLine), let bufferStart = info.pointee.buffer,
              let cursorPointer = info.pointee.cursor, let endPointer = info.pointee.lastchar else { return UInt8(CC_ERROR) }
        let beforeCursor = String(decoding: UnsafeRawBufferPointer(start: bufferStart, count: cursorPointer - bufferStart), as: UTF8.self)
        let whole = String(decoding: UnsafeRawBufferPointer(start: bufferStart, count: endPointer - bufferStart), as: UTF8.self)
        let cursor = beforeCursor.count
        let result = completer(whole, cursor)
        let typed = Array(beforeCursor)
        let start = min(max(result.wordStart, 0), typed.count)
        let word = String(typed[start...])
        let candidates = result.candidates.filter { $0.hasPrefix(word) }
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1, let only = candidates.first {
            let suffix = String(only.dropFirst(word.count)) + (only.hasSuffix("/") ? "" : " ")
            _ = el_insertstr(editLine, suffix)
            return UInt8(CC_REFRESH)
        }
        let common = Self.commonPrefix(candidates)
        if common.count > word.count {
            _ = el_insertstr(editLine, String(common.dropFirst(word.count)))
            lastTabLine = nil
            return UInt8(CC_REFRESH)
        }
        if lastTabLine != whole {
            lastTabLine = whole
            return UInt8(CC_REFRESH_BEEP)
        }
        listCandidates(candidates)
        return UInt8(CC_REDISPLAY)
    }

    private func listCandidates(_ candidates: [String]) {
        let names = candidates.map { candidate -> String in
            let trimmed = candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
            guard let slash = trimmed.lastIndex(of: "/") else { return candidate }
            return String(candidate[candidate.index(after: slash)...])
        }
        let width = max(Int(terminalColumns()), 20)
        let columnWidth = (names.map(\.count).max() ?? 0) + 2
        let columns = max(1, width / columnWidth)
        let rows = (names.count + columns - 1) / columns
        var text = "\n"
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < names.count else { break }
                let isLast = (column + 1) * rows + row >= names.count
                line += isLast ? names[index] : names[index] + String(repeating: " ", count: columnWidth - names[index].count)
            }
            text += line + "\n"
        }
        ckalab_print(text)
    }

    private func terminalColumns() -> UInt16 {
        var size = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? size.ws_col : 80
    }

    private static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let characters = Array(word)
            var length = 0
            while length < min(prefix.count, characters.count), prefix[length] == characters[length] { length += 1 }
            prefix = Array(prefix[..<length])
        }
        return String(prefix)
    }
}

private extension String {
    /// History is one command per line; a multi-line command is kept on one line.
    func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
    }
}
