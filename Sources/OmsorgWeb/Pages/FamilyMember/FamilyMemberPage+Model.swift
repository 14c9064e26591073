import OmsorgDomain
import OmsorgStore

/// The form that adds a parent or other family member to the child of a case, or changes one.
enum FamilyMemberPage {
    /// The form's fields filled in from what is recorded, to change it.
    static func values(of member: FamilyMember) -> [String: String] {
        ["name": member.name, "personNumber": member.personNumber?.description ?? "", "relation": member.relation.rawValue,
         "hasCustody": String(member.hasCustody), "livesWithChild": String(member.livesWithChild), "occupation": member.occupation ?? ""]
    }

    static let fields: [StepField] = [
        StepField("name", .text), StepField("personNumber", .text, optional: true), .choice("relation", FamilyMember.Relation.self),
        StepField("hasCustody", .bool), StepField("livesWithChild", .bool), StepField("occupation", .text, optional: true),
    ]

    /// The member from a checked form, or the messages for everything wrong in it.
    static func member(from form: [String: String], id: FamilyMember.ID = FamilyMember.ID(), texts: Texts) -> Result<FamilyMember, FormErrorList> {
        var messages: [FormState.Message] = []
        let typedNumber = (form["personNumber"] ?? "").trimmingCharacters(in: .whitespaces)
        let personNumber = typedNumber.isEmpty ? nil : try? PersonNumber(typedNumber)
        if !typedNumber.isEmpty && personNumber == nil {
            messages.append(FormState.Message(field: "personNumber", text: texts("error.person-number")))
        }
        switch StepInput.parse(form: form, fields: fields) {
        case .failure(let errors):
            return .failure(FormErrorList(messages: messages + errors.errors.map {
                FormState.Message(field: $0.field, text: texts.message(for: $0.problem, label: texts("field.\($0.field)")))
            }))
        case .success(let input):
            guard messages.isEmpty else { return .failure(FormErrorList(messages: messages)) }
            return .success(FamilyMember(id: id, name: input.text("name"), personNumber: personNumber,
                                         relation: input.choice("relation", as: FamilyMember.Relation.self),
                                         hasCustody: input.bool("hasCustody"), livesWithChild: input.bool("livesWithChild"),
                                         occupation: input.optionalText("occupation")))
        }
    }
}
