import BPDocument
import BPEngine
import BPReport
import BPReportBuilder
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// Notebooks: prose kept, cells replaced by their solutions, math kept out of cmark, cells
/// continuing each other, and errors at the notebook's own lines.
@Suite struct NotebookTests {
    static let cell = TestSpecs.contractNetwork

    private func notebook(_ text: String) throws(RenderFailure) -> (md: String, html: String, warnings: [String]) {
        let pipeline = try! Pipeline()
        let rendering = try pipeline.rendering(Source(name: "nb", label: "nb.nb.md", text: text, kind: .notebook))
        let page = { (suffix: String) in rendering.files.first { $0.name == "nb." + suffix }?.contents ?? "" }
        return (page("md"), page("html"), rendering.warnings)
    }

    @Test func cellsBecomeSolutionsAndTheProseStays() throws {
        let text = "# Week 3\n\nSome *prose* first.\n\n```network id=p1\n\(Self.cell)\n```\n\nAnd after.\n"
        let (md, html, _) = try notebook(text)
        #expect(md.hasPrefix("# Week 3\n\nSome *prose* first.\n\n"))
        #expect(md.contains("### [Forward]") && md.contains("### [Weight update]"))
        #expect(md.hasSuffix("And after.\n"))
        #expect(!md.contains("```network"))
        #expect(html.contains("<section id=\"p1\" class=\"bp-cell\">"))
        #expect(html.contains("<title>Week 3</title>"))
    }

    /// `show=diagram` draws the cell's network and works nothing out; a later cell's drawing
    /// of the network an earlier one trained gets a file of its own beside the page.
    @Test func aCellCanAskForTheDiagramAlone() throws {
        let text = "# Nets\n\n```network id=p1 show=diagram\n\(Self.cell)\n```\n\n```network show=diagram\nfrom: p1\nsteps: 0\n```\n"
        let rendering = try Pipeline().rendering(Source(name: "nb", label: "nb.nb.md", text: text, kind: .notebook))
        #expect(rendering.files.map(\.name) == ["nb.md", "nb.network.svg", "nb.network-2.svg", "nb.html"])
        let md = rendering.files[0].contents
        #expect(!md.contains("[Forward]") && !md.contains("Loss per step"))
        #expect(md.contains("](nb.network.svg)") && md.contains("](nb.network-2.svg)"))
        // The second drawing has p1's trained weights: W³[2,2] = −1 − 0.01 · (−56) = −0.44.
        #expect(rendering.files[2].contents.contains(">−0.44<"))
        #expect(!rendering.files[1].contents.contains(">−0.44<"))
        // Anything else on the fence is refused, naming what it may hold.
        #expect(throws: RenderFailure.self) { try Pipeline().rendering(Source(name: "nb", text: "```network show=table\n\(Self.cell)\n```\n", kind: .notebook)) }
        do {
            _ = try Pipeline().rendering(Source(name: "nb", label: "nb.nb.md", text: "```network show=table\n\(Self.cell)\n```\n", kind: .notebook))
        } catch {
            #expect("\(error)".contains("takes only id=NAME and show=diagram after 'network', not 'show=table'"))
        }
    }

    /// More cells than the limit: refused at the first cell past it, before any cell runs.
    @Test func cellsPastTheLimitAreRefused() throws {
        var options = RenderOptions()
        options.limits.maxCells = 2
        let cell = "```network\n\(Self.cell)\n```\n\n"
        let text = "# Three\n\n" + cell + cell + cell
        do {
            _ = try Pipeline(options: options).rendering(Source(name: "nb", label: "nb.nb.md", text: text, kind: .notebook))
            Issue.record("three cells were accepted")
        } catch {
            #expect("\(error)" == "nb.nb.md:23:1: this notebook has more network cells than the limit of 2; raise it with --max-cells")
        }
        options.limits.maxCells = 3
        #expect(throws: Never.self) { try Pipeline(options: options).rendering(Source(name: "nb", text: text, kind: .notebook)) }
    }

