/// A person's pseudonym: the first 128 bits of a keyed hash (`Pseudonymiser`), written as 32
/// lowercase hexadecimal digits. Two words rather than a `String`: a municipality's detection data
/// names millions of people, and hashing and comparing heap-allocated strings was most of the time
/// taken to load them.
public struct Pseudonym: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        (self.high, self.low) = (high, low)
    }

    /// 32 hexadecimal digits, as `description` writes them; nil for anything else.
    public init?(hex bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 32, let high = Self.word(bytes, from: 0), let low = Self.word(bytes, from: 16) else { return nil }
        (self.high, self.low) = (high, low)
    }

    public init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Pseudonym(hex: $0) }) else { return nil }
        self = parsed
    }

    public var description: String {
        String(unsafeUninitializedCapacity: 32) { out in
            for (offset, word) in [(0, high), (16, low)] {
                for digit in 0..<16 { out[offset + digit] = Self.digits[Int(word >> UInt64(60 - 4 * digit) & 0xF)] }
            }
            return 32
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64? {
        var word: UInt64 = 0
        for byte in bytes[start..<start + 16] {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            word = word << 4 | UInt64(value)
        }
        return word
    }
}

extension Pseudonym: DatasetKey {
    public typealias Index = DictionaryIndex<Pseudonym>
}
