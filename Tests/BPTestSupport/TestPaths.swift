import Foundation

/// Where the package and its fixtures are, found from a test's source file.
public enum TestPaths {
    /// The package root: the nearest folder above `filePath` that holds `Package.swift`.
    /// Pass `#filePath` from the test (the default is the caller's file).
    public static func packageRoot(filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
            url = url.deletingLastPathComponent()
        }
        fatalError("no Package.swift above \(filePath)")
    }

    /// `Tests/Fixtures/specs/NAME.yaml`.
    public static func fixtureSpec(_ name: String, filePath: String = #filePath) -> URL {
        packageRoot(filePath: filePath).appendingPathComponent("Tests/Fixtures/specs/\(name).yaml")
    }

    /// `Tests/Fixtures/traces/NAME.json`.
    public static func fixtureTrace(_ name: String, filePath: String = #filePath) -> URL {
        packageRoot(filePath: filePath).appendingPathComponent("Tests/Fixtures/traces/\(name).json")
    }

    /// `reports/NAME.yaml`.
    public static func report(_ name: String, filePath: String = #filePath) -> URL {
        packageRoot(filePath: filePath).appendingPathComponent("reports/\(name).yaml")
    }

    /// The names (without `.yaml`) of every spec in `Tests/Fixtures/specs`, sorted.
    public static func fixtureSpecNames(filePath: String = #filePath) -> [String] {
        let folder = packageRoot(filePath: filePath).appendingPathComponent("Tests/Fixtures/specs")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// A fresh empty folder under the system's temporary directory.
    public static func temporaryDirectory(_ label: String = "bpreport-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Reads a UTF-8 text file.
    public static func text(of url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}

extension TestPaths {
    /// Every regular file under `folder` (hidden ones too), by path relative to it.
    public static func files(under folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return out }
        for case let url as URL in walker {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
            }
        }
        return out
    }
}
