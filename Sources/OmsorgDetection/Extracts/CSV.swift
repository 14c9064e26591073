import Foundation
import OmsorgDomain

/// Comma-separated values as the municipalities' systems export them (RFC 4180: quoted fields may
/// hold commas, quotes doubled, CRLF or LF line ends). Works on bytes: extracts run to millions of rows.
public enum CSV {
    public typealias Field = ArraySlice<UInt8>

    /// Calls `row` with each non-empty record's 1-based line number and its fields as byte slices.
    /// Bytes, not `String`s: a `String` treats CR LF as one character, and extracts run to millions of
    /// rows, where building a string per field was most of the cost.
    public static func forEachRecord(in data: Data, _ row: (Int, [Field]) throws -> Void) rethrows {
        let bytes = [UInt8](data)
        var line = 0
        var start = 0
        var fields: [Field] = []
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: newline) ?? bytes.count
            line += 1
            var last = end
            if last > start && bytes[last - 1] == carriageReturn { last -= 1 }
            if last > start {
                split(bytes[start..<last], into: &fields)
                try row(line, fields)
            }
            start = end + 1
        }
    }

    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")

    static func split(_ record: Field, into fields: inout [Field]) {
        fields.removeAll(keepingCapacity: true)
        guard record.contains(quote) else {
            var start = record.startIndex
            for index in record.indices where record[index] == comma {
                fields.append(record[start..<index])
                start = index + 1
            }
            fields.append(record[start..<record.endIndex])
            return
        }
        var current: [UInt8] = []
        var quoted = false
        var index = record.startIndex
        while index < record.endIndex {
            let byte = record[index]
            if quoted {
                if byte == quote {
                    if index + 1 < record.endIndex && record[index + 1] == quote { current.append(quote); index += 1 } else { quoted = false }
                } else {
                    current.append(byte)
                }
            } else if byte == quote {
                quoted = true
            } else if byte == comma {
                fields.append(current[...])
                current = []
            } else {
                current.append(byte)
            }
            index += 1
        }
        fields.append(current[...])
    }

    /// The field without surrounding spaces.
    static func trimmed(_ field: Field) -> Field {
        var start = field.startIndex, end = field.endIndex
        while start < end && field[start] == UInt8(ascii: " ") { start += 1 }
        while end > start && field[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return field[start..<end]
    }

    static func text(_ field: Field) -> String { String(decoding: field, as: UTF8.self) }
}

/// Writes CSV into a byte buffer flushed to the file in large blocks, with typed fields so that
/// millions of dates are written without string formatting.
public final class CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var atRowStart = true

    public init(url: URL, header: [String]) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 21)
        header.forEach { text($0) }
        endRow()
    }

    public func text(_ value: String) {
        separate()
        buffer.append(contentsOf: value.utf8)
    }

    public func int(_ value: Int) {
        separate()
        buffer.append(contentsOf: String(value).utf8)
    }

    /// `YYYY-MM-DD` for a day number, or an empty field for `ParsedExtract.noDate`.
    public func date(_ day: Int32) {
        separate()
        guard day != ParsedExtract.noDate else { return }
        let date = LocalDate(daysSinceEpoch: Int(day))
        digits(date.year, 4); dash(); digits(date.month, 2); dash(); digits(date.day, 2)
    }

    /// `YYYY-MM`.
    public func month(_ day: Int32) {
        separate()
        let date = LocalDate(daysSinceEpoch: Int(day))
        digits(date.year, 4); dash(); digits(date.month, 2)
    }

    public func endRow() {
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
        if buffer.count > 1 << 21 { flush() }
    }

    public func close() throws {
        flush()
        try handle.close()
    }

    private func separate() {
        if !atRowStart { buffer.append(UInt8(ascii: ",")) }
        atRowStart = false
    }

    private func dash() { buffer.append(UInt8(ascii: "-")) }

    private func digits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
