// bpbench: times bpreport's engine on two fixed workloads, and its whole render pipeline in
// process. See Benchmarks/README.md.
//
//   bpbench exact [--repeat N] [--root DIR]   problem 1, exact, 8 steps: Engine<Rational>.run()
//   bpbench float [--repeat N] [--root DIR]   64-32-10 sigmoid/softmax, batch 128, 1,000 steps: Engine<Double>.run()
//   bpbench render [--repeat N] [--root DIR]  reports/problem{1,2,3}.yaml -> .md and .html, in memory:
//                                             read, run, build the documents, write Markdown and pages
//   bpbench xor [--repeat N] [--root DIR]     XOR 2-4-1 sigmoid/BCE, batch 4, 10,000 steps: Engine<Double>.run()
//   bpbench large [--repeat N] [--root DIR]   784-256-10 sigmoid/softmax, batch 256, 50 steps (--steps N: other counts,
//                                             and a MEMORY line with the peak resident set)
//   bpbench float-spec [--root DIR]           only (re)writes Benchmarks/specs/float-64-32-10.json (xor-spec, large-spec)
//   --entry anytrace times AnyTrace.run(spec, limits:) instead (the path `bpreport` itself takes,
//   where BPEngine can specialise Engine for the scalar type).
//
// Each benchmark prints a readable report and one machine-readable line
//   BENCH <name> median_ms=<x> min_ms=<x> max_ms=<x> runs=<n>
// plus CHECK lines that a peer must reproduce.

import BPEngine
import BPReport
import BPNumerics
import BPSpec
import BPWriters
import Foundation

// MARK: - Arguments

struct Options {
    var command: String
    var repetitions: Int?
    var root: String
    /// `engine`: Engine<Value>(spec:limits:) made once, then only `.run()` is timed (the default).
    /// `anytrace`: `AnyTrace.run(spec, limits:)` timed whole (the command's path; it also validates).
    var entry = "engine"
    /// The float workloads' step count instead of the spec's (`--steps N`, for the memory check).
    var steps: Int?
}

func usage() -> Never {
    FileHandle.standardError.write(Data("""
    usage: bpbench exact [--repeat N] [--root DIR] [--entry engine|anytrace]
           bpbench float|xor|large [--repeat N] [--root DIR] [--entry engine|anytrace] [--steps N]
           bpbench render [--repeat N] [--root DIR]
           bpbench product-threshold|product-split|large-stages
           bpbench float-spec|xor-spec|large-spec [--root DIR]
    --root is the bpreport repository (default: found from this source file's location, then the
    current folder).

    """.utf8))
    exit(2)
}

func parseArguments() -> Options {
    var args = Array(CommandLine.arguments.dropFirst())
    let commands = ["exact", "float", "xor", "large", "render", "float-spec", "xor-spec", "large-spec", "product-threshold", "product-split", "large-stages"]
    guard let command = args.first, commands.contains(command) else { usage() }
    args.removeFirst()
    var options = Options(command: command, repetitions: nil, root: defaultRoot())
    while !args.isEmpty {
        let flag = args.removeFirst()
        guard !args.isEmpty else { usage() }
        let value = args.removeFirst()
        switch flag {
        case "--repeat", "-n":
            guard let n = Int(value), n >= 1 else { usage() }
            options.repetitions = n
        case "--root":
            options.root = value
        case "--steps":
            guard let n = Int(value), n >= 1 else { usage() }
            options.steps = n
        case "--entry":
            guard ["engine", "anytrace"].contains(value) else { usage() }
            options.entry = value
        default:
            usage()
        }
    }
    return options
}

/// The repository root: two folders above Benchmarks/Sources/bpbench, if it is still there.
func defaultRoot() -> String {
    let fromSource = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    if FileManager.default.fileExists(atPath: fromSource.appendingPathComponent("reports/problem1.yaml").path) {
        return fromSource.path
    }
    return FileManager.default.currentDirectoryPath
}

// MARK: - Timing

