import Foundation
import OmsorgDomain
import OmsorgStore

/// The case page: the child and family, every step so far, the deadlines, and what to do next.
enum CasePage {
    struct Model: Sendable {
        struct NextStep: Sendable {
            let kind: CaseStep.Kind
            /// The deadline the step meets, when one is open.
            let deadline: Deadline?
        }

        struct BlockedStep: Sendable {
            let kind: CaseStep.Kind
            /// What the step waits for, in the page's language.
            let reason: String
        }

        let record: CaseRecord
        let nextSteps: [NextStep]
        let otherSteps: [NextStep]
        let blockedSteps: [BlockedStep]
        let deadlines: [Deadline]
        /// The early-detection proposal whose recorded consent opens the case to a caseworker
        /// outside its team; the page is then read only.
        var consentedVia: UUID? = nil
    }

    /// Steps that may come at any time and do not move the case on; the panel lists them apart.
    static let anyTimeSteps: Set<CaseStep.Kind> = [.childConversation, .consent, .followUpCadence]
}
