import BPTestSupport
import Foundation
import Testing

/// A page opened in headless Chromium with a probe script before `</body>`: what the probe
/// wrote into its `<pre id="…">`, read back from the DOM Chromium dumps.
enum PageProbe {
    /// The probe's text (HTML entities undone) for `html` written to `folder/name`, in a window
    /// `width` x `height`.
    static func text(_ html: String, probe: String, in folder: URL, name: String, width: Int = 800, height: Int = 1400,
                     id: String = "bp-probe") throws -> String {
        let page = folder.appendingPathComponent(name)
        try Data(html.replacingOccurrences(of: "</body>", with: probe + "\n</body>").utf8).write(to: page)
        let result = try ProcessRunner.run(try BrowserTests.chromium(), [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--window-size=\(width),\(height)", "--dump-dom", page.absoluteString,
        ])
        #expect(result.status == 0, "chromium failed: \(result.standardError.suffix(500))")
        let dom = result.standardOutput
        let start = try #require(dom.range(of: "<pre id=\"\(id)\">"), "the probe did not run")
        let end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        return dom[start.upperBound..<end.lowerBound]
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The probe's JSON decoded as `T`.
    static func decode<T: Decodable>(_ type: T.Type, _ html: String, probe: String, in folder: URL, name: String,
                                     width: Int = 800) throws -> T {
        let json = try text(html, probe: probe, in: folder, name: name, width: width)
        return try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }
}
