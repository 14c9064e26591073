import FluentKit

extension Migrations {
    /// Every migration, in order. Append only: a released migration is never edited.
    static let omsorg: [any Migration] = [
        CreateMunicipalities(), CreateUsers(), CreateUserTokens(),
        CreateChildren(), CreateCases(),
        CreateDetectionTables(),
        CreateAuditLog(),
        StoreEventsInColumns(),
        CreateCasesCaseworkerIndex(),
        CreateWebSessions(), CreateSignInFailures(),
        UpdateSignInFailuresAddPending(),
        UpdateDeadlinesAddOwners(),
        CreateAuditChains(),
        CreateRetention(),
        AddStepFormats(),
        MoveAuditChildrenIntoEntries(),
        AddAssignmentVersions(),
        AddFamilyMemberVersions(),
        AddUserStates(),
        CreateModelVersions(),
        CreateProposals(),
        AddConsentWorkflow(),
        AddPasswordSetByAdministrator(),
    ]

    /// The names Fluent records each migration under: a database that has applied one not named
    /// here was made by a newer version.
    public static var omsorgNames: Set<String> { Set(omsorg.map(\.name)) }

    public func addOmsorg() {
        add(Self.omsorg)
    }
}
