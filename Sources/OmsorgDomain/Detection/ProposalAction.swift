/// What a caseworker does with a proposal, each step audited under its own name.
public enum ProposalAction: String, Sendable, Codable, CaseIterable {
    /// Taking it from the team's worklist: the family's person numbers are then resolved for them.
    case take
    /// Deciding that no consent request is to be sent, with the reason.
    case dismiss
    /// Recording that the letter asking the custody holders for consent was sent.
    case requestConsent = "consent-request"
    /// Recording the family's answer: given, declined, or none by the deadline.
    case recordAnswer = "consent-answer"
    /// Starting an early preventive effort, once consent is recorded.
    case startEffort = "effort"
    /// Recording whether the proposal was relevant, which qualifies the model.
    case recordRelevance = "relevance"
}

/// The family's answer to a consent request.
public enum ConsentAnswer: String, Sendable, Codable, CaseIterable {
    case given
    case declined
    /// No answer by the deadline: recorded only once the deadline has passed.
    case noAnswer = "no-answer"

    var state: ProposalState {
        switch self {
        case .given: .consented
        case .declined: .declined
        case .noAnswer: .expired
        }
    }
}

/// A caseworker's judgement of a proposal, the feedback that qualifies the model.
public enum Relevance: String, Sendable, Codable, CaseIterable {
    case yes
    case no
    case unclear
}
