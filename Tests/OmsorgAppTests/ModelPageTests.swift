import Foundation
import OmsorgDomain
import OmsorgStore
import Testing
import Vapor

/// The model's page shows a version's card with its ROC and calibration charts as SVG and the
/// caseworkers' feedback, to every member of staff of the municipality and only of it.
@Suite("Model page")
struct ModelPageTests {
    @Test(arguments: TestDatabase.available)
    func theModelCardIsShownWithItsChartsAndTheFeedback(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            var manager = try await PageClient.signedIn(test, "sydby.manager")
            #expect(try await manager.get("/models").body.string.contains("id=\"model-none\""))
            _ = try await ModelRepository(test.app.db).store(ModelRepositoryTests.model, municipality: test.sydby.id, now: testNow)

            let page = try await manager.get("/models")
            let html = page.body.string
            #expect(page.status == .ok && !html.contains("⟦"))
            #expect(html.contains("Model card: early detection") && html.contains("lang=\"en\""))
            for chart in ["chart-roc", "chart-calibration"] {
                #expect(html.contains("<svg viewBox=\"0 0 320 300\"") && html.contains("aria-labelledby=\"\(chart)-title \(chart)-desc\""), "\(chart)")
            }
            #expect(html.range(of: #"<polyline points="[0-9., ]+""#, options: .regularExpression) != nil)
            #expect(html.contains("Feedback from caseworkers") && html.contains("<td>not judged</td><td>0</td>"))
            for unknown in ["2", "abc", "1.5", "99999999999999999999"] {
                #expect(try await manager.get("/models?version=\(unknown)").status == .notFound, "\(unknown)")
            }

            var elsewhere = try await PageClient.signedIn(test, "nordby.caseworker")
            #expect(try await elsewhere.get("/models").body.string.contains("id=\"model-none\""))
        }
    }
}
