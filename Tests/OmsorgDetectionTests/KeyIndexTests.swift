import Testing
@testable import OmsorgDetection

@Suite("Key index")
struct KeyIndexTests {
    /// The flat table answers as a dictionary does, through many regrowths, for keys up to the
    /// largest ten-digit number and indices that need all 30 bits.
    @Test func thePersonNumberTableAgreesWithADictionary() {
        var generator = SystemRandomNumberGenerator()
        let largestIndex: Int32 = (1 << 30) - 1
        var table = PersonNumberIndex(), dictionary: [UInt64: Int32] = [:]
        let keys = (0..<50_000).map { _ in UInt64.random(in: 0...9_999_999_999, using: &generator) } + [0, 9_999_999_999]
        for (position, key) in keys.enumerated() {
            let value = position == keys.count - 1 ? largestIndex : Int32(position)
            let existing = dictionary[key]
            if existing == nil { dictionary[key] = value }
            #expect(table.insert(key, value) == existing)
        }
        #expect(table.count == dictionary.count)
        #expect(dictionary.allSatisfy { table[$0.key] == $0.value })
        #expect(table[9_999_999_999] == largestIndex)
        #expect((0..<1000).map { _ in UInt64.random(in: 0...9_999_999_999) }.allSatisfy { table[$0] == dictionary[$0] })
    }

    @Test func anEmptyTableFindsNothing() {
        var table = PersonNumberIndex()
        #expect(table.isEmpty && table[1] == nil)
        table.reserveCapacity(100)
        #expect(table.isEmpty && table[1] == nil)
        #expect(table.insert(1, 7) == nil && table.insert(1, 8) == 7 && table[1] == 7)
    }
}
