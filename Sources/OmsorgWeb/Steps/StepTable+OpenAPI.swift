import Foundation
import OmsorgDomain

extension StepTable {
    /// The step paths and their request schemas, merged into the hand-written rest of the OpenAPI
    /// document, so that a step's fields are declared once.
    static func addingSteps(to document: [String: Any]) -> [String: Any] {
        var document = document
        var paths = document["paths"] as? [String: Any] ?? [:]
        var components = document["components"] as? [String: Any] ?? [:]
        var schemas = components["schemas"] as? [String: Any] ?? [:]
        for step in all {
            paths["/api/v1/cases/{caseId}/" + step.path.joined(separator: "/")] = [step.method.rawValue.lowercased(): operation(step)]
            // A hand-written schema of the same name (a proposal's ConsentRequest once) would be
            // replaced unseen, and its operation documented with the step's body: caught by any test.
            assert(schemas[step.schemaName] == nil, "the step \(step.kind) replaces the document's schema \(step.schemaName)")
            schemas[step.schemaName] = schema(step.fields)
        }
        components["schemas"] = schemas
        document["components"] = components
        document["paths"] = paths
        return document
    }

    private static func operation(_ step: StepDefinition) -> [String: Any] {
        let problem: [String: Any] = ["$ref": "#/components/responses/Problem"]
        var responses: [String: Any] = ["200": [
            "description": "The whole case after the step",
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Case"]]],
        ]]
        for status in ["400", "401", "403", "404", "409", "413", "415", "422"] { responses[status] = problem }
        responses["503"] = ["$ref": "#/components/responses/Busy"]
        return [
            "summary": step.summary,
            "parameters": [["name": "caseId", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]],
            "requestBody": ["required": true, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(step.schemaName)"]]]],
            "responses": responses,
        ]
    }

    private static func schema(_ fields: [StepField]) -> [String: Any] {
        [
            "type": "object",
            "additionalProperties": false,
            "required": fields.filter { !$0.optional }.map(\.name),
            "properties": Dictionary(uniqueKeysWithValues: fields.map { ($0.name, schema($0.kind)) }),
        ]
    }

    private static func schema(_ kind: StepField.Kind) -> [String: Any] {
        let uuid: [String: Any] = ["type": "string", "format": "uuid"]
        let text: [String: Any] = ["type": "string", "minLength": 1]
        func array(_ properties: [String: Any]) -> [String: Any] {
            ["type": "array", "items": ["type": "object", "additionalProperties": false,
                                        "required": properties.keys.sorted(), "properties": properties]]
        }
        switch kind {
        case .text, .longText: return text
        case .instant: return ["type": "string", "format": "date-time"]
        case .date: return ["type": "string", "format": "date"]
        case .bool: return ["type": "boolean"]
        case .integer(let range): return ["type": "integer", "minimum": range.lowerBound, "maximum": range.upperBound]
        case .choice(let values): return ["type": "string", "enum": values]
        case .report, .measure: return uuid
        case .goals: return array(["description": text]).merging(["minItems": 1]) { $1 }
        case .goalAttainment:
            return array(["goalId": uuid, "attainment": schema(.choice(FollowUp.Attainment.allCases.map(\.rawValue)))])
        }
    }
}
