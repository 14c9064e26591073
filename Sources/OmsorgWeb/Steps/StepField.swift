import OmsorgDomain

/// One field of a step: its name in the API and in the form, what it holds, and whether it may be
/// left out. The step table's fields drive the JSON body, the HTML form and the OpenAPI schema alike.
struct StepField: Sendable {
    enum Kind: Sendable {
        /// One line of text.
        case text
        /// Free text over several lines: the ICS texts, notes and reasons.
        case longText
        /// A point in time; the form asks for a date and a time of day.
        case instant
        /// A calendar date.
        case date
        case bool
        case integer(ClosedRange<Int>)
        /// One of the API's enumeration values.
        case choice([String])
        /// A report of concern on the case.
        case report
        /// A measure on the case.
        case measure
        /// The goals of a child's plan: `[{description}]`.
        case goals
        /// A rating per goal of the present plan: `[{goalId, attainment}]`.
        case goalAttainment
    }

    let name: String
    let kind: Kind
    let optional: Bool

    init(_ name: String, _ kind: Kind, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.optional = optional
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) -> StepField where T.RawValue == String {
        StepField(name, .choice(type.allCases.map(\.rawValue)))
    }
}
