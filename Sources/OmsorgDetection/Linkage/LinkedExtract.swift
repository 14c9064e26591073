import Crypto
import Foundation

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
        /// Columns as in `DetectionDataset.Events`, with the subject's pseudonym in place of an index.
        case events(subjects: [String], codes: [Int32], days: [Int32], endDays: [Int32], values: [Int32])
    }

    public let source: SourceSystem
    /// SHA-256 of the file's bytes: the same file is never loaded twice.
    public let sha256: String
    public let rowCount: Int
    public let content: Content

    public init(_ extract: ParsedExtract, data: Data, pseudonymiser: Pseudonymiser) {
        source = extract.source
        sha256 = Self.contentHash(data)
        rowCount = extract.rowCount
        let pseudonym = pseudonymiser.pseudonym
        switch extract.source {
        case .population:
            let numbers = extract.text("person_number"), births = extract.numbers("birth_date")
            let sexes = extract.numbers("sex"), households = extract.text("household_id")
            let sexValues = SourceSystem.population.schema.eventValues
            let people = numbers.indices.map { row in
                Person(pseudonym: pseudonym(numbers[row]), birthDay: births[row], sex: sexValues[Int(sexes[row])],
                       household: pseudonymiser.pseudonym("household:" + households[row]))
            }
            content = .population(people: people, register: zip(people.map(\.pseudonym), numbers).map { ($0, $1) })
        case .custody:
            content = .custody(children: extract.text("child_person_number").map(pseudonym),
                               parents: extract.text("parent_person_number").map(pseudonym))
        default:
            content = Self.events(extract, pseudonym: pseudonym)
        }
    }

    /// Events in the dataset's columns: an event schema has one date or month column, the day.
    private static func events(_ extract: ParsedExtract, pseudonym: (String) -> String) -> Content {
        let rows = extract.rowCount
        var subjects: [String] = [], codes = [Int32](repeating: 0, count: rows), days = codes
        var endDays = [Int32](repeating: ParsedExtract.noDate, count: rows), values = [Int32](repeating: 1, count: rows)
        for column in extract.source.schema.columns {
            switch column.kind {
            case .personNumber: subjects = extract.text(column.name).map(pseudonym)
            case .date, .month: days = extract.numbers(column.name)
            case .optionalDate: endDays = extract.numbers(column.name)
            case .enumeration: codes = extract.numbers(column.name)
            case .integer: values = extract.numbers(column.name)
            default: break
            }
        }
        return .events(subjects: subjects, codes: codes, days: days, endDays: endDays, values: values)
    }

    public static func contentHash(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