struct Timing {
    let samples: [Double]  // milliseconds
    var sorted: [Double] { samples.sorted() }
    var median: Double {
        let s = sorted
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var min: Double { sorted.first! }
    var max: Double { sorted.last! }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}

/// One warm-up call, then `repetitions` timed calls; each call's result goes to `keep`.
func measure<T>(repetitions: Int, _ body: () throws -> T, keep: (T) -> Void) rethrows -> Timing {
    let clock = ContinuousClock()
    keep(try body())
    var samples: [Double] = []
    samples.reserveCapacity(repetitions)
    for _ in 0..<repetitions {
        var result: T?
        let elapsed = try clock.measure { result = try body() }
        samples.append(elapsed.milliseconds)
        keep(result!)
    }
    return Timing(samples: samples)
}

func ms(_ x: Double) -> String { String(format: "%.3f", x) }

func report(_ name: String, _ what: String, _ timing: Timing) {
    print("\(name): \(what)")
    print("  \(timing.samples.count) timed runs after 1 warm-up: median \(ms(timing.median)) ms, min \(ms(timing.min)) ms, max \(ms(timing.max)) ms")
    print("BENCH \(name) median_ms=\(ms(timing.median)) min_ms=\(ms(timing.min)) max_ms=\(ms(timing.max)) runs=\(timing.samples.count)")
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bpbench: \(message)\n".utf8))
    exit(1)
}

// MARK: - exact: problem 1, 8 steps

func runExact(_ options: Options) throws {
    let path = (options.root as NSString).appendingPathComponent("reports/problem1.yaml")
    guard let original = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    // The seed problem as committed, with 8 steps instead of 1 and exact arithmetic forced.
    var lines = original.components(separatedBy: "\n").filter { !$0.hasPrefix("steps:") && !$0.hasPrefix("arithmetic:") }
    lines.append("arithmetic: exact")
    lines.append("steps: 8")
    let text = lines.joined(separator: "\n") + "\n"

    let limits = Limits(maxEntries: Limits.default.maxEntries, maxSteps: Limits.default.maxSteps, maxDigits: 1_000_000)
    let spec = try SpecReader(limits: limits).read(text: text, file: "problem1 (steps 8)")
    let engine = try Engine<Rational>(spec: spec, limits: limits)

    var last: Trace<Rational>?
    let timing: Timing
    if options.entry == "anytrace" {
        timing = try measure(repetitions: options.repetitions ?? 50, { try AnyTrace.run(spec, limits: limits, policy: RecordingPolicy.all.withoutFinalLoss) },
                             keep: { if case let .exact(t) = $0 { last = t } })
        report("exact-anytrace", "reports/problem1.yaml, arithmetic exact, 8 steps; AnyTrace.run(spec, limits:)", timing)
    } else {
        // The peers compute the steps and nothing after: no loss after the last update.
        timing = try measure(repetitions: options.repetitions ?? 50, { try engine.run(policy: RecordingPolicy.all.withoutFinalLoss) }, keep: { last = $0 })
        report("exact", "reports/problem1.yaml, arithmetic exact, 8 steps; Engine<Rational>.run() only", timing)
    }

    let trace = last!
    let final = trace.steps.last!
    var digits = 0
    for layer in final.updated! {
        for v in layer.weights.entries + layer.bias.entries { digits = max(digits, v.digitCount) }
    }
    let loss = final.loss.description
    // Exact agreement with a peer: FNV-1a of the trace's text of the step-8 loss and of the final
    // parameters (weights row by row, then biases, layer by layer, joined with spaces).
    let parameters = final.updated!.flatMap { $0.weights.entries + $0.bias.entries }.map(\.description).joined(separator: " ")
    print("  max digits of the final weights and biases: \(digits) (GMP's count, may be one too many)")
    print("  step-8 loss: \(loss.count) characters, ~\(final.loss.doubleValue)")
    print("CHECK exact max_digits=\(digits) loss_chars=\(loss.count) loss_approx=\(final.loss.doubleValue) loss_fnv=\(fnv1a(loss)) params_fnv=\(fnv1a(parameters))")
}

/// FNV-1a, 64 bits, over UTF-8, as 16 hex digits.
func fnv1a(_ text: String) -> String { fnv1a(bytes: text.utf8) }

/// FNV-1a, 64 bits, over bytes, as 16 hex digits.
func fnv1a<Bytes: Sequence<UInt8>>(bytes: Bytes) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

// MARK: - float: 64-32-10, batch 128, 1,000 steps

/// SplitMix64 (Steele, Lea and Flood 2014): the same 64-bit sequence in any language.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform on the grid {lo, lo + 1e-6, ..., hi} (micro-units), as decimal text, so the spec
    /// file spells every number exactly and each reader rounds the same text to the same double.
    mutating func micro(from lo: Int, to hi: Int) -> String {
        let span = UInt64(hi - lo + 1)
        return microText(lo + Int(next() % span))
    }
}

