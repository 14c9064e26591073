import Foundation
import OmsorgDomain
import OmsorgStore

/// The form of one step of the flow, made from the step table's fields.
enum StepPage {
    struct Model: Sendable {
        let record: CaseRecord
        let step: StepDefinition
        /// Why the step cannot be taken now, in the page's language; nil when it can.
        let blocked: String?
        /// The open deadline the step meets.
        let deadline: Deadline?
        let form: FormState
    }
}
