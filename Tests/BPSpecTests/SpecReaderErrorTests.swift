import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

@Suite("SpecReader: errors")
struct SpecReaderErrorTests {
    @Test("YAML syntax error gives its line")
    func yamlSyntax() {
        // Line 10 has a second ': ' in a plain scalar.
        let error = specError(baseSpec(replacing: [10: "loss: half_sse: sse"]), file: "bad.yaml")
        #expect(error?.line == 10)
        #expect(error?.file == "bad.yaml")
        #expect(error?.message.contains("YAML syntax error") == true)
        #expect(error?.description.hasPrefix("bad.yaml:10:") == true)
        // An unclosed flow sequence on line 4 is reported where the scanner gives up, after it.
        let unclosed = specError(baseSpec(replacing: [4: "  - weights: [[1, -2], [2, 4], [-3, 1]"]))
        #expect((unclosed?.line ?? 0) >= 4)
        #expect(unclosed?.message.contains("YAML syntax error") == true)
    }

    @Test("a tab used for indentation is a syntax error on its line")
    func tabIndent() {
        let error = specError(baseSpec(replacing: [5: "\tbias: [1, 2, 3]"]))
        #expect(error?.line == 5)
        #expect(error?.message == "a tab in the indentation: YAML indents with spaces only")
    }

    @Test("unknown top-level key, with a suggestion")
    func unknownTopLevelKey() {
        let error = specError(baseSpec(replacing: [11: "learning_rat: 0.01"]))
        expectError(error, line: 11, column: 1, key: "learning_rat",
                    contains: ["unknown key", "did you mean 'learning_rate'?", "expected one of"])
        let far = specError(baseSpec(appending: ["colour: blue"]))
        expectError(far, line: 12, column: 1, key: "colour", contains: ["unknown key"])
        #expect(far?.message.contains("did you mean") == false)
    }

    @Test("unknown layer key, with a suggestion")
    func unknownLayerKey() {
        let error = specError(baseSpec(replacing: [6: "    activaton: identity"]))
        expectError(error, line: 6, column: 5, key: "layers[0].activaton",
                    contains: ["unknown key", "did you mean 'activation'?"])
        let second = specError(baseSpec(replacing: [8: "    biases: [2, 1]"]))
        expectError(second, line: 8, column: 5, key: "layers[1].biases", contains: ["did you mean 'bias'?"])
    }

    @Test("unknown activation")
    func unknownActivation() {
        let error = specError(baseSpec(replacing: [6: "    activation: sigmod"]))
        expectError(error, line: 6, column: 17, key: "layers[0].activation",
                    contains: ["unknown activation 'sigmod'", "did you mean 'sigmoid'?", "leaky_relu"])
        let mapped = specError(baseSpec(replacing: [9: "    activation: {name: softplus}"]))
        expectError(mapped, line: 9, key: "layers[1].activation", contains: ["unknown activation 'softplus'"])
        let parameter = specError(baseSpec(replacing: [6: "    activation: {name: relu, alpha: 0.1}"]))
        expectError(parameter, line: 6, key: "layers[0].activation.alpha", contains: ["only leaky_relu takes a parameter"])
    }

    @Test("unknown loss")
    func unknownLoss() {
        let error = specError(baseSpec(replacing: [10: "loss: half_see"]))
        expectError(error, line: 10, column: 7, key: "loss",
                    contains: ["unknown value 'half_see'", "did you mean 'half_sse'?", "cross_entropy"])
    }

    @Test("unknown lang and arithmetic")
    func unknownChoices() {
        expectError(specError(baseSpec(appending: ["lang: fr"])), line: 12, column: 7, key: "lang",
                    contains: ["unknown value 'fr'", "en, ko"])
        expectError(specError(baseSpec(appending: ["arithmetic: exakt"])), line: 12, column: 13, key: "arithmetic",
                    contains: ["unknown value 'exakt'", "did you mean 'exact'?"])
    }

    @Test("weight columns must match the rows of the layer below")
    func weightColumns() {
        let first = specError(baseSpec(replacing: [4: "  - weights: [[1, -2, 0], [2, 4, 0], [-3, 1, 0]]"]))
        expectError(first, line: 4, column: 14, key: "layers[0].weights",
                    contains: ["3 x 3", "the input has 2 rows", "W^2 needs 2 columns"])
        let second = specError(baseSpec(replacing: [7: "  - weights: [[1, 2], [2, -1]]"]))
        expectError(second, line: 7, column: 14, key: "layers[1].weights",
                    contains: ["2 x 2", "layer 2 has 3 units", "W^3 needs 3 columns"])
    }

