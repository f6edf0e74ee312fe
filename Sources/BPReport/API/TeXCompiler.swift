import BPSpec
import BPWriters
import FoundationEssentials

/// Compiles a LaTeX document into a PDF with pdflatex or lualatex, in a temporary folder of
/// its own that it removes: nothing is written beside the report, and a failed run leaves no
/// half-written PDF. The PDF is the same bytes every time (the engine's dates and ids are
/// pinned), so a course site's PDFs change only when their reports do.
public enum TeXCompiler {
    /// The PDF of `tex`, compiled by `engine`; `resources` is a folder the document's
    /// images are found in (the spec's folder), searched before TeX's own.
    ///
    /// Also returns warnings for what the PDF silently lacks: characters no font has (an emoji,
    /// say), which TeX leaves out and mentions only in its log.
    public static func compile(_ tex: String, engine: TeXEngine, resources: String? = nil,
                               name: String = "report") throws(TeXError) -> (pdf: [UInt8], warnings: [String]) {
        guard let executable = find(engine.command) else {
            throw TeXError(message: "\(name).pdf needs \(engine.command), which is not on PATH; on Debian or Ubuntu: "
                           + "apt-get install --no-install-recommends \(engine.debianPackages.joined(separator: " ")) (or write the LaTeX alone with --to tex)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpreport-tex-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(tex.utf8).write(to: folder.appendingPathComponent("page.tex"))
        } catch {
            throw TeXError(message: "\(name).pdf: cannot write the LaTeX to a temporary folder (\(SystemErrorReason.text(for: error)))")
        }
        var environment = ProcessInfo.processInfo.environment
        // Pinned dates and ids make the PDF reproducible; the trailing `:` keeps TeX's own paths.
        environment["SOURCE_DATE_EPOCH"] = "946684800"
        environment["FORCE_SOURCE_DATE"] = "1"
        if let resources { environment["TEXINPUTS"] = resources + ":" }
        // A longtable's columns settle on the second run.
        var log = ""
        for run in 1...3 {
            let status: Int32
            do {
                status = try runEngine(executable, in: folder, environment: environment)
            } catch {
                throw TeXError(message: "\(name).pdf: cannot run \(executable) (\(SystemErrorReason.text(for: error)))")
            }
            log = (try? String(contentsOf: folder.appendingPathComponent("page.log"), encoding: .utf8))
                ?? (try? String(contentsOf: folder.appendingPathComponent("page.log"), encoding: .isoLatin1)) ?? ""
            guard status == 0 else {
                throw TeXError(message: "\(name).pdf: \(engine.command) failed: \(firstError(in: log)) (write the LaTeX with --to tex and compile it to see the whole log)")
            }
            if run < 3 && (log.contains("Rerun LaTeX") || log.contains("Table widths have changed")) { continue }
            break
        }
        guard let pdf = FileManager.default.contents(atPath: folder.appendingPathComponent("page.pdf").path) else {
            throw TeXError(message: "\(name).pdf: \(engine.command) made no PDF")
        }
        let missing = missingCharacters(in: log)
        let warnings = missing.isEmpty ? [] : ["\(name).pdf: warning: no font here has " + missing.prefix(8).joined(separator: ", ")
            + (missing.count > 8 ? " and \(missing.count - 8) more" : "") + "; the PDF leaves \(missing.count == 1 ? "it" : "them") out"]
        return (Array(pdf), warnings)
    }

    /// The characters TeX's log says no font had (`Missing character: There is no 🧠 (U+1F9E0)
    /// in font ...`), each once, in the order met.
    static func missingCharacters(in log: String) -> [String] {
        var seen: [String] = []
        for line in log.split(separator: "\n") where line.hasPrefix("Missing character: There is no ") {
            let rest = line.dropFirst("Missing character: There is no ".count)
            guard let end = rest.firstRange(of: " in font") else { continue }
            let character = String(rest[..<end.lowerBound])
            if !seen.contains(character) { seen.append(character) }
        }
        return seen
    }

    /// The engine's path on `PATH`, if it is installed.
    public static func find(_ command: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + command
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private static func runEngine(_ executable: String, in folder: URL, environment: [String: String]) throws(POSIXError) -> Int32 {
        // No shell escape, no waiting on a terminal, and stop at the first error.
        try ChildProcess.run(executable, arguments: ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "page.tex"],
                             in: folder.path, environment: environment)
    }

    /// TeX's first error and the line of the document it stopped at, from its log.
    static func firstError(in log: String) -> String {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("! ") }) else { return "see its log" }
        var message = lines[start].dropFirst(2).trimmingWhiteSpace()
        if let place = lines[start...].prefix(12).first(where: { $0.hasPrefix("l.") }) {
            let number = place.dropFirst(2).prefix { $0.isNumber }
            if !number.isEmpty { message += " at line \(number) of the LaTeX" }
            // TeX shows the line up to where it stopped: its end names the culprit (`\foo`).
            let context = place.dropFirst(2 + number.count).trimmingWhiteSpace()
            if !context.isEmpty { message += ", after `" + String(context.suffix(40)) + "`" }
        }
        // In nonstop mode TeX stops so when the file ends too soon (a template without \end{document}, say).
        if message.hasPrefix("Emergency stop.") {
            message = "Emergency stop: the LaTeX ended before \\end{document}" + message.dropFirst("Emergency stop.".count)
        }
        // TeX's one limit a report can reach: a box wider than about 5.7 m.
        if message.hasPrefix("Dimension too large") {
            message += "; a formula is too wide for TeX (an exact value with thousands of digits, say: --exact-style decimal shortens it)"
        }
        return message
    }
}

/// A PDF that could not be made: the engine is missing or the LaTeX did not compile.
public struct TeXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, naming the PDF and, when the engine is missing, the Debian packages.
    public let message: String
    /// The message.
    public var description: String { message }
}
