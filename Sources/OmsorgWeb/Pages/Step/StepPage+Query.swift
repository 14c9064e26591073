import Foundation
import OmsorgDomain
import OmsorgStore
import Vapor

extension StepPage {
    static func model(_ id: CaseFile.ID, _ step: StepDefinition, for user: StaffUser, texts: Texts, form: FormState?,
                      on request: Request) async throws -> Model {
        let record = try await request.cases.find(id, access: Access(user, purpose: .casework), now: request.now)
        let file = record.file
        let deadline = DeadlineEngine.deadlines(for: file).nextOpen(metBy: step.kind)
        return Model(record: record, step: step, blocked: file.availability(of: step.kind).map(texts.blocker), deadline: deadline,
                     form: form ?? defaults(step, file: file, now: request.now))
    }

    /// A new form: times and dates are now, and a choice with a single possible answer is made.
    static func defaults(_ step: StepDefinition, file: CaseFile, now: Date) -> FormState {
        var values: [String: String] = [:]
        for field in step.fields {
            switch field.kind {
            case .instant:
                values["\(field.name)-date"] = FormDates.format(LocalDate(now))
                values["\(field.name)-time"] = FormDates.formatTime(now)
            case .date where !field.optional:
                values[field.name] = FormDates.format(LocalDate(now))
            case .report:
                let reports = reports(for: step.kind, in: file)
                if reports.count == 1 { values[field.name] = reports[0].id.description }
            case .measure where file.runningMeasures.count == 1:
                values[field.name] = file.runningMeasures[0].id.description
            default:
                break
            }
        }
        return FormState(values: values)
    }

    /// The reports a report field offers: those still waiting for this step.
    static func reports(for kind: CaseStep.Kind, in file: CaseFile) -> [ReportOfConcern] {
        kind == .notifierReceipt ? file.reportsAwaitingReceipt : file.reportsAwaitingUrgentAssessment
    }
}