/// `k * 1e-6` as a plain decimal: 12345 -> "0.012345", -100000 -> "-0.1", 0 -> "0".
func microText(_ k: Int) -> String {
    if k == 0 { return "0" }
    let sign = k < 0 ? "-" : ""
    let m = k.magnitude
    var frac = String(m % 1_000_000)
    frac = String(repeating: "0", count: 6 - frac.count) + frac
    while frac.hasSuffix("0") { frac.removeLast() }
    let whole = String(m / 1_000_000)
    return frac.isEmpty ? sign + whole : sign + whole + "." + frac
}

/// A generated float workload: layer sizes, batch, steps, and how the numbers are drawn. The
/// spec file is written by bpbench and read by bpbench and the numpy peer alike.
struct FloatWorkload {
    let name: String
    let sizes: [Int]
    let batch: Int
    let steps: Int
    let learningRate: String
    let seed: UInt64
    let relativePath: String
    /// Weights and biases uniform in [-weightScale, weightScale] micro-units.
    var weightScale = 100_000
    /// XOR's four samples and their targets, instead of random inputs and one-hot classes.
    var xor = false
    /// Whether the file is kept in the repository (else it is written when missing and ignored).
    var committed = true

    /// 64-32-10, sigmoid + softmax/cross-entropy, batch 128, 1,000 steps.
    static let medium = FloatWorkload(name: "float", sizes: [64, 32, 10], batch: 128, steps: 1_000, learningRate: "0.1",
                                      seed: 20_240_601, relativePath: "Benchmarks/specs/float-64-32-10.json")
    /// XOR: 2-4-1, sigmoid + sigmoid/binary cross-entropy, the four samples, 10,000 steps.
    static let small = FloatWorkload(name: "xor", sizes: [2, 4, 1], batch: 4, steps: 10_000, learningRate: "0.5",
                                     seed: 20_240_602, relativePath: "Benchmarks/specs/xor-2-4-1.json",
                                     weightScale: 1_000_000, xor: true)
    /// 784-256-10 (an MNIST-sized network), batch 256, 50 steps; 3.5 MB, so written when missing.
    static let large = FloatWorkload(name: "large", sizes: [784, 256, 10], batch: 256, steps: 50, learningRate: "0.1",
                                     seed: 20_240_603, relativePath: "Benchmarks/specs/float-784-256-10.json",
                                     weightScale: 50_000, committed: false)

    var shape: String { sizes.map(String.init).joined(separator: "-") }
    var outputActivation: String { xor ? "sigmoid" : "softmax" }
    var loss: String { xor ? "binary_cross_entropy" : "cross_entropy" }

