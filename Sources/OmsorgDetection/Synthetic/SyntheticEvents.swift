import Foundation
import OmsorgDomain

/// The source-system events of one family, drawn from its latent circumstances. Reports of concern
/// are not among them: those follow the truth model, year by year (`PopulationGenerator`).
enum SyntheticEvents {
    static func generate(for family: Family, into population: inout SyntheticPopulation, using random: inout SeededRandom,
                         from: Int32, to: Int32) {
        for child in family.children {
            let born = population.data.birthDay[Int(child)]
            healthVisiting(child, born: born, family, &population.data, &random, from: from, to: to)
            dental(child, born: born, family, &population.data, &random, from: from, to: to)
            daycare(child, born: born, family, &population.data, &random, from: from, to: to)
        }
        for adult in family.adults {
            jobCentre(adult, family, &population.data, &random, from: from, to: to)
            if family.substance { substanceTreatment(adult, &population.data, &random, from: from, to: to) }
        }
    }

    /// A report of concern, sometimes followed by a measure or a placement.
    static func report(child: Int32, on day: Int32, until last: Int32, into data: inout DetectionDataset<String>, using random: inout SeededRandom) {
        data.events[.socialServices, default: .init()].append(subject: child, code: 0, day: day)
        let next = min(day + 30 + Int32(random.next() % 60), last)
        if random.chance(0.25) { data.events[.socialServices, default: .init()].append(subject: child, code: 1, day: next) }
        if random.chance(0.025) { data.events[.socialServices, default: .init()].append(subject: child, code: 2, day: next) }
    }

    private static func healthVisiting(_ child: Int32, born: Int32, _ family: Family, _ data: inout DetectionDataset<String>,
                                       _ random: inout SeededRandom, from: Int32, to: Int32) {
        let start = max(born, from), end = min(born + 365, to)
        guard start < end else { return }
        let rates = [0.3 + (family.neglect ? 1.4 : 0) + (family.single ? 0.4 : 0), 0.2 + (family.neglect ? 1.0 : 0) + (family.substance ? 0.6 : 0)]
        for (code, rate) in rates.enumerated() {
            for _ in 0..<random.poisson(rate) {
                data.events[.healthVisiting, default: .init()].append(subject: child, code: Int32(code), day: day(in: start, end, &random))
            }
        }
    }

    private static func dental(_ child: Int32, born: Int32, _ family: Family, _ data: inout DetectionDataset<String>,
                               _ random: inout SeededRandom, from: Int32, to: Int32) {
        let missRate = 0.04 + (family.neglect ? 0.30 : 0) + (family.substance ? 0.10 : 0)
        for yearStart in stride(from: from, to: to, by: 365) {
            let start = max(yearStart, born + 365), end = min(yearStart + 365, to)
            guard start < end else { continue }
            for _ in 0..<2 {
                let missed: Int32 = random.chance(missRate) ? 1 : 0
                data.events[.dental, default: .init()].append(subject: child, code: missed, day: day(in: start, end, &random))
            }
        }
    }

    private static func daycare(_ child: Int32, born: Int32, _ family: Family, _ data: inout DetectionDataset<String>,
                                _ random: inout SeededRandom, from: Int32, to: Int32) {
        let rate = 1.2 + (family.neglect ? 3.0 : 0) + (family.single ? 0.8 : 0)
        for month in monthStarts(from: from, to: to) where month - born >= 365 && month - born < 6 * 365 {
            let absence = min(random.poisson(rate), 31)
            if absence > 0 { data.events[.daycare, default: .init()].append(subject: child, code: 0, day: month, value: Int32(absence)) }
        }
    }

    private static func jobCentre(_ adult: Int32, _ family: Family, _ data: inout DetectionDataset<String>, _ random: inout SeededRandom,
                                  from: Int32, to: Int32) {
        for month in monthStarts(from: from, to: to) where random.chance(family.benefits ? 0.85 : 0.02) {
            let kind = random.unit()
            let code: Int32 = kind < 0.6 ? 0 : kind < 0.85 ? 1 : kind < 0.95 ? 2 : 3
            data.events[.jobCentre, default: .init()].append(subject: adult, code: code, day: month)
        }
    }

    private static func substanceTreatment(_ adult: Int32, _ data: inout DetectionDataset<String>, _ random: inout SeededRandom,
                                           from: Int32, to: Int32) {
        for _ in 0..<(random.chance(0.3) ? 2 : 1) {
            let start = day(in: from, to, &random)
            let end = start + 60 + Int32(random.next() % 340)
            data.events[.substanceTreatment, default: .init()].append(subject: adult, code: 0, day: start,
                                                                     endDay: end > to ? ParsedExtract.noDate : end)
        }
    }

    private static func day(in start: Int32, _ end: Int32, _ random: inout SeededRandom) -> Int32 {
        start + Int32(random.next() % UInt64(end - start))
    }

    static func monthStarts(from: Int32, to: Int32) -> [Int32] {
        var month = LocalDate(daysSinceEpoch: Int(from))
        month = LocalDate(year: month.year, month: month.month, day: 1)!
        var result: [Int32] = []
        while month.daysSinceEpoch <= to {
            if month.daysSinceEpoch >= from { result.append(Int32(month.daysSinceEpoch)) }
            month = month.addingMonths(1)
        }
        return result
    }
}
