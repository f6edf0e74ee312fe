import BPNumerics

/// Turns the YAML node tree into a ``NetworkSpec``, checking types and key names and counting
/// every value it reads against the entry limit (aliases share nodes, so a tiny file can
/// describe billions of them).
struct SpecParser {
    let file: String?
    let limits: Limits
    /// Key path -> where its value was written.
    private(set) var locations: [String: SourceLocation] = [:]
    private var budget: Int
    /// Numbers too large or too small for a float run, with where they stand, in reading
    /// order: the validator refuses the first once it knows the run is float.
    private(set) var floatRangeSuspects: [FloatRangeSuspect] = []
    /// Whether numbers keep the exact value read (claims: few, each compared exactly at least
    /// once) rather than their text alone (a spec's matrices: many, most never read exactly).
    private var keepsExact = false

    static let topLevelKeys = ["title", "lang", "numbering", "arithmetic", "input", "target", "layers",
                               "loss", "learning_rate", "steps", "notes", "input_units", "explain", "from", "show", "show_steps", "claimed"]
    /// What a cell that continues another (`from:`) takes from it and may not restate.
    static let inheritedKeys = ["layers", "loss", "numbering", "arithmetic", "input_units"]
    /// Finds the spec a `from:` names; `nil` when specs cannot continue others (a spec file).
    var base: ((String) -> SpecBase)?
    static let layerKeys = ["weights", "bias", "activation", "units"]

    init(file: String?, limits: Limits) {
        self.file = file
        self.limits = limits
        self.budget = limits.maxSpecValues
    }

    mutating func parse(_ root: YAMLNode) throws -> NetworkSpec {
        remember(root, "")
        let fields = try mapping(root, key: nil, allowed: Self.topLevelKeys)
        if let fromNode = fields["from"] { return try continuation(fields, from: fromNode) }
        func required(_ key: String) throws -> YAMLNode {
            guard let node = fields[key] else {
                throw SpecError(file: file, line: root.mark?.line, column: root.mark?.column,
                                message: "missing required key '\(key)'")
            }
            return node
        }
        let title = try fields["title"].map { try string($0, key: "title") }
        let language = try fields["lang"].map { try choice($0, key: "lang", from: Language.self) } ?? .en
        let numbering = try fields["numbering"].map { try integer($0, key: "numbering") } ?? 1
        if numbering != 0 && numbering != 1 {
            throw error(at: fields["numbering"], key: "numbering", "must be 0 or 1, not \(numbering)")
        }
        let arithmetic = try fields["arithmetic"].map { try choice($0, key: "arithmetic", from: ArithmeticChoice.self) } ?? .auto
        let input = try matrix(try required("input"), key: "input")
        let target = try matrix(try required("target"), key: "target")
        let layersNode = try required("layers")
        guard case let .sequence(layerNodes) = layersNode, !layerNodes.isEmpty else {
            throw error(at: layersNode, key: "layers", "expected a non-empty list of layers, each with weights, bias and activation")
        }
        remember(layersNode, "layers")
        // Before any layer is read: a spec of thousands of layers is refused at once.
        if layerNodes.count > limits.maxLayers {
            throw error(at: layersNode, key: "layers", "\(layerNodes.count) layers, more than the limit of \(limits.maxLayers); raise it with --max-layers")
        }
        var layers: [LayerSpec] = []
        for (index, node) in layerNodes.enumerated() {
            layers.append(try layer(node, key: "layers[\(index)]"))
        }
        let loss = try choice(try required("loss"), key: "loss", from: Loss.self)
        let learningRate = try fields["learning_rate"].map { try number($0, key: "learning_rate") }
        let steps = try fields["steps"].map { try integer($0, key: "steps") } ?? 1
        var spec = NetworkSpec(title: title, language: language, numbering: numbering, arithmetic: arithmetic,
                               input: input, target: target, layers: layers, loss: loss,
                               learningRate: learningRate, steps: steps)
        spec.inputUnits = try fields["input_units"].map { try names($0, key: "input_units") }
        try readOwnFields(fields, into: &spec)
        return spec
    }

