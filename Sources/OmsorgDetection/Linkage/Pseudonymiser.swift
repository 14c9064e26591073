import Crypto
import Foundation
import OmsorgDomain
import Synchronization

/// Turns person numbers into stable pseudonyms with a keyed hash (HMAC-SHA-256), one key per
/// municipality derived from the service's secret. Without the secret a pseudonym cannot be traced
/// back by hashing all possible person numbers; the same person gets different pseudonyms in two
/// municipalities, so their detection data cannot be joined.
public final class Pseudonymiser: Sendable {
    /// HMAC keyed once; each pseudonym continues a copy, sparing the key set-up per person.
    private let keyed: HMAC<SHA256>
    /// The extracts of one delivery name the same people again and again.
    private let known = Mutex<[UInt64: String]>([:])

    public init(secret: String, municipalityCode: String) {
        let master = SymmetricKey(data: Data(secret.utf8))
        let derived = HMAC<SHA256>.authenticationCode(for: Data("omsorg-pseudonym:\(municipalityCode)".utf8), using: master)
        keyed = HMAC<SHA256>(key: SymmetricKey(data: Data(derived)))
    }

    /// The pseudonym of a person number (its `PersonNumber.value`), computed once per person.
    public func pseudonym(personNumber: UInt64) -> String {
        if let cached = known.withLock({ $0[personNumber] }) { return cached }
        let computed = pseudonym(PersonNumber.digits(personNumber))
        known.withLock { $0[personNumber] = computed }
        return computed
    }

    /// 32 hexadecimal characters (128 bits): collisions are out of reach for any population.
    public func pseudonym(_ value: String) -> String {
        var hmac = keyed
        hmac.update(data: Data(value.utf8))
        let code = hmac.finalize()
        var hex = [UInt8](repeating: 0, count: 32)
        for (index, byte) in code.prefix(16).enumerated() {
            hex[2 * index] = Self.digits[Int(byte >> 4)]
            hex[2 * index + 1] = Self.digits[Int(byte & 0x0F)]
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
