import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

@Suite("SpecReader: reading")
struct SpecReaderReadingTests {
    @Test("the base spec reads with every default")
    func defaults() throws {
        let spec = try read(baseSpec())
        #expect(spec.title == nil)
        #expect(spec.language == .en)
        #expect(spec.numbering == 1)
        #expect(spec.arithmetic == .auto)
        #expect(spec.steps == 1)
        #expect(spec.loss == .halfSSE)
        #expect(spec.learningRate?.exact == q(1, 100))
        #expect(spec.learningRate?.text == "0.01")
        #expect(values(spec.input) == rows([[1], [1]]))
        #expect(values(spec.target) == rows([[2], [3]]))
        #expect(spec.layers.count == 2)
        #expect(values(spec.layers[0].weights) == rows([[1, -2], [2, 4], [-3, 1]]))
        #expect(values(spec.layers[0].bias) == rows([[1], [2], [3]]))
        #expect(values(spec.layers[1].weights) == rows([[1, 2, -3], [2, -1, 3]]))
        #expect(values(spec.layers[1].bias) == rows([[2], [1]]))
        #expect(spec.layers.map(\.activation) == [.identity, .identity])
        #expect(spec.layers.map(\.width) == [3, 2])
        #expect(spec.resolvedArithmetic == .exact)
        #expect(spec.batchSize == 1)
        #expect(spec.layerNumber(ofIndex: 0) == 2)
        #expect(spec.outputLayerNumber == 3)
    }

