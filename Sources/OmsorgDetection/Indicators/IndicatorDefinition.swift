/// A risk indicator, declared rather than coded: which source and events, about the child or a
/// custody holder, over what window, aggregated how, against what threshold. A changed definition
/// gets a new version, so a fitted model always names the exact indicators it was fitted on.
public struct IndicatorDefinition: Codable, Sendable, Equatable {
    public enum Subject: String, Codable, Sendable {
        case child
        /// Any of the child's custody holders.
        case custodyHolder = "custody-holder"
    }

    public enum Aggregate: String, Codable, Sendable {
        /// Number of matching events in the window.
        case events
        /// Number of distinct calendar months with a matching event.
        case distinctMonths = "distinct-months"
        /// Sum of the events' values (e.g. absence days).
        case sum
        /// Number of periods (start to end) overlapping the window.
        case overlappingPeriods = "overlapping-periods"
    }

    public let id: String
    public let version: Int
    public let description: String
    public let source: SourceSystem
    /// The event values that count; empty counts every row of the source.
    public let events: [String]
    public let subject: Subject
    public let windowMonths: Int
    public let aggregate: Aggregate
    public let threshold: Int

    /// The indicator's column in tables and models.
    public var column: String { "\(id)_v\(version)" }
}

extension IndicatorDefinition {
    /// The indicators of the first model version (DESIGN.md "Indicators").
    public static let catalogue: [IndicatorDefinition] = [
        .init(id: "dental_missed", version: 1, description: "2+ missed dental appointments in 12 months",
              source: .dental, events: ["missed-appointment"], subject: .child, windowMonths: 12, aggregate: .events, threshold: 2),
        .init(id: "health_visit_extra_need", version: 1, description: "2+ extra-need health visits in 24 months",
              source: .healthVisiting, events: ["extra-need-visit"], subject: .child, windowMonths: 24, aggregate: .events, threshold: 2),
        .init(id: "health_visit_missed", version: 1, description: "2+ missed health-visiting appointments in 24 months",
              source: .healthVisiting, events: ["missed-appointment"], subject: .child, windowMonths: 24, aggregate: .events, threshold: 2),
        .init(id: "parent_benefits", version: 1, description: "A custody holder on benefits at least 6 of the last 12 months",
              source: .jobCentre, events: [], subject: .custodyHolder, windowMonths: 12, aggregate: .distinctMonths, threshold: 6),
        .init(id: "daycare_absence", version: 1, description: "20+ days' daycare absence in 6 months",
              source: .daycare, events: [], subject: .child, windowMonths: 6, aggregate: .sum, threshold: 20),
        .init(id: "reports_of_concern", version: 1, description: "2+ reports of concern in 24 months",
              source: .socialServices, events: ["report-of-concern"], subject: .child, windowMonths: 24, aggregate: .events, threshold: 2),
        .init(id: "parent_substance_treatment", version: 1, description: "A custody holder in substance-abuse treatment in the last 24 months",
              source: .substanceTreatment, events: [], subject: .custodyHolder, windowMonths: 24, aggregate: .overlappingPeriods, threshold: 1),
        .init(id: "earlier_measure", version: 1, description: "A measure or placement in the last 36 months",
              source: .socialServices, events: ["measure-start", "placement"], subject: .child, windowMonths: 36, aggregate: .events, threshold: 1),
    ]
}
