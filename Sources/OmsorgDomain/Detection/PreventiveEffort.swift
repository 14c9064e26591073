import Foundation

/// An early preventive effort for a child of a family that consented to it: what is offered, by
/// whom, the goals agreed with the family, and when it is followed up. It is the plan of a
/// voluntary, consent-based effort, not a measure of the statutory flow; a report of concern about
/// the child still opens a case the usual way.
public struct PreventiveEffort: Codable, Sendable, Equatable {
    public typealias ID = Identifier<PreventiveEffort>

    /// How far after its start an effort is followed up, by default, and at the latest.
    public static let defaultFollowUpMonths = 3
    public static let latestMonths = 12
    public static let longestText = 1_000
    public static let mostGoals = 10

    public let id: ID
    /// The child's pseudonym in the proposal: the store keeps the effort pseudonymised, and the
    /// child's person number is resolved, audited, when the caseworker looks.
    public var child: String
    public var offer: String
    public var provider: String
    public var goals: [String]
    public var startDate: LocalDate
    public var followUpDate: LocalDate
    public var note: String?

    public init(id: ID = ID(), child: String, offer: String, provider: String, goals: [String], startDate: LocalDate,
                followUpDate: LocalDate?, note: String?) {
        self.id = id
        self.child = child
        self.offer = offer.trimmingCharacters(in: .whitespacesAndNewlines)
        self.provider = provider.trimmingCharacters(in: .whitespacesAndNewlines)
        self.goals = goals.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        self.startDate = startDate
        self.followUpDate = followUpDate ?? startDate.addingMonths(Self.defaultFollowUpMonths)
        self.note = note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
    }

    /// The effort as given, or the first field that is wrong. `children` are the proposal's
    /// children; the effort starts on or after the day consent was given.
    public func checked(children: [String], consentGivenOn: LocalDate) throws(CaseFlowError) -> PreventiveEffort {
        if !children.contains(child) { throw .invalid("child", .notInFamily) }
        for (field, text) in [("offer", offer), ("provider", provider)] { try CaseFlowError.check(text, field, longest: Self.longestText) }
        if goals.isEmpty { throw .invalid("goals", .noGoals) }
        if goals.count > Self.mostGoals { throw .invalid("goals", .tooManyGoals(Self.mostGoals)) }
        for (index, goal) in goals.enumerated() { try CaseFlowError.check(goal, "goals[\(index)]", longest: Self.longestText) }
        if let note { try CaseFlowError.check(note, "note", longest: Self.longestText) }
        if startDate < consentGivenOn || startDate > consentGivenOn.addingMonths(Self.latestMonths) {
            throw .invalid("startDate", .effortStartOutOfRange(consentGivenOn))
        }
        if followUpDate <= startDate || followUpDate > startDate.addingMonths(Self.latestMonths) {
            throw .invalid("followUpDate", .followUpOutOfRange(startDate))
        }
        return self
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