    /// Claimed values: `{forward: {2: {z: [...]}}, loss: 109, ...}` for step 1, or
    /// `{steps: {1: {...}, 2: {...}}}`. Shapes are checked against the network later.
    mutating func claims(_ node: YAMLNode, key: String) throws -> [Claim] {
        let fields = try mapping(node, key: key, allowed: ["steps"] + Claim.Section.allCases.map(\.rawValue))
        if let stepsNode = fields["steps"] {
            guard fields.count == 1 else {
                throw error(at: node, key: key, "claims are either per step (steps: {1: ..., 2: ...}) or for step 1 alone, not both")
            }
            guard case let .mapping(steps) = stepsNode else {
                throw error(at: stepsNode, key: key + ".steps", "expected a mapping of step numbers, such as {1: {loss: 109}}")
            }
            var out: [Claim] = []
            for (stepNode, body) in steps {
                guard case let .scalar(text) = stepNode, let step = Int(text.string), step >= 1 else {
                    throw error(at: stepNode, key: key + ".steps", "expected a step number (1, 2, ...), found \(describe(stepNode))")
                }
                out += try stepClaims(body, step: step, key: "\(key).steps.\(step)")
            }
            return out
        }
        return try stepClaims(node, step: 1, key: key)
    }

    private mutating func stepClaims(_ node: YAMLNode, step: Int, key: String) throws -> [Claim] {
        let kept = keepsExact
        keepsExact = true
        defer { keepsExact = kept }
        let fields = try mapping(node, key: key, allowed: Claim.Section.allCases.map(\.rawValue))
        var out: [Claim] = []
        for section in Claim.Section.allCases {
            guard let sectionNode = fields[section.rawValue] else { continue }
            let path = "\(key).\(section.rawValue)"
            if section == .loss {
                let value = try number(sectionNode, key: path)
                out.append(Claim(step: step, section: .loss, layer: nil, key: nil, row: nil, column: nil, value: value,
                                 line: sectionNode.mark?.line, columnInFile: sectionNode.mark?.column))
                continue
            }
            guard case let .mapping(layers) = sectionNode else {
                throw error(at: sectionNode, key: path, "expected a mapping of layer numbers, such as {2: {\(section.keys[0]): [...]}}")
            }
            for (layerNode, quantities) in layers {
                guard case let .scalar(text) = layerNode, let layer = Int(text.string) else {
                    throw error(at: layerNode, key: path, "expected a layer number, found \(describe(layerNode))")
                }
                let layerPath = "\(path).\(layer)"
                let entries = try mapping(quantities, key: layerPath, allowed: section.keys)
                for name in section.keys {
                    guard let valueNode = entries[name] else { continue }
                    let matrixPath = "\(layerPath).\(name)"
                    // A flat list is a column (a vector), as in the spec; a 1 x 1 may be a number.
                    let values: Matrix<SpecValue>
                    if case .scalar = valueNode {
                        values = Matrix(column: [try number(valueNode, key: matrixPath)])
                    } else {
                        values = try matrix(valueNode, key: matrixPath, vectorAsRow: false)
                    }
                    let cells = cellNodes(valueNode)
                    for i in 0..<values.rows {
                        for j in 0..<values.columns {
                            let mark = cells.count == values.entries.count ? cells[i * values.columns + j].mark : valueNode.mark
                            out.append(Claim(step: step, section: section, layer: layer, key: name, row: i + 1, column: j + 1,
                                             value: values[i, j], line: mark?.line, columnInFile: mark?.column))
                        }
                    }
                }
            }
        }
        return out
    }

    /// The scalar nodes of a claimed matrix, row by row, for each entry's place.
    private func cellNodes(_ node: YAMLNode) -> [YAMLNode] {
        switch node {
        case .scalar: return [node]
        case let .sequence(items): return items.flatMap(cellNodes)
        default: return []
        }
    }

