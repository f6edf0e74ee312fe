@testable import BPWriters
import BPTestSupport
import Foundation
import Testing

/// bpreport's Mustache reader against the Mustache spec's own cases (the spec's JSON files, in
/// `MustacheSpec/` with their licence: comments, delimiters, interpolation, inverted sections
/// and sections), and its messages for the templates it refuses.
@Suite("Mustache templates")
struct MustacheTemplateTests {
    /// A spec file's cases; the two about partials are the only ones left out, as partials are
    /// refused (a template is one file), and a test below holds that refusal.
    static let specCases: [SpecCase] = {
        let folder = TestPaths.packageRoot().appendingPathComponent("Tests/BPWritersTests/MustacheSpec")
        return ["comments", "delimiters", "interpolation", "inverted", "sections"].flatMap { file -> [SpecCase] in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(file + ".json")),
                  let spec = try? JSONDecoder().decode(SpecFile.self, from: data) else { return [] }
            return spec.tests.filter { $0.partials == nil }.map { SpecCase(file: file, test: $0) }
        }
    }()

    @Test("the spec files are read: 122 cases of 124 (two need partials)")
    func specFilesAreRead() {
        #expect(Self.specCases.count == 122)
    }

    @Test("each case of the Mustache spec renders as the spec expects", arguments: specCases)
    func specCase(_ item: SpecCase) throws {
        let template = try MustacheTemplate(item.test.template, path: "\(item.file).json", escaping: .html)
        #expect(template.render(item.test.data.value ?? .map([:])) == item.test.expected, "\(item.test.desc)")
    }

    @Test("the built-in page and LaTeX templates parse")
    func builtInTemplatesParse() throws {
        _ = try MustacheTemplate(PageTemplates.builtIn.page, path: "page.html.mustache", escaping: .html)
        _ = try MustacheTemplate(PageTemplates.builtIn.tex, path: "page.tex.mustache", escaping: .none)
    }

    @Test("escaping: the page's five characters, or none for LaTeX, whose values are LaTeX already")
    func escaping() throws {
        let context = MustacheValue.map(["t": .text("Tom's <b>&\"x\" \\alpha_1")])
        #expect(try MustacheTemplate("{{t}}|{{{t}}}|{{&t}}", path: "p", escaping: .html).render(context)
                == "Tom&#39;s &lt;b&gt;&amp;&quot;x&quot; \\alpha_1|Tom's <b>&\"x\" \\alpha_1|Tom's <b>&\"x\" \\alpha_1")
        #expect(try MustacheTemplate("<%t%>", path: "p", escaping: .none).render(context) == "<%t%>")
        #expect(try MustacheTemplate("{{=<% %>=}}<%t%>|<%&t%>", path: "p", escaping: .none).render(context)
                == "Tom's <b>&\"x\" \\alpha_1|Tom's <b>&\"x\" \\alpha_1")
    }

    @Test("a broken template names the tag at fault, its line and column, in its own delimiters", arguments: [
        ("a\n  {{#s}}\n  {{/t}}", "p:3:3: not a valid Mustache template: the closing tag {{/t}} does not match the section {{#s}} opened at 2:3"),
        ("{{/s}}", "p:1:1: not a valid Mustache template: the closing tag {{/s}} closes no open section"),
        ("x\n{{=<% %>=}}\n<%# open %>", "p:3:1: not a valid Mustache template: the section <%# open %> is never closed with <%/open%>"),
        ("é{{title", "p:1:2: not a valid Mustache template: the tag is never closed (a {{ without its }})"),
        ("{{{title}}", "p:1:1: not a valid Mustache template: the tag is never closed (a {{ without its }})"),
        ("{{=<%%>=}}", "p:1:1: not a valid Mustache template: the set-delimiter tag {{=<%%>=}} must give two delimiters, without spaces or = in them, as in {{=<% %>=}}"),
        ("{{> part}}", "p:1:1: not a valid Mustache template: the partial {{> part}} is not supported: a template is one file"),
        ("{{<parent}}{{/parent}}", "p:1:1: not a valid Mustache template: the tag {{<parent}} is template inheritance, which is not supported: a template is one file"),
        ("{{uppercased(title)}}", "p:1:1: not a valid Mustache template: the tag {{uppercased(title)}} applies a function, which templates here do not have"),
        ("{{ }}", "p:1:1: not a valid Mustache template: the tag {{ }} has no name"),
        ("{{a..b}}", "p:1:1: not a valid Mustache template: the tag {{a..b}} has an empty part in its dotted name"),
    ])
    func brokenTemplates(_ text: String, _ message: String) {
        #expect(throws: TemplateError(message: message)) { try MustacheTemplate(text, path: "p", escaping: .html) }
    }
}

/// One case of a spec file, named for the test list by its file and name.
struct SpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let test: SpecFile.Test
    var testDescription: String { "\(file): \(test.name)" }
}

/// A Mustache spec file: its cases, each a template, its data and the text it must render.
struct SpecFile: Decodable, Sendable {
    struct Test: Decodable, Sendable {
        let name: String
        let desc: String
        let data: SpecData
        let template: String
        let expected: String
        let partials: [String: String]?
    }
    let tests: [Test]
}

/// A spec case's JSON data as the template's values. JSON numbers become text as the spec
/// writes them (85, 1.21); a null is a name the context does not have.
struct SpecData: Decodable, Sendable {
    let value: MustacheValue?

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = nil
        } else if let flag = try? single.decode(Bool.self) {
            value = .flag(flag)
        } else if let number = try? single.decode(Double.self) {
            value = .text(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
        } else if let text = try? single.decode(String.self) {
            value = .text(text)
        } else if let list = try? single.decode([SpecData].self) {
            value = .list(list.compactMap(\.value))
        } else {
            let map = try single.decode([String: SpecData].self)
            value = .map(map.compactMapValues(\.value))
        }
    }
}
