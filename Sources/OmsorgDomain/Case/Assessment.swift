import Foundation

/// The preliminary assessment after screening (§§18–19): an ICS free text and what comes next.
public struct PreliminaryAssessment: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case investigate
        case noFurtherAction = "no-further-action"
    }

    public var assessedAt: Date
    public var text: String
    public var outcome: Outcome

    public init(assessedAt: Date, text: String, outcome: Outcome) {
        self.assessedAt = assessedAt
        self.text = text
        self.outcome = outcome
    }
}

/// The child conversation (børnesamtale), §5: the child's own view before every decision.
public struct ChildConversation: Codable, Sendable, Equatable {
    public typealias ID = Identifier<ChildConversation>
    public let id: ID
    public var heldAt: Date
    public var summary: String

    public init(id: ID = ID(), heldAt: Date, summary: String) {
        self.id = id
        self.heldAt = heldAt
        self.summary = summary
    }
}

/// Consent from a custody holder. Supportive measures under §32 and placements under §46 need it.
public struct Consent: Codable, Sendable, Equatable {
    public enum Scope: String, Codable, Sendable, CaseIterable {
        case investigation
        case measures
        case informationSharing = "information-sharing"
    }

    public var givenBy: String
    public var scope: Scope
    public var givenAt: Date

    public init(givenBy: String, scope: Scope, givenAt: Date) {
        self.givenBy = givenBy
        self.scope = scope
        self.givenAt = givenAt
    }
}