    private mutating func explainTargets(_ node: YAMLNode) throws -> [ExplainTarget] {
        guard case let .sequence(items) = node else {
            throw error(at: node, key: "explain", "expected a list such as [W3[1,2], b2[1]]")
        }
        remember(node, "explain")
        var targets: [ExplainTarget] = []
        for (index, item) in items.enumerated() {
            let text = try string(item, key: "explain[\(index)]")
            guard let target = ExplainTarget(parsing: text) else {
                throw error(at: item, key: "explain[\(index)]", "expected a weight such as W3[1,2] (layer 3, row 1, column 2) or a bias such as b3[1], found '\(text)'")
            }
            targets.append(target)
        }
        return targets
    }

    /// A cell that starts from an earlier cell's trained network: it takes that cell's layers,
    /// loss, input, target, language and learning rate, and changes only what it names.
    private mutating func continuation(_ fields: [String: YAMLNode], from fromNode: YAMLNode) throws -> NetworkSpec {
        let id = try string(fromNode, key: "from")
        guard let base else {
            throw error(at: fromNode, key: "from", "only a cell of a notebook (NAME.nb.md) can start from another cell")
        }
        var spec: NetworkSpec
        switch base(id) {
        case let .spec(found): spec = found
        case .later: throw error(at: fromNode, key: "from", "cell '\(id)' comes later in the notebook; a cell can only start from an earlier one")
        case let .unknown(known):
            let list = known.isEmpty ? "no cell before this one has an id" : "the cells before this one are " + known.joined(separator: ", ")
            throw error(at: fromNode, key: "from", "no cell has the id '\(id)'\(suggestion(for: id, among: known)); \(list)")
        }
        for key in Self.inheritedKeys {
            if let node = fields[key] {
                throw error(at: node, key: key, "this cell continues cell '\(id)' and takes its \(key) from there; leave it out")
            }
        }
        spec.from = id
        spec.title = try fields["title"].map { try string($0, key: "title") }
        if let node = fields["lang"] { spec.language = try choice(node, key: "lang", from: Language.self) }
        if let node = fields["input"] { spec.input = try matrix(node, key: "input") }
        if let node = fields["target"] { spec.target = try matrix(node, key: "target") }
        if let node = fields["learning_rate"] { spec.learningRate = try number(node, key: "learning_rate") }
        spec.steps = try fields["steps"].map { try integer($0, key: "steps") } ?? 1
        try readOwnFields(fields, into: &spec)
        return spec
    }

    /// The keys every spec or cell has of its own, never taken from the cell it continues:
    /// notes, explain, show, show_steps and claimed (each empty when absent). One reader for
    /// both, so a continuing cell can neither lose one of them nor inherit the earlier cell's.
    private mutating func readOwnFields(_ fields: [String: YAMLNode], into spec: inout NetworkSpec) throws {
        spec.notes = try fields["notes"].map { try string($0, key: "notes") }
        spec.explain = try fields["explain"].map { try explainTargets($0) } ?? []
        spec.show = try fields["show"].map { try names($0, key: "show") } ?? []
        spec.showSteps = nil
        if let node = fields["show_steps"] {
            let selection = try stepSelection(node, key: "show_steps")
            // A run's steps are numbered 1...steps (a continuing cell's too).
            let steps = max(1, spec.steps)
            for case let .number(n) in selection.items where n > steps {
                throw error(at: node, key: "show_steps", "step \(n) is not in this run, which has \(steps) step\(steps == 1 ? "" : "s")")
            }
            spec.showSteps = selection
        }
        spec.claims = try fields["claimed"].map { try claims($0, key: "claimed") } ?? []
    }

    // MARK: Pieces

