import Foundation
import OmsorgDomain

/// Comma-separated values as the municipalities' systems export them (RFC 4180: quoted fields may
/// hold commas, quotes doubled, CRLF or LF line ends). Works on bytes: extracts run to millions of rows.
public enum CSV {
    /// Calls `row` with each record's 1-based line number and fields.
    public static func forEachRecord(in data: Data, _ row: (Int, [Substring]) throws -> Void) rethrows {
        let text = String(decoding: data, as: UTF8.self)
        var line = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let record = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if record.isEmpty { continue }
            try row(line, fields(of: record))
        }
    }

    static func fields(of record: Substring) -> [Substring] {
        guard record.contains("\"") else { return record.split(separator: ",", omittingEmptySubsequences: false) }
        var result: [Substring] = []
        var current = ""
        var quoted = false
        var index = record.startIndex
        while index < record.endIndex {
            let character = record[index]
            if quoted {
                if character == "\"" {
                    let next = record.index(after: index)
                    if next < record.endIndex && record[next] == "\"" { current.append("\""); index = next } else { quoted = false }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                result.append(Substring(current))
                current = ""
            } else {
                current.append(character)
            }
            index = record.index(after: index)
        }
        result.append(Substring(current))
        return result
    }
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
