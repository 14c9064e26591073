import Foundation

/// A measure (foranstaltning) granted for the child: who provides it, why, when and at what cost.
public struct Measure: Codable, Sendable, Equatable {
    public typealias ID = Identifier<Measure>

    public enum LegalBasis: String, Codable, Sendable, CaseIterable {
        /// §32: supportive measures (e.g. family treatment, contact person). Needs consent.
        case section32 = "§32"
        /// §46: placement outside the home with consent.
        case section46 = "§46"
        /// §47: placement without consent, decided by the children and young people's committee.
        case section47 = "§47"

        public var needsConsent: Bool { self != .section47 }
    }

    /// The monthly costs a measure may have, in whole kroner: a wrong number of digits is caught.
    public static let monthlyCostRange = 0...10_000_000
    /// How far ahead a measure may be granted to start: further is a mistyped year.
    public static let yearsAheadToStart = 3
    /// The longest a measure may run: from birth to the end of after-care is under 23 years.
    public static let longestYears = 23

    public let id: ID
    public var legalBasis: LegalBasis
    public var kind: String
    public var provider: String
    public var reason: String
    public var startDate: LocalDate
    public var endDate: LocalDate?
    /// Monthly cost in whole Danish kroner.
    public var monthlyCost: Int

    public init(id: ID = ID(), legalBasis: LegalBasis, kind: String, provider: String, reason: String,
                startDate: LocalDate, endDate: LocalDate?, monthlyCost: Int) {
        self.id = id
        self.legalBasis = legalBasis
        self.kind = kind
        self.provider = provider
        self.reason = reason
        self.startDate = startDate
        self.endDate = endDate
        self.monthlyCost = monthlyCost
    }
}

public struct MeasureEnd: Codable, Sendable, Equatable {
    public var measureID: Measure.ID
    public var endDate: LocalDate

    public init(measureID: Measure.ID, endDate: LocalDate) {
        self.measureID = measureID
        self.endDate = endDate
    }
}