    private mutating func layer(_ node: YAMLNode, key: String) throws -> LayerSpec {
        let fields = try mapping(node, key: key, allowed: Self.layerKeys)
        for name in ["weights", "activation"] where fields[name] == nil {
            throw error(at: node, key: key, "missing required key '\(name)'")
        }
        let weights = try matrix(fields["weights"]!, key: key + ".weights", vectorAsRow: true)
        let activation = try activation(fields["activation"]!, key: key + ".activation")
        let units = try fields["units"].map { try names($0, key: key + ".units") }
        // No bias key, or `bias: none`: the layer computes z = W a.
        guard let biasNode = fields["bias"] else {
            var layer = LayerSpec(weights: weights, activation: activation)
            layer.units = units
            return layer
        }
        if case let .scalar(scalar) = biasNode {
            remember(biasNode, key + ".bias")
            guard scalar.string == "none" else {
                throw error(at: biasNode, key: key + ".bias", "expected a list of \(weights.rows) number\(weights.rows == 1 ? "" : "s"), or none for a layer without a bias, found '\(scalar.string)'")
            }
            var layer = LayerSpec(weights: weights, activation: activation)
            layer.units = units
            return layer
        }
        let bias = try matrix(biasNode, key: key + ".bias")
        var layer = LayerSpec(weights: weights, bias: bias, activation: activation)
        layer.units = units
        return layer
    }

    private mutating func activation(_ node: YAMLNode, key: String) throws -> Activation {
        remember(node, key)
        var alpha: SpecValue?
        let name: String
        switch node {
        case .scalar:
            name = try string(node, key: key)
        case .mapping:
            let fields = try mapping(node, key: key, allowed: ["name", "alpha"])
            guard let nameNode = fields["name"] else {
                throw error(at: node, key: key, "missing required key 'name'")
            }
            name = try string(nameNode, key: key + ".name")
            if let alphaNode = fields["alpha"] {
                guard name == "leaky_relu" else {
                    throw error(at: alphaNode, key: key + ".alpha", "only leaky_relu takes a parameter, not \(name)")
                }
                alpha = try number(alphaNode, key: key + ".alpha")
            }
        default:
            throw error(at: node, key: key, "expected an activation name (\(Activation.names.joined(separator: ", "))) or a map such as {name: leaky_relu, alpha: 0.1}")
        }
        switch name {
        case "identity": return .identity
        case "square": return .square
        case "relu": return .relu
        case "leaky_relu": return .leakyRelu(alpha: alpha ?? Activation.defaultLeakyAlpha)
        case "sigmoid": return .sigmoid
        case "tanh": return .tanh
        case "softmax": return .softmax
        default:
            throw error(at: node, key: key, "unknown activation '\(name)'\(suggestion(for: name, among: Activation.names)); expected one of \(Activation.names.joined(separator: ", "))")
        }
    }

    /// A vector (one sample, a column) or a list of rows. With `vectorAsRow` a flat list is one
    /// row instead (a weight matrix of a one-unit layer, written `[1, 1]`).
    private mutating func matrix(_ node: YAMLNode, key: String, vectorAsRow: Bool = false) throws -> Matrix<SpecValue> {
        remember(node, key)
        guard case let .sequence(items) = node, !items.isEmpty else {
            throw error(at: node, key: key, "expected a non-empty list of numbers, or a list of rows")
        }
        let width: Int
        if case let .sequence(firstRow) = items[0] { width = firstRow.count } else { width = 1 }
        // Aliased rows make a large matrix cheap to write: refuse it before reading a number.
        let (count, overflow) = items.count.multipliedReportingOverflow(by: width)
        if overflow || count > budget {
            let room = budget == limits.maxSpecValues ? "the \(budget)" : "the \(max(budget, 0)) left of the \(limits.maxSpecValues)"
            throw error(at: node, key: key, "\(items.count) x \(width) values, more than \(room) a spec may hold; raise the limit with --max-spec-values if this is intended")
        }
        if case .sequence = items[0] {
            // Straight into one row-major array of the final size: a large spec's matrices
            // are most of its memory, so no list of rows, no growth by doubling.
            var entries: [SpecValue] = []
            entries.reserveCapacity(count)
            for (i, rowNode) in items.enumerated() {
                guard case let .sequence(cells) = rowNode, !cells.isEmpty else {
                    throw error(at: rowNode, key: "\(key)[\(i)]", "expected a row: a non-empty list of numbers")
                }
                for (j, cell) in cells.enumerated() {
                    let value = try number(cell, key: "\(key)[\(i)][\(j)]")
                    if j < width { entries.append(value) }
                }
                if cells.count != width {
                    throw error(at: rowNode, key: "\(key)[\(i)]", "ragged rows: this row has \(cells.count) entr\(cells.count == 1 ? "y" : "ies"), but row 0 has \(width)")
                }
            }
            return Matrix(rows: items.count, columns: width, entries: entries)
        }
        var values: [SpecValue] = []
        values.reserveCapacity(items.count)
        for (i, cell) in items.enumerated() { values.append(try number(cell, key: "\(key)[\(i)]")) }
        return vectorAsRow ? Matrix(rows: 1, columns: values.count, entries: values) : Matrix(column: values)
    }

