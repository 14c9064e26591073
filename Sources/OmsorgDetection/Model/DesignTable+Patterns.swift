extension DesignTable {
    /// The distinct rows of the table (covariates and outcome together), each once, weighted by the
    /// observations it stands for, in the order first seen. A logistic fit over them is the fit over
    /// the table: its log-likelihood and derivatives are sums of one term per row, and identical
    /// rows have identical terms. An indicator table of a million children has a few thousand
    /// patterns. Nil when there are more than `limit`: then merging would not pay.
    public func distinctPatterns(limit: Int) -> DesignTable? {
        let n = rowCount, columns = columnCount, width = columns + 1
        guard n > 0 else { return self }
        // Each row's hash, built column by column so that every pass reads memory in order, a block
        // of rows at a time: a table with too many patterns is given up on after its first blocks.
        var hashes = [UInt64](repeating: 0, count: Self.hashBlock)
        func hash(block rows: Range<Int>) {
            for i in 0..<rows.count { hashes[i] = 0xcbf2_9ce4_8422_2325 }
            func mix(_ column: UnsafePointer<Double>) {
                for i in 0..<rows.count {
                    // + 0 makes −0 into 0, which compare equal and should hash alike.
                    hashes[i] = (hashes[i] ^ (column[rows.lowerBound + i] + 0).bitPattern) &* 0x0000_0100_0000_01b3
                    hashes[i] ^= hashes[i] >> 29
                }
            }
            values.withUnsafeBufferPointer { x in for j in 0..<columns { mix(x.baseAddress! + j * n) } }
            outcome.withUnsafeBufferPointer { mix($0.baseAddress!) }
        }

        var capacity = 16
        while capacity < 2 * min(limit, n) { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        // Pattern p's values (covariates, then outcome) are patternValues[p * width ..< (p + 1) * width]:
        // row-major, so that the comparison of a row with a pattern reads one short run.
        var patternValues: [Double] = [], patternHashes: [UInt64] = [], patternWeights: [Double] = []
        let found: Bool = values.withUnsafeBufferPointer { x in
            outcome.withUnsafeBufferPointer { y in
                for i in 0..<n {
                    if i % Self.hashBlock == 0 { hash(block: i..<min(n, i + Self.hashBlock)) }
                    let hash = hashes[i % Self.hashBlock]
                    var slot = Int(truncatingIfNeeded: (hash ^ (hash >> 32)) & UInt64(mask))
                    while true {
                        let pattern = Int(slots[slot])
                        if pattern < 0 {
                            guard patternHashes.count < limit else { return false }
                            slots[slot] = Int32(patternHashes.count)
                            for j in 0..<columns { patternValues.append(x[j * n + i]) }
                            patternValues.append(y[i])
                            patternHashes.append(hash)
                            patternWeights.append(weights?[i] ?? 1)
                            break
                        }
                        if patternHashes[pattern] == hash, Self.row(i, of: x, y, n, columns, equals: patternValues, at: pattern * width) {
                            patternWeights[pattern] += weights?[i] ?? 1
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
                return true
            }
        }
        guard found else { return nil }
        let count = patternHashes.count
        var columnMajor = [Double](repeating: 0, count: count * columns)
        var patternOutcome = [Double](repeating: 0, count: count)
        for pattern in 0..<count {
            for j in 0..<columns { columnMajor[j * count + pattern] = patternValues[pattern * width + j] }
            patternOutcome[pattern] = patternValues[pattern * width + columns]
        }
        return DesignTable(columnNames: columnNames, values: columnMajor, outcome: patternOutcome, weights: patternWeights)
    }

    private static let hashBlock = 4_096

    /// Whether every covariate is a whole number: the tables whose rows repeat (indicators, counts).
    public var isIntegral: Bool {
        values.allSatisfy { $0 == $0.rounded(.towardZero) }
    }

    private static func row(_ i: Int, of x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>, _ n: Int, _ columns: Int,
                            equals patterns: [Double], at offset: Int) -> Bool {
        for j in 0..<columns where x[j * n + i] != patterns[offset + j] { return false }
        return y[i] == patterns[offset + columns]
    }
}