    @Test("every key is read")
    func everyKey() throws {
        let text = """
        title: "Problem 7: all keys"
        lang: ko
        numbering: 0
        arithmetic: float
        input: [0.5, "-1/3"]
        target: [1]
        layers:
          - weights: [[1, 2], [3, 4]]
            bias: [0, 1.10]
            activation: {name: leaky_relu, alpha: 0.1}
          - weights: [1, -1]
            bias: [2]
            activation: tanh
        loss: mse
        learning_rate: 1.5e-3
        steps: 3
        """
        let spec = try read(text)
        #expect(spec.title == "Problem 7: all keys")
        #expect(spec.language == .ko)
        #expect(spec.numbering == 0)
        #expect(spec.arithmetic == .float)
        #expect(spec.resolvedArithmetic == .float)
        #expect(values(spec.input) == [[q(1, 2)], [q(-1, 3)]])
        #expect(spec.input[1, 0].text == "-1/3")
        #expect(values(spec.target) == rows([[1]]))
        #expect(spec.layers[0].activation == .leakyRelu(alpha: SpecValue(exact: q(1, 10), text: "0.1")))
        if case let .leakyRelu(alpha) = spec.layers[0].activation { #expect(alpha.text == "0.1") }
        #expect(spec.layers[0].bias[1, 0].text == "1.10")
        #expect(spec.layers[0].bias[1, 0].exact == q(11, 10))
        #expect(spec.layers[1].activation == .tanh)
        #expect(spec.loss == .mse)
        #expect(spec.learningRate?.exact == q(3, 2000))
        #expect(spec.steps == 3)
        #expect(spec.layerNumber(ofIndex: 0) == 1)
        #expect(spec.outputLayerNumber == 2)
    }

    @Test("every loss and activation name is accepted")
    func names() throws {
        for (activation, expected) in [("identity", Activation.identity), ("square", .square), ("relu", .relu),
                                       ("leaky_relu", .leakyRelu(alpha: Activation.defaultLeakyAlpha)),
                                       ("sigmoid", .sigmoid), ("tanh", .tanh)] {
            let spec = try read(baseSpec(replacing: [6: "    activation: \(activation)"]))
            #expect(spec.layers[0].activation == expected)
        }
        for loss in ["half_sse", "sse", "mse"] {
            #expect(try read(baseSpec(replacing: [10: "loss: \(loss)"])).loss.name == loss)
        }
        let ce = try read(baseSpec(replacing: [2: "target: [0.25, 0.75]", 9: "    activation: softmax", 10: "loss: cross_entropy"]))
        #expect(ce.loss == .crossEntropy && ce.layers[1].activation == .softmax)
        let bce = try read(baseSpec(replacing: [2: "target: [0, 1]", 9: "    activation: sigmoid", 10: "loss: binary_cross_entropy"]))
        #expect(bce.loss == .binaryCrossEntropy && bce.layers[1].activation == .sigmoid)
    }

    @Test("leaky_relu's default alpha is exactly 1/100")
    func leakyDefault() throws {
        let plain = try read(baseSpec(replacing: [6: "    activation: leaky_relu"]))
        let mapped = try read(baseSpec(replacing: [6: "    activation: {name: leaky_relu}"]))
        for spec in [plain, mapped] {
            guard case let .leakyRelu(alpha) = spec.layers[0].activation else {
                Issue.record("not leaky_relu: \(spec.layers[0].activation)")
                continue
            }
            #expect(alpha.exact == q(1, 100))
            #expect(alpha.exact.description == "1/100")
        }
        let named = try read(baseSpec(replacing: [6: "    activation: {name: relu}"]))
        #expect(named.layers[0].activation == .relu)
    }

    @Test("a vector is one sample: a column")
    func vectorIsColumn() throws {
        let spec = try read(baseSpec())
        #expect(spec.input.rows == 2 && spec.input.columns == 1)
        #expect(spec.target.rows == 2 && spec.target.columns == 1)
        #expect(spec.layers[0].bias.rows == 3 && spec.layers[0].bias.columns == 1)
    }

    @Test("a matrix input is a batch whose columns are the samples")
    func matrixInputIsBatch() throws {
        let text = baseSpec(replacing: [
            1: "input: [[1, 2, 3], [4, 5, 6]]",
            2: "target: [[1, 0, -1], [0, 1, 2]]",
        ])
        let spec = try read(text)
        #expect(spec.batchSize == 3)
        #expect(spec.input.rows == 2 && spec.input.columns == 3)
        #expect(values(spec.input.column(1)) == rows([[2], [5]]))
        #expect(values(spec.target) == rows([[1, 0, -1], [0, 1, 2]]))
        // Block style reads the same.
        let block = """
        input:
          - [1, 2, 3]
          - [4, 5, 6]
        target:
          - [1, 0, -1]
          - [0, 1, 2]
        """ + "\n" + baseLines[2...].joined(separator: "\n")
        #expect(try read(block) == spec)
    }

    @Test("a bias may be written as a column of one-entry rows")
    func biasAsRows() throws {
        let spec = try read(baseSpec(replacing: [5: "    bias: [[1], [2], [3]]"]))
        #expect(spec == (try read(baseSpec())))
    }

    @Test("weights written flat for a one-unit layer are a 1 x n row")
    func flatWeightsRow() throws {
        let spec = try read(baseSpec(replacing: [2: "target: [5]", 7: "  - weights: [1, 2, -3]", 8: "    bias: [2]"]))
        #expect(spec.layers[1].weights.rows == 1 && spec.layers[1].weights.columns == 3)
        #expect(values(spec.layers[1].weights) == rows([[1, 2, -3]]))
        #expect(spec.layers[1].width == 1)
    }

    @Test("a flat target of a one-unit output over a batch of m is the 1 x m row")
    func flatTarget() throws {
        let text = """
        input: [[1, 0, -1], [2, 1, 0]]
        target: [1, -1, "1/2"]
        layers:
          - weights: [[1, 1]]
            bias: [0]
            activation: identity
        loss: mse
        steps: 0
        """
        let spec = try read(text)
        #expect(spec.target.rows == 1 && spec.target.columns == 3)
        #expect(values(spec.target) == [[q(1), q(-1), q(1, 2)]])
        // With a single sample the flat target stays the 1 x 1 column it is.
        let single = try read(text.replacingOccurrences(of: "[[1, 0, -1], [2, 1, 0]]", with: "[1, 2]")
            .replacingOccurrences(of: "[1, -1, \"1/2\"]", with: "[4]"))
        #expect(values(single.target) == rows([[4]]))
    }

    @Test("auto resolves to exact or float before the run")
    func autoResolution() throws {
        #expect(try read(baseSpec()).resolvedArithmetic == .exact)
        for exact in ["square", "relu", "leaky_relu", "{name: leaky_relu, alpha: 0.2}"] {
            #expect(try read(baseSpec(replacing: [6: "    activation: \(exact)"])).resolvedArithmetic == .exact)
        }
        for inexact in ["sigmoid", "tanh"] {
            let spec = try read(baseSpec(replacing: [6: "    activation: \(inexact)"]))
            #expect(spec.arithmetic == .auto)
            #expect(spec.resolvedArithmetic == .float)
        }
        let ce = try read(baseSpec(replacing: [2: "target: [1, 0]", 9: "    activation: softmax", 10: "loss: cross_entropy"]))
        #expect(ce.resolvedArithmetic == .float)
        // float stays float even when exact would be possible; exact stays exact.
        #expect(try read(baseSpec(appending: ["arithmetic: float"])).resolvedArithmetic == .float)
        #expect(try read(baseSpec(appending: ["arithmetic: exact"])).resolvedArithmetic == .exact)
    }

    @Test("steps 0 needs no learning rate")
    func stepsZeroWithoutLearningRate() throws {
        let spec = try read(baseSpec(replacing: [11: "steps: 0"]))
        #expect(spec.steps == 0)
        #expect(spec.learningRate == nil)
    }

    @Test("JSON reads like the same YAML")
    func json() throws {
        let text = """
        {
          "title": "Problem 1",
          "input": [1, 1],
          "target": [2, 3],
          "layers": [
            {"weights": [[1, -2], [2, 4], [-3, 1]], "bias": [1, 2, 3], "activation": "identity"},
            {"weights": [[1, 2, -3], [2, -1, 3]], "bias": [2, 1], "activation": {"name": "identity"}}
          ],
          "loss": "half_sse",
          "learning_rate": 0.01,
          "steps": 1
        }
        """
        var expected = try read(baseSpec())
        expected.title = "Problem 1"
        let spec = try read(text)
        #expect(spec == expected)
        #expect(spec.learningRate?.text == "0.01")
    }

    @Test("numbers keep the text they were written with")
    func numberText() throws {
        let spec = try read(baseSpec(replacing: [1: "input: [1.50, \"2/4\"]", 11: "learning_rate: 1e-2"]))
        #expect(spec.input[0, 0].text == "1.50")
        #expect(spec.input[0, 0].exact == q(3, 2))
        #expect(spec.input[1, 0].text == "2/4")
        #expect(spec.input[1, 0].exact == q(1, 2))
        #expect(spec.learningRate?.text == "1e-2")
        #expect(spec.learningRate?.exact == q(1, 100))
    }

    @Test("the seed problems read from their files")
    func reportFiles() throws {
        let reader = SpecReader()
        let one = try reader.read(contentsOf: TestPaths.report("problem1").path)
        #expect(one.title == "문제 1")
        #expect(one.language == .ko)
        #expect(one.numbering == 0)
        #expect(one.arithmetic == .exact)
        let three = try reader.read(contentsOf: TestPaths.report("problem3").path)
        #expect(three.batchSize == 3)
        #expect(three.loss == .mse)
        #expect(three.steps == 0)
        #expect(three.learningRate == nil)
        #expect(values(three.input) == rows([[1, 1, 1], [2, -1, 1]]))
        #expect(values(three.target) == rows([[-1, 0, 1]]))
        #expect(three.layers.count == 3)
    }

    @Test("a spec built in code validates and normalises like a read one")
    func validatedInCode() throws {
        let one = SpecValue(1)
        let spec = NetworkSpec(input: Matrix(rows: 1, columns: 2, entries: [one, SpecValue(2)]),
                               target: Matrix(column: [SpecValue(3), SpecValue(4)]),
                               layers: [LayerSpec(weights: Matrix(rows: 1, columns: 1, entries: [one]),
                                                  bias: Matrix(column: [SpecValue(0)]), activation: .identity)],
                               loss: .sse, steps: 0)
        let checked = try spec.validated()
        #expect(checked.target.rows == 1 && checked.target.columns == 2)
        var bad = spec
        bad.steps = 2
        #expect(throws: SpecError.self) { try bad.validated() }
    }
}

@Suite("SpecError")
struct SpecErrorFormatTests {
    @Test("reads like a compiler diagnostic")
    func description() {
        #expect(SpecError(file: "a.yaml", line: 3, column: 5, key: "layers[0].bias", message: "m").description
                == "a.yaml:3:5: layers[0].bias: m")
        #expect(SpecError(file: "a.yaml", line: 3, key: "k", message: "m").description == "a.yaml:3: k: m")
        #expect(SpecError(line: 3, column: 5, key: "k", message: "m").description == "line 3:5: k: m")
        #expect(SpecError(file: "a.yaml", message: "m").description == "a.yaml: m")
        #expect(SpecError(message: "m").description == "m")
        #expect(SpecError(key: "k", message: "m").description == "k: m")
    }
}