    /// `key` is built only for an error: a spec may hold a million numbers.
    private mutating func number(_ node: YAMLNode, key: @autoclosure () -> String) throws -> SpecValue {
        // A plain decimal short enough for the digit limit and for doubles is kept as its text
        // without its exact value: no GMP number for each of a large spec's entries.
        if !keepsExact, case let .scalar(scalar) = node,
           let bound = scalar.string.utf8.withContiguousStorageIfAvailable(SpecValueParser.plainDecimalDigitBound) ?? nil,
           bound <= 300, bound <= limits.maxDigits {
            try spend(node, key: key())
            return SpecValue(checkedText: scalar.string)
        }
        let (value, exact) = try parsedNumber(node, key: key())
        // Refused where it is written, not later as a run's digit limit at "step 1".
        if exact.digitCount > limits.maxDigits {
            throw error(at: node, key: key(), "a number of about \(exact.digitCount) digits, more than the limit of \(limits.maxDigits); raise it with --max-digits")
        }
        return keepsExact ? SpecValue(exact: exact, text: value.text) : value
    }

    /// The number, kept as its text only (see ``SpecValue``), and the exact value it spells.
    private mutating func parsedNumber(_ node: YAMLNode, key: @autoclosure () -> String) throws -> (SpecValue, Rational) {
        try spend(node, key: key())
        guard case let .scalar(scalar) = node else {
            throw error(at: node, key: key(), "expected a number, found a \(kind(of: node))")
        }
        do {
            let exact = try SpecValueParser.parse(scalar.string)
            let value = SpecValue(checkedText: scalar.string)
            // Only a number of over 300 digits can fall outside the doubles; the exact test is
            // left for those few.
            if exact.digitCount > 300, let mark = node.mark {
                floatRangeSuspects.append(FloatRangeSuspect(key: key(), location: SourceLocation(line: mark.line, column: mark.column), value: value))
            }
            return (value, exact)
        } catch .zeroDenominator {
            throw error(at: node, key: key(), "'\(scalar.string)' has a zero denominator")
        } catch .exponentTooLarge {
            throw error(at: node, key: key(), "'\(scalar.string)' has an exponent beyond ±\(SpecValueParser.maxExponent)")

        } catch {
            throw self.error(at: node, key: key(), "expected a number (an integer, a decimal such as 0.01, or a fraction such as \"2/3\"), found '\(scalar.string)'")
        }
    }

    /// A list of names, as `units: [h1, h2]`.
    private mutating func names(_ node: YAMLNode, key: String) throws -> [String] {
        remember(node, key)
        guard case let .sequence(items) = node, !items.isEmpty else {
            throw error(at: node, key: key, "expected a list of names, such as [h1, h2]")
        }
        return try items.enumerated().map { index, item in try string(item, key: "\(key)[\(index)]") }
    }

