import Foundation

/// The consent-gated workflow of one proposed family (DESIGN.md "Consent gate"): taken by one
/// caseworker, then dismissed with a reason or a consent request sent, then the family's answer.
/// Only the caseworker who holds it moves it on, and the family's cases open only once it is
/// `consented`. Every rule of the workflow is here; the store records what these steps leave.
public struct ProposalWorkflow: Sendable, Equatable {
    /// How long the family has to answer a consent request, by default.
    public static let answerDays = 14
    /// The longest reason, answer note or relevance note.
    public static let longestNote = 2_000

    public internal(set) var state: ProposalState
    public internal(set) var holder: StaffUser.ID?
    public internal(set) var takenAt: Date?
    public internal(set) var consentRequestedAt: Date?
    /// The last day the family may answer.
    public internal(set) var answerDeadline: LocalDate?
    /// When the workflow ended: dismissed, or the family's answer recorded.
    public internal(set) var closedAt: Date?
    public internal(set) var note: String?
    public internal(set) var relevance: Relevance?
    public internal(set) var relevanceNote: String?

    public init(state: ProposalState = .open, holder: StaffUser.ID? = nil, takenAt: Date? = nil, consentRequestedAt: Date? = nil,
                answerDeadline: LocalDate? = nil, closedAt: Date? = nil, note: String? = nil, relevance: Relevance? = nil,
                relevanceNote: String? = nil) {
        self.state = state
        self.holder = holder
        self.takenAt = takenAt
        self.consentRequestedAt = consentRequestedAt
        self.answerDeadline = answerDeadline
        self.closedAt = closedAt
        self.note = note
        self.relevance = relevance
        self.relevanceNote = relevanceNote
    }

    /// Whether the family's consent is recorded, and so whether `user` (if they hold it) sees the family's cases.
    public func opensFamilyCases(to user: StaffUser.ID) -> Bool { state == .consented && holder == user }

    /// Whether `user` is shown who the family is: the holder, while the proposal is not closed
    /// without consent. A declined, dismissed or unanswered proposal keeps only what the law
    /// requires, and no one needs the family's person numbers for that.
    public func showsFamily(to user: StaffUser.ID) -> Bool { holder == user && !state.isClosedWithoutConsent }

    /// What `action` by `user` waits for now, or nil when it can be taken. `today` is the Danish day.
    public func blocker(for action: ProposalAction, by user: StaffUser.ID, today: LocalDate) -> ProposalBlocker? {
        if action == .take { return state == .open ? nil : holder == user ? .alreadyYours : .alreadyTaken }
        guard state != .open else { return .notTaken }
        guard holder == user else { return .notHolder }
        switch action {
        case .take: return nil
        case .recordRelevance: return nil
        case .dismiss, .requestConsent:
            if state == .taken { return nil }
            return state == .consentRequested ? .consentAlreadyRequested : .closed(state)
        case .recordAnswer:
            return state == .consentRequested ? nil : state == .taken ? .noConsentRequest : .closed(state)
        case .startEffort:
            return state == .consented ? nil : .noConsent
        }
    }

    /// The steps `user` can take now, in the order of the workflow: what the page offers.
    public func allowedActions(for user: StaffUser.ID, today: LocalDate) -> [ProposalAction] {
        ProposalAction.allCases.filter { blocker(for: $0, by: user, today: today) == nil }
    }

    /// Whether the family's answer is overdue on `today`.
    public func answerOverdue(today: LocalDate) -> Bool {
        state == .consentRequested && answerDeadline.map { today > $0 } == true
    }

    public mutating func take(by user: StaffUser.ID, at now: Date) throws(CaseFlowError) {
        try require(.take, by: user, now: now)
        state = .taken
        holder = user
        takenAt = now
    }

    /// Dismisses the proposal without asking the family; the reason is required.
    public mutating func dismiss(by user: StaffUser.ID, reason: String, at now: Date) throws(CaseFlowError) {
        try require(.dismiss, by: user, now: now)
        self.note = try Self.note(reason, "reason", required: true)
        state = .dismissed
        closedAt = now
    }

    /// Records that the consent request was sent on `sentOn`; the family has `days` to answer.
    public mutating func requestConsent(by user: StaffUser.ID, sentOn: LocalDate, days: Int = answerDays, at now: Date) throws(CaseFlowError) {
        try require(.requestConsent, by: user, now: now)
        if sentOn > LocalDate(now) { throw .invalid("sentOn", .inFuture) }
        if let takenAt, sentOn < LocalDate(takenAt) { throw .invalid("sentOn", .before(.proposalTaken)) }
        consentRequestedAt = max(sentOn.startOfDay, takenAt ?? sentOn.startOfDay)
        answerDeadline = sentOn.addingDays(days)
        state = .consentRequested
    }

    /// Records the family's answer of `answeredOn`, with an optional note.
    public mutating func record(_ answer: ConsentAnswer, answeredOn: LocalDate, note: String?, by user: StaffUser.ID, at now: Date) throws(CaseFlowError) {
        try require(.recordAnswer, by: user, now: now)
        let today = LocalDate(now)
        if answer == .noAnswer, let deadline = answerDeadline, today <= deadline { throw .blocked(.proposal(.deadlineNotPassed(deadline))) }
        if answeredOn > today { throw .invalid("answeredOn", .inFuture) }
        if let requested = consentRequestedAt, answeredOn < LocalDate(requested) { throw .invalid("answeredOn", .before(.consentRequested)) }
        self.note = try Self.note(note, "note", required: false)
        state = answer.state
        closedAt = now
    }

    /// Records whether the proposal was relevant; a later judgement replaces an earlier one.
    public mutating func recordRelevance(_ relevance: Relevance, note: String?, by user: StaffUser.ID, at now: Date) throws(CaseFlowError) {
        try require(.recordRelevance, by: user, now: now)
        relevanceNote = try Self.note(note, "note", required: false)
        self.relevance = relevance
    }

    private func require(_ action: ProposalAction, by user: StaffUser.ID, now: Date) throws(CaseFlowError) {
        if let blocker = blocker(for: action, by: user, today: LocalDate(now)) { throw .blocked(.proposal(blocker)) }
    }

    /// A note as stored: trimmed, nil when empty and optional, refused when too long or holding a control character.
    static func note(_ text: String?, _ field: String, required: Bool) throws(CaseFlowError) -> String? {
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty && !required { return nil }
        try CaseFlowError.check(trimmed, field, longest: longestNote)
        return trimmed
    }
}
