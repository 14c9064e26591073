import Foundation
import OmsorgDomain

/// Comma-separated values as the municipalities' systems export them (RFC 4180: quoted fields may
/// hold commas, quotes doubled, CRLF or LF line ends; a record is one line). Works on the file's
/// bytes in place: extracts run to millions of rows.
public enum CSV {
    /// A field's bytes, valid only while the callback that is handed it runs. Buffer pointers rather
    /// than array slices: a slice retains its array, and at tens of millions of fields the reference
    /// counting was a tenth of a national run.
    public typealias Field = UnsafeBufferPointer<UInt8>

    /// Calls `row` with each non-empty record's 1-based line number and its fields.
    /// Bytes, not `String`s: a `String` treats CR LF as one character. A UTF-8 byte-order mark, which
    /// spreadsheet programs write before the header, is skipped.
    public static func forEachRecord(in data: Data, _ row: (Int, [Field]) throws -> Void) rethrows {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var fields: [Field] = []
            var line = 0
            var start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
            while start < bytes.count {
                let end = lineEnd(in: bytes, from: start)
                line += 1
                var last = end
                if last > start && bytes[last - 1] == carriageReturn { last -= 1 }
                if last > start {
                    let record = Field(rebasing: bytes[start..<last])
                    if memchr(record.baseAddress!, Int32(quote), record.count) == nil {
                        split(record, into: &fields)
                        try row(line, fields)
                    } else {
                        try unquoted(record, into: &fields) { try row(line, $0) }
                    }
                }
                start = end + 1
            }
        }
    }

    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, let found = memchr(base + start, Int32(newline), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func split(_ record: Field, into fields: inout [Field]) {
        fields.removeAll(keepingCapacity: true)
        var start = 0
        for index in 0..<record.count where record[index] == comma {
            fields.append(Field(rebasing: record[start..<index]))
            start = index + 1
        }
        fields.append(Field(rebasing: record[start...]))
    }

    /// A record with quotes: its fields are unquoted into a scratch buffer that lives for the callback.
    private static func unquoted(_ record: Field, into fields: inout [Field], _ body: ([Field]) throws -> Void) rethrows {
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: record.count)
        defer { scratch.deallocate() }
        fields.removeAll(keepingCapacity: true)
        var written = 0, fieldStart = 0, quoted = false, index = 0
        while index < record.count {
            let byte = record[index]
            if quoted && byte == quote && index + 1 < record.count && record[index + 1] == quote {
                index += 1
            } else if byte == quote {
                quoted.toggle()
                index += 1
                continue
            } else if !quoted && byte == comma {
                fields.append(Field(rebasing: scratch[fieldStart..<written]))
                fieldStart = written
                index += 1
                continue
            }
            scratch[written] = record[index]
            written += 1
            index += 1
        }
        fields.append(Field(rebasing: scratch[fieldStart..<written]))
        try body(fields)
    }

    /// The field without surrounding spaces.
    static func trimmed(_ field: Field) -> Field {
        var start = 0, end = field.count
        while start < end && field[start] == UInt8(ascii: " ") { start += 1 }
        while end > start && field[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return Field(rebasing: field[start..<end])
    }

    public static func text(_ field: Field) -> String { String(decoding: field, as: UTF8.self) }
}

/// Writes CSV into a byte buffer flushed to the file in large blocks, with typed fields so that
/// millions of dates are written without string formatting. A non-copyable struct rather than a
/// class: its buffer is appended to byte by byte, and a class's stored property pays a runtime
/// exclusivity check on every append.
public struct CSVWriter: ~Copyable {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var atRowStart = true

    public init(url: URL, header: [String]) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 21)
        for name in header { text(name) }
        endRow()
    }

    public mutating func text(_ value: String) {
        separate()
        buffer.append(contentsOf: value.utf8)
    }

    public mutating func int(_ value: Int) {
        separate()
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude, width = 1
        while magnitude >= 10 { magnitude /= 10; width += 1 }
        digits(value.magnitude, width)
    }

    /// `YYYY-MM-DD` for a day number, or an empty field for `ParsedExtract.noDate`.
    public mutating func date(_ day: Int32) {
        separate()
        guard day != ParsedExtract.noDate else { return }
        let date = LocalDate(daysSinceEpoch: Int(day))
        digits(UInt(date.year), 4); dash(); digits(UInt(date.month), 2); dash(); digits(UInt(date.day), 2)
    }

    /// `YYYY-MM`.
    public mutating func month(_ day: Int32) {
        separate()
        let date = LocalDate(daysSinceEpoch: Int(day))
        digits(UInt(date.year), 4); dash(); digits(UInt(date.month), 2)
    }

    public mutating func endRow() {
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
        if buffer.count > 1 << 21 { flush() }
    }

    public consuming func close() throws {
        flush()
        try handle.close()
    }

    private mutating func separate() {
        if !atRowStart { buffer.append(UInt8(ascii: ",")) }
        atRowStart = false
    }

    private mutating func dash() { buffer.append(UInt8(ascii: "-")) }

    /// `value`'s last `width` decimal digits, with leading zeros.
    private mutating func digits(_ value: UInt, _ width: Int) {
        var divisor: UInt = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / divisor % 10))
            divisor /= 10
        }
    }

    private mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
