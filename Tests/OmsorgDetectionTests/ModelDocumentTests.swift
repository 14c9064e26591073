import Foundation
import OmsorgDomain
import Testing
@testable import OmsorgDetection

@Suite("Model documents")
struct ModelDocumentTests {
    /// Text typed by a person (a legal basis's reference) cannot make structure of its own.
    @Test func markdownKeepsTypedTextAsText() {
        let document = ModelDocument(title: "T <b>", sections: [
            .init("S", [.paragraph("# not a heading\nnor a second line <script>"), .paragraph("1. not a list"), .paragraph("12 children"),
                        .table(header: ["a", "b"], rows: [["x | y", "-1 & 2"]]), .list(["<i>one</i>"])]),
        ])
        #expect(document.markdown == """
            # T &lt;b&gt;

            ## S

            \\# not a heading nor a second line &lt;script&gt;

            \\1. not a list

            12 children

            | a | b |
            | --- | --- |
            | x \\| y | -1 &amp; 2 |

            - &lt;i&gt;one&lt;/i&gt;

            """)
    }

    @Test func theModelCardNamesEveryIndicatorTheHeldOutPerformanceAndTheGroups() throws {
        let model = try ModelTrainer().train(ModelTrainerTests.population, asOf: LocalDate(year: 2025, month: 1, day: 1)!)
        let card = ModelCard.document(model, version: 3, municipality: "9903 Vestby")
        #expect(card.title == "Model card: early detection, 9903 Vestby, version 3")
        #expect(card.sections.map(\.heading) == ["Purpose", "What it must not be used for", "Data", "Method", "The model",
                                                  "Performance on the held-out period", "Error rates by group", "Limits"])
        let markdown = card.markdown
        for indicator in IndicatorDefinition.catalogue { #expect(markdown.contains("| \(indicator.id) | 1 | \(indicator.description) |")) }
        for coefficient in model.model.covariates { #expect(markdown.contains("| \(coefficient.name) | \(PlainNumber.fixed(coefficient.estimate)) |")) }
        #expect(markdown.contains("AUC \(PlainNumber.fixed(model.evaluation.auc!))"))
        #expect(markdown.contains("| 0-5 | ") && markdown.contains("| two | "))
        let charts = card.sections.flatMap(\.blocks).compactMap { if case .chart(let chart) = $0 { chart } else { nil } }
        #expect(charts.count == 2, "the card draws the ROC curve and the calibration")
        #expect(markdown.contains("*Figure (drawn in the HTML version): ROC curve:"))
    }
}
