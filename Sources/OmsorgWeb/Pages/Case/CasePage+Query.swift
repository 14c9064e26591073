import Foundation
import OmsorgDomain
import OmsorgStore
import Vapor

extension CasePage {
    static func model(_ id: CaseFile.ID, for user: StaffUser, texts: Texts, on request: Request) async throws -> Model {
        let record = try await request.cases.find(id, access: Access(user, purpose: .casework), now: request.now)
        let deadlines = deadlines(of: record)
        let steps = record.file.allowedSteps.filter { $0 != .report }.map { kind in
            Model.NextStep(kind: kind, deadline: deadlines.nextOpen(metBy: kind))
        }
        return Model(record: record,
                     nextSteps: steps.filter { !anyTimeSteps.contains($0.kind) },
                     otherSteps: steps.filter { anyTimeSteps.contains($0.kind) },
                     blockedSteps: blockedSteps(record.file, texts: texts), deadlines: deadlines)
    }

    /// A family's case opened through the proposal `proposal` the family consented to: to read,
    /// with no step offered, as the case is another caseworker's to work.
    static func consented(_ record: CaseRecord, via proposal: UUID) -> Model {
        Model(record: record, nextSteps: [], otherSteps: [], blockedSteps: [], deadlines: deadlines(of: record), consentedVia: proposal)
    }

    private static func deadlines(of record: CaseRecord) -> [Deadline] {
        DeadlineEngine.deadlines(for: record.file).sorted { $0.dueAt < $1.dueAt }
    }

    private static func blockedSteps(_ file: CaseFile, texts: Texts) -> [Model.BlockedStep] {
        file.blockedSteps.map { Model.BlockedStep(kind: $0.kind, reason: texts.blocker($0.blocker)) }
    }
}
