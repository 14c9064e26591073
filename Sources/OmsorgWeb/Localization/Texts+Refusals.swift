import OmsorgDomain

extension Texts {
    /// What a blocked step waits for, in the page's language.
    func blocker(_ blocker: StepBlocker) -> String {
        switch blocker {
        case .sectionsMissing(let sections):
            self("blocker.sections-missing", ["sections": sections.map { self("choice.section.\($0.rawValue)") }.joined(separator: ", ")])
        case .consentMissing(let basis):
            self("blocker.consent-missing", ["basis": basis.rawValue])
        case .proposal(.deadlineNotPassed(let deadline)):
            self("blocker.proposal-deadline-not-passed", ["date": date(deadline)])
        case .proposal(.closed(let state)):
            self("blocker.proposal-closed", ["state": self("proposal.state.\(state.rawValue)")])
        default:
            self("blocker.\(blocker.code)")
        }
    }

    /// A refused step: what it waits for, or what is wrong with its data.
    func refusal(_ error: CaseFlowError) -> String {
        if let blocker = error.blocker { return self.blocker(blocker) }
        guard let problem = error.problem else { return self("error.failure.body") }
        if case .tooLong(let longest) = problem { return self("invalid.too-long", ["longest": String(longest)]) }
        return self("invalid.\(problem.code)", problem.date.map { ["date": date($0)] } ?? [:])
    }

    /// A refused form field, named by its label.
    func message(for problem: FieldProblem, label: String) -> String {
        self("error.\(problem.code)", ["label": label.lowercased()])
    }
}
