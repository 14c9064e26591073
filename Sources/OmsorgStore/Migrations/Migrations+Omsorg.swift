import FluentKit

extension Migrations {
    /// Every migration, in order. Append only: a released migration is never edited.
    public func addOmsorg() {
        add([
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
        ])
    }
}