    @Test("bias length must match the layer's units")
    func biasLength() {
        let error = specError(baseSpec(replacing: [5: "    bias: [1, 2]"]))
        expectError(error, line: 5, column: 11, key: "layers[0].bias",
                    contains: ["2 x 1", "layer 2 has 3 units", "b^2 needs 3 entries"])
        let wide = specError(baseSpec(replacing: [8: "    bias: [[2, 1]]"]))
        expectError(wide, line: 8, column: 11, key: "layers[1].bias", contains: ["1 x 2", "b^3 needs 2 entries"])
    }

    @Test("target shape must match the output and the batch")
    func targetShape() {
        let error = specError(baseSpec(replacing: [2: "target: [2, 3, 4]"]))
        expectError(error, line: 2, column: 9, key: "target",
                    contains: ["3 x 1", "the output layer has 2 units", "the target must be 2 x 1"])
        let batch = specError(baseSpec(replacing: [1: "input: [[1, 2], [1, 2]]"]))
        expectError(batch, line: 2, column: 9, key: "target", contains: ["2 samples", "must be 2 x 2"])
    }

    @Test("input rows must match the first layer")
    func inputRows() {
        let error = specError(baseSpec(replacing: [1: "input: [1, 1, 1]"]))
        expectError(error, line: 4, column: 14, key: "layers[0].weights", contains: ["the input has 3 rows", "needs 3 columns"])
    }

    @Test("ragged rows point at the ragged row")
    func raggedRows() {
        let block = """
        input:
          - [1, 2]
          - [3]
        """ + "\n" + baseLines[1...].joined(separator: "\n")
        expectError(specError(block), line: 3, column: 5, key: "input[1]",
                    contains: ["ragged rows", "this row has 1 entry, but row 0 has 2"])
        // Flow style: the third row starts at column 32 of line 4.
        let flow = specError(baseSpec(replacing: [4: "  - weights: [[1, -2], [2, 4], [-3]]"]))
        expectError(flow, line: 4, column: 32, key: "layers[0].weights[2]", contains: ["ragged rows"])
        // A multi-line weight matrix.
        let multi = """
        input: [1, 1]
        target: [2]
        layers:
          - weights:
              - [1, 2]
              - [3, 4]
              - [5, 6, 7]
            bias: [0, 0, 0]
            activation: relu
          - weights: [1, 1, 1]
            bias: [0]
            activation: identity
        loss: sse
        steps: 0
        """
        expectError(specError(multi), line: 7, column: 9, key: "layers[0].weights[2]",
                    contains: ["this row has 3 entries, but row 0 has 2"])
    }

    @Test("softmax on a hidden layer")
    func softmaxHidden() {
        let error = specError(baseSpec(replacing: [
            2: "target: [1, 0]", 6: "    activation: softmax", 9: "    activation: softmax", 10: "loss: cross_entropy",
        ]))
        expectError(error, line: 6, column: 17, key: "layers[0].activation",
                    contains: ["softmax may only be the output layer's activation", "layer 2 of 3"])
    }

    @Test("softmax without cross_entropy")
    func softmaxWithoutCrossEntropy() {
        let error = specError(baseSpec(replacing: [9: "    activation: softmax"]))
        expectError(error, line: 9, column: 17, key: "layers[1].activation",
                    contains: ["softmax goes with loss: cross_entropy, not half_sse"])
    }

    @Test("cross_entropy without softmax, binary_cross_entropy without sigmoid")
    func lossNeedsItsOutput() {
        let error = specError(baseSpec(replacing: [2: "target: [1, 0]", 10: "loss: cross_entropy"]))
        expectError(error, line: 10, column: 7, key: "loss",
                    contains: ["cross_entropy needs a softmax output layer", "layer 3 uses identity"])
        let bce = specError(baseSpec(replacing: [2: "target: [1, 0]", 9: "    activation: tanh", 10: "loss: binary_cross_entropy"]))
        expectError(bce, line: 10, column: 7, key: "loss",
                    contains: ["binary_cross_entropy needs a sigmoid output layer", "uses tanh"])
    }

    @Test("exact arithmetic refuses sigmoid and tanh, naming the layer")
    func exactRefusesTranscendentals() {
        let sigmoid = specError(baseSpec(replacing: [6: "    activation: sigmoid"], appending: ["arithmetic: exact"]))
        expectError(sigmoid, line: 6, column: 17, key: "layers[0].activation",
                    contains: ["sigmoid is not exact", "arithmetic is exact", "float"])
        let tanh = specError(baseSpec(replacing: [9: "    activation: tanh"], appending: ["arithmetic: exact"]))
        expectError(tanh, line: 9, column: 17, key: "layers[1].activation", contains: ["tanh is not exact"])
    }

