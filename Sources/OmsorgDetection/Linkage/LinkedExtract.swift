import Crypto
import Foundation
import OmsorgDomain

/// An extract ready for the detection store: every person number replaced by its pseudonym. The
/// population register alone keeps person numbers, in `register`, which the case side holds and
/// which is read only through an audited resolution.
public struct LinkedExtract: Sendable {
    public struct Person: Sendable, Equatable {
        public let pseudonym: String
        public let birthDay: Int32
        public let sex: String
        public let household: String
    }

    public enum Content: Sendable {
        case population(people: [Person], register: [(pseudonym: String, personNumber: String)])
        case custody(children: [String], parents: [String])
        /// Columns as in `DetectionDataset.Events`; each subject is an index into `people`, the
        /// extract's distinct pseudonyms, so a row costs no text.
        case events(subjects: [Int32], people: [String], codes: [Int32], days: [Int32], endDays: [Int32], values: [Int32])
    }

    public let source: SourceSystem
    /// SHA-256 of the file's bytes: the same file is never loaded twice.
    public let sha256: String
    public let rowCount: Int
    public let content: Content

    /// `sha256` is the file's `contentHash`, which the caller has usually computed already to ask
    /// whether the file was loaded before.
    public init(_ extract: ParsedExtract, sha256: String, pseudonymiser: Pseudonymiser) {
        source = extract.source
        self.sha256 = sha256
        rowCount = extract.rowCount
        let pseudonym = { pseudonymiser.pseudonym(personNumber: $0) }
        switch extract.source {
        case .population:
            let numbers = extract.personNumbers("person_number"), births = extract.numbers("birth_date")
            let sexes = extract.numbers("sex"), households = extract.text("household_id")
            let sexValues = SourceSystem.population.schema.eventValues
            var householdKeys: [String: String] = [:] // a household is keyed once, not once per member
            let people = numbers.indices.map { row in
                let household = householdKeys[households[row]] ?? pseudonymiser.pseudonym("household:" + households[row])
                householdKeys[households[row]] = household
                return Person(pseudonym: pseudonym(numbers[row]), birthDay: births[row], sex: sexValues[Int(sexes[row])], household: household)
            }
            content = .population(people: people, register: zip(people.map(\.pseudonym), numbers).map { ($0, PersonNumber.digits($1)) })
        case .custody:
            content = .custody(children: extract.personNumbers("child_person_number").map(pseudonym),
                               parents: extract.personNumbers("parent_person_number").map(pseudonym))
        default:
            content = Self.events(extract, pseudonym: pseudonym)
        }
    }

    /// Events in the dataset's columns: an event schema has one date or month column, the day.
    private static func events(_ extract: ParsedExtract, pseudonym: (UInt64) -> String) -> Content {
        let rows = extract.rowCount
        var subjects: [Int32] = [], people: [String] = [], codes = [Int32](repeating: 0, count: rows), days = codes
        var endDays = [Int32](repeating: ParsedExtract.noDate, count: rows), values = [Int32](repeating: 1, count: rows)
        for column in extract.source.schema.columns {
            switch column.kind {
            case .personNumber:
                var distinct: [UInt64: Int32] = [:]
                subjects = extract.personNumbers(column.name).map { number in
                    if let index = distinct[number] { return index }
                    let index = Int32(people.count)
                    distinct[number] = index
                    people.append(pseudonym(number))
                    return index
                }
            case .date, .month: days = extract.numbers(column.name)
            case .optionalDate: endDays = extract.numbers(column.name)
            case .enumeration: codes = extract.numbers(column.name)
            case .integer: values = extract.numbers(column.name)
            default: break
            }
        }
        return .events(subjects: subjects, people: people, codes: codes, days: days, endDays: endDays, values: values)
    }

    public static func contentHash(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
