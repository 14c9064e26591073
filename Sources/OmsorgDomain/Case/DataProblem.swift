import Foundation

/// Why the data of a step is wrong, whatever the case's state: the UI says it in the user's
/// language (`code`), the API in English (`message(field:)`).
public enum DataProblem: Sendable, Equatable {
    /// What a time must not lie before.
    public enum Milestone: String, Sendable, Equatable {
        case firstReport = "first-report"
        case reportReceived = "report-received"
        case preliminaryAssessment = "preliminary-assessment"
        case investigationDecided = "investigation-decided"
        case latestSection = "latest-section"
        case investigationCompleted = "investigation-completed"
        case childConversation = "child-conversation"
        case proposalTaken = "proposal-taken"
        case consentRequested = "consent-requested"
        case consentGiven = "consent-given"

        var words: String {
            switch self {
            case .firstReport: "the first report of concern"
            case .reportReceived: "the report was received"
            case .preliminaryAssessment: "the preliminary assessment"
            case .investigationDecided: "the investigation was decided"
            case .latestSection: "the latest ICS section it completes"
            case .investigationCompleted: "the investigation was completed"
            case .childConversation: "the child conversation it relies on"
            case .proposalTaken: "the proposal was taken"
            case .consentRequested: "the consent request was sent"
            case .consentGiven: "the family gave consent"
            }
        }
    }

    case empty
    /// Text holding a control character other than tab and line breaks (`PlainText`).
    case controlCharacter(Unicode.Scalar)
    case inFuture
    case before(Milestone)
    case cadenceOutOfRange
    case noGoals
    case costOutOfRange
    case endBeforeStart(LocalDate)
    case startBeforeGrant(LocalDate)
    /// A measure needing consent (§32, §46) cannot start before the custody holders gave it.
    case startBeforeConsent(LocalDate)
    case closureBeforeMeasureEnds(LocalDate)
    case followUpBeforeMeasure(LocalDate)
    case unknownReport
    case unknownMeasure
    case goalNotInPlan
    case anonymousWithName
    /// A preventive effort is for one of the proposed family's children.
    case notInFamily
    case tooManyGoals(Int)
    /// A preventive effort starts from the day consent was given and within a year of it.
    case effortStartOutOfRange(LocalDate)
    /// A preventive effort's follow-up lies after its start and within a year of it.
    case followUpOutOfRange(LocalDate)
    /// A date a form field does not hold as dd-mm-yyyy.
    case dateForm
    case startTooFarAhead(LocalDate)
    case endTooFarAhead(LocalDate)
    /// The person number's birth date lies after the report was received.
    case bornAfterReport
    /// Barnets Lov is for children under 18; a young person of 18–22 is reported only to an open case (after-care).
    case tooOldForChildProtection
    /// Text longer than its field holds.
    case tooLong(Int)
    /// A username outside `StaffUser.usernameLength` or its characters.
    case usernameForm
    /// Caseworkers and team leaders work a team's cases, and see none without a team.
    case teamRequired
    case passwordLength
    /// An administrator cannot deactivate their own account or give up their own role.
    case ownAccount
    /// The municipality keeps at least one active administrator, who can put every other right.
    case lastAdministrator
    /// A password chosen in place of the current one (an administrator's, say) must differ from it.
    case samePassword

    public var code: String {
        switch self {
        case .empty: "empty"
        case .controlCharacter: "control-character"
        case .startTooFarAhead: "start-too-far-ahead"
        case .endTooFarAhead: "end-too-far-ahead"
        case .bornAfterReport: "born-after-report"
        case .tooOldForChildProtection: "too-old"
        case .tooLong: "too-long"
        case .usernameForm: "username-form"
        case .teamRequired: "team-required"
        case .passwordLength: "password-length"
        case .ownAccount: "own-account"
        case .lastAdministrator: "last-administrator"
        case .samePassword: "same-password"
        case .inFuture: "in-future"
        case .before(let milestone): "before-\(milestone.rawValue)"
        case .cadenceOutOfRange: "cadence-out-of-range"
        case .noGoals: "no-goals"
        case .costOutOfRange: "cost-out-of-range"
        case .endBeforeStart: "end-before-start"
        case .startBeforeGrant: "start-before-grant"
        case .startBeforeConsent: "start-before-consent"
        case .closureBeforeMeasureEnds: "closure-before-measure-ends"
        case .followUpBeforeMeasure: "follow-up-before-measure"
        case .unknownReport: "unknown-report"
        case .unknownMeasure: "unknown-measure"
        case .goalNotInPlan: "goal-not-in-plan"
        case .anonymousWithName: "anonymous-with-name"
        case .notInFamily: "not-in-family"
        case .tooManyGoals: "too-many-goals"
        case .effortStartOutOfRange: "effort-start-out-of-range"
        case .followUpOutOfRange: "follow-up-out-of-range"
        case .dateForm: "date-form"
        }
    }

