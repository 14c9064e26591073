import OmsorgDomain
import SQLKit

extension AccessScope {
    /// The team whose cases the scope reaches. Cases are shared within a team, so staff without a
    /// team reach no case at all, not every team's: no case has an empty team.
    var caseTeam: String { team ?? "" }

    /// `caseTeam` as a condition on `column`.
    func teamCondition(_ column: String) -> SQLQueryString {
        " AND \(unsafeRaw: column) = \(bind: caseTeam)"
    }

    /// Whether a case of `team` lies within the scope.
    func reaches(team caseTeam: String) -> Bool { self.caseTeam == caseTeam }
}
