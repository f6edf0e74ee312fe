import BPNumerics
import BPSpec
import Testing

/// What the spec's YAML reader (libyaml's events, composed by the tool) decides itself: anchors
/// and aliases, keys written twice, nesting that an alias carries deeper, one document only,
/// and libyaml's own refusals. Lines and columns are counted by hand from the texts below.
@Suite("SpecReader: reading YAML")
struct YAMLReadingTests {
    @Test("an alias stands for its anchored value, anywhere after it")
    func aliasesStandForTheirAnchor() throws {
        let spec = try read(baseSpec(replacing: [1: "input: &x [1, 1]", 8: "    bias: *x"]))
        #expect(spec.input.entries.map(\.exact) == [Rational(1), Rational(1)])
        #expect(spec.layers[1].bias.entries.map(\.exact) == [Rational(1), Rational(1)])
        // A scalar anchor too, and a later anchor of the same name shadows the first.
        let scalars = try read(baseSpec(replacing: [10: "loss: &l half_sse", 11: "learning_rate: &l 0.5"], appending: ["steps: 1", "notes: *l"]))
        #expect(scalars.learningRate?.exact == Rational(1) / Rational(2))
        #expect(scalars.notes == "0.5")
    }

    @Test("an alias before its anchor, or inside it, is undefined")
    func undefinedAliases() {
        expectError(specError(baseSpec(replacing: [1: "input: *x", 2: "target: &x [2, 3]"])), line: 1, column: 8, key: nil,
                    contains: ["YAML syntax error: found undefined alias"])
        expectError(specError(baseSpec(replacing: [1: "input: &x [1, *x]"])), line: 1, column: 15, key: nil,
                    contains: ["found undefined alias"])
    }

    @Test("a key written twice is refused at its first place, in a large mapping too")
    func duplicateKeysInLargeMappings() {
        // 20 keys, then k5 and k12 again.
        let keys = (1...20).map { "k\($0): 1" }.joined(separator: ", ")
        let error = specError(baseSpec(appending: ["notes: {\(keys), k5: 2, k12: 3}"]))
        // Sorted as strings, 'k12' comes before 'k5': the error stands at the first k12.
        // "notes: {" is 8 columns, "k1: 1, " .. "k9: 1, " 9 x 7 = 63, "k10: 1, " "k11: 1, " 2 x 8 = 16:
        // column 9 + 63 + 16 = 88.
        expectError(error, line: 12, column: 88, key: nil, contains: [])
        #expect(error?.message == "duplicate key 'k12', 'k5' in this mapping")
    }

    @Test("an alias cannot carry nesting past the limit")
    func aliasedNesting() {
        // A list nested 8 deep, anchored at level 2, then used at level 5 of another list: 12 levels.
        let deep = String(repeating: "[", count: 8) + "1" + String(repeating: "]", count: 8)
        let text = baseSpec(appending: ["notes: &d \(deep)", "show: [[[[*d]]]]"])
        let limits = Limits(maxEntries: 100, maxSteps: 10, maxDigits: 100, maxNestingDepth: 10)
        // Written out, nothing passes 10 levels (the anchored list reaches 9).
        let error = specError(text, limits: limits, file: "alias.yaml")
        #expect(error?.message == "the spec nests deeper than 10 levels; raise the limit with --max-nesting-depth")
        // The first list past level 10 is the anchored one's sixth '[' (the first is at column
        // 11 of line 12, so column 16), reached through the alias at level 5 + 6 = 11.
        #expect(error?.line == 12)
        #expect(error?.column == 16)
    }

    @Test("one document only")
    func oneDocument() {
        let error = specError(baseSpec(appending: ["---", "input: [1]"]))
        expectError(error, line: 12, column: 1, key: nil,
                    contains: ["YAML syntax error: expected a single document in the stream, but found another document"])
    }

    @Test("libyaml's reader refuses a control character, in its own words")
    func controlCharacters() {
        let error = specError(baseSpec(replacing: [10: "loss: half\u{7}sse"]))
        #expect(error?.message == "cannot read the text: control characters are not allowed")
    }

    @Test("a scalar keeps its text after quoting and folding")
    func scalarsAfterQuoting() throws {
        let spec = try read(baseSpec(appending: ["title: \"caf\\u00e9 \\x41\"", "notes: >", "  folded", "  text"]))
        #expect(spec.title == "café A")
        #expect(spec.notes == "folded text\n")
    }
}
