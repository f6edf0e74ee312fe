import BPNumerics
import BPSpec
import BPTestSupport
import Testing

/// A valid JSON spec, one key a line, so a test can break one line of it.
private let jsonLines = [
    "{",
    "  \"input\": [1, 1],",
    "  \"target\": [2, 3],",
    "  \"layers\": [",
    "    {\"weights\": [[1, -2], [2, 4], [-3, 1]], \"bias\": [1, 2, 3], \"activation\": \"identity\"},",
    "    {\"weights\": [[1, 2, -3], [2, -1, 3]], \"bias\": [2, 1], \"activation\": \"identity\"}",
    "  ],",
    "  \"loss\": \"half_sse\",",
    "  \"learning_rate\": 0.01",
    "}",
]

private func json(replacing replacements: [Int: String] = [:]) -> String {
    var lines = jsonLines
    for (number, text) in replacements { lines[number - 1] = text }
    return lines.joined(separator: "\n") + "\n"
}

@Suite("SpecReader: strict JSON")
struct SpecJSONTests {
    /// Each bad input with the exact error it gets as `bad.json`.
    static let bad: [(String, String, String)] = [
        ("trailing comma in an array", json(replacing: [2: "  \"input\": [1, 1,],"]),
         "bad.json:2:17: a trailing comma before ']' is not allowed in JSON"),
        ("trailing comma in an object", json(replacing: [9: "  \"learning_rate\": 0.01,"]),
         "bad.json:9:24: a trailing comma before '}' is not allowed in JSON"),
        ("a line comment", json(replacing: [8: "  \"loss\": \"half_sse\", // the loss"]),
         "bad.json:8:23: comments are not allowed in JSON"),
        ("a block comment", json(replacing: [1: "{ /* spec */"]),
         "bad.json:1:3: comments are not allowed in JSON"),
        ("a YAML comment", json(replacing: [1: "{ # spec"]),
         "bad.json:1:3: comments are not allowed in JSON"),
        ("single quotes", json(replacing: [8: "  \"loss\": 'half_sse',"]),
         "bad.json:8:11: JSON strings take double quotes, not single quotes"),
        ("an unquoted key", json(replacing: [8: "  loss: \"half_sse\","]),
         "bad.json:8:3: an object's key must be a string in double quotes, such as \"loss\""),
        ("NaN", json(replacing: [9: "  \"learning_rate\": NaN"]),
         "bad.json:9:20: 'NaN' is not a JSON number; JSON has no NaN or Infinity"),
        ("-Infinity", json(replacing: [2: "  \"input\": [-Infinity, 1],"]),
         "bad.json:2:13: '-Infinity' is not a JSON number; JSON has no NaN or Infinity"),
        ("a duplicate key", json(replacing: [3: "  \"input\": [2, 3],"]),
         "bad.json:3:3: duplicate key 'input' in this object"),
        ("a duplicate key spelt with an escape", json(replacing: [3: "  \"\\u0069nput\": [2, 3],"]),
         "bad.json:3:3: duplicate key 'input' in this object"),
        ("a bare word (YAML's plain scalar)", json(replacing: [8: "  \"loss\": half_sse,"]),
         "bad.json:8:11: 'half_sse' is not a JSON value; a value is an object, an array, a string in double quotes, a number, true, false or null"),
        ("a leading zero", json(replacing: [2: "  \"input\": [01, 1],"]),
         "bad.json:2:13: a JSON number has no leading zeros"),
        ("a leading plus", json(replacing: [2: "  \"input\": [+1, 1],"]),
         "bad.json:2:13: a JSON number cannot start with '+'"),
        ("a bare decimal point", json(replacing: [9: "  \"learning_rate\": .01"]),
         "bad.json:9:20: a JSON number needs a digit before '.'"),
        ("a missing comma", json(replacing: [2: "  \"input\": [1 1],"]),
         "bad.json:2:15: expected ',' or ']' after an array's entry, found '1'"),
        ("an invalid escape", json(replacing: [8: "  \"loss\": \"half\\_sse\","]),
         "bad.json:8:16: '\\_' is not a JSON escape"),
        ("a raw tab inside a string", json(replacing: [8: "  \"loss\": \"half\tsse\","]),
         "bad.json:8:16: a control character (U+0009) must be escaped in a JSON string"),
        ("a YAML document marker", "---\n" + json(),
         "bad.json:1:1: '-' must be followed by a digit in a JSON number"),
        ("a second value", json() + "{}\n",
         "bad.json:11:1: unexpected '{' after the JSON value; a JSON text holds one value"),
        ("an unclosed object", jsonLines.dropLast().joined(separator: "\n") + "\n",
         "bad.json:10:1: the text ends inside the object opened at line 1, column 1; expected '}'"),
        ("YAML block style", "input: [1, 1]\n",
         "bad.json:1:1: 'input' is not a JSON value; a value is an object, an array, a string in double quotes, a number, true, false or null"),
    ]

