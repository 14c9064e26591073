import Foundation
import OmsorgDomain

/// The summary of a data protection impact assessment (GDPR art. 35) for early detection in one
/// municipality, written from what Omsorg holds for it: the legal basis recorded, the extracts
/// loaded, the indicators and the model version, the retention periods set, and who may see what.
/// It is the summary a DPO starts from, not the assessment itself: necessity, proportionality and
/// the consultation of those concerned are the municipality's to write.
public struct ImpactAssessment: Sendable {
    /// One source system's extracts as loaded.
    public struct LoadedSource: Sendable, Equatable {
        public let source: SourceSystem
        public let files: Int
        public let rows: Int
        public let lastLoaded: Date

        public init(source: SourceSystem, files: Int, rows: Int, lastLoaded: Date) {
            self.source = source
            self.files = files
            self.rows = rows
            self.lastLoaded = lastLoaded
        }
    }

    public let municipality: String
    public let legalBasis: LegalBasis
    public let sources: [LoadedSource]
    public let model: TrainedModel
    public let version: Int
    /// Days each kind of record is kept, as the municipality has set them.
    public let retention: [RetainedRecord: Int]

    public init(municipality: String, legalBasis: LegalBasis, sources: [LoadedSource], model: TrainedModel, version: Int,
                retention: [RetainedRecord: Int]) {
        self.municipality = municipality
        self.legalBasis = legalBasis
        self.sources = sources
        self.model = model
        self.version = version
        self.retention = retention
    }

    public var document: ModelDocument {
        ModelDocument(title: "Impact assessment summary (GDPR art. 35): early detection, \(municipality)", sections: [
            ModelDocument.Section("Processing", [
                .paragraph("Extracts from the municipality's own systems are joined per child under pseudonyms, indicators are computed for every child under 18, and a logistic regression (model version \(version), see its model card) ranks them. Families with two or more of the model's indicators are proposed to a caseworker, who may ask the family's consent to offer an early preventive effort."),
            ]),
            ModelDocument.Section("Legal basis", [
                .table(header: ["Reference", "Decided on", "Approved by"], rows: [[legalBasis.reference, legalBasis.decidedOn.description, legalBasis.approvedBy]]),
            ]),
            sourcesSection,
            ModelDocument.Section("Indicators", [
                .table(header: ["Indicator", "Meaning", "Source", "Window (months)", "In model version \(version)"], rows: model.indicators.map { indicator in
                    [indicator.column, indicator.description, indicator.source.rawValue, String(indicator.windowMonths),
                     model.selected.contains(indicator) ? "yes" : "no"]
                }),
                .paragraph("No diagnosis, health professional's assessment, ethnicity or origin is loaded: a column naming one is refused when the extract is read."),
            ]),
            retentionSection,
            ModelDocument.Section("Who sees what", [
                .list([
                    "Operators on the server load extracts, train and score. The detection tables hold pseudonyms (HMAC-SHA-256 under the municipality's key), never person numbers; the register from pseudonym to person number is read only through an audited lookup.",
                    "Caseworkers see a proposal's indicators in plain words and its score; a family's names only once they take the proposal, through the audited lookup; and the family's cases only once the family's consent is recorded.",
                    "Managers see counts, never a child. Analysts see pseudonymised tables, model versions and their evaluations.",
                    "No one in another municipality sees anything of this one's data; every read of personal data is an entry in the municipality's hash-chained audit log.",
                ]),
            ]),
            ModelDocument.Section("Risks to weigh", [
                .list([
                    "Families in contact with more services leave more traces, so they are proposed more often (see the error rates by group in the model card).",
                    "A proposal may be wrong: about \(falseShare) of the children in the highest \(PlainNumber.text(model.flaggedShare * 100)) % of held-out scores had no report of concern in the following year.",
                    "Knowing that one was proposed can harm trust in the municipality; the consent letter says what the proposal rests on and that saying no has no consequence.",
                    "Extracts loaded for detection have no retention period of their own in this release: an operator deletes them.",
                ]),
            ]),
        ])
    }

    private var sourcesSection: ModelDocument.Section {
        ModelDocument.Section("Sources", sources.isEmpty ? [.paragraph("No extract has been loaded.")] : [
            .table(header: ["Source", "Files", "Rows", "Last loaded"], rows: sources.map { loaded in
                [loaded.source.rawValue, String(loaded.files), String(loaded.rows), ISO8601DateFormatter().string(from: loaded.lastLoaded)]
            }),
        ])
    }

    private var retentionSection: ModelDocument.Section {
        ModelDocument.Section("Retention", [
            .table(header: ["Record", "Kept (days)"], rows: RetainedRecord.allCases.map { kind in
                [kind.rawValue, String(retention[kind] ?? kind.defaultDays)]
            }),
        ])
    }

    /// The share of flagged held-out children without the outcome, in words.
    private var falseShare: String {
        let flagged = model.groupErrors.first?.groups ?? []
        let positives = flagged.reduce(0) { $0 + $1.flagged }, wrong = flagged.reduce(0) { $0 + $1.falsePositives }
        return positives == 0 ? "none" : "\(PlainNumber.text((Double(wrong) / Double(positives) * 100).rounded())) %"
    }
}
