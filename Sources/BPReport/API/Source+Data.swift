import BPSpec
import FoundationEssentials

extension Source {
    /// A source from bytes, as a file or a request holds them: UTF-8, after a byte order mark
    /// if there is one (editors on Windows write it). Anything else is refused before it is
    /// read, at its first bad byte, rather than decoded with replacement characters that would
    /// become numbers or names nobody wrote.
    public init(name: String, label: String? = nil, data: Data, kind: Kind = .spec) throws(SourceTextError) {
        let text: String
        switch UTF8Text.decode(data) {
        case let .success(decoded): text = decoded
        case let .failure(bad): throw SourceTextError(label: label, offset: bad.offset, byte: bad.byte)
        }
        self.init(name: name, label: label, text: text, kind: kind)
    }
}
