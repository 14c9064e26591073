/// Where a proposed family stands in the consent-gated workflow. A proposal starts open in the
/// team's worklist; a caseworker takes it, and it ends dismissed, declined, expired (no answer by the
/// deadline) or consented, the one state in which the family's cases open to that caseworker.
public enum ProposalState: String, Sendable, Codable, CaseIterable {
    case open
    case taken
    case consentRequested = "consent-requested"
    case consented
    case declined
    case dismissed
    case expired

    /// The states that end the workflow without consent: what the proposal keeps falls to retention.
    public var isClosedWithoutConsent: Bool { self == .declined || self == .dismissed || self == .expired }
}
