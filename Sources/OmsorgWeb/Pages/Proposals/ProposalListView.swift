import Foundation
import OmsorgDomain
import OmsorgStore

/// The worklist: every proposal of the municipality, pseudonymised, the highest score first.
struct ProposalListView {
    let context: PageContext
    let works: [ProposalRepository.Work]
    let user: StaffUser.ID

    func render() -> String {
        let texts = context.texts
        let title = texts("proposals.title")
        return PageLayout(context: context, title: title, content: Markup.group {
            Markup.element("h1") { Markup.text(title) }
            Markup.element("p", [("class", "lead")]) { Markup.text(texts("proposals.lead")) }
            if works.isEmpty {
                Markup.element("p", [("id", "proposals-empty")]) { Markup.text(texts("proposals.empty")) }
            } else {
                Markup.element("table", [("id", "proposals"), ("class", "table")]) {
                    Markup.element("caption", [("class", "visually-hidden")]) { Markup.text(title) }
                    Markup.element("thead") {
                        Markup.element("tr") {
                            for key in ["proposals.proposal", "proposals.indicators", "proposals.state"] {
                                Markup.element("th", [("scope", "col")]) { Markup.text(texts(key)) }
                            }
                        }
                    }
                    Markup.element("tbody") { for work in works { row(work) } }
                }
            }
        }).render()
    }

    private func row(_ work: ProposalRepository.Work) -> Markup.Fragment {
        let texts = context.texts, proposal = work.proposal
        return Markup.element("tr", [("data-proposal-id", proposal.id.uuidString), ("data-state", work.workflow.state.rawValue)]) {
            Markup.element("td") {
                Markup.element("a", [("href", "/proposals/\(proposal.id.uuidString)")]) {
                    Markup.text(texts("proposals.name", ["date": texts.date(proposal.asOf), "children": String(proposal.proposal.children.count)]))
                }
            }
            Markup.element("td") { Markup.text(proposal.proposal.indicators.map { texts("indicator.\($0.column)") }.joined(separator: "; ")) }
            Markup.element("td") {
                Markup.text(texts("proposal.state.\(work.workflow.state.rawValue)")
                            + (work.workflow.holder == user ? " " + texts("proposals.yours") : ""))
            }
        }
    }
}