    /// The date a message names, where it names one.
    public var date: LocalDate? {
        switch self {
        case .endBeforeStart(let date), .startBeforeGrant(let date), .startTooFarAhead(let date), .endTooFarAhead(let date), .startBeforeConsent(let date), .closureBeforeMeasureEnds(let date),
             .followUpBeforeMeasure(let date), .effortStartOutOfRange(let date), .followUpOutOfRange(let date):
            date
        default: nil
        }
    }

    public func message(field: String) -> String {
        switch self {
        case .empty: "\(field) must not be empty."
        case .controlCharacter(let character):
            "\(field) holds the control character \(PlainText.name(of: character)); text may hold tabs and line breaks, but no other control characters."
        case .startTooFarAhead(let latest): "A measure is granted to start within \(Measure.yearsAheadToStart) years, by \(latest)."
        case .endTooFarAhead(let latest): "A measure runs at most \(Measure.longestYears) years, to \(latest)."
        case .bornAfterReport: "The person number's birth date lies after the report was received."
        case .tooOldForChildProtection:
            "The child is \(Child.ageLimit) or older on the report's date; a young person under \(Child.afterCareAgeLimit) is reported only to an open case (after-care)."
        case .tooLong(let longest): "\(field) holds at most \(longest) characters."
        case .usernameForm:
            "A username has \(StaffUser.usernameLength.lowerBound) to \(StaffUser.usernameLength.upperBound) characters: lower-case letters a–z, digits, '.', '-' and '_', starting with a letter or digit."
        case .teamRequired: "A caseworker or team leader works in a team; name the team."
        case .passwordLength: "A password has \(StaffUser.passwordBytes.lowerBound) to \(StaffUser.passwordBytes.upperBound) characters (bytes in UTF-8)."
        case .ownAccount: "You cannot deactivate your own account or change your own role; ask another administrator."
        case .lastAdministrator: "The municipality must keep at least one active administrator; this change would leave it none."
        case .samePassword: "Choose a password other than the current one."
        case .inFuture: "The time lies in the future; record a step when it has happened."
        case .before(let milestone): "The time lies before \(milestone.words)."
        case .cadenceOutOfRange: "The follow-up cadence is \(CaseFile.followUpCadenceRange.lowerBound) to \(CaseFile.followUpCadenceRange.upperBound) months."
        case .noGoals: "A child's plan has at least one concrete goal."
        case .costOutOfRange: "The monthly cost lies from \(Measure.monthlyCostRange.lowerBound) to \(Measure.monthlyCostRange.upperBound) kroner."
        case .endBeforeStart(let start): "A measure cannot end before it starts (\(start))."
        case .startBeforeGrant(let granted): "A measure cannot start before it was granted (\(granted))."
        case .startBeforeConsent(let given): "A measure needing consent cannot start before the consent was given (\(given))."
        case .closureBeforeMeasureEnds(let end): "The case cannot close before its last measure ends (\(end))."
        case .followUpBeforeMeasure(let start): "A follow-up comes after the first measure has started (\(start))."
        case .unknownReport: "No such report of concern on this case."
        case .unknownMeasure: "No such measure on this case."
        case .goalNotInPlan: "Each goal of the present child's plan may be rated once."
        case .anonymousWithName: "An anonymous report carries no notifier name or e-mail; choose 'private' if the notifier is known."
        case .notInFamily: "\(field) is not one of the proposed family's children."
        case .dateForm: "\(field) is not a date written dd-mm-yyyy."
        case .tooManyGoals(let most): "An effort has at most \(most) goals."
        case .effortStartOutOfRange(let given):
            "An effort starts on or after the day consent was given (\(given)) and within \(PreventiveEffort.latestMonths) months of it."
        case .followUpOutOfRange(let start):
            "The follow-up lies after the effort starts (\(start)) and within \(PreventiveEffort.latestMonths) months of it."
        }
    }
}