    /// The spec as JSON text. Order of draws: W2 (row-major), b2, W3, b3, then the input
    /// (row-major, sizes[0] x batch) and one class per sample for the one-hot target.
    func specText() -> String {
        var rng = SplitMix64(state: seed)
        func row(_ xs: [String]) -> String { "[" + xs.joined(separator: ", ") + "]" }
        func matrix(_ rows: [[String]]) -> String { "[\n      " + rows.map(row).joined(separator: ",\n      ") + "\n    ]" }
        var layers: [String] = []
        for l in 1..<sizes.count {
            let (n, p) = (sizes[l], sizes[l - 1])
            let w = (0..<n).map { _ in (0..<p).map { _ in rng.micro(from: -weightScale, to: weightScale) } }
            let b = (0..<n).map { _ in rng.micro(from: -weightScale, to: weightScale) }
            let activation = l == sizes.count - 1 ? outputActivation : "sigmoid"
            layers.append("""
                {
                  "weights": \(matrix(w)),
                  "bias": \(row(b)),
                  "activation": "\(activation)"
                }
            """)
        }
        let input: [[String]], target: [[String]]
        if xor {
            input = [["0", "0", "1", "1"], ["0", "1", "0", "1"]]
            target = [["0", "1", "1", "0"]]
        } else {
            input = (0..<sizes[0]).map { _ in (0..<batch).map { _ in rng.micro(from: 0, to: 1_000_000) } }
            let classes = (0..<batch).map { _ in Int(rng.next() % UInt64(sizes.last!)) }
            target = (0..<sizes.last!).map { i in classes.map { $0 == i ? "1" : "0" } }
        }
        let what = xor ? "sigmoid + sigmoid/binary_cross_entropy, XOR" : "sigmoid + softmax/cross_entropy"
        return """
        {
          "title": "Benchmark: \(shape), \(what), batch \(batch), \(steps) steps (generated by bpbench \(name)-spec, SplitMix64 seed \(seed))",
          "numbering": 1,
          "arithmetic": "float",
          "loss": "\(loss)",
          "learning_rate": \(learningRate),
          "steps": \(steps),
          "layers": [
        \(layers.joined(separator: ",\n"))
          ],
          "input": \(matrix(input).replacingOccurrences(of: "\n    ", with: "\n  ")),
          "target": \(matrix(target).replacingOccurrences(of: "\n    ", with: "\n  "))
        }

        """
    }

    /// Writes the spec file when it is missing or differs; returns its text.
    func ensureFile(root: String) throws -> String {
        let text = specText()
        let path = (root as NSString).appendingPathComponent(relativePath)
        if (try? String(contentsOfFile: path, encoding: .utf8)) != text {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            FileHandle.standardError.write(Data("bpbench: wrote \(path)\n".utf8))
        }
        return text
    }

    static func named(_ name: String) -> FloatWorkload? {
        [medium, small, large].first { $0.name == name }
    }
}

/// The peak resident set of this process so far, in kilobytes (Linux's ru_maxrss unit).
func peakResidentKilobytes() -> Int {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss
}

func runFloat(_ options: Options, _ workload: FloatWorkload) throws {
    let text = try workload.ensureFile(root: options.root)
    let limits = Limits(maxEntries: 200_000_000, maxSpecValues: 2_000_000, maxSteps: 1_000_000, maxDigits: Limits.default.maxDigits)
    var spec = try SpecReader(limits: limits).read(text: text, file: workload.relativePath)
    if let steps = options.steps { spec.steps = steps }
    let engine = try Engine<Double>(spec: spec, limits: limits)
    let what = "\(workload.relativePath), \(workload.shape), batch \(workload.batch), \(spec.steps) steps"

    var last: Trace<Double>?
    let timing: Timing
    if options.entry == "anytrace" {
        timing = try measure(repetitions: options.repetitions ?? 3, { try AnyTrace.run(spec, limits: limits, policy: RecordingPolicy.firstAndLast.withoutFinalLoss) },
                             keep: { if case let .float(t) = $0 { last = t } })
        report("\(workload.name)-anytrace", "\(what); AnyTrace.run(spec, limits:, policy: .firstAndLast)", timing)
    } else {
        // Keep what a report of the run keeps (every loss, the first and last steps in full):
        // the peer keeps nothing but the losses either.
        timing = try measure(repetitions: options.repetitions ?? 3, { try engine.run(policy: RecordingPolicy.firstAndLast.withoutFinalLoss) }, keep: { last = $0 })
        // A run of another length than the peer's is named apart, so no table row takes it.
        let name = options.steps.map { "\(workload.name)-\($0)-steps" } ?? workload.name
        report(name, "\(what); Engine<Double>.run(policy: .firstAndLast) only", timing)
    }

    let trace = last!
    let first = trace.steps.first!.loss
    let final = trace.steps.last!.loss
    print("  loss at step 1: \(first), at step \(trace.steps.last!.step): \(final); \(trace.losses.count) losses kept")
    print("  peak resident set of this process: \(peakResidentKilobytes()) kB")
    if options.steps == nil {
        print("CHECK \(workload.name) loss_first=\(first) loss_last=\(final)")
    } else {
        // Another step count than the peer's: no CHECK to compare, the memory line instead.
        print("MEMORY \(workload.name) steps=\(spec.steps) maxrss_kb=\(peakResidentKilobytes())")
    }
}

