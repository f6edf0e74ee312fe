/// `--shard K/N`: the K-th of N deterministic shares of a render's inputs, so that N CI jobs
/// build one course between them. Input i (in the order discovery gives, the same on every
/// machine) goes to share i mod N + 1: shares differ in size by one input at most, and each
/// folder's pages spread over the jobs.
struct Shard: Equatable {
    /// From 1 to ``count``.
    let index: Int
    let count: Int

    /// Reads `K/N`, 1 ≤ K ≤ N.
    static func parse(_ text: String) throws(UsageError) -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            throw UsageError("--shard takes K/N, the K-th of N shares with 1 ≤ K ≤ N (such as 3/8), not '\(text)'")
        }
        return Shard(index: index, count: count)
    }

    /// Whether the input at `position` of the full list is in this share.
    func contains(position: Int) -> Bool {
        position % count == index - 1
    }

    /// Where a share lists the pages it rendered, under `--output`, for `--indexes-only`.
    static let manifestFolder = ".bpreport-shards"

    var manifestName: String { "\(index)-of-\(count).json" }
}
