import Foundation
import OmsorgDomain

/// A household with children and the latent family circumstances that drive its source-system
/// events. The latent factors are never written out; only their traces in the extracts are.
struct Family {
    var adults: [Int32] = []
    var children: [Int32] = []
    var single = false
    var benefits = false
    var substance = false
    var neglect = false
}

/// The people of a synthetic municipality and their events, keyed by person number.
public struct SyntheticPopulation {
    public internal(set) var data = DetectionDataset<String>()
    var female: [Bool] = []
    var household: [Int32] = []
    var households = 0
    var families: [Family] = []
    var probabilities: [Double] = []
    var outcomes: [UInt8] = []
    private var serials: [Int: Int] = [:]

    public var personCount: Int { data.personCount }

    mutating func addHousehold(using random: inout SeededRandom, end: LocalDate) {
        households += 1
        let kind = random.unit()
        let withChildren = kind < 0.28
        var family = Family()
        family.single = kind >= 0.22 && kind < 0.28 || kind >= 0.58
        let adultAges = withChildren ? 22...50 : 20...85
        let adultSexes = family.single ? [random.chance(0.5)] : [true, false]
        for isFemale in adultSexes {
            let age = Int(random.next() % UInt64(adultAges.count)) + adultAges.lowerBound
            family.adults.append(addPerson(born: end.addingDays(-(age * 365 + Int(random.next() % 365))), female: isFemale))
        }
        guard withChildren else { return }
        let count = family.single ? (random.chance(0.6) ? 1 : random.chance(0.75) ? 2 : 3) : (random.chance(0.4) ? 1 : random.chance(0.67) ? 2 : 3)
        for _ in 0..<count {
            let child = addPerson(born: end.addingDays(-Int(random.next() % UInt64(18 * 365 - 1))), female: random.chance(0.49))
            family.children.append(child)
            family.adults.forEach { data.addCustody(child: child, parent: $0) }
        }
        family.benefits = random.chance(family.single ? 0.30 : 0.10)
        family.substance = random.chance(0.025 + (family.benefits ? 0.03 : 0))
        family.neglect = random.chance(0.05 + (family.benefits ? 0.08 : 0) + (family.substance ? 0.2 : 0))
        families.append(family)
    }

    /// A replacement person number (day + 60) that is unique in the population.
    private mutating func addPerson(born: LocalDate, female isFemale: Bool) -> Int32 {
        let key = born.daysSinceEpoch * 2 + (isFemale ? 0 : 1)
        let count = serials[key, default: 0]
        serials[key] = count + 1
        let shortYear = born.year % 100
        let centuryDigits = born.year >= 2000 ? [4, 5, 6, 7, 8, 9] : born.year >= 1937 ? [0, 1, 2, 3, 4, 9] : [0, 1, 2, 3]
        precondition(count / 500 < centuryDigits.count, "too many people born on \(born) for unique person numbers")
        let rest = count % 500
        let number = String(born.day + 60) + twoDigits(born.month) + twoDigits(shortYear) + String(centuryDigits[count / 500])
            + twoDigits(rest / 5) + String((rest % 5) * 2 + (isFemale ? 0 : 1))
        let person = data.person(number)
        data.setBirthDay(Int32(born.daysSinceEpoch), of: person)
        female.append(isFemale)
        household.append(Int32(households))
        return person
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Draws each child's outcome of the last year from the truth model and keeps the truth for `truth/`.
    mutating func drawOutcomes(_ table: IndicatorTable, using random: inout SeededRandom, asOf: LocalDate, lastDay: Int32) {
        let drawn = drawReports(table, using: &random, from: asOf, to: LocalDate(daysSinceEpoch: Int(lastDay) + 1), lastDay: lastDay)
        probabilities = drawn.map(\.probability)
        outcomes = drawn.map { $0.outcome ? 1 : 0 }
    }

    /// Draws for each child of `table` whether a report of concern falls in `from..<to`, from the
    /// truth model, and records it (and any measure or placement that follows) in the
    /// social-services extract.
    mutating func drawReports(_ table: IndicatorTable, using random: inout SeededRandom, from: LocalDate, to: LocalDate,
                              lastDay: Int32) -> [(probability: Double, outcome: Bool)] {
        let first = Int32(from.daysSinceEpoch), days = UInt64(to.daysSinceEpoch - from.daysSinceEpoch)
        return table.children.indices.map { row in
            let probability = TruthModel.probability(table, row: row)
            let outcome = random.chance(probability)
            // A child with a report often gets more than one, which "2+ reports in 24 months" counts.
            for _ in 0..<(outcome ? 1 + random.poisson(0.4) : 0) {
                let day = first + Int32(random.next() % days)
                SyntheticEvents.report(child: table.children[row], on: day, until: lastDay, into: &data, using: &random)
            }
            return (probability, outcome)
        }
    }

    func placementRate(children: [Int32]) -> Double {
        guard let social = data.events[.socialServices] else { return 0 }
        let placement = Int32(SourceSystem.socialServices.schema.eventValues.firstIndex(of: "placement")!)
        let placed = Set((0..<social.count).filter { social.code[$0] == placement }.map { social.subject[$0] })
        return Double(children.filter { placed.contains($0) }.count) / Double(max(1, children.count))
    }
}
