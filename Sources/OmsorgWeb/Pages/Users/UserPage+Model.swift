import OmsorgDomain
import OmsorgStore

/// The administrator's form for a member of staff: a new user, or a change to one, and the form
/// that sets a new password.
enum UserPage {
    static let newFields: [StepField] = [
        StepField("username", .text), StepField("displayName", .text), .choice("role", Role.self), StepField("team", .text, optional: true),
    ]
    static let changeFields: [StepField] = [
        StepField("displayName", .text), .choice("role", Role.self), StepField("team", .text, optional: true), StepField("active", .bool),
    ]

    /// The change form's fields filled in from what is recorded.
    static func values(of account: StaffAccount) -> [String: String] {
        ["displayName": account.user.displayName, "role": account.user.role.rawValue, "team": account.user.team ?? "",
         "active": String(account.isActive)]
    }

    /// A new user and their password from a checked form, or the messages for everything wrong in it.
    static func newUser(from form: [String: String], in municipality: Municipality.ID, texts: Texts) -> Result<(StaffUser, String), FormErrorList> {
        // Every fault at once: the form's own checks, then the rules for the fields those passed.
        let typed = StaffUser(municipalityID: municipality, username: form["username"] ?? "", displayName: form["displayName"] ?? "",
                              role: form["role"].flatMap(Role.init(rawValue:)) ?? .caseworker, team: form["team"])
        var messages: [FormState.Message] = []
        if case .failure(let errors) = StepInput.parse(form: form, fields: newFields) { messages = fieldMessages(errors, texts: texts) }
        for problem in typed.problems() where !messages.contains(where: { $0.field == problem.field }) {
            messages.append(message(problem, texts: texts))
        }
        if case .failure(let errors) = password(from: form, texts: texts) { messages += errors.messages }
        guard messages.isEmpty, let user = try? typed.checked(), let password = form["password"] else { return .failure(FormErrorList(messages: messages)) }
        return .success((user, password))
    }

    static func change(from form: [String: String], texts: Texts) -> Result<StaffAccount.Change, FormErrorList> {
        parse(form, changeFields, texts: texts) { input in
            StaffAccount.Change(displayName: input.text("displayName"), role: input.choice("role", as: Role.self),
                                team: input.optionalText("team"), isActive: input.bool("active"))
        }
    }

    /// The password as typed: unlike other text, not trimmed, for it must be the one signed in with.
    static func password(from form: [String: String], texts: Texts) -> Result<String, FormErrorList> {
        let password = form["password"] ?? ""
        guard !password.isEmpty else {
            return .failure(FormErrorList(messages: [FormState.Message(field: "password", text: texts.message(for: .required, label: texts("field.password")))]))
        }
        do throws(CaseFlowError) {
            try StaffUser.checkPassword(password)
            return .success(password)
        } catch {
            return .failure(FormErrorList(messages: [message(error, texts: texts)]))
        }
    }

    /// The message for a rule the store applies (a team for a caseworker, say), next to its field.
    static func message(_ error: CaseFlowError, texts: Texts) -> FormState.Message {
        FormState.Message(field: error.field ?? "", text: texts.refusal(error))
    }

    private static func fieldMessages(_ errors: FormErrors, texts: Texts) -> [FormState.Message] {
        errors.errors.map { FormState.Message(field: $0.field, text: texts.message(for: $0.problem, label: texts("field.\($0.field)"))) }
    }

    private static func parse<T>(_ form: [String: String], _ fields: [StepField], texts: Texts,
                                 make: (StepInput) throws(CaseFlowError) -> T) -> Result<T, FormErrorList> {
        switch StepInput.parse(form: form, fields: fields) {
        case .failure(let errors):
            return .failure(FormErrorList(messages: fieldMessages(errors, texts: texts)))
        case .success(let input):
            do throws(CaseFlowError) {
                return .success(try make(input))
            } catch {
                return .failure(FormErrorList(messages: [message(error, texts: texts)]))
            }
        }
    }
}
