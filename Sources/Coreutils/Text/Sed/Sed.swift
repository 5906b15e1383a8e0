import CommandKit
import NodeFS

/// `sed [OPTION]... {script} [FILE]...` — GNU sed 4.9: scripts from -e/-f, -n, -E, -s,
/// -i[SUFFIX] on the node's filesystem.
let sedCommand = Command("sed") { inv in
    let specs = [
        OptionSpec("n", "quiet"), OptionSpec(nil, "silent", key: "quiet"), OptionSpec("e", "expression", argument: .required),
        OptionSpec("f", "file", argument: .required), OptionSpec("i", "in-place", argument: .optional),
        OptionSpec("E", "regexp-extended"), OptionSpec("r", key: "regexp-extended"), OptionSpec("s", "separate"),
        OptionSpec("z", "null-data"), OptionSpec("u", "unbuffered"), OptionSpec(nil, "posix"),
        OptionSpec(nil, "debug"), OptionSpec("l", "line-length", argument: .required),
        OptionSpec(nil, "follow-symlinks"), OptionSpec(nil, "sandbox"), OptionSpec(nil, "help"),
        OptionSpec(nil, "version"),
    ]
    let options: ParsedOptions
    do throws(OptionError) {
        options = try parseOptions(inv.operands, specs)
    } catch {
        inv.error(error.message)
        inv.stderr.write(sedUsage)
        return 1
    }
    if options.has("help") { inv.stdout.write(sedUsage); return 0 }
    if options.has("version") { inv.stdout.line("sed (GNU sed) 4.9"); return 0 }
    var operands = options.operands
    // Each -e / -f chunk, for "-e expression #N, char M" messages.
    var chunks: [(label: String, text: [UInt8])] = []
    var expressionNumber = 0
    var input = TextInput()
    for (key, value) in options.options where key == "expression" || key == "file" {
        expressionNumber += 1
        if key == "expression" {
            chunks.append(("-e expression #\(expressionNumber)", Array((value ?? "").utf8)))
        } else {
            let name = value ?? ""
            switch input.read(name, inv) {
            case .success(var bytes):
                if bytes.last == 10 { bytes.removeLast() }
                chunks.append(("file \(name)", bytes))
            case .failure(let error):
                inv.error("couldn't open file \(name): \(error.message)")
                return 1
            }
        }
    }
    if chunks.isEmpty {
        guard !operands.isEmpty else {
            inv.stderr.write(sedUsage)
            return 1
        }
        chunks.append(("-e expression #1", Array(operands.removeFirst().utf8)))
    }
    var joined: [UInt8] = []
    var starts: [Int] = []
    for chunk in chunks {
        starts.append(joined.count)
        joined += chunk.text + [10]
    }
    let extended = options.has("regexp-extended")
    var parser = SedParser(joined, extended: extended)
    let script: SedScript
    do throws(SedError) {
        script = try parser.parse()
    } catch {
        inv.error(sedErrorLocation(error, chunks: chunks.map(\.label), starts: starts, lengths: chunks.map(\.text.count))
                  + error.message)
        return 1
    }
    if let label = SedExecutor.missingLabel(in: script) {
        inv.error("can't find label for jump to `\(label)'")
        return 1
    }
    let inPlace = options.has("in-place")
    let suffix = options.value("in-place") ?? ""
    let separate = inPlace || options.has("separate")
    var executor = SedExecutor(script: script, quiet: options.has("quiet"))
    let reader = inv
    executor.readFile = { name in
        name == "/dev/stdin" ? reader.stdin : try? reader.fileSystem.readFile(reader.resolvedPath(name))
    }
    var status: Int32 = 0
    var stdout: [UInt8] = []
    var pending: [SedExecutor.InputLine] = []
    let files = operands.isEmpty ? ["-"] : operands
    var fileInput = TextInput()
    var firstStream = true
    for (position, operand) in files.enumerated() {
        if inPlace && operand != "-" {
            if let info = try? inv.fileSystem.info(inv.resolvedPath(operand)), !info.isRegular {
                inv.error("couldn't edit \(operand): not a regular file")
                status = 4
                continue
            }
        }
        let bytes: [UInt8]
        switch fileInput.read(operand, inv) {
        case .success(let read): bytes = read
        case .failure(let error):
            if error == .isADirectory {
                inv.error("read error on \(operand): \(error.message)")
                status = 4
                continue
            } else {
                inv.error("can't read \(operand): \(error.message)")
            }
            status = 2
            continue
        }
        let split = Lines(bytes)
        let lines = split.lines.enumerated().map { index, line in
            SedExecutor.InputLine(bytes: Array(line),
                                  hadNewline: index < split.lines.count - 1 || split.endsWithTerminator,
                                  fileName: operand)
        }
        if inPlace && operand != "-" {
            var out: [UInt8] = []
            executor.run(lines, out: &out, resetLineNumbers: true)
            let path = inv.resolvedPath(operand)
            do throws(FSError) {
                if !suffix.isEmpty {
                    let backup = suffix.contains("*") ? suffix.split(separator: "*", omittingEmptySubsequences: false).joined(separator: Path.basename(operand)) : Path.basename(operand) + suffix
                    try inv.fileSystem.writeFile(Path.join(Path.dirname(path), backup), bytes)
                }
                try inv.fileSystem.writeFile(path, out)
            } catch {
                inv.error("couldn't open temporary file \(operand): \(error.message)")
                status = 4
            }
        } else if separate {
            executor.run(lines, out: &stdout, resetLineNumbers: firstStream)
        } else {
            // One continuous stream: a missing final newline only matters on the very last line.
            pending += lines.map { line in
                var line = line
                if position < files.count - 1 { line.hadNewline = true }
                return line
            }
        }
        firstStream = false
        if executor.exitStatus != nil || executor.runtimeError != nil { break }
    }
    if !separate { executor.run(pending, out: &stdout, resetLineNumbers: true) }
    inv.stdout.write(stdout)
    for (name, bytes) in executor.writtenFiles {
        if name == "/dev/stderr" { inv.stderr.write(bytes); continue }
        try? inv.fileSystem.writeFile(inv.resolvedPath(name), bytes)
    }
    if let message = executor.runtimeError {
        inv.error("-e expression #1, char 0: \(message)")
        return 1
    }
    return executor.exitStatus ?? status
}

/// `-e expression #1, char 5: ` for an error at `offset` in the joined script.
private func sedErrorLocation(_ error: SedError, chunks: [String], starts: [Int], lengths: [Int]) -> String {
    guard let offset = error.offset else { return "" }
    if error.message == "unmatched `{'" { return "-e expression #1, char 0: " }
    var chunk = 0
    for (index, start) in starts.enumerated() where start < max(offset, 1) { chunk = index }
    let position = min(offset - starts[chunk], lengths[chunk])
    let label = chunks[chunk]
    if label.hasPrefix("file ") {
        return "\(label) line 1: "
    }
    return "\(label), char \(position): "
}

private let sedUsage = """
Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the `l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.

"""
