import BPReport
import BPSpec
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input found on the command line: its path, the folder of the site its outputs go to
/// (relative to `--output`), and whether it is a spec or a notebook.
struct Input: Sendable {
    var path: String
    /// `""` for a file named on the command line; the sub-folder of a folder named there.
    var siteFolder: String
    var kind: Source.Kind

    /// How messages name the input: its path, or `<stdin>` for `-`.
    var label: String { StandardInput.label(of: path) }

    /// `p1` for `p1.yaml` and for `p1.nb.md`; `stdin` for standard input.
    var name: String {
        if path == StandardInput.path { return StandardInput.name }
        let file = PathText.lastComponent(path)
        if kind == .notebook { return String(file.dropLast(Self.notebookSuffix.count)) }
        return PathText.deletingPathExtension(file)
    }

    /// Where the input sits in a site, the same on every machine: `week1/p1.yaml`.
    var siteKey: String {
        let file = PathText.lastComponent(path)
        return siteFolder.isEmpty ? file : siteFolder + "/" + file
    }

    static let notebookSuffix = ".nb.md"
    static let specExtensions: Set<String> = ["yaml", "yml", "json"]

    /// A key of claimed values kept beside its spec (`p1.key.yaml` for `p1.yaml`): not a spec,
    /// so a folder's render leaves it out and `check --claims` reads it.
    static func isKey(_ file: String) -> Bool {
        let lower = PathText.lastComponent(file).lowercased()
        return specExtensions.contains { lower.hasSuffix(".key." + $0) }
    }

    /// The spec a key file is the key of: `p1.key.yaml` → `p1.yaml` beside it.
    static func spec(ofKey file: String) -> String {
        let ext = PathText.pathExtension(file)
        return PathText.deletingPathExtension(PathText.deletingPathExtension(file)) + "." + ext
    }

    static func kind(of file: String) -> Source.Kind? {
        if file.lowercased().hasSuffix(notebookSuffix) { return .notebook }
        return specExtensions.contains(PathText.pathExtension(file).lowercased()) ? .spec : nil
    }
}

/// Expands the command line's paths into inputs: files as given, folders to every spec and
/// notebook under them (hidden files and folders, keys (`*.key.yaml`) and the output folder
/// left out), sorted so
/// that output never depends on the file system's order. A file named twice (or by two paths,
/// `p.yaml` and `./p.yaml`, or through a link) is one input, the first time it is found.
enum InputDiscovery {
    static func inputs(in paths: [String], excluding output: String?) throws -> [Input] {
        var inputs: [Input] = []
        let excluded = output.map(PathText.standardized)
        for path in paths {
            if path == StandardInput.path {
                inputs.append(Input(path: path, siteFolder: "", kind: .spec))
                continue
            }
            var isDirectory = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure("\(path): no such file or folder", status: .badInput)
            }
            guard isDirectory else {
                if Input.isKey(path) {
                    throw CommandFailure("\(path): a key of claimed values, not a spec; check it with bpreport check \(Input.spec(ofKey: path)) --claims \(path)",
                                         status: .badInput)
                }
                guard let kind = Input.kind(of: path) else {
                    throw CommandFailure("\(path): not a spec (.yaml, .yml, .json) or a notebook (.nb.md)", status: .badInput)
                }
                inputs.append(Input(path: path, siteFolder: "", kind: kind))
                continue
            }
            let found = try walk(path, relative: "", excluding: excluded)
            if found.isEmpty { throw CommandFailure("\(path): no specs (.yaml, .yml, .json) or notebooks (.nb.md) in this folder", status: .badInput) }
            inputs += found
        }
        var seen: Set<String> = []
        return inputs.filter { seen.insert(identity(of: $0.path)).inserted }
    }

    /// What tells one file from another however it is named: its real path, links resolved.
    static func identity(of path: String) -> String {
        guard path != StandardInput.path, let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func walk(_ folder: String, relative: String, excluding excluded: String?) throws -> [Input] {
        if let excluded, PathText.standardized(folder) == excluded { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw CommandFailure("\(folder): cannot list the folder (\(SystemErrorReason.text(for: error)))", status: .badInput)
        }
        var files: [Input] = []
        var folders: [Input] = []
        for name in names {
            let path = PathText.appending(folder, name)
            var isDirectory = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory {
                folders += try walk(path, relative: relative.isEmpty ? name : relative + "/" + name, excluding: excluded)
            } else if !Input.isKey(name), let kind = Input.kind(of: name) {
                files.append(Input(path: path, siteFolder: relative, kind: kind))
            }
        }
        return files + folders
    }
}