// MARK: - product-threshold: where OpenBLAS starts to pay

/// Times `Double.leftToRightProduct` against `Double.blasProduct` on n x n times n x n
/// products (untransposed, and the second operand transposed as the gradients take it), to
/// place `Double.blasThreshold`.
func runProductThreshold(_ options: Options) {
    var rng = SplitMix64(state: 1)
    let clock = ContinuousClock()
    print("n  n^3  loop-nn  blas-nn  loop-nt  blas-nt  (microseconds a product, median of 9 batches)")
    for n in [4, 8, 12, 16, 20, 24, 28, 32, 40, 48, 64] {
        let a = Matrix(rows: n, columns: n) { _, _ in Double(rng.next() % 1000) / 999 }
        let b = Matrix(rows: n, columns: n) { _, _ in Double(rng.next() % 1000) / 999 }
        let calls = max(20, 2_000_000 / (n * n * n))
        func time(_ body: () -> Matrix<Double>) -> Double {
            var samples: [Double] = []
            var sink = 0.0
            for _ in 0..<9 {
                let elapsed = clock.measure { for _ in 0..<calls { sink += body().entries[0] } }
                samples.append(elapsed.milliseconds * 1_000 / Double(calls))
            }
            if sink.isNaN { print(sink) }
            return samples.sorted()[4]
        }
        let cells = [
            time { Double.leftToRightProduct(a, transposingA: false, b, transposingB: false) },
            time { Double.blasProduct(a, transposingA: false, b, transposingB: false) },
            time { Double.leftToRightProduct(a, transposingA: false, b, transposingB: true) },
            time { Double.blasProduct(a, transposingA: false, b, transposingB: true) },
        ].map { String(format: "%.2f", $0) }
        print("\(n)  \(n * n * n)  " + cells.joined(separator: "  "))
    }
    print("threshold in use: \(Double.blasThreshold) multiply-adds")
}

// MARK: - product-split: where a second thread starts to pay

/// Times `Double.blasProduct` with `Double.largeProductsMayUseTwoThreads` off (a large
/// product's two halves one after the other) and on (side by side), on the shapes of the large
/// workload's products and on n x n x n ones around `ProductHalves.threshold`.
func runProductSplit(_ options: Options) {
    var rng = SplitMix64(state: 3)
    let clock = ContinuousClock()
    // (n, p, m, transposing B): op(a) n x p times op(b) p x m.
    let shapes: [(Int, Int, Int, Bool)] = [(64, 64, 64, false), (96, 96, 96, false), (128, 128, 128, false),
                                           (160, 160, 160, false), (192, 192, 192, false), (256, 256, 256, false),
                                           (32, 64, 128, false), (256, 784, 256, false), (256, 256, 784, true),
                                           (10, 256, 256, false), (256, 10, 256, false)]
    print("n  p  m  tB  multiply-adds  in-turn  two-threads  (microseconds a product, median of 9 batches)")
    for (n, p, m, tb) in shapes {
        let a = Matrix(rows: n, columns: p) { _, _ in Double(rng.next() % 1000) / 999 }
        let b = tb ? Matrix(rows: m, columns: p) { _, _ in Double(rng.next() % 1000) / 999 }
                   : Matrix(rows: p, columns: m) { _, _ in Double(rng.next() % 1000) / 999 }
        let calls = max(5, 20_000_000 / (n * n * n))
        func time(twoThreads: Bool) -> Double {
            Double.largeProductsMayUseTwoThreads = twoThreads
            var samples: [Double] = []
            var sink = 0.0
            for _ in 0..<9 {
                let elapsed = clock.measure { for _ in 0..<calls { sink += Double.blasProduct(a, transposingA: false, b, transposingB: tb).entries[0] } }
                samples.append(elapsed.milliseconds * 1_000 / Double(calls))
            }
            if sink.isNaN { print(sink) }
            return samples.sorted()[4]
        }
        let cells = [time(twoThreads: false), time(twoThreads: true), time(twoThreads: false), time(twoThreads: true)]
        let inTurn = min(cells[0], cells[2]), twoThreads = min(cells[1], cells[3])
        print("\(n)  \(p)  \(m)  \(tb)  \(n * p * m)  " + String(format: "%.1f  %.1f", inTurn, twoThreads))
    }
    Double.largeProductsMayUseTwoThreads = true
}

