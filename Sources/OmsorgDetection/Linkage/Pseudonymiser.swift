import Crypto
import Foundation

/// Turns person numbers into stable pseudonyms with a keyed hash (HMAC-SHA-256), one key per
/// municipality derived from the service's secret. Without the secret a pseudonym cannot be traced
/// back by hashing all possible person numbers; the same person gets different pseudonyms in two
/// municipalities, so their detection data cannot be joined.
public struct Pseudonymiser: Sendable {
    private let key: SymmetricKey

    public init(secret: String, municipalityCode: String) {
        let master = SymmetricKey(data: Data(secret.utf8))
        let derived = HMAC<SHA256>.authenticationCode(for: Data("omsorg-pseudonym:\(municipalityCode)".utf8), using: master)
        key = SymmetricKey(data: Data(derived))
    }

    /// 32 hexadecimal characters (128 bits): collisions are out of reach for any population.
    public func pseudonym(_ value: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key)
        var hex = [UInt8](repeating: 0, count: 32)
        for (index, byte) in code.prefix(16).enumerated() {
            hex[2 * index] = Self.digits[Int(byte >> 4)]
            hex[2 * index + 1] = Self.digits[Int(byte & 0x0F)]
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
