import Foundation
import OmsorgDomain

/// A case as the store holds it: who it is about, who works it, and its record of steps.
public struct CaseRecord: Sendable, Equatable {
    public let file: CaseFile
    /// The recorded steps, oldest first, with who recorded each and when.
    public let journal: [JournalEntry]
    public let child: Child
    public let family: [FamilyMember]
    public let municipalityID: Municipality.ID
    public let team: String
    public let caseworkerID: StaffUser.ID?
    /// The caseworker's display name, read with the case.
    public let caseworkerName: String?
    /// The assignment's version, which an assignment names to be sure it changes what its sender saw.
    public let assignmentVersion: Int

    public var id: CaseFile.ID { file.id }
}

/// One recorded step of a case's journal.
public struct JournalEntry: Sendable, Equatable {
    public let step: CaseStep
    public let recordedBy: StaffUser.ID
    /// The display name of whoever recorded it, read with the journal; nil if they are no longer on record.
    public let recordedByName: String?
    public let recordedAt: Date
}

/// One line of a case list.
public struct CaseSummary: Sendable, Equatable {
    public let id: CaseFile.ID
    public let childID: Child.ID
    public let childName: String
    public let stage: CaseFile.Stage
    public let openedAt: Date
    public let caseworkerID: StaffUser.ID?
}

/// An open deadline in a work tray.
public struct WorktrayEntry: Sendable, Equatable {
    public let caseID: CaseFile.ID
    public let childID: Child.ID
    public let childName: String
    public let deadline: Deadline
    /// Who works the case; nil while it is unassigned.
    public let caseworkerID: StaffUser.ID?
    public let assignmentVersion: Int
}

/// One page of a work tray, with the counts over all its pages.
public struct WorktrayPage: Sendable, Equatable {
    public let entries: [WorktrayEntry]
    public let total: Int
    public let overdue: Int
}

/// Where a report of concern went.
public struct ReceivedReport: Sendable, Equatable {
    public let caseID: CaseFile.ID
    public let joinedExistingCase: Bool
    /// The case, when the caller may see it.
    public let record: CaseRecord?
}
