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

    /// A proposal as a list names it: a short reference to tell the day's proposals apart, its day,
    /// and its children, counted in words ("1 barn", "2 børn").
    static func name(of proposal: ProposalRepository.StoredProposal, _ texts: Texts) -> String {
        let count = proposal.proposal.children.count
        return texts(count == 1 ? "proposals.name-one" : "proposals.name",
                     ["reference": String(proposal.id.uuidString.prefix(6)), "date": texts.date(proposal.asOf), "children": String(count)])
    }

    private func row(_ work: ProposalRepository.Work) -> Markup.Fragment {
        let texts = context.texts, proposal = work.proposal
        return Markup.element("tr", [("data-proposal-id", proposal.id.uuidString), ("data-state", work.workflow.state.rawValue)]) {
            Markup.element("td") {
                Markup.element("a", [("href", "/proposals/\(proposal.id.uuidString)")]) {
                    Markup.text(Self.name(of: proposal, texts))
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