    @Test("exact arithmetic refuses cross_entropy and binary_cross_entropy")
    func exactRefusesLogLosses() {
        // cross_entropy needs a softmax output, and softmax is itself not exact: the first
        // non-exact piece met (the output activation) is the one named.
        let ce = specError(baseSpec(replacing: [2: "target: [1, 0]", 9: "    activation: softmax", 10: "loss: cross_entropy"],
                                    appending: ["arithmetic: exact"]))
        expectError(ce, line: 9, column: 17, key: "layers[1].activation", contains: ["softmax is not exact", "arithmetic is exact"])
        let bce = specError(baseSpec(replacing: [2: "target: [1, 0]", 9: "    activation: sigmoid", 10: "loss: binary_cross_entropy"],
                                     appending: ["arithmetic: exact"]))
        expectError(bce, line: 9, column: 17, key: "layers[1].activation", contains: ["sigmoid is not exact"])
    }

    @Test("steps > 0 needs a learning rate")
    func missingLearningRate() {
        let error = specError(baseSpec(replacing: [11: "steps: 3"]))
        // Placed at the steps that ask for it.
        expectError(error, line: 11, column: 8, key: "learning_rate",
                    contains: ["missing: it is required when steps is 3"])
        // steps defaults to 1, which needs one too: placed at the top of the spec.
        let defaulted = specError(baseLines.dropLast().joined(separator: "\n"))
        #expect(defaulted?.key == "learning_rate")
        #expect(defaulted?.line == 1)
        #expect(defaulted?.message.contains("required when steps is 1") == true)
    }

    @Test("steps must not be negative, nor past the limit, nor anything but a whole number")
    func stepsRange() throws {
        expectError(specError(baseSpec(appending: ["steps: -1"])), line: 12, column: 8, key: "steps",
                    contains: ["must be 0 or more, not -1"])
        let limits = Limits(maxEntries: Limits.default.maxEntries, maxSteps: 5, maxDigits: 100)
        #expect(try read(baseSpec(appending: ["steps: 5"]), limits: limits).steps == 5)
        expectError(specError(baseSpec(appending: ["steps: 6"]), limits: limits), line: 12, column: 8, key: "steps",
                    contains: ["6 steps is more than the limit of 5", "--max-steps"])
        expectError(specError(baseSpec(appending: ["steps: 10001"])), line: 12, key: "steps",
                    contains: ["more than the limit of 10000"])
        expectError(specError(baseSpec(appending: ["steps: 1.5"])), line: 12, column: 8, key: "steps",
                    contains: ["expected a whole number, found '1.5'"])
    }

    @Test("numbering must be 0 or 1")
    func numbering() {
        expectError(specError(baseSpec(appending: ["numbering: 2"])), line: 12, column: 12, key: "numbering",
                    contains: ["must be 0 or 1, not 2"])
        expectError(specError(baseSpec(appending: ["numbering: one"])), line: 12, key: "numbering",
                    contains: ["expected a whole number"])
    }

    @Test("a zero denominator")
    func zeroDenominator() {
        let error = specError(baseSpec(replacing: [2: "target: [2, \"1/0\"]"]))
        expectError(error, line: 2, column: 13, key: "target[1]", contains: ["'1/0' has a zero denominator"])
        let rate = specError(baseSpec(replacing: [11: "learning_rate: 3/0"]))
        expectError(rate, line: 11, column: 16, key: "learning_rate", contains: ["zero denominator"])
    }

    @Test("a string where a number is expected")
    func notANumber() {
        let error = specError(baseSpec(replacing: [5: "    bias: [1, two, 3]"]))
        expectError(error, line: 5, column: 15, key: "layers[0].bias[1]",
                    contains: ["expected a number", "found 'two'"])
        let rate = specError(baseSpec(replacing: [11: "learning_rate: fast"]))
        expectError(rate, line: 11, column: 16, key: "learning_rate", contains: ["found 'fast'"])
        let cell = specError(baseSpec(replacing: [4: "  - weights: [[1, -2], [2, x4], [-3, 1]]"]))
        expectError(cell, line: 4, column: 28, key: "layers[0].weights[1][1]", contains: ["found 'x4'"])
        let list = specError(baseSpec(replacing: [11: "learning_rate: [0.1]"]))
        expectError(list, line: 11, column: 16, key: "learning_rate", contains: ["expected a number, found a list"])
        let huge = specError(baseSpec(replacing: [11: "learning_rate: 1e999"]))
        expectError(huge, line: 11, column: 16, key: "learning_rate", contains: ["exponent beyond"])
    }

