import Foundation

/// Without libFuzzer (a plain `swift build`), a fuzz target is a replayer: it runs each file
/// named on its command line once, which is how a crash file is reproduced in a debugger.
public enum FuzzReplay {
    public static func main(_ body: FuzzBody, arguments: [String] = CommandLine.arguments) {
        let paths = arguments.dropFirst()
        if paths.isEmpty {
            FileHandle.standardError.write(Data("usage: \(body.rawValue) FILE...  (runs each input once; Fuzz/run fuzzes)\n".utf8))
            exit(64)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
                exit(66)
            }
            body.run(String(decoding: data, as: UTF8.self))
            print("\(path): ok")
        }
    }
}
