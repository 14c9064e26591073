import Foundation
import OmsorgDomain

extension WorktrayPage {
    struct View {
        let context: PageContext
        let model: Model
        let now: Date

        func render() -> String {
            let texts = context.texts
            let title = texts(model.isTeamTray ? "worktray.team-title" : "worktray.title")
            return PageLayout(context: context, title: title, content: Markup.group {
                Markup.element("h1") { Markup.text(title) }
                if let notice = model.notice {
                    Markup.element("div", [("class", "notice"), ("id", "worktray-notice"), ("role", "status")]) {
                        Markup.text(texts("worktray.notice.\(notice.rawValue)"))
                    }
                }
                if !model.proposals.isEmpty { proposals }
                Markup.element("p", [("class", "lead")]) {
                    Markup.text(texts("worktray.summary", ["total": String(model.total), "overdue": String(model.overdue)]))
                }
                if model.rows.isEmpty {
                    Markup.element("p", [("id", "worktray-empty")]) { Markup.text(texts("worktray.empty")) }
                } else {
                    table
                    pagination
                }
            }).render()
        }

        /// The consent workflow's part of the tray: what each held proposal waits for, and by when.
        private var proposals: Markup.Fragment {
            let texts = context.texts, today = LocalDate(now)
            return Markup.element("section", [("aria-labelledby", "worktray-proposals-title")]) {
                Markup.element("h2", [("id", "worktray-proposals-title")]) { Markup.text(texts("worktray.proposals.title")) }
                Markup.element("ul", [("id", "worktray-proposals"), ("class", "step-list")]) {
                    for work in model.proposals {
                        Markup.element("li", [("data-proposal-id", work.proposal.id.uuidString)]) {
                            Markup.element("a", [("href", "/proposals/\(work.proposal.id.uuidString)")]) {
                                Markup.text(ProposalListView.name(of: work.proposal, texts))
                            }
                            Markup.element("p", [("class", "step-law")]) { proposalStatus(work.workflow, today: today) }
                        }
                    }
                }
            }
        }

        private func proposalStatus(_ workflow: ProposalWorkflow, today: LocalDate) -> Markup.Fragment {
            let texts = context.texts
            if workflow.state == .consented { return Markup.text(texts("worktray.proposals.consented")) }
            guard let deadline = workflow.answerDeadline else { return Markup.text(texts("worktray.proposals.send-letter")) }
            let overdue = workflow.answerOverdue(today: today)
            return Markup.group {
                (overdue ? Urgency.overdue : Urgency.later).badge(texts)
                Markup.text(" · " + texts(overdue ? "worktray.proposals.answer-overdue" : "worktray.proposals.answer-due", ["date": texts.date(deadline)]))
            }
        }

        private var table: Markup.Fragment {
            let texts = context.texts
            return Markup.element("table", [("id", "worktray"), ("class", "table")]) {
                Markup.element("caption", [("class", "visually-hidden")]) { Markup.text(texts("worktray.caption")) }
                Markup.element("thead") {
                    Markup.element("tr") {
                        for key in ["worktray.status", "worktray.child", "worktray.deadline"] + (model.isTeamTray ? ["worktray.caseworker"] : []) {
                            Markup.element("th", [("scope", "col")]) { Markup.text(texts(key)) }
                        }
                    }
                }
                Markup.element("tbody") {
                    for row in model.rows { self.row(row) }
                }
            }
        }

        private func row(_ row: Model.Row) -> Markup.Fragment {
            let texts = context.texts
            return Markup.element("tr", [("data-case-id", row.caseID.description), ("data-urgency", row.urgency.rawValue)]) {
                Markup.element("td") {
                    row.urgency.badge(texts)
                }
                Markup.element("td") {
                    Markup.element("a", [("href", "/cases/\(row.caseID)")]) { Markup.text(row.childName) }
                }
                Markup.element("td") {
                    Markup.element("span", [("class", "task")]) { Markup.text(texts("deadline.\(row.deadline.kind.rawValue).task")) }
                    Markup.void("br", [])
                    Markup.text(texts("worktray.due", ["due": texts.due(row.deadline), "relative": texts.relative(row.deadline.dueAt, now: now)]))
                }
                if model.isTeamTray {
                    Markup.element("td") { assignment(row) }
                }
            }
        }

        private func assignment(_ row: Model.Row) -> Markup.Fragment {
            let texts = context.texts
            return Markup.group {
                if row.unassigned {
                    Markup.element("form", [("method", "post"), ("action", "/cases/\(row.caseID)/assignment"), ("class", "assign-form")]) {
                        Forms.csrf(context)
                        Markup.void("input", [("type", "hidden"), ("name", "version"), ("value", String(row.assignmentVersion))])
                        Markup.element("label", [("for", "assign-\(row.caseID)-\(row.deadline.kind.rawValue)"), ("class", "visually-hidden")]) {
                            Markup.text(texts("worktray.assign-to", ["child": row.childName]))
                        }
                        Markup.element("select", [("name", "caseworkerId"), ("id", "assign-\(row.caseID)-\(row.deadline.kind.rawValue)"), ("class", "select")]) {
                            for caseworker in model.assignable {
                                Markup.element("option", [("value", caseworker.id.description)]) { Markup.text(caseworker.displayName) }
                            }
                        }
                        Markup.element("button", [("type", "submit"), ("class", "button button-secondary assign")]) {
                            Markup.text(texts("worktray.assign"))
                        }
                    }
                } else {
                    Markup.text(row.caseworkerName ?? texts("worktray.other-caseworker"))
                }
            }
        }

        private var pagination: Markup.Fragment {
            let texts = context.texts
            return Markup.group {
                if model.pageCount > 1 {
                    Markup.element("nav", [("class", "pagination"), ("aria-label", texts("worktray.pages"))]) {
                        if model.page > 1 {
                            Markup.element("a", [("href", "/worktray?page=\(model.page - 1)"), ("rel", "prev")]) { Markup.text(texts("worktray.previous")) }
                        }
                        Markup.element("span") {
                            Markup.text(texts("worktray.page-of", ["page": String(model.page), "pages": String(model.pageCount)]))
                        }
                        if model.page < model.pageCount {
                            Markup.element("a", [("href", "/worktray?page=\(model.page + 1)"), ("rel", "next")]) { Markup.text(texts("worktray.next")) }
                        }
                    }
                }
            }
        }
    }
}
