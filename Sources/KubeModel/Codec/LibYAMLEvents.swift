internal import CYaml

/// One parse event from libyaml (the C library go-yaml's scanner and parser were ported
/// from); every C call of the codec lives in this file.
struct YAMLEvent {
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(anchor: String)
        /// `implicit` is libyaml's plain_implicit: an untagged plain scalar.
        case scalar(value: String, tag: String, implicit: Bool, anchor: String?)
        case sequenceStart(tag: String, anchor: String?)
        case sequenceEnd
        case mappingStart(tag: String, anchor: String?)
        case mappingEnd
    }

    var kind: Kind
    /// 0-based line of the event's start.
    var line: Int
}

/// A libyaml reader, scanner or parser error with the marks go-yaml turns into `line N: `.
struct LibYAMLError: Error {
    enum Stage { case reader, scanner, parser, other }
    var stage: Stage
    var problem: String
    /// 0-based lines, as in `yaml_mark_t`.
    var problemLine: Int
    var contextLine: Int
}

/// Pulls events from libyaml over a private copy of the input bytes.
final class LibYAMLParser {
    private var parser = yaml_parser_t()
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var failed = false

    init(_ bytes: [UInt8]) {
        buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        buffer.deallocate()
    }

    /// The next event; after an error, the same error again.
    func next() throws(LibYAMLError) -> YAMLEvent {
        var event = yaml_event_t()
        guard !failed, yaml_parser_parse(&parser, &event) == 1 else {
            failed = true
            throw error()
        }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line)
        switch event.type {
        case YAML_STREAM_START_EVENT: return YAMLEvent(kind: .streamStart, line: line)
        case YAML_STREAM_END_EVENT: return YAMLEvent(kind: .streamEnd, line: line)
        case YAML_DOCUMENT_START_EVENT: return YAMLEvent(kind: .documentStart, line: line)
        case YAML_DOCUMENT_END_EVENT: return YAMLEvent(kind: .documentEnd, line: line)
        case YAML_ALIAS_EVENT:
            return YAMLEvent(kind: .alias(anchor: Self.text(event.data.alias.anchor) ?? ""), line: line)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
            return YAMLEvent(
                kind: .scalar(value: value, tag: Self.text(s.tag) ?? "", implicit: s.plain_implicit != 0, anchor: Self.text(s.anchor)),
                line: line)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return YAMLEvent(kind: .sequenceStart(tag: Self.text(s.tag) ?? "", anchor: Self.text(s.anchor)), line: line)
        case YAML_SEQUENCE_END_EVENT: return YAMLEvent(kind: .sequenceEnd, line: line)
        case YAML_MAPPING_START_EVENT:
            let s = event.data.mapping_start
            return YAMLEvent(kind: .mappingStart(tag: Self.text(s.tag) ?? "", anchor: Self.text(s.anchor)), line: line)
        case YAML_MAPPING_END_EVENT: return YAMLEvent(kind: .mappingEnd, line: line)
        default:
            failed = true
            throw LibYAMLError(stage: .other, problem: "unknown event", problemLine: line, contextLine: 0)
        }
    }

    private func error() -> LibYAMLError {
        let stage: LibYAMLError.Stage
        switch parser.error {
        case YAML_READER_ERROR: stage = .reader
        case YAML_SCANNER_ERROR: stage = .scanner
        case YAML_PARSER_ERROR: stage = .parser
        default: stage = .other
        }
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        return LibYAMLError(
            stage: stage, problem: problem,
            problemLine: Int(parser.problem_mark.line), contextLine: Int(parser.context_mark.line))
    }

    private static func text(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}