    @Test("missing keys, wrong kinds")
    func missingAndWrongKinds() {
        let noInput = specError(Array(baseLines.dropFirst()).joined(separator: "\n"))
        #expect(noInput?.message.contains("missing required key 'input'") == true)
        // A layer needs its activation; its bias may be left out (bias: none).
        let noActivation = specError(baseSpec(replacing: [9: ""]))
        #expect(noActivation?.key == "layers[1]")
        #expect(noActivation?.message.contains("missing required key 'activation'") == true)
        #expect((try? SpecReader().read(text: baseSpec(replacing: [8: "    activation: identity", 9: ""])))?.layers[1].hasBias == false)
        expectError(specError(baseSpec(replacing: [8: "    bias: nothing"])), line: 8, column: 11, key: "layers[1].bias",
                    contains: ["expected a list of 2 numbers, or none for a layer without a bias, found 'nothing'"])
        expectError(specError(baseSpec(replacing: [1: "input: []"])), line: 1, column: 8, key: "input",
                    contains: ["expected a non-empty list"])
        expectError(specError("input: [1]\ntarget: [1]\nlayers: []\nloss: sse\n"), line: 3, column: 9, key: "layers",
                    contains: ["non-empty list of layers"])
        expectError(specError("- 1\n- 2\n"), line: 1, column: 1, key: nil, contains: ["expected a mapping"])
        expectError(specError("just text\n"), line: 1, key: nil, contains: ["expected a mapping"])
    }

    @Test("an empty spec")
    func empty() {
        expectError(specError(""), line: 1, key: nil, contains: ["the spec is empty"])
        expectError(specError("# only a comment\n\n"), line: 1, key: nil, contains: ["the spec is empty"])
    }

    @Test("duplicate keys")
    func duplicateKeys() {
        let error = specError(baseSpec(appending: ["loss: sse"]))
        #expect(error?.message.contains("duplicate key 'loss'") == true)
        // The error points at the key's first occurrence (line 10), not at the mapping.
        #expect(error?.line == 10)
        #expect(error?.column == 1)
        let inLayer = specError(baseSpec(replacing: [6: "    bias: [1, 1, 1]"]))
        #expect(inLayer?.message.contains("duplicate key 'bias'") == true)
        #expect(inLayer?.line == 5)
        #expect(inLayer?.column == 5)
    }

    @Test("cross_entropy targets are distributions")
    func crossEntropyTargets() {
        let base: [Int: String] = [9: "    activation: softmax", 10: "loss: cross_entropy"]
        func with(_ target: String) -> String {
            baseSpec(replacing: base.merging([2: "target: \(target)"]) { $1 })
        }
        #expect(throws: Never.self) { try read(with("[0.25, 0.75]")) }
        #expect(throws: Never.self) { try read(with("[\"1/3\", \"2/3\"]")) }
        expectError(specError(with("[0.5, 0.25]")), line: 2, column: 9, key: "target",
                    contains: ["must sum to 1", "sample 1 sums to 3/4"])
        expectError(specError(with("[1.5, -0.5]")), line: 2, column: 9, key: "target",
                    contains: ["non-negative", "sample 1"])
        let batch = """
        input: [[1, 0], [1, 2]]
        target: [[1, 0.5], [0, 0.25]]
        """ + "\n" + baseLines[2...].joined(separator: "\n")
        expectError(specError(batch.replacingOccurrences(of: "    activation: identity\nloss: half_sse",
                                                         with: "    activation: softmax\nloss: cross_entropy")),
                    line: 2, key: "target", contains: ["sample 2 sums to 3/4"])
    }

    @Test("binary_cross_entropy targets lie in [0, 1]")
    func binaryCrossEntropyTargets() {
        let base: [Int: String] = [9: "    activation: sigmoid", 10: "loss: binary_cross_entropy"]
        func with(_ target: String) -> String {
            baseSpec(replacing: base.merging([2: "target: \(target)"]) { $1 })
        }
        #expect(throws: Never.self) { try read(with("[0, 1]")) }
        #expect(throws: Never.self) { try read(with("[0.3, \"2/3\"]")) }
        expectError(specError(with("[1.5, 0]")), line: 2, column: 9, key: "target", contains: ["must lie in [0, 1]"])
        expectError(specError(with("[0, -0.01]")), line: 2, column: 9, key: "target", contains: ["must lie in [0, 1]"])
    }

