extension CaseFile {
    /// The reports whose urgent assessment (§136) is still to be made.
    public var reportsAwaitingUrgentAssessment: [ReportOfConcern] {
        reports.filter { urgentAssessments[$0.id] == nil }
    }

    /// The reports whose notifier is still owed a receipt (§137); an anonymous notifier is owed none.
    public var reportsAwaitingReceipt: [ReportOfConcern] {
        reports.filter { $0.notifier.kind != .anonymous && receipts[$0.id] == nil }
    }

    /// The measures granted without an end date.
    public var runningMeasures: [Measure] {
        measures.filter { $0.endDate == nil }
    }
}
