import FluentKit
import Foundation
import OmsorgDomain

final class ChildRow: Model, @unchecked Sendable {
    static let schema = "children"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "person_number") var personNumber: String
    @Field(key: "name") var name: String
    @OptionalField(key: "school_or_daycare") var schoolOrDaycare: String?

    init() {}
}

final class FamilyMemberRow: Model, @unchecked Sendable {
    static let schema = "family_members"
    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "person_number") var personNumber: String?
    @Field(key: "relation") var relation: String
    @Field(key: "has_custody") var hasCustody: Bool
    @Field(key: "lives_with_child") var livesWithChild: Bool
    @OptionalField(key: "occupation") var occupation: String?
    /// Counted up by every change (`StoreError.changedSince`).
    @Field(key: "version") var version: Int

    init() {}

    /// Takes what `member` records; its identity, child and version are the caller's to set.
    func hold(_ member: FamilyMember) {
        name = member.name
        personNumber = member.personNumber?.digits
        relation = member.relation.rawValue
        hasCustody = member.hasCustody
        livesWithChild = member.livesWithChild
        occupation = member.occupation
    }
}

final class CaseRow: Model, @unchecked Sendable {
    static let schema = "cases"
    @ID(key: .id) var id: UUID?
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "child_id") var childID: UUID
    @Field(key: "team") var team: String
    @OptionalField(key: "caseworker_id") var caseworkerID: UUID?
    /// Counted up by every assignment (`StoreError.changedSince`).
    @Field(key: "assignment_version") var assignmentVersion: Int
    /// Derived from the steps and kept here so that lists and statistics need not replay them.
    @Field(key: "stage") var stage: String
    @Field(key: "opened_at") var openedAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "step_count") var stepCount: Int

    init() {}
}

/// One recorded step of a case, append-only: the case's record (journal).
final class CaseStepRow: Model, @unchecked Sendable {
    static let schema = "case_steps"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "kind") var kind: String
    /// The `StoredStep` format `payload` is written in.
    @Field(key: "format") var format: Int
    @Field(key: "payload") var payload: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// The deadlines of open work, rewritten with every step so the worktray is one indexed query.
/// Municipality, team and caseworker are the case's, copied so the tray needs no join to find them.
final class DeadlineRow: Model, @unchecked Sendable {
    static let schema = "deadlines"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "municipality_id") var municipalityID: UUID
    @Field(key: "team") var team: String
    @OptionalField(key: "caseworker_id") var caseworkerID: UUID?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "report_id") var reportID: UUID?
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "met_at") var metAt: Date?

    init() {}
}
