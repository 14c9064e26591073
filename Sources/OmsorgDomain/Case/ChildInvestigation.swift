import Foundation

/// The child investigation (børnefaglig undersøgelse), Barnets Lov §20 [SEL §50], written as an ICS
/// investigation status over the three sides of the ICS triangle.
public struct ChildInvestigation: Codable, Sendable, Equatable {
    public enum Section: String, Codable, Sendable, CaseIterable {
        case childDevelopment = "child-development"
        case parentingCapacity = "parenting-capacity"
        case familyAndEnvironment = "family-and-environment"
    }

    public var decidedAt: Date
    public var sections: [Section: String] = [:]
    public var completion: Completion?

    public struct Completion: Codable, Sendable, Equatable {
        public var completedAt: Date
        public var conclusion: String

        public init(completedAt: Date, conclusion: String) {
            self.completedAt = completedAt
            self.conclusion = conclusion
        }
    }

    public init(decidedAt: Date) { self.decidedAt = decidedAt }

    public var missingSections: [Section] {
        Section.allCases.filter { (sections[$0] ?? "").isEmpty }
    }

    /// The statutory end date: 4 months after the investigation was decided.
    public var dueDate: LocalDate { LocalDate(decidedAt).addingMonths(4) }
}

/// An ICS section text written during the investigation.
public struct InvestigationSectionText: Codable, Sendable, Equatable {
    public var section: ChildInvestigation.Section
    public var text: String
    public var writtenAt: Date

    public init(section: ChildInvestigation.Section, text: String, writtenAt: Date) {
        self.section = section
        self.text = text
        self.writtenAt = writtenAt
    }
}

/// The decision after the investigation: measures, or none.
public struct Decision: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case measures
        case noMeasures = "no-measures"
    }

    public var decidedAt: Date
    public var outcome: Outcome
    public var reasoning: String

    public init(decidedAt: Date, outcome: Outcome, reasoning: String) {
        self.decidedAt = decidedAt
        self.outcome = outcome
        self.reasoning = reasoning
    }
}
