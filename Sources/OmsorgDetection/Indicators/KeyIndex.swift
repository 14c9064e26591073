/// A dataset's key, with the map it finds people by.
public protocol DatasetKey: Hashable, Sendable {
    associatedtype Index: KeyIndex where Index.Key == Self
}

/// From a person's key to their index in a dataset.
public protocol KeyIndex: Sendable {
    associatedtype Key
    init()
    var isEmpty: Bool { get }
    mutating func reserveCapacity(_ count: Int)
    subscript(key: Key) -> Int32? { get }
    /// Maps a new `key` to `value`; a known key keeps its index, which is returned.
    mutating func insert(_ key: Key, _ value: Int32) -> Int32?
}

extension String: DatasetKey {
    public typealias Index = DictionaryIndex<String>
}

/// Person numbers (`PersonNumber.value`) get a flat table of their own.
extension UInt64: DatasetKey {
    public typealias Index = PersonNumberIndex
}

public struct DictionaryIndex<Key: Hashable & Sendable>: KeyIndex {
    private var storage: [Key: Int32] = [:]

    public init() {}

    public var isEmpty: Bool { storage.isEmpty }

    public mutating func reserveCapacity(_ count: Int) { storage.reserveCapacity(count) }

    public subscript(key: Key) -> Int32? { storage[key] }

    public mutating func insert(_ key: Key, _ value: Int32) -> Int32? {
        // One hash for a new key, the usual case.
        guard let existing = storage.updateValue(value, forKey: key) else { return nil }
        storage[key] = existing
        return existing
    }
}

/// Open addressing with linear probing and Fibonacci hashing, at most half full, each slot a key
/// and its index packed into one word. Swift's `Dictionary` hashes with SipHash, built to withstand
/// keys chosen by an attacker, and keeps keys and values apart; these keys are the municipality's own
/// person numbers, and at a country's tens of millions of lookups, each a cache miss, one word per
/// slot halves the misses.
public struct PersonNumberIndex: KeyIndex {
    /// A ten-digit number takes 34 bits, leaving 30 for the index.
    private static let valueBits: UInt64 = 30, valueMask: UInt64 = (1 << 30) - 1
    /// No ten-digit number has these high bits, so this marks an empty slot.
    private static let empty = UInt64.max
    private var slots: [UInt64] = []
    private var shift: UInt64 = 64
    public private(set) var count = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    public mutating func reserveCapacity(_ count: Int) {
        if 2 * count > slots.count { rehash(slots: Self.slots(for: count)) }
    }

    public subscript(key: UInt64) -> Int32? {
        guard count > 0 else { return nil }
        return value(in: slot(of: key))
    }

    public mutating func insert(_ key: UInt64, _ value: Int32) -> Int32? {
        precondition(key < 1 << (64 - Self.valueBits) - 1 && value >= 0, "not a person number and its index")
        if 2 * (count + 1) > slots.count { rehash(slots: Self.slots(for: count + 1)) }
        let slot = self.slot(of: key)
        if let existing = self.value(in: slot) { return existing }
        slots[slot] = key << Self.valueBits | UInt64(value)
        count += 1
        return nil
    }

    /// The slot that holds `key`, or the empty slot where it belongs.
    private func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot] != Self.empty && slots[slot] >> Self.valueBits != key { slot = (slot + 1) & (slots.count - 1) }
        return slot
    }

    private func value(in slot: Int) -> Int32? {
        slots[slot] == Self.empty ? nil : Int32(slots[slot] & Self.valueMask)
    }

    /// A power of two at least twice `count`.
    private static func slots(for count: Int) -> Int { max(16, (2 * count - 1).nextPowerOfTwo) }

    private mutating func rehash(slots count: Int) {
        let old = slots
        slots = Array(repeating: Self.empty, count: count)
        shift = UInt64(64 - count.trailingZeroBitCount)
        self.count = 0
        for packed in old where packed != Self.empty { _ = insert(packed >> Self.valueBits, Int32(packed & Self.valueMask)) }
    }
}

extension Int {
    fileprivate var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
