import Foundation
import OmsorgDomain
import OmsorgStore

/// One proposal: what it rests on, and for the caseworker who holds it the family, the next steps
/// of the consent workflow as forms, and once consent is recorded the family's cases and efforts.
struct ProposalView {
    let context: PageContext
    let model: ProposalPage.Model
    let now: Date

    private var texts: Texts { context.texts }
    private var path: String { "/proposals/\(model.work.proposal.id.uuidString)" }

    func render() -> String {
        let workflow = model.work.workflow
        let title = texts("proposal.title", ["date": texts.date(model.work.proposal.asOf)])
        return PageLayout(context: context, title: title, hasErrors: model.refused?.state.hasErrors == true, content: Markup.group {
            Markup.element("h1") { Markup.text(title) }
            if let notice = model.notice {
                Markup.element("div", [("class", "notice"), ("id", "proposal-notice"), ("role", "status")]) { Markup.text(notice) }
            }
            if let refused = model.refused { Forms.errorSummary(refused.state, texts) }
            Markup.element("p", [("class", "lead"), ("id", "proposal-state")]) {
                Markup.text(texts("proposal.state-line", ["state": texts("proposal.state.\(workflow.state.rawValue)")]))
                if let name = model.holderName { Markup.text(" " + texts("proposal.held-by", ["name": name])) }
                if let deadline = workflow.answerDeadline, workflow.state == .consentRequested {
                    Markup.text(" " + texts(workflow.answerOverdue(today: LocalDate(now)) ? "proposal.deadline-overdue" : "proposal.deadline",
                                            ["date": texts.date(deadline)]))
                }
            }
            if model.holdsIt, let note = workflow.note {
                Markup.element("p", [("id", "proposal-note")]) { Markup.text(texts("proposal.note-line", ["note": note])) }
            }
            indicators
            if !model.family.isEmpty { family } else if model.holdsIt && workflow.state.isClosedWithoutConsent {
                Markup.element("p", [("id", "proposal-family-closed")]) { Markup.text(texts("proposal.family-closed")) }
            }
            // The way on first; closing the proposal without asking the family last.
            for action in model.allowed.filter({ $0 != .dismiss }) + model.allowed.filter({ $0 == .dismiss }) { form(action) }
            if !model.cases.isEmpty || workflow.state == .consented { cases }
            if !model.efforts.isEmpty { efforts }
        }).render()
    }

    private var indicators: Markup.Fragment {
        Markup.group {
            Markup.element("h2") { Markup.text(texts("proposal.rests-on")) }
            Markup.element("table", [("id", "proposal-indicators"), ("class", "table")]) {
                Markup.element("caption", [("class", "visually-hidden")]) { Markup.text(texts("proposal.rests-on")) }
                Markup.element("thead") {
                    Markup.element("tr") {
                        for key in ["proposal.indicator", "proposal.odds-ratio", "proposal.children-with"] {
                            Markup.element("th", [("scope", "col")]) { Markup.text(texts(key)) }
                        }
                    }
                }
                Markup.element("tbody") {
                    for indicator in model.work.proposal.proposal.indicators {
                        Markup.element("tr") {
                            Markup.element("td") { Markup.text(texts("indicator.\(indicator.column)")) }
                            Markup.element("td") { Markup.text(String(format: "%.1f", indicator.oddsRatio)) }
                            Markup.element("td") { Markup.text(String(indicator.children)) }
                        }
                    }
                }
            }
            Markup.element("p", [("class", "hint")]) {
                Markup.text(texts("proposal.model-note", ["version": String(model.work.proposal.modelVersion)]))
            }
        }
    }

    private var family: Markup.Fragment {
        Markup.group {
            Markup.element("h2") { Markup.text(texts("proposal.family")) }
            Markup.element("ul", [("id", "proposal-family")]) {
                for person in model.family {
                    Markup.element("li") {
                        Markup.text(texts("proposal.person.\(person.relation.rawValue)", ["number": person.personNumber.description,
                                                                                          "born": texts.date(person.personNumber.birthDate)]))
                    }
                }
            }
        }
    }

    private var cases: Markup.Fragment {
        Markup.group {
            Markup.element("h2") { Markup.text(texts("proposal.cases")) }
            if model.cases.isEmpty {
                Markup.element("p", [("id", "proposal-no-cases")]) { Markup.text(texts("proposal.no-cases")) }
            } else {
                Markup.element("ul", [("id", "proposal-cases")]) {
                    for summary in model.cases {
                        Markup.element("li") {
                            Markup.element("a", [("href", "\(path)/cases/\(summary.id)")]) {
                                Markup.text(texts("proposal.case", ["child": summary.childName, "stage": texts("stage.\(summary.stage.rawValue)"),
                                                                     "opened": texts.date(LocalDate(summary.openedAt))]))
                            }
                        }
                    }
                }
            }
        }
    }

