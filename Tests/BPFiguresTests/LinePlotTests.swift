@testable import BPFigures
import Foundation
import Testing

@Suite struct LinePlotTests {
    static func plot(_ values: [Double]) -> LinePlot {
        LinePlot(points: values.enumerated().map { LinePlot.Point(x: $0.offset + 1, y: $0.element, label: "step \($0.offset + 1)") },
                 xLabel: "step", yLabel: "loss L", description: "test plot")
    }

    /// Nice steps by hand: 0 to 0.93 in about five steps is 0.2 apart, up to 1.0, each with
    /// the step's one decimal (as matplotlib writes them); 1 to 31
    /// steps in about eight ticks is every 5, with the first step marked too.
    @Test func ticksAreNiceNumbers() {
        let axis = AxisTicks.linear(0, 0.93)
        #expect(axis.ticks.map { AxisTicks.label($0, exponent: axis.exponent) } == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let wide = AxisTicks.linear(0, 1234)
        #expect(wide.ticks.map { AxisTicks.label($0, exponent: wide.exponent) } == ["0", "500", "1000", "1500"])
        #expect(AxisTicks.integers(1, 31) == [1, 5, 10, 15, 20, 25, 30])
        #expect(AxisTicks.integers(1, 4) == [1, 2, 3, 4])
        #expect(AxisTicks.powerLabel(-3) == "10⁻³" && AxisTicks.powerLabel(12) == "10¹²" && AxisTicks.powerLabel(0) == "1")
    }

    @Test func theNaturalLogMatchesKnownValues() {
        #expect(abs(2.0.naturalLog - 0.6931471805599453) < 1e-15)
        #expect(abs(10.0.naturalLog - 2.302585092994046) < 1e-14)
        #expect(abs(AxisTicks.log10(0.001) - -3) < 1e-12)
        #expect(abs(AxisTicks.log10(5e7) - 7.698970004336019) < 1e-12)
    }

    /// More than two decades: a log scale, on which 1000, 10 and 0.1 sit equally far apart.
    @Test func aWideRangeIsPlottedOnALogScale() throws {
        let plot = Self.plot([1000, 10, 0.1])
        #expect(plot.isLogarithmic)
        #expect(!Self.plot([5, 1, 0.06]).isLogarithmic)
        let elements = try #require(SVGElements.parse(plot.svg()))
        let ys = elements.filter { $0.name == "circle" }.map { Double($0.attributes["cy"]!)! }
        #expect(ys.count == 3)
        #expect(abs((ys[1] - ys[0]) - (ys[2] - ys[1])) < 0.15)
        #expect(elements.contains { $0.text == "10⁻¹" } && elements.contains { $0.text == "1000" || $0.text == "10³" })
        #expect(elements.contains { $0.text == "loss L (log scale)" })
    }

    /// On a linear scale the points fall on the line through the first two: y is linear in the value.
    @Test func aNarrowRangeIsLinear() throws {
        let elements = try #require(SVGElements.parse(Self.plot([0.4, 0.3, 0.1]).svg()))
        let ys = elements.filter { $0.name == "circle" }.map { Double($0.attributes["cy"]!)! }
        // 0.4 → 0.3 is half of 0.3 → 0.1.
        #expect(abs((ys[1] - ys[0]) * 2 - (ys[2] - ys[1])) < 0.25)
        #expect(elements.filter { $0.name == "title" }.map(\.text) == ["test plot", "step 1", "step 2", "step 3"])
    }

    /// Up to 31 points (30 steps and the loss after them) each get a dot; more are drawn as the
    /// line alone.
    @Test func longRunsAreALine() throws {
        #expect(try #require(SVGElements.parse(Self.plot((1...31).map { 1 / Double($0) }).svg())).filter { $0.name == "circle" }.count == 31)
        let many = Self.plot((1...32).map { 1 / Double($0) })
        let elements = try #require(SVGElements.parse(many.svg()))
        #expect(elements.filter { $0.name == "circle" }.isEmpty)
        #expect(elements.contains { $0.attributes["class"] == "curve" })
        #expect(Self.plot([2, 1]).svg() == Self.plot([2, 1]).svg())
    }
}
