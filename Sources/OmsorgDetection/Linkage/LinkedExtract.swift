import Foundation
import OmsorgDomain

/// An extract in the detection dataset's shape, each person named by a `Key`: first by person
/// number (`LinkedExtract<UInt64>`, straight from the parser), then by pseudonym
/// (`LinkedExtract<Pseudonym>`, what the store loads). Only `register` keeps person numbers once
/// pseudonymised; the case side holds it and reads it only through an audited resolution.
public struct LinkedExtract<Key: Hashable & Sendable>: Sendable {
    public struct Person: Sendable, Equatable {
        public let key: Key
        public let birthDay: Int32
        public let sex: String
        /// The source system's household number, pseudonymised with the people.
        public let household: String
    }

    public enum Content: Sendable {
        /// `register[i]` is the person number of `people[i]`.
        case population(people: [Person], register: [UInt64])
        case custody(children: [Key], parents: [Key])
        /// Columns as in `DetectionDataset.Events`; each subject is an index into `people`, the
        /// extract's distinct people, so a row costs no key.
        case events(subjects: [Int32], people: [Key], codes: [Int32], days: [Int32], endDays: [Int32], values: [Int32])
    }

    public let source: SourceSystem
    public let rowCount: Int
    public let content: Content

    /// An extract read back from the store, or made in memory.
    public init(source: SourceSystem, rowCount: Int, content: Content) {
        (self.source, self.rowCount, self.content) = (source, rowCount, content)
    }

    /// The same extract with every person's key, and every household, replaced.
    func rekeyed<New>(person: (Key) -> New, household: (String) -> String) -> LinkedExtract<New> {
        let content: LinkedExtract<New>.Content = switch content {
        case .population(let people, let register):
            .population(people: people.map { .init(key: person($0.key), birthDay: $0.birthDay, sex: $0.sex, household: household($0.household)) },
                        register: register)
        case .custody(let children, let parents):
            .custody(children: children.map(person), parents: parents.map(person))
        case .events(let subjects, let people, let codes, let days, let endDays, let values):
            .events(subjects: subjects, people: people.map(person), codes: codes, days: days, endDays: endDays, values: values)
        }
        return LinkedExtract<New>(source: source, rowCount: rowCount, content: content)
    }
}

extension LinkedExtract where Key == UInt64 {
    public init(_ extract: ParsedExtract) {
        source = extract.source
        rowCount = extract.rowCount
        switch extract.source {
        case .population:
            let numbers = extract.personNumbers("person_number"), births = extract.numbers("birth_date")
            let sexes = extract.numbers("sex"), households = extract.text("household_id")
            let sexValues = SourceSystem.population.schema.eventValues
            let people = numbers.indices.map { row in
                Person(key: numbers[row], birthDay: births[row], sex: sexValues[Int(sexes[row])], household: households[row])
            }
            content = .population(people: people, register: numbers)
        case .custody:
            content = .custody(children: extract.personNumbers("child_person_number"), parents: extract.personNumbers("parent_person_number"))
        default:
            content = Self.events(extract)
        }
    }

    /// Every person number replaced by its pseudonym, and every household by a keyed hash of it.
    public func pseudonymised(by pseudonymiser: Pseudonymiser) -> LinkedExtract<Pseudonym> {
        var households: [String: String] = [:] // a household is keyed once, not once per member
        return rekeyed(person: pseudonymiser.pseudonym(personNumber:)) { household in
            if let known = households[household] { return known }
            let keyed = pseudonymiser.pseudonym("household:" + household).description
            households[household] = keyed
            return keyed
        }
    }

    /// Events in the dataset's columns: an event schema has one date or month column, the day.
    private static func events(_ extract: ParsedExtract) -> Content {
        let rows = extract.rowCount
        var subjects: [Int32] = [], people: [UInt64] = [], codes = [Int32](repeating: 0, count: rows), days = codes
        var endDays = [Int32](repeating: ParsedExtract.noDate, count: rows), values = [Int32](repeating: 1, count: rows)
        for column in extract.source.schema.columns {
            switch column.kind {
            case .personNumber: (subjects, people) = distinct(extract.personNumbers(column.name))
            case .date, .month: days = extract.numbers(column.name)
            case .optionalDate: endDays = extract.numbers(column.name)
            case .enumeration: codes = extract.numbers(column.name)
            case .integer: values = extract.numbers(column.name)
            default: break
            }
        }
        return .events(subjects: subjects, people: people, codes: codes, days: days, endDays: endDays, values: values)
    }

    /// Each row's index into the distinct numbers, in order of first appearance. Extracts list a
    /// person's rows together, so a row mostly names the row before's person and skips the lookup.
    private static func distinct(_ numbers: [UInt64]) -> (indices: [Int32], distinct: [UInt64]) {
        var seen = PersonNumberIndex(), distinct: [UInt64] = []
        var previous: (number: UInt64, index: Int32)?
        let indices = numbers.map { number in
            if let previous, previous.number == number { return previous.index }
            let index = seen.insert(number, Int32(distinct.count)) ?? {
                distinct.append(number)
                return Int32(distinct.count - 1)
            }()
            previous = (number, index)
            return index
        }
        return (indices, distinct)
    }
}
