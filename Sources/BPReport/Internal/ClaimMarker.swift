import BPCheck
import BPDocument
import BPSpec

/// Marks a solution with the verdicts of a check: each claimed entry of a keyed value gets a
/// right / new / carried mark beside the correct value, and a summary opens the page.
struct ClaimMarker {
    let verdicts: [ClaimVerdict]

    func apply(_ document: Document) -> Document {
        // The verdicts of each quantity (a key with no entry, not transposed), in their order.
        let byQuantity = Dictionary(grouping: verdicts) { verdict in
            QuantityKey(step: verdict.claim.step, layer: verdict.claim.layer, quantity: Self.quantity(of: verdict.claim))
        }
        var marked = DocumentRewriter(math: { node in
            guard case let .quantity(key, shown) = node, key.entry == nil, !key.transposed, let mine = byQuantity[key] else { return nil }
            return .quantity(key, mark(shown, mine))
        }).rewrite(document)
        marked.blocks.insert(.section(Attributes(role: "check-summary"), [.paragraph(summary(korean: document.language == "ko"))]), at: 0)
        return marked
    }

    /// The quantity key a claim addresses.
    static func quantity(of claim: Claim) -> Quantity {
        switch (claim.section, claim.key) {
        case (.loss, _): return .loss
        case (.forward, "z"): return .z
        case (.forward, _): return .a
        case (.backward, _): return .delta
        case (.gradients, "weights"): return .weightGradient
        case (.gradients, _): return .biasGradient
        case (.updated, "weights"): return .updatedWeights
        case (.updated, _): return .updatedBias
        }
    }

    /// The shown value with its claimed entries marked; an elided matrix is left as it is.
    private func mark(_ shown: MathNode, _ mine: [ClaimVerdict]) -> MathNode {
        func verdict(_ item: ClaimVerdict) -> MathMark {
            MathMark(verdict: item.kind == .right ? .right : item.kind == .new ? .new : .carried, claimed: item.claim.value.text)
        }
        switch shown {
        case let .matrix(rows, fence):
            let elided = rows.joined().contains { if case let .symbol(s) = $0 { return s == .cdots || s == .vdots || s == .ddots } else { return false } }
            guard !elided else { return shown }
            var cells = rows
            for item in mine {
                let (r, c) = ((item.claim.row ?? 1) - 1, (item.claim.column ?? 1) - 1)
                guard cells.indices.contains(r), cells[r].indices.contains(c) else { continue }
                cells[r][c] = .marked(verdict(item), cells[r][c])
            }
            return .matrix(cells, fence: fence)
        case let .row(parts) where parts.count == 3 && { if case .matrix = parts[2] { return true } else { return false } }():
            return .row([parts[0], parts[1], mark(parts[2], mine)])
        default:
            // A scalar (a 1 x 1, the loss): its one claim.
            return mine.first.map { .marked(verdict($0), shown) } ?? shown
        }
    }

    /// "Checked against the key: N entries, K wrong: M new mistakes, C carried. The first new
    /// mistake: step 1, forward z² row 3, column 1", the symbol as the page writes it; in
    /// Korean on a Korean page.
    private func summary(korean: Bool) -> [Inline] {
        let wrong = verdicts.filter { $0.kind != .right }
        let new = verdicts.filter { $0.kind == .new }
        let (n, k, m, c) = (verdicts.count, wrong.count, new.count, wrong.count - new.count)
        var text: String
        if korean {
            text = "키와 대조함: 항목 \(n)개, " + (wrong.isEmpty ? "모두 맞음."
                : "\(k)개 틀림: 새 실수 \(m)개, 그로부터 이어진 것 \(c)개 (\u{2717} 새 실수, \u{2192} 이어짐, \u{2713} 맞음).")
        } else {
            text = "Checked against the key: \(n) entr\(n == 1 ? "y" : "ies"), "
            text += wrong.isEmpty ? "all right." : "\(k) wrong: \(m) new mistake\(m == 1 ? "" : "s"), \(c) carried from them (\u{2717} new, \u{2192} carried, \u{2713} right)."
        }
        guard let first = new.first?.claim else { return [.text(text)] }
        text += korean ? " 첫 새 실수: step \(first.step), \(first.section.rawValue) " : " The first new mistake: step \(first.step), \(first.section.rawValue) "
        let entry = first.row.map { row in
            korean ? " \(row)행" + (first.column.map { " \($0)열" } ?? "") : " row \(row)" + (first.column.map { ", column \($0)" } ?? "")
        } ?? ""
        return [.text(text), .math(Self.symbol(of: first)), .text(entry + ".")]
    }

    /// The claimed quantity's symbol: z², δ³, ∂L/∂W², W³ (updated), L.
    private static func symbol(of claim: Claim) -> MathNode {
        guard let key = claim.key, let layer = claim.layer else { return .id("L") }
        let name: MathNode = switch key {
        case "delta": .symbol(.delta)
        case "weights": .id("W")
        case "bias": .id("b")
        default: .id(key)
        }
        let layered = MathNode.sup(name, .num(layer))
        guard claim.section == .gradients else { return layered }
        return .fraction(.row([.symbol(.partial), .id("L")]), .row([.symbol(.partial), layered]))
    }
}
