import Foundation

/// The outcome of running a program to completion.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String
    public let seconds: Double
}

public enum ProcessRunner {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `executable` with `arguments` in `directory`, capturing both streams through files
    /// (no pipe can fill up and block the child), and waits for it to finish. `environment` is
    /// added to (or overrides) this process's own; `standardInput` is what the program reads
    /// on standard input (nothing when `nil`).
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:], standardInput: Data? = nil) throws -> ProcessResult {
        let scratch = try TestPaths.temporaryDirectory("bpreport-process")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let standardInput {
            let inURL = scratch.appendingPathComponent("stdin")
            try standardInput.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let start = Date()
        try process.run()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        try outHandle.close()
        try errHandle.close()
        let out = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let err = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return ProcessResult(status: process.terminationStatus, standardOutput: out, standardError: err, seconds: seconds)
    }

    /// The built `bpreport` executable: `BPREPORT_EXECUTABLE` if set; else next to the running
    /// test bundle (SwiftPM puts products and test bundles in one folder); else the package's
    /// `.build/debug` (or `.build/<triple>/debug`, then release).
    public static func bpreportExecutable(filePath: String = #filePath) throws -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["BPREPORT_EXECUTABLE"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        if let main = Bundle.main.executableURL {
            // Linux: .build/debug/xxxPackageTests.xctest; macOS: .../xxxPackageTests.xctest/Contents/MacOS/xxx.
            var folder = main.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("bpreport"))
                folder = folder.deletingLastPathComponent()
            }
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("bpreport"))
        }
        let build = TestPaths.packageRoot(filePath: filePath).appendingPathComponent(".build")
        candidates.append(build.appendingPathComponent("debug/bpreport"))
        if let triples = try? fm.contentsOfDirectory(atPath: build.path) {
            for triple in triples.sorted() {
                candidates.append(build.appendingPathComponent("\(triple)/debug/bpreport"))
            }
        }
        candidates.append(build.appendingPathComponent("release/bpreport"))
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fm.isExecutableFile(atPath: candidate.path) {
                return candidate.standardizedFileURL
            }
        }
        throw Failure(description: "no built bpreport executable; looked at \(candidates.map(\.path)). Run `swift build` first.")
    }
}
