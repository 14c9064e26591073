import Foundation

extension Child {
    /// Barnets Lov is for children under 18 (§ 2).
    public static let ageLimit = 18
    /// After-care (efterværn) may go on until the young person turns 23, on the case already open.
    public static let afterCareAgeLimit = 23

    /// Checks the child a report is about: a name, plain text, and an age the law covers on the day
    /// the report was received.
    public func check(reportedAt receivedAt: Date, joiningOpenCase: Bool) throws(CaseFlowError) {
        try CaseFile.require(name, "child.name")
        try CaseFile.plain(schoolOrDaycare, "child.schoolOrDaycare")
        let reportDate = LocalDate(receivedAt)
        guard birthDate <= reportDate else { throw .invalid("child.personNumber", .bornAfterReport) }
        let limit = joiningOpenCase ? Self.afterCareAgeLimit : Self.ageLimit
        guard reportDate < birthDate.addingMonths(12 * limit) else { throw .invalid("child.personNumber", .tooOldForChildProtection) }
    }
}

extension FamilyMember {
    public func check() throws(CaseFlowError) {
        try CaseFile.require(name, "name")
        try CaseFile.plain(occupation, "occupation")
    }
}
