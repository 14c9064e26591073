import Foundation

/// The specific legal basis a municipality records before any early detection runs for it: the
/// provision or decision that allows the processing, the day it took effect, and who approved it.
/// Gladsaxe's model was shelved for lack of one; Omsorg loads, tabulates, trains and scores nothing
/// for a municipality without it.
public struct LegalBasis: Sendable, Equatable {
    /// E.g. "Lov nr. 123 af 1. marts 2026, § 11 a; byrådets beslutning af 14. april 2026".
    public let reference: String
    public let decidedOn: LocalDate
    public let approvedBy: String

    public static let longestText = 500

    public init(reference: String, decidedOn: LocalDate, approvedBy: String) {
        self.reference = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        self.decidedOn = decidedOn
        self.approvedBy = approvedBy.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The basis as given, or the first field that is wrong: empty, too long, a control character,
    /// or a date after `today` (a basis is recorded once it has been decided).
    public func checked(today: LocalDate) throws(CaseFlowError) -> LegalBasis {
        for (field, text) in [("reference", reference), ("approvedBy", approvedBy)] { try CaseFlowError.check(text, field, longest: Self.longestText) }
        if decidedOn > today { throw .invalid("date", .inFuture) }
        return self
    }
}