// MARK: - render: the three seed reports, in process

/// What `bpreport render reports` does between parsing its arguments and writing files, with
/// the command's defaults (built-in page, MathML, default report options and limits).
enum RenderWorkload {
    static let names = ["problem1", "problem2", "problem3"]

    struct Output {
        var texts: [String] = []  // problem1.md, problem1.html, problem2.md, ... in that order
        var bytes: Int { texts.reduce(0) { $0 + $1.utf8.count } }
    }

    /// One call renders all three reports through the library's Pipeline, made inside the call
    /// as the command makes it once per process (the built-in page template is parsed once a
    /// process, by the first call).
    static func render(root: String) throws -> Output {
        let pipeline = try Pipeline(options: RenderOptions())
        var output = Output()
        output.texts.reserveCapacity(2 * names.count)
        for name in names {
            let path = (root as NSString).appendingPathComponent("reports/\(name).yaml")
            let source = Source(name: name, label: path, text: try SpecReader.text(contentsOf: path))
            // The page and the Markdown, in that order; the drawings (.svg) the Markdown links
            // are made too, and timed, but not compared.
            let files = try pipeline.render(source)
            output.texts += ["\(name).md", "\(name).html"].map { wanted in files.first { $0.name == wanted }?.contents ?? "" }
        }
        return output
    }
}

func runRender(_ options: Options) throws {
    var last = RenderWorkload.Output()
    var totalBytes = 0  // summed over every call, so no call's strings can be dropped
    let timing = try measure(repetitions: options.repetitions ?? 200, { try RenderWorkload.render(root: options.root) },
                             keep: { last = $0; totalBytes &+= $0.bytes })
    report("render", "reports/problem{1,2,3}.yaml: SpecReader.text, Pipeline.render (read, run, document, md + html; made per call); no files written", timing)

    // The outputs must be the committed reports, byte for byte, in the order problem1.md,
    // problem1.html, problem2.md, ... (what `bpreport render reports` writes).
    var expected = Data()
    var mismatches: [String] = []
    for (i, name) in RenderWorkload.names.enumerated() {
        for (j, ext) in ["md", "html"].enumerated() {
            let path = (options.root as NSString).appendingPathComponent("reports/\(name).\(ext)")
            guard let committed = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
            expected.append(committed)
            if committed != Data(last.texts[2 * i + j].utf8) { mismatches.append(path) }
        }
    }
    let rendered = last.texts.joined()
    let hash = fnv1a(rendered)
    let expectedHash = fnv1a(bytes: expected)
    print("  \(last.texts.count) outputs, \(last.bytes) bytes per call (\(totalBytes) bytes over all \(timing.samples.count + 1) calls)")
    print("CHECK render bytes=\(last.bytes) fnv=\(hash) committed_bytes=\(expected.count) committed_fnv=\(expectedHash)")
    if !mismatches.isEmpty || hash != expectedHash || last.bytes != expected.count {
        fail("render: the in-process output differs from the committed reports: \(mismatches.joined(separator: ", "))"
             + " (\(last.bytes) bytes, fnv \(hash); committed \(expected.count) bytes, fnv \(expectedHash))."
             + " Re-render reports/ with `bpreport render reports` or find why the pipeline here differs from the command's.")
    }
}

// MARK: - large-stages: where a step of the large network goes