    @Test("the values a spec holds are capped")
    func valueCap() {
        // The base spec holds 12 keys and 22 numbers: 34 values.
        let tight = Limits(maxEntries: 1000, maxSpecValues: 10, maxSteps: 10, maxDigits: 100)
        let error = specError(baseSpec(), limits: tight)
        #expect(error?.message.contains("the spec holds more than 10 values") == true)
        #expect(error?.message.contains("--max-spec-values") == true)
        #expect(error?.line != nil)
        #expect(error?.key != nil)
    }

    @Test("the entries one step records are capped (the engine caps the steps a run keeps)")
    func runSizeCap() {
        // Per step: layer 2 records z, a, delta (3 x 1 each) and dW, W (3 x 2), db, b (3 x 1): 27;
        // layer 3 records 3 x (2 x 1) and 2 x (2 x 3) and 2 x (2 x 1): 22. 49 in all.
        let limits = Limits(maxEntries: 49, maxSteps: 100, maxDigits: 100)
        // Any number of steps passes the reader: which of them a run keeps is the engine's check.
        #expect(throws: Never.self) { try read(baseSpec(appending: ["steps: 3"]), limits: limits) }
        let tight = Limits(maxEntries: 48, maxSteps: 100, maxDigits: 100)
        let error = specError(baseSpec(), limits: tight)
        expectError(error, line: 4, column: 3, key: "layers",
                    contains: ["one step would record 49 matrix entries", "limit of 48", "--max-entries"])
    }

    /// A bomb that is a valid spec everywhere, so that only the value budget can stop it: one
    /// 100 x 100 identity layer anchored and repeated by alias 1,000 times, rows aliased too,
    /// describes 10^7 weights in about 5 KB. Counted once per use, a budget of 30,000 runs out
    /// in the third layer; counted once per node, it would all be read. (A small budget keeps
    /// the test fast: reading the default 10^6 numbers takes seconds in a debug build.)
    @Test("a YAML alias bomb is stopped at the value budget")
    func aliasBomb() throws {
        let ones = "[" + Array(repeating: "1", count: 100).joined(separator: ", ") + "]"
        let rows = "[&r \(ones), " + Array(repeating: "*r", count: 99).joined(separator: ", ") + "]"
        let layers = "[&L {weights: \(rows), activation: identity}, " + Array(repeating: "*L", count: 999).joined(separator: ", ") + "]"
        let text = "input: &c \(ones)\ntarget: *c\nlayers: \(layers)\nloss: sse\nlearning_rate: 0.1\n"
        #expect(text.utf8.count < 6_000)
        var limits = Limits(maxEntries: Limits.default.maxEntries, maxSpecValues: 30_000, maxSteps: 10, maxDigits: 100)
        // The layer limit would stop 1,000 layers first; raised, so the budget is what is tested.
        limits.maxLayers = 1_000
        var caught: SpecError?
        caught = specError(text, limits: limits)
        // Spent before layer 3's weights: 5 top-level keys, input and target (200), 2 layers of
        // 2 keys and 10^4 weights (20,004), and layer 3's own 2 keys: 20,211, leaving 9,789,
        // fewer than its 10^4 weights.
        expectError(caught, line: 3, key: "layers[2].weights",
                    contains: ["100 x 100 values, more than the 9789 left of the 30000 a spec may hold", "--max-spec-values"])
    }

    @Test("an alias bomb inside an allowed key is stopped, naming the limit")
    func aliasBombInInput() throws {
        // The anchors live inside the input value itself, so no unknown key stops the reader first:
        // a 1,000 x 1,000 matrix of aliased rows, far over a small entry limit.
        let row = "[" + Array(repeating: "1", count: 1000).joined(separator: ", ") + "]"
        let rowsText = "[&r " + row + ", " + Array(repeating: "*r", count: 999).joined(separator: ", ") + "]"
        let text = baseSpec(replacing: [1: "input: \(rowsText)"])
        let limits = Limits(maxEntries: 10_000_000, maxSpecValues: 10_000, maxSteps: 10, maxDigits: 100)
        var caught: SpecError?
        caught = specError(text, limits: limits)
        // Refused from its shape, before a single number is read.
        expectError(caught, line: 1, key: "input", contains: ["1000 x 1000 values", "more than the 9995 left of the 10000", "--max-spec-values"])
    }

