@testable import ShellSyntax

/// A compact text form of the AST, so tests can state expected shapes in one line.
enum Dump {
    static func script(_ script: Script) -> String { list(script.body) }

    static func list(_ list: CommandList) -> String {
        list.items.map(andOr).joined(separator: "; ")
    }

    static func andOr(_ item: AndOrList) -> String {
        var out = pipeline(item.first)
        for link in item.rest { out += " \(link.op.rawValue) " + pipeline(link.pipeline) }
        return item.background ? out + " &" : out
    }

    static func pipeline(_ pipeline: Pipeline) -> String {
        var out = pipeline.negated ? "! " : ""
        for (i, command) in pipeline.commands.enumerated() {
            if i > 0 { out += pipeline.pipesStderr[i - 1] ? " |& " : " | " }
            out += self.command(command)
        }
        return out
    }

    static func command(_ command: ShellCommand) -> String {
        switch command {
        case .simple(let simple):
            let items = simple.assignments.map(assignment) + simple.words.map(word) + simple.redirections.map(redirection)
            return "(" + items.joined(separator: " ") + ")"
        case .compound(let compound, let redirections):
            return ([self.compound(compound)] + redirections.map(redirection)).joined(separator: " ")
        case .function(let definition):
            return "fn \(definition.name) " + self.command(definition.body)
        }
    }

    static func compound(_ compound: CompoundCommand) -> String {
        switch compound {
        case .braceGroup(let l): return "{\(list(l))}"
        case .subshell(let l): return "sub(\(list(l)))"
        case .ifClause(let clause):
            var out = clause.branches.map { "if \(list($0.condition)) then \(list($0.body))" }.joined(separator: " el")
            if let e = clause.elseBody { out += " else \(list(e))" }
            return out + " fi"
        case .whileLoop(let c, let b, let until): return "\(until ? "until" : "while") \(list(c)) do \(list(b)) done"
        case .forLoop(let v, let words, let body):
            let ws = words.map { " in " + $0.map(word).joined(separator: " ") } ?? ""
            return "for \(v)\(ws) do \(list(body)) done"
        case .caseClause(let subject, let items):
            let its = items.map { "\($0.patterns.map(word).joined(separator: "|"))) \(list($0.body)) \($0.terminator.rawValue)" }
            return "case \(word(subject)) " + its.joined(separator: " ") + " esac"
        case .conditional(let words): return "[[ " + words.map(word).joined(separator: " ") + " ]]"
        case .arithmetic(let text): return "((\(text)))"
        }
    }

    static func assignment(_ a: Assignment) -> String { "\(a.name)\(a.append ? "+=" : "=")" + word(a.value) }

    static func redirection(_ r: Redirection) -> String {
        var out = (r.fd.map(String.init) ?? "") + r.op.rawValue + word(r.target)
        if let doc = r.hereDocument { out += "[\(doc.expands ? "" : "q:")" + parts(doc.body) + "]" }
        return out
    }

    static func word(_ word: Word) -> String { parts(word.parts) }

    static func parts(_ parts: [WordPart]) -> String { parts.map(part).joined(separator: "+") }

    static func part(_ part: WordPart) -> String {
        switch part {
        case .literal(let s): return s
        case .singleQuoted(let s): return "'\(s)'"
        case .escaped(let s): return "\\\(s)"
        case .doubleQuoted(let inner): return "\"" + parts(inner) + "\""
        case .parameter(let p): return parameter(p)
        case .commandSubstitution(let l): return "$(\(list(l)))"
        case .arithmetic(let text): return "$((\(text)))"
        case .tilde(let user): return "~\(user)~"
        }
    }

    static func parameter(_ p: ParameterExpansion) -> String {
        guard let op = p.operation else { return "${\(p.name)}" }
        let body: String
        switch op {
        case .length: body = "#\(p.name)"
        case .useDefault(let w, let c): body = p.name + (c ? ":" : "") + "-" + word(w)
        case .assignDefault(let w, let c): body = p.name + (c ? ":" : "") + "=" + word(w)
        case .errorIfUnset(let w, let c): body = p.name + (c ? ":" : "") + "?" + word(w)
        case .useAlternative(let w, let c): body = p.name + (c ? ":" : "") + "+" + word(w)
        case .removePrefix(let w, let l): body = p.name + (l ? "##" : "#") + word(w)
        case .removeSuffix(let w, let l): body = p.name + (l ? "%%" : "%") + word(w)
        case .replace(let pat, let with, let all): body = p.name + (all ? "//" : "/") + word(pat) + "/" + word(with)
        case .replaceAnchored(let pat, let with, let atEnd): body = p.name + (atEnd ? "/%" : "/#") + word(pat) + "/" + word(with)
        case .indirect: body = "!" + p.name
        case .substring(let o, let l): body = p.name + ":" + o + (l.map { ":" + $0 } ?? "")
        case .changeCase(let upper, let all): body = p.name + (upper ? (all ? "^^" : "^") : (all ? ",," : ","))
        case .badSubstitution(let text): return "bad<\(text)>"
        }
        return "${\(body)}"
    }
}
