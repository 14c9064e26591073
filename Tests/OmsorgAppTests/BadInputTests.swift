import Foundation
import Testing
import Vapor

/// Bad input answers 4xx with a problem body naming what is wrong, and changes nothing.
@Suite("Bad input")
struct BadInputTests {
    @Test(arguments: TestDatabase.available)
    func isRefusedWithAProblemAndLeavesNoTrace(database: TestDatabase) async throws {
        try await TestApp.run(on: database) { test in
            let worker = try await test.client("sydby.caseworker")
            let created = try await worker.expect(.created, .POST, "/api/v1/reports-of-concern", json: report())
            let caseID = created["caseId"] as! String
            let before = try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")

            var unknownField = report()
            unknownField["notifer"] = ["kind": "private"]
            var badPerson = report(personNumber: "320190-1234")
            badPerson["child"] = ["personNumber": "320190-1234", "name": "X"]
            var missing = report()
            missing.removeValue(forKey: "description")
            let cases: [(String, HTTPMethod, String, Any?, String?, HTTPResponseStatus, String?)] = [
                ("malformed JSON", .POST, "/api/v1/reports-of-concern", nil, "{\"child\": ", .badRequest, nil),
                ("unknown field", .POST, "/api/v1/reports-of-concern", unknownField, nil, .unprocessableEntity, "notifer"),
                ("invalid person number", .POST, "/api/v1/reports-of-concern", badPerson, nil, .unprocessableEntity, "child.personNumber"),
                ("missing field", .POST, "/api/v1/reports-of-concern", missing, nil, .unprocessableEntity, "description"),
                ("future receipt time", .POST, "/api/v1/reports-of-concern", report(personNumber: "700312-4123", receivedAt: at(hours: 5)), nil, .unprocessableEntity, "receivedAt"),
                ("time without zone", .POST, "/api/v1/reports-of-concern", report(personNumber: "700312-4123", receivedAt: "2024-06-01 10:00"), nil, .unprocessableEntity, "receivedAt"),
                ("wrong enumeration", .POST, "/api/v1/cases/\(caseID)/preliminary-assessments", ["assessedAt": at(hours: -1), "text": "x", "outcome": "maybe"], nil, .unprocessableEntity, "outcome"),
                ("oversize body", .POST, "/api/v1/reports-of-concern", nil, "{\"description\": \"" + String(repeating: "x", count: 20_000) + "\"}", .payloadTooLarge, nil),
                ("step out of order", .POST, "/api/v1/cases/\(caseID)/decision", ["decidedAt": at(hours: -1), "outcome": "measures", "reasoning": "x"], nil, .conflict, nil),
                ("step on unknown report", .POST, "/api/v1/cases/\(caseID)/urgent-assessments", ["reportId": UUID().uuidString, "assessedAt": at(hours: -1), "childAtImmediateRisk": false, "note": "x"], nil, .unprocessableEntity, "reportId"),
                ("not an identifier", .GET, "/api/v1/cases/not-a-uuid", nil, nil, .badRequest, "caseID"),
                ("unknown case", .GET, "/api/v1/cases/\(UUID().uuidString)", nil, nil, .notFound, nil),
                ("unknown route", .GET, "/api/v1/nothing-here", nil, nil, .notFound, nil),
                ("cadence out of range", .PUT, "/api/v1/cases/\(caseID)/follow-up-cadence", ["months": 13], nil, .unprocessableEntity, "months"),
            ]
            for (name, method, path, json, raw, status, field) in cases {
                let response = try await worker.send(method, path, json: json, raw: raw)
                #expect(response.status == status, "\(name): \(response.body.string)")
                #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true, "\(name)")
                let problem = response.json
                #expect(problem["status"] as? Int == Int(status.code), "\(name)")
                #expect((problem["detail"] as? String)?.isEmpty == false, "\(name)")
                if let field { #expect(problem["field"] as? String == field, "\(name): \(problem)") }
            }
            let textBody = try await worker.send(.POST, "/api/v1/reports-of-concern", raw: "hello", contentType: .plainText)
            #expect(textBody.status == .unsupportedMediaType)

            let after = try await worker.expect(.ok, .GET, "/api/v1/cases/\(caseID)")
            #expect(NSDictionary(dictionary: after) == NSDictionary(dictionary: before))
            let list = try await worker.expect(.ok, .GET, "/api/v1/cases")
            #expect((list["items"] as! [Any]).count == 1)
        }
    }
}
