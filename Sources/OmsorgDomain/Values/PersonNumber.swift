/// A Danish person number (CPR-nummer), `DDMMYY-SSSS`.
///
/// The modulus-11 check is deliberately not applied: CPR has issued numbers that fail it since 2007.
/// Replacement numbers (erstatningspersonnumre, day + 60) are accepted; the synthetic population uses
/// them so that no generated number can belong to a real person.
public struct PersonNumber: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The ten digits read as one number (leading zeros dropped): a cheap key for millions of rows.
    public let value: UInt64
    public let birthDate: LocalDate
    public let isReplacementNumber: Bool

    public init(_ text: String) throws(ValidationError) {
        self = try Array(text.utf8).withUnsafeBufferPointer { bytes throws(ValidationError) in try PersonNumber(ascii: bytes) }
    }

    /// Parses ASCII bytes, for extracts of millions of rows where building a `String` per field is the
    /// cost. Concrete, not generic: a generic across modules runs unspecialised.
    public init(ascii bytes: UnsafeBufferPointer<UInt8>) throws(ValidationError) {
        var value: UInt64 = 0
        var count = 0
        var day = 0, month = 0, shortYear = 0, seventhDigit = 0
        for byte in bytes where byte != UInt8(ascii: "-") && byte != UInt8(ascii: " ") {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < 10 else {
                throw ValidationError("A person number has ten digits, written DDMMYY-SSSS.")
            }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch count {
            case 0, 1: day = day * 10 + digit
            case 2, 3: month = month * 10 + digit
            case 4, 5: shortYear = shortYear * 10 + digit
            case 6: seventhDigit = digit
            default: break
            }
            value = value * 10 + UInt64(digit)
            count += 1
        }
        guard count == 10 else { throw ValidationError("A person number has ten digits, written DDMMYY-SSSS.") }
        let replacement = day > 60
        if replacement { day -= 60 }
        let year = Self.century(shortYear: shortYear, seventhDigit: seventhDigit) + shortYear
        guard let date = LocalDate(year: year, month: month, day: day) else {
            throw ValidationError("The first six digits of a person number must be a valid date (DDMMYY).")
        }
        self.value = value
        self.birthDate = date
        self.isReplacementNumber = replacement
    }

    /// The ten digits without separator.
    public var digits: String { Self.digits(value) }

    /// The ten digits of a person number's `value`, with its leading zeros.
    public static func digits(_ value: UInt64) -> String {
        withDigits(value) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` over the ten ASCII digits of a `value`, leading zeros kept, on the stack: a country's
    /// pseudonyms are keyed from them without building a `String` each. Inlinable, so that callers
    /// in other modules get it specialised.
    @inlinable
    public static func withDigits<Result>(_ value: UInt64, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { digits in
            var rest = value
            for position in (0..<10).reversed() {
                digits[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            return body(UnsafeBufferPointer(digits))
        }
    }

    /// The century rule of the CPR office: the seventh digit and the two-digit year give the century.
    static func century(shortYear: Int, seventhDigit: Int) -> Int {
        switch seventhDigit {
        case 0...3: return 1900
        case 4, 9: return shortYear <= 36 ? 2000 : 1900
        default: return shortYear <= 57 ? 2000 : 1800
        }
    }

    public var isFemale: Bool { Int(String(digits.last!))! % 2 == 0 }

    public var description: String { "\(digits.prefix(6))-\(digits.suffix(4))" }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
