import Foundation
import OmsorgDomain

extension StepInput {
    /// Reads a step's HTML form against its fields. Unlike the API, which stops at the first wrong
    /// field, a form reports every wrong field at once, by the id of its input.
    static func parse(form: [String: String], fields: [StepField]) -> Result<StepInput, FormErrors> {
        var values: [String: Value] = [:]
        var errors: [FieldError] = []
        for field in fields {
            switch value(of: field, in: form) {
            case .success(let value?): values[field.name] = value
            case .success(nil): break
            case .failure(let error): errors.append(error)
            }
        }
        return errors.isEmpty ? .success(StepInput(values: values)) : .failure(FormErrors(errors: errors))
    }

    private static func value(of field: StepField, in form: [String: String]) -> Result<Value?, FieldError> {
        let name = field.name
        let typed = form[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        func refuse(_ problem: FieldProblem, _ id: String = name) -> Result<Value?, FieldError> {
            .failure(FieldError(field: id, problem: problem))
        }
        switch field.kind {
        case .instant:
            return instant(name, in: form)
        case .goals:
            let goals = form.filter { $0.key.hasPrefix("\(name)[") }.sorted { $0.key < $1.key }
            if let (key, character) = goals.lazy.compactMap({ key, text in PlainText.forbiddenCharacter(in: text).map { (key, $0) } }).first {
                // The textarea's id: goals[2] is goals-2.
                return refuse(.controlCharacter(character), key.replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "]", with: ""))
            }
            let typedGoals = goals.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            return typedGoals.isEmpty ? refuse(.required, "\(name)-0") : .success(.goals(typedGoals))
        case .goalAttainment:
            let prefix = "\(name)["
            let ratings = form.compactMap { key, value -> (goal: UUID, attainment: String)? in
                guard key.hasPrefix(prefix), key.hasSuffix("]"), let goal = UUID(uuidString: String(key.dropFirst(prefix.count).dropLast())),
                      FollowUp.Attainment(rawValue: value) != nil else { return nil }
                return (goal, value)
            }
            return .success(.attainments(ratings.sorted { $0.goal.uuidString < $1.goal.uuidString }))
        default:
            break
        }
        if typed.isEmpty { return field.optional ? .success(nil) : refuse(.required) }
        switch field.kind {
        case .text, .longText:
            let text = form[name] ?? ""
            return PlainText.forbiddenCharacter(in: text).map { refuse(.controlCharacter($0)) } ?? .success(.text(text))
        case .date:
            return FormDates.date(typed).map { .success(.date($0)) } ?? refuse(.notADate)
        case .bool:
            return ["true", "false"].contains(typed) ? .success(.bool(typed == "true")) : refuse(.notABool)
        case .integer(let range):
            guard let number = Int(typed.filter { $0 != "." && $0 != " " }) else { return refuse(.notAWholeNumber) }
            return range.contains(number) ? .success(.integer(number)) : refuse(.outOfRange(range))
        case .choice(let allowed):
            return allowed.contains(typed) ? .success(.text(typed)) : refuse(.notAChoice(allowed))
        case .report, .measure:
            return UUID(uuidString: typed).map { .success(.identifier($0)) } ?? refuse(.notAnIdentifier)
        case .instant, .goals, .goalAttainment:
            preconditionFailure("read above")
        }
    }

    private static func instant(_ name: String, in form: [String: String]) -> Result<Value?, FieldError> {
        let dateID = "\(name)-date", timeID = "\(name)-time"
        let dateText = form[dateID] ?? "", timeText = form[timeID] ?? ""
        if dateText.trimmingCharacters(in: .whitespaces).isEmpty { return .failure(FieldError(field: dateID, problem: .required)) }
        guard let date = FormDates.date(dateText) else { return .failure(FieldError(field: dateID, problem: .notADate)) }
        if timeText.trimmingCharacters(in: .whitespaces).isEmpty { return .failure(FieldError(field: timeID, problem: .required)) }
        guard let time = FormDates.timeOfDay(timeText) else { return .failure(FieldError(field: timeID, problem: .notATime)) }
        return .success(.instant(FormDates.instant(date: date, secondsAfterMidnight: time)))
    }
}

/// Every refused field of a form.
struct FormErrors: Error, Sendable {
    let errors: [FieldError]
}
