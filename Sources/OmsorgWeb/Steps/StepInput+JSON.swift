import Foundation
import OmsorgDomain

extension StepInput {
    /// Reads a step's JSON body against its fields: every declared field present and of its type,
    /// no field the step does not know (often a misspelt optional one).
    init(json object: [String: JSONValue], fields: [StepField]) throws(FieldError) {
        let declared = Set(fields.map(\.name))
        if let unknown = object.keys.sorted().first(where: { !declared.contains($0) && object[$0] != .null }) {
            throw FieldError(field: unknown, problem: .unknownField)
        }
        var values: [String: Value] = [:]
        for field in fields {
            guard let sent = object[field.name], sent != .null else {
                if field.optional { continue }
                throw FieldError(field: field.name, problem: .required)
            }
            values[field.name] = try Self.value(sent, of: field)
        }
        self.init(values: values)
    }

    private static func value(_ sent: JSONValue, of field: StepField) throws(FieldError) -> Value {
        let name = field.name
        switch field.kind {
        case .text, .longText:
            return .text(try string(sent, name))
        case .instant:
            guard let instant = JSON.parseInstant(try string(sent, name)) else { throw FieldError(field: name, problem: .notAnInstant) }
            return .instant(instant)
        case .date:
            guard let date = try? LocalDate(iso: try string(sent, name)) else { throw FieldError(field: name, problem: .notADate) }
            return .date(date)
        case .bool:
            guard case .bool(let value) = sent else { throw FieldError(field: name, problem: .notABool) }
            return .bool(value)
        case .integer(let range):
            guard case .integer(let value) = sent else { throw FieldError(field: name, problem: .notAWholeNumber) }
            guard range.contains(value) else { throw FieldError(field: name, problem: .outOfRange(range)) }
            return .integer(value)
        case .choice(let allowed):
            let value = try string(sent, name)
            guard allowed.contains(value) else { throw FieldError(field: name, problem: .notAChoice(allowed)) }
            return .text(value)
        case .report, .measure:
            return .identifier(try identifier(sent, name))
        case .goals:
            return .goals(try goals(sent, name))
        case .goalAttainment:
            return .attainments(try attainments(sent, name))
        }
    }

    private static func string(_ sent: JSONValue, _ name: String) throws(FieldError) -> String {
        guard case .string(let value) = sent else { throw FieldError(field: name, problem: .notText) }
        return value
    }

    private static func identifier(_ sent: JSONValue, _ name: String) throws(FieldError) -> UUID {
        guard let id = UUID(uuidString: try string(sent, name)) else { throw FieldError(field: name, problem: .notAnIdentifier) }
        return id
    }

    private static func elements(_ sent: JSONValue, _ name: String, keys: Set<String>) throws(FieldError) -> [[String: JSONValue]] {
        guard case .array(let items) = sent else { throw FieldError(field: name, problem: .required) }
        var objects: [[String: JSONValue]] = []
        for (index, item) in items.enumerated() {
            guard case .object(let object) = item else { throw FieldError(field: "\(name)[\(index)]", problem: .required) }
            if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
                throw FieldError(field: "\(name)[\(index)].\(unknown)", problem: .unknownField)
            }
            objects.append(object)
        }
        return objects
    }

    private static func goals(_ sent: JSONValue, _ name: String) throws(FieldError) -> [String] {
        var goals: [String] = []
        for (index, object) in try elements(sent, name, keys: ["description"]).enumerated() {
            let path = "\(name)[\(index)].description"
            guard let description = object["description"] else { throw FieldError(field: path, problem: .required) }
            goals.append(try string(description, path))
        }
        return goals
    }

    private static func attainments(_ sent: JSONValue, _ name: String) throws(FieldError) -> [(goal: UUID, attainment: String)] {
        var result: [(goal: UUID, attainment: String)] = []
        let allowed = FollowUp.Attainment.allCases.map(\.rawValue)
        for (index, object) in try elements(sent, name, keys: ["goalId", "attainment"]).enumerated() {
            let goalPath = "\(name)[\(index)].goalId", attainmentPath = "\(name)[\(index)].attainment"
            guard let goal = object["goalId"] else { throw FieldError(field: goalPath, problem: .required) }
            guard let attainment = object["attainment"] else { throw FieldError(field: attainmentPath, problem: .required) }
            let value = try string(attainment, attainmentPath)
            guard allowed.contains(value) else { throw FieldError(field: attainmentPath, problem: .notAChoice(allowed)) }
            result.append((try identifier(goal, goalPath), value))
        }
        return result
    }
}