    @Test("what YAML accepts and JSON does not is refused at its line and column", arguments: bad.indices)
    func refused(_ index: Int) {
        let (name, text, message) = Self.bad[index]
        let error = specError(text, file: "bad.json")
        #expect(error?.description == message, "\(name)")
    }

    @Test("the same text as .yaml is still read as YAML (a trailing comma passes)")
    func yamlKeepsYAML() throws {
        let text = json(replacing: [2: "  \"input\": [1, 1,],"])
        #expect(throws: Never.self) { try read(text, file: "spec.yaml") }
        #expect(throws: Never.self) { try read(text) }
        // The flavour given explicitly wins over the name, either way.
        #expect(throws: SpecError.self) { try SpecReader().read(text: text, file: nil, flavour: .json) }
        #expect(throws: Never.self) { try SpecReader().read(text: text, file: "spec.json", flavour: .yaml) }
    }

    @Test("the name is matched without regard to case")
    func caseInsensitive() {
        #expect(SpecFlavour(file: "dir/SPEC.JSON") == .json)
        #expect(SpecFlavour(file: "spec.Json") == .json)
        #expect(SpecFlavour(file: "spec.json.yaml") == .yaml)
        #expect(SpecFlavour(file: nil) == .yaml)
        let error = specError(json(replacing: [2: "  \"input\": [1, 1,],"]), file: "SPEC.JSON")
        #expect(error?.line == 2)
    }

    @Test("valid JSON reads: escapes, exponents, nested arrays, tabs, any spacing")
    func valid() throws {
        let text = """
        {"title":"A \\"quoted\\" \\u00e9t\\u00E9 \\/ \\\\ test","input":[[1e0,2E+1],[-0.5e-1,0]],
        \t"target" : [ [ 1 , 2 ] ],
          "layers": [{"weights": [[1, 2.5e-1]], "bias": [0], "activation": {"name": "leaky_relu", "alpha": 1e-1}}],
          "loss": "half_sse", "learning_rate": 1E-2, "steps": 2, "notes": null}
        """
        let spec = try read(text.replacingOccurrences(of: "\"notes\": null", with: "\"show\": [\"forward\"]"), file: "ok.json")
        #expect(spec.title == "A \"quoted\" été / \\ test")
        #expect(values(spec.input) == [[q(1), q(20)], [q(-1, 20), q(0)]])
        #expect(values(spec.layers[0].weights) == [[q(1), q(1, 4)]])
        #expect(spec.learningRate?.exact == q(1, 100))
        #expect(spec.layers[0].activation == .leakyRelu(alpha: SpecValue(exact: q(1, 10), text: "1e-1")))
    }

    @Test("errors after parsing keep the JSON's lines")
    func laterErrorsKeepLines() {
        let error = specError(json(replacing: [3: "  \"target\": [2, 3, 4],"]), file: "shape.json")
        #expect(error?.line == 3)
        #expect(error?.key == "target")
    }

