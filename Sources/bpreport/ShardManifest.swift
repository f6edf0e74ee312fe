import Foundation

/// What one `--shard` job rendered, written into the site (`.bpreport-shards/K-of-N.json`) so
/// that `--indexes-only` can write the site's indexes once from every share's pages.
struct ShardManifest: Codable, Equatable {
    struct Page: Codable, Equatable {
        /// The input's place in the full list, so merged pages keep the unsharded order.
        var position: Int
        var page: SiteRenderer.IndexedPage
    }

    var shard: Int
    var of: Int
    /// The render's formats and modes: the indexes link what the shards wrote.
    var formats: [String]
    var modes: [String]
    var pages: [Page]

    /// Sorted keys, so the same share writes the same bytes.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings and integers only: encoding cannot fail.
        return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    /// Every share's manifest in `site`, checked to be one whole set for these formats and
    /// modes; the pages in the order an unsharded render lists them.
    static func merged(in site: String, formats: [String], modes: [String]) throws -> (pages: [SiteRenderer.IndexedPage], folder: String) {
        let folder = (site as NSString).appendingPathComponent(Shard.manifestFolder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else {
            throw CommandFailure("\(folder): no shard lists its pages here; render the shares first (render ... --output \(site) --shard K/N), then --indexes-only",
                                 status: .badInput)
        }
        var manifests: [ShardManifest] = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path),
                  let manifest = try? JSONDecoder().decode(ShardManifest.self, from: data) else {
                throw CommandFailure("\(path): not a shard's list of pages (written by render --shard); render that share again", status: .badInput)
            }
            manifests.append(manifest)
        }
        let count = manifests[0].of
        if let other = manifests.first(where: { $0.of != count }) {
            throw CommandFailure("\(folder): shares of different splits (\(count) and \(other.of)); render every share of one split into a fresh folder",
                                 status: .badInput)
        }
        let present = manifests.map(\.shard)
        let missing = (1...count).filter { !present.contains($0) }
        if !missing.isEmpty {
            throw CommandFailure("\(folder): share\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing; "
                                 + "every one of the \(count) must render before --indexes-only", status: .badInput)
        }
        if let other = manifests.first(where: { $0.formats != formats || $0.modes != modes }) {
            throw CommandFailure("\(folder): share \(other.shard)/\(count) rendered --to \(other.formats.joined(separator: ",")) --mode \(other.modes.joined(separator: ",")), "
                                 + "but this is --to \(formats.joined(separator: ",")) --mode \(modes.joined(separator: ",")); give --indexes-only the shares' options",
                                 status: .usage)
        }
        let pages = manifests.flatMap(\.pages).sorted { $0.position < $1.position }.map(\.page)
        return (pages, folder)
    }
}
