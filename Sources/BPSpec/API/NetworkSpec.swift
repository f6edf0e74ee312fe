import BPNumerics

/// A network as a spec describes it: the input batch, the target, the layers, the loss and how
/// to train. Numbers keep the exact value their text spells (``SpecValue``).
public struct NetworkSpec: Sendable, Equatable {
    /// Shown as the report's heading.
    public var title: String?
    /// The language of the fixed prose around the tables.
    public var language: Language
    /// The index of the input layer (0 or 1): the first weight layer is `numbering + 1`.
    public var numbering: Int
    /// Exact, float or automatic (`arithmetic:`).
    public var arithmetic: ArithmeticChoice
    /// n_0 x m: the columns are the samples of the batch.
    public var input: Matrix<SpecValue>
    /// n_L x m, matching the output layer and the batch.
    public var target: Matrix<SpecValue>
    /// In forward order.
    public var layers: [LayerSpec]
    /// The loss the run minimises.
    public var loss: Loss
    /// Needed when `steps > 0`.
    public var learningRate: SpecValue?
    /// Gradient-descent steps to run (0: forward and backward only).
    public var steps: Int
    /// Markdown prose the report shows under its title, before the givens.
    public var notes: String?
    /// Names of the input's units (`x1`, `x2`), for the report and drawings.
    public var inputUnits: [String]?
    /// Parameters whose derivative the report works out one scalar at a time.
    public var explain: [ExplainTarget]
    /// What a handout keeps visible as worked hints: sections (`forward`, `backward`,
    /// `update`, `loss`) or a layer's quantities (`z2`, `a2`, `delta3`, `dW3`, `db3`).
    public var show: [String]
    /// The steps the report works out in full (`show_steps:`); nil leaves it to the options.
    public var showSteps: StepSelection?
    /// Values a key claims for this spec's run, to be checked (`bpreport check`).
    public var claims: [Claim]
    /// The id of the notebook cell this one continues (`from:`), whose trained parameters the
    /// run starts from.
    public var from: String?

    /// A spec with these values; the optional keys (notes, units, explain, show, claims, from) start empty.
    public init(title: String? = nil, language: Language = .en, numbering: Int = 1,
                arithmetic: ArithmeticChoice = .auto, input: Matrix<SpecValue>, target: Matrix<SpecValue>,
                layers: [LayerSpec], loss: Loss, learningRate: SpecValue? = nil, steps: Int = 1) {
        self.title = title
        self.language = language
        self.numbering = numbering
        self.arithmetic = arithmetic
        self.input = input
        self.target = target
        self.layers = layers
        self.loss = loss
        self.notes = nil
        self.inputUnits = nil
        self.explain = []
        self.from = nil
        self.show = []
        self.showSteps = nil
        self.claims = []
        self.learningRate = learningRate
        self.steps = steps
    }

    /// The number of the layer at `index` in ``layers`` (the input layer is `numbering`).
    public func layerNumber(ofIndex index: Int) -> Int { numbering + 1 + index }

    /// The number of the output layer.
    public var outputLayerNumber: Int { layerNumber(ofIndex: layers.count - 1) }

    /// Samples in the batch.
    public var batchSize: Int { input.columns }

    /// The arithmetic the run uses: `auto` is exact when every activation and the loss allow it.
    public var resolvedArithmetic: Arithmetic {
        switch arithmetic {
        case .exact: return .exact
        case .float: return .float
        case .auto: return isExactlyComputable ? .exact : .float
        }
    }

    /// The matrix entries one recorded step holds, as the entry limit (``Limits/maxEntries``)
    /// counts them: z, a and delta over the batch, and the gradient and updated parameters, of
    /// every layer. Saturates at `Int.max`.
    public var entriesPerStep: Int {
        let batch = batchSize
        var previous = input.rows
        var total = 0
        for layer in layers {
            let units = layer.weights.rows
            let (activations, o1) = units.multipliedReportingOverflow(by: batch)
            let (weights, o2) = units.multipliedReportingOverflow(by: previous)
            let (sum, o3) = total.addingReportingOverflow(3 &* activations &+ 2 &* (weights &+ units))
            if o1 || o2 || o3 || activations > Int.max / 4 || weights > Int.max / 4 { return .max }
            total = sum
            previous = units
        }
        return total
    }

    /// Whether every activation and the loss keep rationals rational.
    public var isExactlyComputable: Bool {
        loss.isExact && layers.allSatisfy { $0.activation.isExact }
    }
}

/// One weight layer: z = W a + b (or z = W a without a bias), a = sigma(z).
public struct LayerSpec: Sendable, Equatable {
    /// n_l x n_(l-1).
    public var weights: Matrix<SpecValue>
    /// n_l x 1; zeros, never trained, when the layer has no bias.
    public var bias: Matrix<SpecValue>
    /// sigma of this layer.
    public var activation: Activation
    /// False for `bias: none` (or no bias key): z = W a, and the report shows no b terms.
    public var hasBias: Bool
    /// Names of the layer's units (`h1`, `h2`), for the report and drawings.
    public var units: [String]?

    /// A layer with these parameters; `hasBias: false` for z = W a.
    public init(weights: Matrix<SpecValue>, bias: Matrix<SpecValue>, activation: Activation, hasBias: Bool = true) {
        self.weights = weights
        self.bias = bias
        self.activation = activation
        self.hasBias = hasBias
        self.units = nil
    }

    /// A layer without a bias.
    public init(weights: Matrix<SpecValue>, activation: Activation) {
        self.init(weights: weights, bias: Matrix(rows: weights.rows, columns: 1, entries: Array(repeating: SpecValue(0), count: weights.rows)),
                  activation: activation, hasBias: false)
    }

    /// n_l, the number of units.
    public var width: Int { weights.rows }
}
