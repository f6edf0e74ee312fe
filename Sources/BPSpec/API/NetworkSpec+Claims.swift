extension NetworkSpec {
    /// Checks `claims` against this network: every step, layer and quantity exists, and every
    /// claimed matrix has the quantity's shape. `file` labels the errors.
    public func validate(claims: [Claim], file: String?) throws(SpecError) {
        func fail(_ claim: Claim, _ key: String, _ message: String) -> SpecError {
            SpecError(file: file, line: claim.line, column: claim.columnInFile, key: key, message: message)
        }
        let stepCount = max(steps, 1)
        var shapes: [String: (rows: Int, columns: Int, claim: Claim)] = [:]
        for claim in claims {
            let place = "claimed.steps.\(claim.step).\(claim.section.rawValue)"
            guard (1...stepCount).contains(claim.step) else {
                throw fail(claim, place, "step \(claim.step) does not exist: the run has \(stepCount) step\(stepCount == 1 ? "" : "s")")
            }
            if claim.section == .updated && steps == 0 {
                throw fail(claim, place, "no update is made (steps: 0), so nothing updated can be claimed")
            }
            guard let layer = claim.layer, let key = claim.key else { continue }
            let first = layerNumber(ofIndex: 0)
            guard (first...outputLayerNumber).contains(layer) else {
                throw fail(claim, "\(place).\(layer)", "layer \(layer) does not exist: the weight layers are \(first) to \(outputLayerNumber)")
            }
            let spec = layers[layer - first]
            if key == "bias" && !spec.hasBias && claim.section != .forward {
                throw fail(claim, "\(place).\(layer).bias", "layer \(layer) has no bias")
            }
            let shape: (Int, Int)
            switch key {
            case "weights": shape = (spec.weights.rows, spec.weights.columns)
            case "bias": shape = (spec.width, 1)
            default: shape = (spec.width, batchSize)
            }
            let id = "\(claim.step).\(claim.section.rawValue).\(layer).\(key)"
            let seen = shapes[id] ?? (0, 0, claim)
            shapes[id] = (max(seen.rows, claim.row ?? 1), max(seen.columns, claim.column ?? 1), seen.claim)
            _ = shape
        }
        for (id, found) in shapes.sorted(by: { $0.key < $1.key }) {
            let claim = found.claim
            let spec = layers[claim.layer! - layerNumber(ofIndex: 0)]
            let expected: (Int, Int)
            switch claim.key! {
            case "weights": expected = (spec.weights.rows, spec.weights.columns)
            case "bias": expected = (spec.width, 1)
            default: expected = (spec.width, batchSize)
            }
            guard found.rows == expected.0 && found.columns == expected.1 else {
                throw fail(claim, "claimed.steps.\(id)", "\(found.rows) x \(found.columns), but \(claim.key!)^\(claim.layer!) is \(expected.0) x \(expected.1)")
            }
        }
    }
}
