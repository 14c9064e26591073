import Crypto
import Foundation
import OmsorgDomain

/// Turns person numbers into stable pseudonyms with a keyed hash (HMAC-SHA-256), one key per
/// municipality derived from the service's secret. Without the secret a pseudonym cannot be traced
/// back by hashing all possible person numbers; the same person gets different pseudonyms in two
/// municipalities, so their detection data cannot be joined.
public struct Pseudonymiser: Sendable {
    /// HMAC keyed once (it keeps the hash states after the key's pads); each pseudonym continues a copy.
    private let keyed: HMAC<SHA256>

    public init(secret: String, municipalityCode: String) {
        let master = SymmetricKey(data: Data(secret.utf8))
        let derived = HMAC<SHA256>.authenticationCode(for: Data("omsorg-pseudonym:\(municipalityCode)".utf8), using: master)
        keyed = HMAC<SHA256>(key: SymmetricKey(data: Data(derived)))
    }

    /// The pseudonym of a person number (its `PersonNumber.value`).
    public func pseudonym(personNumber: UInt64) -> Pseudonym {
        PersonNumber.withDigits(personNumber) { pseudonym(of: UnsafeRawBufferPointer($0)) }
    }

    /// The pseudonyms of many person numbers, in order, computed on every core: a country's
    /// children take seconds on one.
    public func pseudonyms(personNumbers: [UInt64]) async throws -> [Pseudonym] {
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount), size = max(1, (personNumbers.count + parts - 1) / parts)
        let chunks = stride(from: 0, to: personNumbers.count, by: size).map { Array(personNumbers[$0..<min($0 + size, personNumbers.count)]) }
        return try await concurrently(chunks) { $0.map(pseudonym(personNumber:)) }.flatMap { $0 }
    }

    /// 128 bits: collisions are out of reach for any population.
    public func pseudonym(_ value: String) -> Pseudonym {
        var value = value
        return value.withUTF8 { pseudonym(of: UnsafeRawBufferPointer($0)) }
    }

    private func pseudonym(of bytes: UnsafeRawBufferPointer) -> Pseudonym {
        var hmac = keyed
        hmac.update(data: bytes)
        return hmac.finalize().withUnsafeBytes { code in
            Pseudonym(high: UInt64(bigEndian: code.loadUnaligned(as: UInt64.self)),
                      low: UInt64(bigEndian: code.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }
}
