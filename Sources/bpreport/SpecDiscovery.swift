import Foundation

/// Expands the command line's paths into spec files: files as given, folders to the specs
/// directly inside them, sorted so that output order never depends on the file system.
enum SpecDiscovery {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    static func specFiles(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure("\(path): no such file or folder")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: path)
                .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
                .sorted()
            if names.isEmpty { throw CommandFailure("\(path): no specs (.yaml, .yml, .json) in this folder") }
            files += names.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}