    /// Aliases nested through every level a valid spec has, none of them refused by a key or a
    /// type: claims for 10 steps (one claim set anchored, then aliased) of 10 layers, each with
    /// z and a aliased to one 10 x 10 matrix of aliased rows: 10 x 10 x 2 x 100 = 20,000
    /// values per the 2,000 a small budget allows. Only the count per use stops it.
    @Test("aliases nested through claims, layers and rows stop at the value budget")
    func deepAliasBombAsClaims() throws {
        let row = "[" + Array(repeating: "1", count: 10).joined(separator: ", ") + "]"
        let matrix = "&m [&r \(row), " + Array(repeating: "*r", count: 9).joined(separator: ", ") + "]"
        let layer = "&q {z: \(matrix), a: *m}"
        let layers = "{2: \(layer), " + (3...11).map { "\($0): *q" }.joined(separator: ", ") + "}"
        let steps = "{1: &s {forward: \(layers)}, " + (2...10).map { "\($0): *s" }.joined(separator: ", ") + "}"
        let text = baseSpec() + "claimed: {steps: \(steps)}\n"
        let limits = Limits(maxEntries: Limits.default.maxEntries, maxSpecValues: 2_000, maxSteps: 10, maxDigits: 100)
        var caught: SpecError?
        caught = specError(text, limits: limits)
        #expect(caught?.key?.hasPrefix("claimed.steps.") == true, "\(String(describing: caught))")
        #expect(caught?.message.contains("left of the 2000 a spec may hold") == true,
                "\(String(describing: caught))")
        #expect(caught?.message.contains("--max-spec-values") == true)
    }
}

@Suite("SpecReader: alias keys")
struct SpecReaderAliasKeyTests {
    /// A YAML reader that checks duplicate keys by hashing every key walks an aliased key's
    /// whole expansion (10^7 entries took Yams 3 s) before the reader's budget sees a node. So
    /// alias and complex keys are refused from the text, before the YAML is read.
    @Test("an alias bomb used as a mapping key is stopped")
    func aliasBombAsKey() {
        var lines = ["a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"]
        for level in 1...8 {
            lines.append("a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]")
        }
        lines.append("? *a8")
        lines.append(": 1")
        var caught: SpecError?
        caught = specError(lines.joined(separator: "\n"))
        expectError(caught, line: 10, column: 1, key: nil, contains: ["complex mapping keys"])
    }

    @Test("an alias as a key in block or flow style is refused; aliases as values are not")
    func aliasKeys() {
        expectError(specError("a: &x k\n*x : 1\n"), line: 2, column: 1, key: nil, contains: ["alias (*name) cannot be a mapping key"])
        expectError(specError("layers: [{*x: 1}]\n"), line: 1, column: 11, key: nil, contains: ["alias (*name) cannot be a mapping key"])
        // Inside quotes or comments, '*x:' is just text.
        let quoted = specError("title: \"*x: not a key\"  # *y: nor this\n")
        #expect(quoted?.message.contains("alias") == false)
    }

    @Test("Windows line ends: the line is counted and the key seen as on any other line")
    func windowsLineEnds() {
        expectError(specError("a: &x k\r\n*x : 1\r\n"), line: 2, column: 1, key: nil, contains: ["alias (*name) cannot be a mapping key"])
        expectError(specError("title: t\r\ninput: [1]\r\n?\r\n: 1\r\n"), line: 3, column: 1, key: nil, contains: ["complex mapping keys"])
    }
}

@Suite("SpecReader: files")
struct SpecReaderFileTests {
    @Test("a file that does not exist")
    func missingFile() throws {
        let path = "/nonexistent-\(UUID().uuidString)/spec.yaml"
        do {
            _ = try SpecReader().read(contentsOf: path)
            Issue.record("read a missing file")
        } catch {
            #expect(error.file == path)
            #expect(error.message.contains("cannot read the file"))
            #expect(error.message.contains("no such file"))
            #expect(error.line == nil)
        }
    }

