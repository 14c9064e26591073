import Foundation
import OmsorgDomain

/// A case as the store holds it: who it is about, who works it, and its record of steps.
public struct CaseRecord: Sendable, Equatable {
    public let file: CaseFile
    public let child: Child
    public let family: [FamilyMember]
    public let municipalityID: Municipality.ID
    public let team: String
    public let caseworkerID: StaffUser.ID?

    public var id: CaseFile.ID { file.id }
}

/// One line of a case list.
public struct CaseSummary: Sendable, Equatable {
    public let id: CaseFile.ID
    public let childName: String
    public let stage: CaseFile.Stage
    public let openedAt: Date
    public let caseworkerID: StaffUser.ID?
}

/// An open deadline in a caseworker's worktray.
public struct WorktrayEntry: Sendable, Equatable {
    public let caseID: CaseFile.ID
    public let childName: String
    public let deadline: Deadline
}

/// Where a report of concern went.
public struct ReceivedReport: Sendable, Equatable {
    public let caseID: CaseFile.ID
    public let joinedExistingCase: Bool
    /// The case, when the caller may see it.
    public let record: CaseRecord?
}
