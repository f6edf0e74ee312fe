import FoundationEssentials

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
    /// Every input of the whole render (not only this share's), by its place in the site
    /// (`week1/p1.yaml`): --indexes-only checks its own paths find the same inputs.
    var inputs: [String]
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
    static func merged(in site: String, formats: [String], modes: [String], inputs: [String]) throws -> (pages: [SiteRenderer.IndexedPage], folder: String) {
        let folder = PathText.appending(site, Shard.manifestFolder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else {
            throw CommandFailure("\(folder): no shard lists its pages here; render the shares first (render ... --output \(site) --shard K/N), then --indexes-only "
                                 + "(which removes the lists: if it has run, the site is complete)", status: .badInput)
        }
        var manifests: [ShardManifest] = []
        for name in names {
            let path = PathText.appending(folder, name)
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
        func options(_ manifest: ShardManifest) -> String {
            "--to \(manifest.formats.joined(separator: ",")) --mode \(manifest.modes.joined(separator: ","))"
        }
        let first = manifests[0]
        if let other = manifests.first(where: { $0.formats != first.formats || $0.modes != first.modes }) {
            throw CommandFailure("\(folder): the shares disagree: \(first.shard)/\(count) rendered \(options(first)), \(other.shard)/\(count) \(options(other)); "
                                 + "render every share with the same options", status: .badInput)
        }
        if first.formats != formats || first.modes != modes {
            throw CommandFailure("\(folder): the shares rendered \(options(first)), but this is --to \(formats.joined(separator: ",")) --mode \(modes.joined(separator: ",")); "
                                 + "give --indexes-only the shares' options", status: .usage)
        }
        // The shares and this step must have read the same inputs, or the indexes would list a
        // site that is not there (a spec added between two shares, a share given other paths).
        if let other = manifests.first(where: { $0.inputs != first.inputs }) {
            throw CommandFailure("\(folder): the shares disagree on the inputs: \(first.shard)/\(count) found \(first.inputs.count), \(other.shard)/\(count) \(other.inputs.count)"
                                 + Self.difference(first.inputs, other.inputs) + "; render every share from the same paths and the same tree", status: .badInput)
        }
        if first.inputs != inputs {
            throw CommandFailure("\(folder): the shares found \(first.inputs.count) inputs, these paths \(inputs.count)" + Self.difference(first.inputs, inputs)
                                 + "; give --indexes-only the shares' paths, or render the shares again", status: .badInput)
        }
        let pages = manifests.flatMap(\.pages).sorted { $0.position < $1.position }.map(\.page)
        return (pages, folder)
    }

    /// `(only in the first: a.yaml; only in the second: b.yaml)`, the first few of each.
    static func difference(_ first: [String], _ second: [String]) -> String {
        let a = Set(first), b = Set(second)
        func few(_ names: [String]) -> String { names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "") }
        var parts: [String] = []
        let onlyFirst = first.filter { !b.contains($0) }, onlySecond = second.filter { !a.contains($0) }
        if !onlyFirst.isEmpty { parts.append("only in the first: " + few(onlyFirst)) }
        if !onlySecond.isEmpty { parts.append("only in the second: " + few(onlySecond)) }
        return parts.isEmpty ? " (in another order)" : " (" + parts.joined(separator: "; ") + ")"
    }
}