    @Test("a directory is not a spec")
    func directory() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try SpecReader().read(contentsOf: folder.path)
            Issue.record("read a directory")
        } catch {
            #expect(error.file == folder.path)
            #expect(error.message == "is a directory, not a spec file")
            #expect(error.line == nil)
            #expect(error.description == "\(folder.path): is a directory, not a spec file")
        }
    }

    @Test("a file that is not UTF-8")
    func notUTF8() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("latin1.yaml")
        // "title: caf\u{e9}" in Latin-1: 0xE9 alone is not UTF-8.
        try Data("title: caf".utf8 + [0xE9, 0x0A] + Data(baseSpec().utf8)).write(to: url)
        do {
            _ = try SpecReader().read(contentsOf: url.path)
            Issue.record("read a non-UTF-8 file")
        } catch {
            #expect(error.file == url.path)
            #expect(error.message.contains("not UTF-8"))
        }
    }

    @Test("an empty file")
    func emptyFile() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("empty.yaml")
        try Data().write(to: url)
        do {
            _ = try SpecReader().read(contentsOf: url.path)
            Issue.record("read an empty file")
        } catch {
            #expect(error.file == url.path)
            #expect(error.line == 1)
            #expect(error.message.contains("the spec is empty"))
            #expect(error.description.hasPrefix(url.path + ":1: "))
        }
    }

    @Test("errors from a file carry its name, line and column")
    func fileErrorDescription() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.yaml")
        try Data(baseSpec(replacing: [6: "    activation: sigmod"]).utf8).write(to: url)
        do {
            _ = try SpecReader().read(contentsOf: url.path)
            Issue.record("read a bad spec")
        } catch {
            #expect(error.description.hasPrefix("\(url.path):6:17: layers[0].activation: unknown activation 'sigmod'"))
        }
    }

    @Test("a JSON file's errors have lines too")
    func jsonErrors() {
        let text = """
        {
          "input": [1, 1],
          "target": [2, 3],
          "layers": [
            {"weights": [[1, -2], [2, 4], [-3, 1]], "bias": [1, 2, 3], "activation": "identity"},
            {"weights": [[1, 2, -3], [2, -1, 3]], "bias": [2, 1], "activation": "identiy"}
          ],
          "loss": "half_sse",
          "learning_rate": 0.01
        }
        """
        let error = specError(text, file: "spec.json")
        expectError(error, line: 6, column: 73, key: "layers[1].activation", contains: ["did you mean 'identity'?"])
        let syntax = specError("{\"input\": [1, 1],\n \"target\": [2, 3]\n \"loss\": \"sse\"}")
        #expect(syntax?.message.contains("YAML syntax error") == true)
        #expect(syntax?.line == 3)
    }
}

@Suite("SpecReader: notes, unit names and explanations")
struct SpecExtrasTests {
    @Test("explain names parameters that exist, with line and column when not")
    func explainTargets() throws {
        let spec = try SpecReader().read(text: baseSpec(appending: ["explain:", "  - W3[1,2]", "  - \"b2[3]\""]))
        #expect(spec.explain == [ExplainTarget(parameter: .weight, layer: 3, row: 1, column: 2),
                                 ExplainTarget(parameter: .bias, layer: 2, row: 3)])
        expectError(specError(baseSpec(appending: ["explain: [\"W4[1,1]\"]"])), line: 12, column: 11, key: "explain[0]",
                    contains: ["W4[1,1] names layer 4, but the weight layers are 2 to 3"])
        expectError(specError(baseSpec(appending: ["explain: [\"W3[1,4]\"]"])), line: 12, column: 11, key: "explain[0]",
                    contains: ["W^3 has 3 columns, so the column is 1 to 3"])
        expectError(specError(baseSpec(appending: ["explain: [w3]"])), line: 12, column: 11, key: "explain[0]",
                    contains: ["expected a weight such as W3[1,2]", "found 'w3'"])
    }

    @Test("unit names must match the layer widths")
    func unitNames() throws {
        let spec = try SpecReader().read(text: baseSpec(replacing: [6: "    activation: identity\n    units: [h1, h2, h3]"],
                                                         appending: ["input_units: [x1, x2]"]))
        #expect(spec.layers[0].units == ["h1", "h2", "h3"])
        #expect(spec.inputUnits == ["x1", "x2"])
        expectError(specError(baseSpec(appending: ["input_units: [x1]"])), line: 12, column: 14, key: "input_units",
                    contains: ["1 name, but the input has 2 units"])
    }

    @Test("notes are kept as written")
    func notes() throws {
        let spec = try SpecReader().read(text: baseSpec(appending: ["notes: |", "  Some *prose*.", "  Two lines."]))
        #expect(spec.notes == "Some *prose*.\nTwo lines.\n")
    }
}