    private var efforts: Markup.Fragment {
        Markup.group {
            Markup.element("h2") { Markup.text(texts("proposal.efforts")) }
            Markup.element("ul", [("id", "proposal-efforts")]) {
                for effort in model.efforts {
                    Markup.element("li") {
                        let child = model.family.first { $0.pseudonym == effort.child }.map(\.personNumber.description) ?? "–"
                        Markup.text(texts("proposal.effort", ["offer": effort.offer, "provider": effort.provider, "start": texts.date(effort.startDate),
                                                               "follow-up": texts.date(effort.followUpDate)]) + " " + texts("proposal.effort-child", ["child": child]))
                        if let note = effort.note { Markup.element("p", [("class", "hint")]) { Markup.text(note) } }
                        Markup.element("ul") { for goal in effort.goals { Markup.element("li") { Markup.text(goal) } } }
                    }
                }
            }
        }
    }

    private func state(for action: ProposalAction, defaults: [String: String] = [:]) -> FormState {
        if let refused = model.refused, refused.action == action { return refused.state }
        return FormState(values: defaults)
    }

    private func form(_ action: ProposalAction) -> Markup.Fragment {
        let today = FormDates.format(LocalDate(now))
        return Markup.element("section", [("class", "proposal-step"), ("aria-labelledby", "step-\(action.rawValue)")]) {
            Markup.element("h2", [("id", "step-\(action.rawValue)")]) { Markup.text(texts("proposal.action.\(action.rawValue)")) }
            Markup.element("form", [("method", "post"), ("action", "\(path)/\(action.rawValue)"), ("novalidate", "")]) {
                Forms.csrf(context)
                fields(action, today: today)
                Markup.element("button", [("type", "submit"), ("class", "button")]) { Markup.text(texts("proposal.submit.\(action.rawValue)")) }
            }
        }
    }

    private func fields(_ action: ProposalAction, today: String) -> Markup.Fragment {
        Markup.group {
            switch action {
            case .take:
                Markup.element("p") { Markup.text(texts("proposal.take-hint")) }
            case .dismiss:
                Forms.textArea("reason", label: texts("proposal.field.reason"), state: state(for: action), texts: texts, rows: 3)
            case .requestConsent:
                if let letter = model.letter {
                    Markup.element("div", [("class", "letter"), ("id", "consent-letter")]) {
                        Markup.element("h3") { Markup.text(letter.subject) }
                        Markup.element("pre", [("class", "letter-body")]) { Markup.text(letter.body) }
                    }
                }
                Forms.textInput("sentOn", label: texts("proposal.field.sent-on"), hint: texts("form.date-hint"),
                                state: state(for: action, defaults: ["sentOn": today]), texts: texts, width: "date")
            case .recordAnswer:
                let state = state(for: action, defaults: ["answeredOn": today])
                Forms.radios("answer", legend: texts("proposal.field.answer"),
                             options: ConsentAnswer.allCases.map { ($0.rawValue, texts("proposal.answer.\($0.rawValue)")) }, state: state, texts: texts)
                Forms.textInput("answeredOn", label: texts("proposal.field.answered-on"), hint: texts("form.date-hint"), state: state, texts: texts, width: "date")
                Forms.textArea("answerNote", label: texts("proposal.field.note"), optional: true, state: state, texts: texts, rows: 3)
            case .startEffort:
                let state = state(for: action, defaults: ["startDate": today])
                Forms.select("child", label: texts("proposal.field.child"),
                             options: model.family.filter { $0.relation == .child }.map { ($0.pseudonym, $0.personNumber.description) }, state: state, texts: texts)
                Forms.textInput("offer", label: texts("proposal.field.offer"), state: state, texts: texts)
                Forms.textInput("provider", label: texts("proposal.field.provider"), state: state, texts: texts)
                Forms.textArea("goals", label: texts("proposal.field.goals"), hint: texts("proposal.field.goals-hint"), state: state, texts: texts, rows: 4)
                Forms.textInput("startDate", label: texts("proposal.field.start"), hint: texts("form.date-hint"), state: state, texts: texts, width: "date")
                Forms.textInput("followUpDate", label: texts("proposal.field.follow-up"), hint: texts("proposal.field.follow-up-hint"), optional: true,
                                state: state, texts: texts, width: "date")
                Forms.textArea("effortNote", label: texts("proposal.field.note"), optional: true, state: state, texts: texts, rows: 3)
            case .recordRelevance:
                let state = state(for: action, defaults: ["relevance": model.work.workflow.relevance?.rawValue ?? "",
                                                          "relevanceNote": model.work.workflow.relevanceNote ?? ""])
                Forms.radios("relevance", legend: texts("proposal.field.relevance"),
                             options: Relevance.allCases.map { ($0.rawValue, texts("proposal.relevance.\($0.rawValue)")) }, state: state, texts: texts, inline: true)
                Forms.textArea("relevanceNote", label: texts("proposal.field.note"), optional: true, state: state, texts: texts, rows: 3)
            }
        }
    }
}
