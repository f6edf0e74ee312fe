import BPMarkdown

/// The bytes of a text being written, for the writers that build their output from many small
/// pieces (MathML, TeX math, SVG). Appending to a `String` checks its form and capacity on every
/// call, about 60 instructions for a three-byte tag, and an `Array`'s generic append about as
/// many; here a literal is a capacity check and a copy of its bytes. Not copyable: it owns its
/// memory, and a writer only ever passes it on `inout`.
struct TextBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    /// The number of bytes written.
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The text written so far.
    var text: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// The bytes written so far.
    var utf8: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// Room for `extra` more bytes. Inlined: it runs for every piece appended.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toFit: extra) }
    }

    /// Doubles the capacity until `extra` more bytes fit.
    @inline(never)
    private mutating func grow(toFit extra: Int) {
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.update(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress, !source.isEmpty else { return }
        reserve(source.count)
        (start + count).update(from: base, count: source.count)
        count += source.count
    }

    mutating func append(byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    /// Appends a literal: chosen over the `String` overload for literals.
    @inline(__always)
    static func += (buffer: inout TextBuffer, literal: StaticString) {
        literal.withUTF8Buffer { buffer.append($0) }
    }

    @_disfavoredOverload
    static func += (buffer: inout TextBuffer, text: String) {
        var text = text
        text.withUTF8 { buffer.append($0) }
    }

    static func += (buffer: inout TextBuffer, other: borrowing TextBuffer) {
        buffer.append(UnsafeBufferPointer(start: other.start, count: other.count))
    }

    /// Appends the decimal digits of `value`, with a minus sign when negative.
    mutating func append(decimal value: Int) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1, power: UInt = 10
        while power <= magnitude, digits < 19 { digits += 1; power *= 10 }
        reserve(digits)
        for index in stride(from: count + digits - 1, through: count, by: -1) {
            start[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }

    /// Appends `text` with `&`, `<`, `>` and `"` as entities (`HTMLText.entity(for:)`), without
    /// a string between.
    mutating func appendEscapingHTML(_ text: String) {
        var text = text
        text.withUTF8 { appendEscapingHTML($0) }
    }

    /// Appends another buffer's text with `&`, `<`, `>` and `"` as entities.
    mutating func appendEscapingHTML(_ other: borrowing TextBuffer) {
        appendEscapingHTML(UnsafeBufferPointer(start: other.start, count: other.count))
    }

    private mutating func appendEscapingHTML(_ source: UnsafeBufferPointer<UInt8>) {
        // Runs of plain bytes copied whole, an entity between them.
        var plain = 0
        for (index, byte) in source.enumerated() {
            guard let entity = HTMLText.entity(for: byte) else { continue }
            append(UnsafeBufferPointer(rebasing: source[plain..<index]))
            self += entity
            plain = index + 1
        }
        append(UnsafeBufferPointer(rebasing: source[plain...]))
    }

    /// Whether the bytes from `offset` on start with `prefix`.
    func has(_ prefix: StaticString, at offset: Int) -> Bool {
        prefix.withUTF8Buffer { prefix in
            count - offset >= prefix.count && UnsafeBufferPointer(start: start + offset, count: prefix.count).elementsEqual(prefix)
        }
    }

    /// Inserts `other`'s bytes at `offset`, moving what follows along.
    mutating func insert(_ other: borrowing TextBuffer, at offset: Int) {
        precondition(offset >= 0 && offset <= count)
        reserve(other.count)
        (start + offset + other.count).update(from: start + offset, count: count - offset)
        (start + offset).update(from: other.start, count: other.count)
        count += other.count
    }

    /// Drops the bytes from `offset` on.
    mutating func truncate(to offset: Int) {
        precondition(offset >= 0 && offset <= count)
        count = offset
    }
}