    /// `[1, 2, last]`, `last` or `all`.
    private mutating func stepSelection(_ node: YAMLNode, key: String) throws -> StepSelection {
        remember(node, key)
        let items: [YAMLNode]
        switch node {
        case let .sequence(sequence): items = Array(sequence)
        case .scalar: items = [node]
        default: throw error(at: node, key: key, "expected \(StepSelectionError.expected), found \(describe(node))")
        }
        var words: [String] = []
        for (index, item) in items.enumerated() {
            let word = try string(item, key: "\(key)[\(index)]").trimmingSpaces()
            if case let .failure(failure) = StepSelection.parse([word]) {
                throw error(at: item, key: "\(key)[\(index)]", "'\(failure.word)' is not a step; expected \(StepSelectionError.expected)")
            }
            words.append(word)
        }
        guard case let .success(selection) = StepSelection.parse(words) else {
            throw error(at: node, key: key, "expected \(StepSelectionError.expected)")
        }
        return selection
    }

    private mutating func integer(_ node: YAMLNode, key: String) throws -> Int {
        remember(node, key)
        guard case let .scalar(scalar) = node, let value = Int(scalar.string.trimmingSpaces()) else {
            throw error(at: node, key: key, "expected a whole number, found \(describe(node))")
        }
        return value
    }

    private mutating func string(_ node: YAMLNode, key: String) throws -> String {
        remember(node, key)
        guard case let .scalar(scalar) = node else {
            throw error(at: node, key: key, "expected text, found a \(kind(of: node))")
        }
        // Prose (notes) may break lines; a title or a name may not.
        if let bad = TextCharacters.firstForbidden(in: scalar.string, allowingLines: key == "notes") {
            throw error(at: node, key: key, "character \(bad.position) is \(bad.description), which a spec's text may not hold")
        }
        return scalar.string
    }

    private mutating func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, key: String, from _: T.Type) throws -> T
    where T.RawValue == String {
        let text = try string(node, key: key)
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        throw error(at: node, key: key, "unknown value '\(text)'\(suggestion(for: text, among: names)); expected one of \(names.joined(separator: ", "))")
    }

    /// The fields of a mapping; unknown keys are errors (a typo must not be ignored silently).
    private mutating func mapping(_ node: YAMLNode, key: String?, allowed: [String]) throws -> [String: YAMLNode] {
        guard case let .mapping(mapping) = node else {
            throw error(at: node, key: key, "expected a mapping of keys (\(allowed.joined(separator: ", "))), found a \(kind(of: node))")
        }
        var fields: [String: YAMLNode] = [:]
        for (keyNode, value) in mapping {
            try spend(keyNode, key: key ?? "spec")
            guard case let .scalar(name) = keyNode else {
                throw error(at: keyNode, key: key, "keys must be plain names")
            }
            let path = key.map { "\($0).\(name.string)" } ?? name.string
            guard allowed.contains(name.string) else {
                throw error(at: keyNode, key: path, "unknown key\(suggestion(for: name.string, among: allowed)); expected one of \(allowed.joined(separator: ", "))")
            }
            fields[name.string] = value
        }
        return fields
    }

    // MARK: Bookkeeping

    private mutating func spend(_ node: YAMLNode, key: @autoclosure () -> String) throws {
        budget -= 1
        if budget < 0 {
            throw error(at: node, key: key(), "the spec holds more than \(limits.maxSpecValues) values (YAML aliases count once per use); raise the limit with --max-spec-values if this is intended")
        }
    }

    private mutating func remember(_ node: YAMLNode, _ key: String) {
        if let mark = node.mark { locations[key] = SourceLocation(line: mark.line, column: mark.column) }
    }

    private func error(at node: YAMLNode?, key: String?, _ message: String) -> SpecError {
        SpecError(file: file, line: node?.mark?.line, column: node?.mark?.column, key: key, message: message)
    }

    private func kind(of node: YAMLNode) -> String {
        switch node {
        case .scalar: return "single value"
        case .mapping: return "mapping"
        case .sequence: return "list"
        }
    }

    private func describe(_ node: YAMLNode) -> String {
        if case let .scalar(scalar) = node { return "'\(scalar.string)'" }
        return "a \(kind(of: node))"
    }

    private func suggestion(for word: String, among names: [String]) -> String {
        let best = names.map { ($0, EditDistance.between(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, word.count / 3) else { return "" }
        return " (did you mean '\(best.0)'?)"
    }
}
