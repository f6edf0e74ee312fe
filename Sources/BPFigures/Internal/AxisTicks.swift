/// Tick values and their labels: "nice" steps (1, 2 or 5 times a power of ten) on a linear
/// axis, powers of ten on a log one, written without floating-point noise.
enum AxisTicks {
    /// About `target` ticks covering `low...high`, and the range they span.
    static func linear(_ low: Double, _ high: Double, target: Int = 5) -> (ticks: [Double], low: Double, high: Double, exponent: Int) {
        var low = low, high = high
        if !(high > low) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let raw = (high - low) / Double(max(1, target))
        var exponent = Int((log10(raw)).rounded(.down))
        let base = pow10(exponent)
        let fraction = raw / base
        var step: Double
        if fraction <= 1 { step = 1 } else if fraction <= 2 { step = 2 } else if fraction <= 5 { step = 5 } else { step = 10 }
        if step == 10 { step = 1; exponent += 1 }
        let size = step * pow10(exponent)
        let first = (low / size).rounded(.down), last = (high / size).rounded(.up)
        let ticks = stride(from: first, through: last, by: 1).map { $0 * size }
        return (ticks, first * size, last * size, exponent)
    }

    /// Whole-number ticks for `low...high` (steps), at most about `target` of them.
    static func integers(_ low: Int, _ high: Int, target: Int = 8) -> [Int] {
        guard high > low else { return [low] }
        let candidates = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000, 100000]
        let step = candidates.first { (high - low) / $0 <= target } ?? max(1, (high - low) / target)
        var ticks: [Int] = []
        var tick = (low + step - 1) / step * step
        if tick > low && low == 1 && step > 1 { ticks.append(1) }
        while tick <= high {
            if tick >= low { ticks.append(tick) }
            tick += step
        }
        if ticks.first != low && !ticks.contains(low) && (ticks.first.map { $0 - low >= step / 2 } ?? true) { ticks.insert(low, at: 0) }
        return ticks
    }

    /// A linear tick written with as many decimals as its step needs (`0.25`, `1500`).
    static func label(_ value: Double, exponent: Int) -> String {
        let decimals = max(0, -exponent)
        let scaled = (abs(value) * pow10(decimals)).rounded()
        var digits = String(Int(scaled))
        if decimals > 0 {
            while digits.count <= decimals { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (value < 0 && scaled != 0 ? "−" : "") + digits
    }

    /// 10 to the `power`, written `10⁻³`, with 1, 10 and 100 written out.
    static func powerLabel(_ power: Int) -> String {
        switch power {
        case 0: return "1"
        case 1: return "10"
        case 2: return "100"
        default:
            let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
            let digits = String(abs(power)).map { superscripts[Int(String($0))!] }
            return "10" + (power < 0 ? "⁻" : "") + String(digits)
        }
    }

    static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        if exponent >= 0 { for _ in 0..<exponent { value *= 10 } } else { for _ in 0..<(-exponent) { value /= 10 } }
        return value
    }

    static func log10(_ value: Double) -> Double {
        // The standard library has no log10 without Foundation; the natural log's ratio is exact
        // enough for choosing ticks, and exact powers are nudged to land on their decade.
        let result = value.naturalLog / 2.302585092994046
        let rounded = result.rounded()
        return abs(result - rounded) < 1e-9 ? rounded : result
    }
}

extension Double {
    /// ln(x) for x > 0, from the exponent and a series on the mantissa: no Foundation needed.
    var naturalLog: Double {
        guard self > 0, isFinite else { return self == 0 ? -.infinity : .nan }
        let exponent = Double(self.exponent)
        let mantissa = self.significand // in [1, 2)
        // ln(m) = 2 atanh((m − 1)/(m + 1)), a series that converges fast for m in [1, 2).
        let s = (mantissa - 1) / (mantissa + 1), s2 = s * s
        var term = s, sum = 0.0, k = 1.0
        while abs(term / k) > 1e-18 {
            sum += term / k
            term *= s2
            k += 2
        }
        return 2 * sum + exponent * 0.6931471805599453
    }
}
