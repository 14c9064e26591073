/// Why a step of the consent workflow cannot be taken in the proposal's present state, so the UI can
/// say it in the user's language (`code`) and the API in English (`message`).
public enum ProposalBlocker: Error, Sendable, Equatable {
    case alreadyTaken
    /// The caller took it already: nothing to take again.
    case alreadyYours
    /// The same effort (child, offer, start) was started for the proposal already, as when a form is sent twice.
    case effortExists
    case notHolder
    case notTaken
    case consentAlreadyRequested
    case noConsentRequest
    case deadlineNotPassed(LocalDate)
    case noConsent
    case closed(ProposalState)

    public var code: String {
        switch self {
        case .alreadyTaken: "already-taken"
        case .alreadyYours: "already-yours"
        case .effortExists: "effort-exists"
        case .notHolder: "not-holder"
        case .notTaken: "not-taken"
        case .consentAlreadyRequested: "consent-already-requested"
        case .noConsentRequest: "no-consent-request"
        case .deadlineNotPassed: "deadline-not-passed"
        case .noConsent: "no-consent"
        case .closed: "closed"
        }
    }

    public var message: String {
        switch self {
        case .alreadyTaken: "Another caseworker has already taken this proposal."
        case .alreadyYours: "You have taken this proposal already."
        case .effortExists: "This effort (the same child, offer and start) has been started for the proposal already."
        case .notHolder: "Only the caseworker who took this proposal works it."
        case .notTaken: "Take the proposal from the worklist first."
        case .consentAlreadyRequested: "A consent request has been sent; record the family's answer instead."
        case .noConsentRequest: "Record that the consent request was sent first."
        case .deadlineNotPassed(let deadline): "The family has until \(deadline) to answer; record no answer only after that."
        case .noConsent: "The family's consent is not recorded; without it their cases stay closed to you."
        case .closed(let state): "The proposal is closed (\(state.rawValue))."
        }
    }
}
