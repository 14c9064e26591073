/// The municipal systems whose extracts the early-detection model joins, plus the population
/// register and custody relations that link children to their custody holders.
public enum SourceSystem: String, Codable, Sendable, CaseIterable {
    case population
    case custody
    case healthVisiting = "health-visiting"
    case dental
    case jobCentre = "job-centre"
    case daycare
    case socialServices = "social-services"
    case substanceTreatment = "substance-treatment"

    /// The file name the generator writes and operators are told to use.
    public var fileName: String { rawValue.replacingOccurrences(of: "-", with: "_") + ".csv" }

    /// Whether the extract holds events (as opposed to the register files that link people).
    public var isEventSource: Bool { self != .population && self != .custody }

    public var schema: ExtractSchema {
        switch self {
        case .population:
            ExtractSchema([.init("person_number", .personNumber), .init("birth_date", .date), .init("sex", .enumeration(["F", "M"])),
                           .init("household_id", .identifier)])
        case .custody:
            ExtractSchema([.init("child_person_number", .personNumber), .init("parent_person_number", .personNumber)])
        case .healthVisiting:
            ExtractSchema([.init("person_number", .personNumber), .init("date", .date),
                           .init("event", .enumeration(["extra-need-visit", "missed-appointment"]))])
        case .dental:
            ExtractSchema([.init("person_number", .personNumber), .init("date", .date),
                           .init("event", .enumeration(["attended", "missed-appointment"]))])
        case .jobCentre:
            ExtractSchema([.init("person_number", .personNumber), .init("month", .month),
                           .init("benefit_type", .enumeration(["cash-benefit", "unemployment-benefit", "sickness-benefit", "education-benefit"]))])
        case .daycare:
            ExtractSchema([.init("person_number", .personNumber), .init("month", .month), .init("absence_days", .integer(0...31))])
        case .socialServices:
            ExtractSchema([.init("person_number", .personNumber), .init("date", .date),
                           .init("event", .enumeration(["report-of-concern", "measure-start", "placement"]))])
        case .substanceTreatment:
            ExtractSchema([.init("person_number", .personNumber), .init("start_date", .date), .init("end_date", .optionalDate)])
        }
    }
}

/// The declared columns of an extract, in order.
public struct ExtractSchema: Sendable {
    public struct Column: Sendable {
        public let name: String
        public let kind: Kind

        init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    public enum Kind: Sendable, Equatable {
        case personNumber
        case date
        case optionalDate
        /// `YYYY-MM`.
        case month
        case enumeration([String])
        case integer(ClosedRange<Int>)
        /// An opaque key from the source system, such as a household number.
        case identifier
    }

    public let columns: [Column]

    init(_ columns: [Column]) { self.columns = columns }

    /// The enumeration values of the column an event source's event code is taken from.
    public var eventValues: [String] {
        for column in columns { if case .enumeration(let values) = column.kind { return values } }
        return []
    }
}

/// Columns the law keeps out of the model: diagnoses, health professionals' individual assessments,
/// and ethnicity or origin. A header naming one is refused before any row is read.
public enum RefusedColumns {
    static let fragments: [(fragment: String, reason: String)] = [
        ("diagnos", "diagnoses are health data the model may not use"),
        ("icd", "diagnosis codes are health data the model may not use"),
        ("assessment", "health professionals' individual assessments may not be used"),
        ("vurdering", "health professionals' individual assessments may not be used"),
        ("journal", "health records may not be used"),
        ("notat", "free-text notes may hold assessments and may not be used"),
        ("note", "free-text notes may hold assessments and may not be used"),
        ("ethnic", "ethnicity may not be used"),
        ("etnic", "ethnicity may not be used"),
        ("origin", "origin may not be used"),
        ("herkomst", "origin may not be used"),
        ("nationalit", "nationality (origin) may not be used"),
        ("statsborger", "nationality (origin) may not be used"),
        ("countryofbirth", "country of birth (origin) may not be used"),
        ("foedeland", "country of birth (origin) may not be used"),
        ("fødeland", "country of birth (origin) may not be used"),
        ("religion", "religion may not be used"),
        ("race", "race may not be used"),
    ]

    /// Why a column name is refused, or nil when it is not.
    public static func reason(for column: String) -> String? {
        let normalised = column.lowercased().filter { $0.isLetter || $0.isNumber }
        return fragments.first { normalised.contains($0.fragment) }?.reason
    }
}
