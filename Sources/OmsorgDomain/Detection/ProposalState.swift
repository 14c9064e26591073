/// Where a proposed family stands. A proposal starts open, waiting in the team's worklist for a
/// caseworker; the consent workflow moves it on from there.
public enum ProposalState: String, Sendable, Codable, CaseIterable {
    case open
}
