extension NetworkSpec {
    /// Checks `claims` against this network: every step, layer and quantity exists, and every
    /// claimed matrix has the quantity's shape. `file` labels the errors.
    public func validate(claims: [Claim], file: String?) throws(SpecError) {
        func fail(_ claim: Claim, _ key: String, _ message: String) -> SpecError {
            SpecError(file: file, line: claim.line, column: claim.columnInFile, key: key, message: message)
        }
        let stepCount = max(steps, 1)
        let first = layerNumber(ofIndex: 0)
        // The extent each claimed matrix reaches, and its first claim (for the error's place).
        var extents: [Claim.Quantity: (rows: Int, columns: Int, first: Int)] = [:]
        for (index, claim) in claims.enumerated() {
            // Written only for an error: most claims pass.
            func place() -> String { "claimed.steps.\(claim.step).\(claim.section.rawValue)" }
            guard (1...stepCount).contains(claim.step) else {
                throw fail(claim, place(), "step \(claim.step) does not exist: the run has \(stepCount) step\(stepCount == 1 ? "" : "s")")
            }
            if claim.section == .updated && steps == 0 {
                throw fail(claim, place(), "no update is made (steps: 0), so nothing updated can be claimed")
            }
            guard let layer = claim.layer, let key = claim.key else { continue }
            guard (first...outputLayerNumber).contains(layer) else {
                throw fail(claim, "\(place()).\(layer)", "layer \(layer) does not exist: the weight layers are \(first) to \(outputLayerNumber)")
            }
            if key == "bias" && !layers[layer - first].hasBias {
                throw fail(claim, "\(place()).\(layer).bias", "layer \(layer) has no bias")
            }
            let seen = extents[claim.quantity] ?? (0, 0, index)
            extents[claim.quantity] = (max(seen.rows, claim.row ?? 1), max(seen.columns, claim.column ?? 1), seen.first)
        }
        // The matrix a mismatch is reported for: the first by its name, as a person reads them.
        var mismatch: (name: String, error: SpecError)?
        for (id, found) in extents {
            let layer = layers[id.layer - first]
            let expected: (rows: Int, columns: Int)
            switch id.key {
            case "weights": expected = (layer.weights.rows, layer.weights.columns)
            case "bias": expected = (layer.width, 1)
            default: expected = (layer.width, batchSize)
            }
            guard found.rows != expected.rows || found.columns != expected.columns else { continue }
            let name = "\(id.step).\(id.section.rawValue).\(id.layer).\(id.key)"
            if let mismatch, mismatch.name < name { continue }
            mismatch = (name, fail(claims[found.first], "claimed.steps.\(name)",
                                   "\(found.rows) x \(found.columns), but \(id.key)^\(id.layer) is \(expected.rows) x \(expected.columns)"))
        }
        if let mismatch { throw mismatch.error }
    }
}