/// The large workload's steps through the engine's public stages, each timed on its own (summed
/// over the steps, median of the repetitions): where a step's time goes besides its two large
/// products. A profiling aid, not a table row.
func runLargeStages(_ options: Options) throws {
    let workload = FloatWorkload.large
    let text = try workload.ensureFile(root: options.root)
    let limits = Limits(maxEntries: 200_000_000, maxSpecValues: 2_000_000, maxSteps: 1_000_000, maxDigits: Limits.default.maxDigits)
    let spec = try SpecReader(limits: limits).read(text: text, file: workload.relativePath)
    let engine = try Engine<Double>(spec: spec, limits: limits)
    let clock = ContinuousClock()
    let names = ["forward 1 (W1 X, bias, sigmoid)", "forward 2", "loss", "output delta", "hidden delta",
                 "gradient 1 (delta1 X^T)", "gradient 2", "update 1", "update 2", "W1 X alone", "delta1 X^T alone"]
    var samples = [[Double]](repeating: [], count: names.count)
    for _ in 0..<(options.repetitions ?? 5) {
        var totals = [Duration](repeating: .zero, count: names.count)
        var parameters = engine.initialParameters
        for number in 1...spec.steps {
            func timed<T>(_ k: Int, _ body: () throws -> T) rethrows -> T {
                var result: T?
                totals[k] += try clock.measure { result = try body() }
                return result!
            }
            let f1 = try timed(0) { try engine.forward(layerAt: 0, parameters: parameters[0], input: engine.input, step: number) }
            let f2 = try timed(1) { try engine.forward(layerAt: 1, parameters: parameters[1], input: f1.a, step: number) }
            _ = try timed(2) { try engine.loss(output: f2.a, target: engine.target, step: number, logits: f2.z) }
            let d2 = try timed(3) { try engine.outputDelta(forward: f2, target: engine.target, step: number) }
            let d1 = try timed(4) { try engine.hiddenDelta(forward: f1, weightsAbove: parameters[1].weights, deltaAbove: d2.delta,
                                                          step: number, recordingTranspose: false) }
            let g1 = try timed(5) { try engine.gradient(layer: parameters[0].layer, delta: d1.delta, previousActivation: engine.input,
                                                       step: number, recordingTranspose: false) }
            let g2 = try timed(6) { try engine.gradient(layer: parameters[1].layer, delta: d2.delta, previousActivation: f1.a,
                                                       step: number, recordingTranspose: false) }
            let u1 = try timed(7) { try engine.update(parameters[0], gradient: g1, learningRate: engine.learningRate!, step: number) }
            let u2 = try timed(8) { try engine.update(parameters[1], gradient: g2, learningRate: engine.learningRate!, step: number) }
            _ = timed(9) { Double.product(parameters[0].weights, transposingA: false, engine.input, transposingB: false) }
            _ = timed(10) { Double.product(d1.delta, transposingA: false, engine.input, transposingB: true) }
            parameters = [u1, u2]
        }
        for k in names.indices { samples[k].append(totals[k].milliseconds) }
    }
    let medians = samples.map { $0.sorted()[$0.count / 2] }
    print("stage  ms over \(spec.steps) steps (median of \(samples[0].count))")
    for (name, median) in zip(names, medians) { print("  " + String(format: "%7.2f", median) + "  " + name) }
    let step = medians[0..<9].reduce(0, +), products = medians[9] + medians[10]
    print(String(format: "  %7.2f  a step's stages in all; %.2f of it the two large products alone, %.2f the rest", step, products, step - products))
}

// MARK: - main

let options = parseArguments()
do {
    switch options.command {
    case "exact": try runExact(options)
    case "render": try runRender(options)
    case "product-threshold": runProductThreshold(options)
    case "product-split": runProductSplit(options)
    case "large-stages": try runLargeStages(options)
    case let command where command.hasSuffix("-spec"):
        let workload = FloatWorkload.named(String(command.dropLast(5)))!
        _ = try workload.ensureFile(root: options.root)
        print((options.root as NSString).appendingPathComponent(workload.relativePath))
    default: try runFloat(options, FloatWorkload.named(options.command)!)
    }
} catch {
    fail("\(error)")
}
