import Foundation
import OmsorgDomain

/// The checked values of one step's fields, read from a JSON body or from a form. Each value has
/// the type its field declares, so the step table's constructors only assemble the domain step. A
/// constructor asking for a field its step does not declare is a programming error, which the step
/// table's tests reach for every step.
struct StepInput: Sendable {
    enum Value: Sendable {
        case text(String)
        case instant(Date)
        case date(LocalDate)
        case bool(Bool)
        case integer(Int)
        case identifier(UUID)
        case goals([String])
        case attainments([(goal: UUID, attainment: String)])
    }

    let values: [String: Value]

    func text(_ name: String) -> String {
        guard case .text(let value) = values[name] else { undeclared(name) }
        return value
    }

    func optionalText(_ name: String) -> String? {
        if case .text(let value) = values[name] { return value }
        return nil
    }

    func instant(_ name: String) -> Date {
        guard case .instant(let value) = values[name] else { undeclared(name) }
        return value
    }

    func date(_ name: String) -> LocalDate {
        guard let value = optionalDate(name) else { undeclared(name) }
        return value
    }

    func optionalDate(_ name: String) -> LocalDate? {
        if case .date(let value) = values[name] { return value }
        return nil
    }

    func bool(_ name: String) -> Bool {
        guard case .bool(let value) = values[name] else { undeclared(name) }
        return value
    }

    func integer(_ name: String) -> Int {
        guard case .integer(let value) = values[name] else { undeclared(name) }
        return value
    }

    /// A choice field's value; the field's declared values are the type's raw values.
    func choice<T: RawRepresentable>(_ name: String, as type: T.Type) -> T where T.RawValue == String {
        guard let value = T(rawValue: text(name)) else { undeclared(name) }
        return value
    }

    func identifier<Owner>(_ name: String, as type: Identifier<Owner>.Type) -> Identifier<Owner> {
        guard case .identifier(let value) = values[name] else { undeclared(name) }
        return Identifier(value)
    }

    func goals(_ name: String) -> [String] {
        guard case .goals(let value) = values[name] else { undeclared(name) }
        return value
    }

    func attainments(_ name: String) -> [(goal: UUID, attainment: String)] {
        guard case .attainments(let value) = values[name] else { undeclared(name) }
        return value
    }

    private func undeclared(_ name: String) -> Never {
        preconditionFailure("The step reads '\(name)', which its fields do not declare with that type.")
    }
}