@Suite("SpecReader: show_steps")
struct ShowStepsReaderTests {
    @Test("a list of numbers, first and last; a single word; all")
    func forms() throws {
        let three = baseSpec(appending: ["steps: 3"])
        #expect(try read(three + "show_steps: [1, 2, last]\n").showSteps == StepSelection(items: [.number(1), .number(2), .last]))
        #expect(try read(three + "show_steps: last\n").showSteps == StepSelection(items: [.last]))
        #expect(try read(three + "show_steps: all\n").showSteps == .all)
        #expect(try read(three).showSteps == nil)
        // Chosen steps of a 3-step run, in order, each once; all is every step.
        #expect(StepSelection(items: [.last, .number(2), .first, .number(2)]).steps(first: 1, last: 3) == [1, 2, 3])
        #expect(StepSelection.firstAndLast.steps(first: 4, last: 9) == [4, 9])
        #expect(StepSelection.all.steps(first: 2, last: 4) == [2, 3, 4])
    }

    @Test("a word that is not a step, and a step the run does not have, at their line and column")
    func errors() {
        let three = baseSpec(appending: ["steps: 3"])
        let word = specError(three + "show_steps: [1, lats]\n")
        expectError(word, line: 13, column: 17, key: "show_steps[1]", contains: ["'lats' is not a step", "[1, 2, last]"])
        let zero = specError(three + "show_steps: [0]\n")
        expectError(zero, line: 13, column: 14, key: "show_steps[0]", contains: ["'0' is not a step"])
        let beyond = specError(three + "show_steps: [1, 5]\n")
        expectError(beyond, line: 13, column: 13, key: "show_steps", contains: ["step 5 is not in this run, which has 3 steps"])
        let mapping = specError(three + "show_steps: {a: 1}\n")
        expectError(mapping, line: 13, column: 13, key: "show_steps", contains: ["expected a list of step numbers"])
        let mixed = specError(three + "show_steps: [all, 1]\n")
        expectError(mixed, line: 13, column: 13, key: "show_steps", contains: ["expected a list of step numbers"])
    }
}

@Suite("SpecReader: characters text may not hold")
struct TextCharacterTests {
    @Test("control and bidirectional formatting characters are refused where they stand")
    func refused() {
        let override = specError(baseSpec(appending: [#"title: "A \u202Eevil""#]))
        expectError(override, line: 12, column: 8, key: "title",
                    contains: ["character 3 is U+202E RIGHT-TO-LEFT OVERRIDE, which a spec's text may not hold"])
        let nul = specError(baseSpec(appending: [#"title: "A\0B""#]))
        expectError(nul, line: 12, column: 8, key: "title", contains: ["character 2 is the control character U+0000"])
        let isolate = specError(baseSpec(appending: [#"input_units: [x1, "x\u2067"]"#]))
        expectError(isolate, line: 12, column: 19, key: "input_units[1]", contains: ["character 2 is U+2067 RIGHT-TO-LEFT ISOLATE"])
        let newline = specError(baseSpec(appending: [#"title: "two\nlines""#]))
        expectError(newline, line: 12, column: 8, key: "title", contains: ["character 4 is a line break or tab (U+000A)"])
    }

    @Test("notes may break lines; plain text and other scripts pass")
    func allowed() throws {
        let spec = try read(baseSpec(appending: ["notes: |", "  Two", "  lines\twith a tab.", #"title: "역전파 & <b> ✓""#]))
        #expect(spec.notes == "Two\nlines\twith a tab.\n")
        #expect(spec.title == "역전파 & <b> ✓")
    }
}

@Suite("SpecReader: a continuing cell's own keys")
struct ContinuationFieldsTests {
    /// A cell that continues another reads its own claims, show and show_steps, with the same
    /// checks as a spec, and never inherits the earlier cell's.
    @Test("claims, show and show_steps are the cell's own")
    func ownFields() throws {
        let first = try read(baseSpec(appending: ["steps: 2", "claimed: {loss: 109}", "show: [forward]", "show_steps: all"]))
        #expect(first.claims.count == 1 && first.show == ["forward"] && first.showSteps == .all)
        var reader = SpecReader()
        reader.base = { _ in .spec(first) }
        let bare = try reader.read(text: "from: p1\n")
        #expect(bare.claims.isEmpty && bare.show.isEmpty && bare.showSteps == nil)
        let own = try reader.read(text: "from: p1\nsteps: 3\nclaimed: {loss: 2}\nshow_steps: [2, last]\n")
        #expect(own.claims.map(\.value.text) == ["2"])
        #expect(own.showSteps == StepSelection(items: [.number(2), .last]))
        do {
            _ = try reader.read(text: "from: p1\nshow_steps: [4]\n", file: "cell.yaml")
            Issue.record("a step past the cell's one step was accepted")
        } catch {
            #expect(error.description == "cell.yaml:2:13: show_steps: step 4 is not in this run, which has 1 step")
        }
    }
}