    /// The README's notebook example renders as it stands (a reader copies it first).
    @Test func theReadmesExampleRenders() throws {
        let readme = try String(contentsOf: TestPaths.packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "````markdown\n"))
        let end = try #require(readme.range(of: "\n````", range: start.upperBound..<readme.endIndex))
        let (md, _, warnings) = try notebook(String(readme[start.upperBound..<end.lowerBound]) + "\n")
        #expect(md.contains("[Forward]") && warnings.isEmpty)
    }

    @Test func mathNeverMeetsCmarksInlineParser() throws {
        let text = "Let $x*y$ and $y*z$ be. A price of \\$5, code `$a$`, $ 5 $ and $5$6 are not math.\n\n$$\nx_1 + y\n$$\n"
        let (md, html, _) = try notebook(text)
        // Kept as written in Markdown; no emphasis anywhere.
        #expect(md.contains("Let $x*y$ and $y*z$ be."))
        #expect(!html.contains("<em>"))
        #expect(html.contains("A price of $5, code <code>$a$</code>, $ 5 $ and $5$6 are not math."))
        // Display math: its own block, the source without the blank lines around it.
        #expect(md.contains("\n\n$$\nx_1 + y\n$$\n"))
        #expect(html.contains("<div class=\"bp-display\"><math display=\"block\">"))
        #expect(html.contains("<annotation encoding=\"application/x-tex\">x*y</annotation>"))
    }

    @Test func aCellContinuesAnEarlierOneAsOneLongerRunWould() throws {
        let text = "```network id=p1\n\(Self.cell)\n```\n\n```network id=p2\nfrom: p1\n```\n"
        let pipeline = try Pipeline()
        let document = try pipeline.read(Source(name: "nb", text: text, kind: .notebook)).document
        // The second cell's loss is the loss after one update: step 2 of a two-step run, which
        // the Python reference (Tests/Fixtures/reference_backprop.py, the contract's network with
        // steps: 2) gives as 109 and 3479866/390625 = 8.90845696, a decimal of 8 places.
        var losses: [MathNode] = []
        DocumentWalker(math: { node in
            if case let .quantity(key, shown) = node, key == QuantityKey(step: 1, layer: nil, quantity: .loss) { losses.append(shown) }
            return .descend
        }).walk(document)
        #expect(losses == [.number("109"), .number("8.90845696")])
    }

    @Test func errorsPointAtTheNotebooksOwnLines() {
        func failure(_ text: String) -> String? {
            do {
                _ = try notebook(text)
                return nil
            } catch {
                return error.description
            }
        }
        // Line 4 of the notebook is the cell's line 2, `target: [2, 3, 4]`.
        let bad = "Intro\n\n```network\ninput: [1, 1]\ntarget: [2, 3, 4]\nlayers: [{weights: [[1, 1]], bias: [0], activation: identity}]\nloss: sse\nsteps: 0\n```\n"
        #expect(failure(bad)?.hasPrefix("nb.nb.md:5:9: target: ") == true)
        // from: an unknown id, a later one; a duplicate id; an unclosed cell. The cell takes
        // seven lines, so the second cell opens on line 11.
        let unknown = "```network id=p1\n\(Self.cell)\n```\n\n```network\nfrom: p9\n```\n"
        #expect(failure(unknown)?.contains("nb.nb.md:12:7: from: no cell has the id 'p9'") == true)
        let later = "```network\nfrom: p2\n```\n\n```network id=p2\n\(Self.cell)\n```\n"
        #expect(failure(later)?.contains("nb.nb.md:2:7: from: cell 'p2' comes later in the notebook") == true)
        let twice = "```network id=p1\n\(Self.cell)\n```\n\n```network id=p1\n\(Self.cell)\n```\n"
        #expect(failure(twice) == "nb.nb.md:11:1: a second cell with the id 'p1'; ids must be unique in a notebook")
        #expect(failure("Intro\n\n```network\ninput: [1]\n")?.hasPrefix("nb.nb.md:3:1: this network cell is never closed") == true)
        // A continuing cell may not restate what it takes over.
        let restated = "```network id=p1\n\(Self.cell)\n```\n\n```network\nfrom: p1\nloss: sse\n```\n"
        #expect(failure(restated)?.contains("nb.nb.md:13:7: loss: this cell continues cell 'p1'") == true)
    }

    @Test func texOutsideTheSubsetIsShownAsWrittenWithAWarning() throws {
        let (md, html, warnings) = try notebook("# T\n\nSee $\\foo x$ and $\\alpha$.\n")
        // Line 3, column 5 is the dollar; the command starts one column later.
        #expect(warnings == ["nb.nb.md:3:6: warning: unknown command \\foo; shown as written"])
        #expect(html.contains("<mtext class=\"bp-tex\">\\foo</mtext>"))
        #expect(html.contains("<mi>\u{3B1}</mi>"))
        #expect(md.contains("See $\\foo x$ and $\\alpha$."))
    }

    @Test func aNetworkFenceInsideAnotherCodeBlockIsCode() throws {
        let text = "````markdown\n```network\nnot: a cell\n```\n````\n"
        let (md, _, _) = try notebook(text)
        #expect(md.contains("```network\nnot: a cell\n```"))
    }
}