    /// A JSON spec of random numbers in every spelling JSON allows (signs, exponents, many
    /// digits), strings with escapes and characters outside ASCII, in many lines.
    private static func generated(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        func number() -> String {
            let mantissa = rng.int(0, 2) == 0 ? "\(rng.int(-9, 9))" : "\(rng.int(-99, 99)).\(rng.int(0, 999_999))"
            switch rng.int(0, 3) {
            case 0: return mantissa + "e" + "\(rng.int(-3, 3))"
            case 1: return mantissa + "E+" + "\(rng.int(0, 2))"
            default: return mantissa
            }
        }
        func matrix(_ rows: Int, _ columns: Int) -> String {
            "[" + (0..<rows).map { _ in "[" + (0..<columns).map { _ in number() }.joined(separator: ", ") + "]" }.joined(separator: ",\n  ") + "]"
        }
        let (n0, n1, n2, m) = (rng.int(1, 6), rng.int(1, 6), rng.int(1, 4), rng.int(1, 5))
        return """
        {"title": "Ça \\u00e9t\\u00E9 \\"quoted\\" 한국어 \\ud83d\\ude00 ok",
         "input": \(matrix(n0, m)),
         "target": \(matrix(n2, m)),
         "layers": [
          {"weights": \(matrix(n1, n0)), "bias": [\((0..<n1).map { _ in number() }.joined(separator: ", "))], "activation": "tanh", "units": [\((0..<n1).map { "\"h\\u00e9\($0)\"" }.joined(separator: ", "))]},
          {"weights": \(matrix(n2, n1)), "activation": {"name": "leaky_relu", "alpha": \(number())}}
         ],
         "loss": "half_sse", "learning_rate": 0.125, "steps": \(rng.int(0, 3)), "show_steps": ["first", "last"]}

        """
    }

    @Test("the JSON reader gives the spec the YAML reader gives for the same text", arguments: 0..<20)
    func sameAsYAML(seed: Int) throws {
        // A surrogate pair is JSON's way to write 😀; libyaml refuses it, so YAML reads the
        // character itself.
        let text = Self.generated(seed: UInt64(seed))
        let fromJSON = try SpecReader().read(text: text, file: "g.json")
        let fromYAML = try SpecReader().read(text: text.replacingOccurrences(of: "\\ud83d\\ude00", with: "😀"), file: "g.yaml")
        #expect(fromJSON == fromYAML)
        #expect(fromJSON.title == "Ça été \"quoted\" 한국어 😀 ok")
        #expect(fromJSON.input.entries.map(\.text) == fromYAML.input.entries.map(\.text), "each number keeps its spelling")
        #expect(fromJSON.layers[0].weights.entries.map(\.text) == fromYAML.layers[0].weights.entries.map(\.text))
        #expect(fromJSON.layers[0].units == fromYAML.layers[0].units)
    }

    /// Errors found after the syntax (a shape, a type, a key, a number) name the same line,
    /// column and key whichever reader built the tree, characters outside ASCII before them
    /// counted as one column each, as libyaml counts them.
    static let lateErrors: [String] = [
        #"{"title": "été", "input": [[1, 2], [3]], "target": [1], "layers": [{"weights": [[1]], "activation": "identity"}], "loss": "sse"}"#,
        #"{"title": "été", "input": [1, "x"], "target": [1], "layers": [{"weights": [[1, 1]], "activation": "identity"}], "loss": "sse"}"#,
        #"{"title": "été",\n "input": [1, 1],\n "target": [1],\n "layers": [{"weights": [[1, 1]], "activation": "identty"}], "loss": "sse"}"#,
        #"{"title": "été", "input": [1, 1], "target": [1], "layers": [{"weights": [[1, 1]], "activation": "identity", "extra": 1}], "loss": "sse"}"#,
        #"{"title": ["été"], "input": [1, 1], "target": [1], "layers": [{"weights": [[1, 1]], "activation": "identity"}], "loss": "sse"}"#,
        #"{"title": "\u00e9t\u00e9", "input": [1, 1], "target": [1], "layers": [{"weights": [[1, 1, 1]], "activation": "identity"}], "loss": "sse"}"#,
        #"{"input": [1, 1], "target": [1], "layers": [{"weights": [[1, 1]], "activation": "identity"}], "loss": "sse", "steps": "two"}"#,
        #"{"input": [1, 1], "target": [1], "layers": [{"weights": [[1, 1]], "activation": "identity"}]}"#,
    ]

    @Test("errors after the syntax are placed alike by the JSON and the YAML reader", arguments: lateErrors.indices)
    func lateErrorsAlike(_ index: Int) {
        let text = Self.lateErrors[index].replacingOccurrences(of: "\\n", with: "\n")
        let json = specError(text, file: "s.json")
        let yaml = specError(text, file: "s.yaml")
        #expect(json != nil)
        #expect(json?.description.replacingOccurrences(of: "s.json", with: "s.yaml") == yaml?.description)
    }
}
