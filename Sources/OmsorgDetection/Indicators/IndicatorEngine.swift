import Dispatch
import OmsorgDomain

/// One row per child, one 0/1 column per indicator, and the outcome where it is known.
public struct IndicatorTable: Sendable, Equatable {
    public let asOf: LocalDate
    public let definitions: [IndicatorDefinition]
    /// Person index of each child row.
    public let children: [Int32]
    /// `values[i][row]` is indicator `i` for child `row`.
    public let values: [[UInt8]]
    /// 1 when a report of concern followed within the outcome window, 0 when none did, nil when the
    /// data do not yet reach the window's end.
    public let outcome: [UInt8]?
}

/// Computes indicators for every child as of a reference date, on columns, in one pass per
/// indicator, the indicators spread over the cores.
public enum IndicatorEngine {
    public static func compute<Key>(_ definitions: [IndicatorDefinition], on data: DetectionDataset<Key>, asOf: LocalDate,
                               outcomeMonths: Int = 12) -> IndicatorTable {
        let day = Int32(asOf.daysSinceEpoch)
        let adulthood = Int32(asOf.addingMonths(-18 * 12).daysSinceEpoch)
        let children = (0..<Int32(data.personCount)).filter { person in
            let birth = data.birthDay[Int(person)]
            return birth != ParsedExtract.noDate && birth < day && birth > adulthood
        }
        let values = [[UInt8]](unsafeUninitializedCapacity: definitions.count) { columns, initialized in
            // Each iteration initialises its own element, so the writes never overlap.
            nonisolated(unsafe) let first = columns.baseAddress!
            DispatchQueue.concurrentPerform(iterations: definitions.count) { column in
                (first + column).initialize(to: flags(definitions[column], for: children, data: data, asOf: asOf))
            }
            initialized = definitions.count
        }
        return IndicatorTable(asOf: asOf, definitions: definitions, children: children, values: values,
                              outcome: outcome(for: children, data: data, asOf: asOf, months: outcomeMonths))
    }

    /// 1 for each child whose aggregate (or a custody holder's) reaches the threshold.
    static func flags<Key>(_ definition: IndicatorDefinition, for children: [Int32], data: DetectionDataset<Key>, asOf: LocalDate) -> [UInt8] {
        let totals = subjectTotals(definition, data: data, asOf: asOf)
        return children.map { child -> UInt8 in
            switch definition.subject {
            case .child: totals[Int(child)] >= definition.threshold ? 1 : 0
            case .custodyHolder: data.parents[Int(child)].contains { totals[Int($0)] >= definition.threshold } ? 1 : 0
            }
        }
    }

    /// The aggregate of `definition` over its window for every person.
    static func subjectTotals<Key>(_ definition: IndicatorDefinition, data: DetectionDataset<Key>, asOf: LocalDate) -> [Int] {
        var totals = [Int](repeating: 0, count: data.personCount)
        guard let events = data.events[definition.source] else { return totals }
        let windowStart = asOf.addingMonths(-definition.windowMonths)
        let from = Int32(windowStart.daysSinceEpoch), to = Int32(asOf.daysSinceEpoch)
        let wanted = Set(definition.events.compactMap { definition.source.schema.eventValues.firstIndex(of: $0) }.map(Int32.init))
        var months = [UInt64](repeating: 0, count: definition.aggregate == .distinctMonths ? data.personCount : 0)
        for row in 0..<events.count {
            guard wanted.isEmpty || wanted.contains(events.code[row]) else { continue }
            let start = events.day[row]
            let subject = Int(events.subject[row])
            switch definition.aggregate {
            case .events where start >= from && start < to:
                totals[subject] += 1
            case .sum where start >= from && start < to:
                totals[subject] += Int(events.value[row])
            case .distinctMonths where start >= from && start < to:
                let date = LocalDate(daysSinceEpoch: Int(start))
                let offset = (date.year - windowStart.year) * 12 + date.month - windowStart.month
                months[subject] |= 1 << UInt64(max(0, min(63, offset)))
            case .overlappingPeriods:
                let end = events.endDay[row]
                if start < to && (end == ParsedExtract.noDate || end >= from) { totals[subject] += 1 }
            default:
                break
            }
        }
        if definition.aggregate == .distinctMonths {
            for person in 0..<data.personCount { totals[person] = months[person].nonzeroBitCount }
        }
        return totals
    }

    static func outcome<Key>(for children: [Int32], data: DetectionDataset<Key>, asOf: LocalDate, months: Int) -> [UInt8]? {
        let from = Int32(asOf.daysSinceEpoch), to = Int32(asOf.addingMonths(months).daysSinceEpoch)
        // Extracts are monthly at best, so the outcome is known once the data reach the window's last month.
        guard let last = data.lastEventDay, let social = data.events[.socialServices] else { return nil }
        let reached = LocalDate(daysSinceEpoch: Int(last)), final = LocalDate(daysSinceEpoch: Int(to) - 1)
        guard (reached.year, reached.month) >= (final.year, final.month) else { return nil }
        let report = Int32(SourceSystem.socialServices.schema.eventValues.firstIndex(of: "report-of-concern")!)
        var reported = [Bool](repeating: false, count: data.personCount)
        for row in 0..<social.count where social.code[row] == report && social.day[row] >= from && social.day[row] < to {
            reported[Int(social.subject[row])] = true
        }
        return children.map { reported[Int($0)] ? 1 : 0 }
    }
}
