/// Finds the `$...$` and `$$...$$` math of Markdown by the rules of pandoc's
/// `tex_math_dollars` (no space after the opening `$` or before the closing one, no digit right
/// after the closing one, `\$` is a dollar), outside code spans and fenced code blocks, and
/// replaces each with a placeholder cmark keeps as plain text, so math never meets cmark's
/// inline parser (`$x*y$ and $y*z$` must not become emphasis).
struct DollarMathScanner {
    /// One formula found, where its opening dollar stands (1-based line and column).
    struct Span {
        var tex: String
        var display: Bool
        var line: Int
        var column: Int
    }

    /// Private-use characters around the span's index: plain text to cmark.
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    static func placeholder(_ index: Int) -> String { String(open) + String(index) + String(close) }

    /// The text with its math replaced, and the formulas in order.
    func scan(_ markdown: String) -> (text: String, spans: [Span]) {
        let chars = Array(markdown)
        var out = ""
        out.reserveCapacity(chars.count)
        var spans: [Span] = []
        var i = 0
        var line = 1, column = 1
        var atLineStart = true
        var fence: (character: Character, count: Int)?

        func advance(_ n: Int) {
            for k in i..<min(i + n, chars.count) {
                out.append(chars[k])
                if chars[k] == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            i = min(i + n, chars.count)
        }
        /// Moves past `n` characters of math source without copying them.
        func skip(_ n: Int) {
            for k in i..<min(i + n, chars.count) {
                if chars[k] == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            i = min(i + n, chars.count)
        }

        while i < chars.count {
            if atLineStart {
                atLineStart = false
                // A fence line opens or closes a code block: nothing inside one is math.
                let lineEnd = chars[i...].firstIndex(of: "\n") ?? chars.count
                let text = chars[i..<lineEnd]
                let indent = text.prefix { $0 == " " }.count
                let rest = text.dropFirst(indent)
                if indent <= 3, let first = rest.first, first == "`" || first == "~" {
                    let run = rest.prefix { $0 == first }.count
                    if let open = fence {
                        if first == open.character && run >= open.count && rest.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) {
                            fence = nil
                        }
                    } else if run >= 3 && !(first == "`" && rest.dropFirst(run).contains("`")) {
                        fence = (first, run)
                    }
                    advance(lineEnd - i)
                    continue
                }
                if fence != nil {
                    advance(lineEnd - i)
                    continue
                }
            }
            let c = chars[i]
            if c == "\n" {
                advance(1)
                atLineStart = true
                continue
            }
            if c == "\\", i + 1 < chars.count {
                // An escaped character (`\$` among them) is never a delimiter.
                advance(2)
                continue
            }
            if c == "`" {
                // A code span: the run of backticks and everything up to a run just as long.
                let run = chars[i...].prefix { $0 == "`" }.count
                var j = i + run
                var closed: Int?
                while j < chars.count {
                    if chars[j] == "`" {
                        let other = chars[j...].prefix { $0 == "`" }.count
                        if other == run { closed = j + other; break }
                        j += other
                    } else {
                        j += 1
                    }
                }
                advance((closed ?? i + run) - i)
                continue
            }
            if c == "$", let found = math(at: i, in: chars) {
                spans.append(Span(tex: found.tex, display: found.display, line: line, column: column))
                out += Self.placeholder(spans.count - 1)
                skip(found.end - i)
                continue
            }
            advance(1)
        }
        return (out, spans)
    }

    /// The formula opening at `start`, and the index just past its closing dollars.
    private func math(at start: Int, in chars: [Character]) -> (tex: String, display: Bool, end: Int)? {
        if start + 1 < chars.count, chars[start + 1] == "$" {
            // $$...$$: everything up to the next $$.
            var j = start + 2
            while j + 1 < chars.count {
                if chars[j] == "\\" { j += 2; continue }
                if chars[j] == "$" && chars[j + 1] == "$" {
                    let tex = String(chars[(start + 2)..<j])
                    return tex.allSatisfy(\.isWhitespace) ? nil : (tex, true, j + 2)
                }
                j += 1
            }
            return nil
        }
        // $...$: no space after the opening dollar.
        guard start + 1 < chars.count, !chars[start + 1].isWhitespace else { return nil }
        var j = start + 1
        while j < chars.count {
            let c = chars[j]
            if c == "\\" { j += 2; continue }
            // A paragraph break ends the search.
            if c == "\n", j + 1 < chars.count, chars[(j + 1)...].prefix(while: { $0 == " " || $0 == "\t" }).count + j + 1 < chars.count,
               chars[j + 1 + chars[(j + 1)...].prefix(while: { $0 == " " || $0 == "\t" }).count] == "\n" {
                return nil
            }
            if c == "$" {
                // No space before the closing dollar, no digit right after it.
                if chars[j - 1].isWhitespace { j += 1; continue }
                if j + 1 < chars.count, chars[j + 1].isASCII, chars[j + 1].isNumber { j += 1; continue }
                return (String(chars[(start + 1)..<j]), false, j + 1)
            }
            j += 1
        }
        return nil
    }
}
