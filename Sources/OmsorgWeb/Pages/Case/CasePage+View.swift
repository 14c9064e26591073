import Foundation
import OmsorgDomain
import OmsorgStore

extension CasePage {
    struct View {
        let context: PageContext
        let model: Model
        let now: Date

        private var texts: Texts { context.texts }
        private var record: CaseRecord { model.record }

        func render() -> String {
            PageLayout(context: context, title: record.child.name, content: Markup.group {
                Markup.element("span", [("class", "caption")]) { Markup.text(texts("case.caption")) }
                Markup.element("h1") { Markup.text(record.child.name) }
                Markup.element("p", [("class", "lead"), ("id", "case-stage"), ("data-stage", record.file.stage.rawValue)]) {
                    Markup.text(texts("case.stage", ["stage": texts("stage.\(record.file.stage.rawValue)")]))
                    Markup.text(" · " + texts("case.worked-by", ["team": record.team, "caseworker": record.caseworkerName ?? texts("case.unassigned")]))
                }
                Markup.element("div", [("class", "case-columns")]) {
                    Markup.element("div", [("class", "case-main")]) {
                        if let proposal = model.consentedVia { consentNotice(proposal) } else { nextSteps }
                        deadlines
                        timeline
                    }
                    Markup.element("div", [("class", "case-side")]) {
                        child
                        family
                    }
                }
            }).render()
        }

        private var nextSteps: Markup.Fragment {
            let path = "/cases/\(record.id)/steps/"
            return Markup.element("section", [("id", "next-steps"), ("class", "panel"), ("aria-labelledby", "next-steps-title")]) {
                Markup.element("h2", [("id", "next-steps-title")]) { Markup.text(texts("case.next-steps")) }
                if model.nextSteps.isEmpty {
                    Markup.element("p") { Markup.text(texts(record.file.isClosed ? "case.closed-no-steps" : "case.no-next-steps")) }
                } else {
                    Markup.element("ul", [("class", "step-list")]) {
                        for step in model.nextSteps { stepLink(step, path: path) }
                    }
                }
                if !model.blockedSteps.isEmpty {
                    Markup.element("h3") { Markup.text(texts("case.waiting-steps")) }
                    Markup.element("ul", [("class", "blocked-list")]) {
                        for blocked in model.blockedSteps {
                            Markup.element("li", [("data-blocked-step", blocked.kind.rawValue)]) {
                                Markup.element("strong") { Markup.text(texts("step.\(blocked.kind.rawValue).title")) }
                                Markup.text(" — " + blocked.reason)
                            }
                        }
                    }
                }
                if !model.otherSteps.isEmpty {
                    Markup.element("h3") { Markup.text(texts("case.other-steps")) }
                    Markup.element("ul", [("class", "other-steps")]) {
                        for step in model.otherSteps {
                            Markup.element("li") {
                                Markup.element("a", [("href", path + step.kind.rawValue), ("data-step", step.kind.rawValue)]) {
                                    Markup.text(texts("step.\(step.kind.rawValue).action"))
                                }
                            }
                        }
                    }
                }
            }
        }

        private func consentNotice(_ proposal: UUID) -> Markup.Fragment {
            Markup.element("section", [("id", "consented-case"), ("class", "panel"), ("aria-labelledby", "consented-title")]) {
                Markup.element("h2", [("id", "consented-title")]) { Markup.text(texts("case.consented.title")) }
                Markup.element("p") { Markup.text(texts("case.consented.text", ["team": record.team])) }
                Markup.element("p") {
                    Markup.element("a", [("href", "/proposals/\(proposal.uuidString)"), ("id", "back-to-proposal")]) {
                        Markup.text(texts("case.consented.back"))
                    }
                }
            }
        }

        private func stepLink(_ step: Model.NextStep, path: String) -> Markup.Fragment {
            let law = texts("step.\(step.kind.rawValue).law")
            let line = step.deadline.map { texts("case.step-due", ["due": texts.due($0), "law": law]) } ?? law
            return Markup.element("li") {
                Markup.element("a", [("href", path + step.kind.rawValue), ("data-step", step.kind.rawValue), ("class", "step-link")]) {
                    Markup.text(texts("step.\(step.kind.rawValue).action"))
                }
                Markup.element("p", [("class", "step-law")]) {
                    if let deadline = step.deadline {
                        Urgency(deadline, now: now).badge(texts)
                        Markup.text(" · ")
                    }
                    Markup.text(line)
                }
            }
        }

        private var deadlines: Markup.Fragment {
            Markup.element("section", [("id", "deadlines"), ("aria-labelledby", "deadlines-title")]) {
                Markup.element("h2", [("id", "deadlines-title")]) { Markup.text(texts("case.deadlines")) }
                if model.deadlines.isEmpty {
                    Markup.element("p") { Markup.text(texts("case.no-deadlines")) }
                } else {
                    Markup.element("table", [("class", "table")]) {
                        Markup.element("thead") {
                            Markup.element("tr") {
                                for key in ["case.deadline", "case.due", "case.status"] {
                                    Markup.element("th", [("scope", "col")]) { Markup.text(texts(key)) }
                                }
                            }
                        }
                        Markup.element("tbody") {
                            for deadline in model.deadlines { deadlineRow(deadline) }
                        }
                    }
                }
            }
        }

        private func deadlineRow(_ deadline: Deadline) -> Markup.Fragment {
            Markup.element("tr", [("data-deadline-kind", deadline.kind.rawValue), ("data-status", deadline.status(at: now).rawValue)]) {
                Markup.element("td") {
                    Markup.text(texts("deadline.\(deadline.kind.rawValue).name"))
                    Markup.void("br", [])
                    Markup.element("span", [("class", "hint")]) { Markup.text(texts("step.\(deadline.kind.metBy.rawValue).law")) }
                }
                Markup.element("td") { Markup.text(texts.due(deadline)) }
                Markup.element("td") { status(of: deadline) }
            }
        }

        private func status(of deadline: Deadline) -> Markup.Fragment {
            if let metAt = deadline.metAt {
                let key = deadline.metInTime == true ? "case.met" : "case.met-late"
                return Markup.element("span", [("class", "status status-met")]) {
                    Markup.element("span", [("aria-hidden", "true")]) { Markup.text("✓ ") }
                    Markup.text(texts(key, ["date": texts.date(LocalDate(metAt))]))
                }
            }
            return Urgency(deadline, now: now).badge(texts, detail: texts.relative(deadline.dueAt, now: now))
        }

        private var timeline: Markup.Fragment {
            Markup.element("section", [("id", "timeline-section"), ("aria-labelledby", "timeline-title")]) {
                Markup.element("h2", [("id", "timeline-title")]) { Markup.text(texts("case.timeline")) }
                Markup.element("ol", [("id", "timeline"), ("class", "timeline"), ("reversed", "")]) {
                    for entry in record.journal.reversed() {
                        Markup.element("li", [("data-step-kind", entry.step.kind.rawValue)]) {
                            Markup.element("h3") { Markup.text(texts("step.\(entry.step.kind.rawValue).title")) }
                            Markup.element("p", [("class", "hint")]) {
                                Markup.text(texts("case.recorded", ["time": texts.instant(CasePage.time(of: entry)),
                                                                    "name": entry.recordedByName ?? texts("case.unknown-person")]))
                            }
                            Markup.element("dl", [("class", "details")]) {
                                for detail in CasePage.details(of: entry.step, plan: record.file.plan, texts: texts) {
                                    Markup.element("dt") { Markup.text(detail.label) }
                                    Markup.element("dd") { Markup.text(detail.value) }
                                }
                            }
                        }
                    }
                }
            }
        }

        private var child: Markup.Fragment {
            let child = record.child
            return Markup.element("section", [("id", "child"), ("class", "panel"), ("aria-labelledby", "child-title")]) {
                Markup.element("h2", [("id", "child-title")]) { Markup.text(texts("case.child")) }
                Markup.element("dl", [("class", "details")]) {
                    Markup.element("dt") { Markup.text(texts("field.childName")) }
                    Markup.element("dd") { Markup.text(child.name) }
                    Markup.element("dt") { Markup.text(texts("field.personNumber")) }
                    Markup.element("dd") { Markup.text(child.personNumber.description) }
                    Markup.element("dt") { Markup.text(texts("case.born")) }
                    Markup.element("dd") { Markup.text(texts.date(child.birthDate)) }
                    Markup.element("dt") { Markup.text(texts("field.schoolOrDaycare")) }
                    Markup.element("dd") { Markup.text(child.schoolOrDaycare ?? texts("common.none")) }
                }
                if model.consentedVia == nil { accessLogLink(child) }
            }
        }

        private func accessLogLink(_ child: Child) -> Markup.Fragment {
            Markup.element("p") {
                Markup.element("a", [("href", "/children/\(child.id)/access-log"), ("id", "access-log-link")]) {
                    Markup.text(texts("case.access-log"))
                }
            }
        }

        private var family: Markup.Fragment {
            Markup.element("section", [("id", "family"), ("class", "panel"), ("aria-labelledby", "family-title")]) {
                Markup.element("h2", [("id", "family-title")]) { Markup.text(texts("case.family")) }
                if record.family.isEmpty {
                    Markup.element("p") { Markup.text(texts("case.no-family")) }
                } else {
                    Markup.element("ul", [("class", "family-list")]) {
                        for member in record.family { familyMember(member) }
                    }
                }
                if model.consentedVia == nil {
                    Markup.element("p") {
                        Markup.element("a", [("href", "/cases/\(record.id)/family-members/new"), ("id", "add-family-member")]) {
                            Markup.text(texts("case.add-family-member"))
                        }
                    }
                }
            }
        }

        private func familyMember(_ member: FamilyMember) -> Markup.Fragment {
            let facts = [texts("choice.relation.\(member.relation.rawValue)"),
                         member.hasCustody ? texts("case.has-custody") : nil,
                         member.livesWithChild ? texts("case.lives-with-child") : nil,
                         member.occupation].compactMap { $0 }
            return Markup.element("li") {
                Markup.element("strong") { Markup.text(member.name) }
                Markup.void("br", [])
                Markup.text(facts.joined(separator: " · "))
                if model.consentedVia == nil {
                    Markup.text(" ")
                    Markup.element("a", [("href", "/cases/\(record.id)/family-members/\(member.id)/edit"), ("class", "edit-family-member")]) {
                        Markup.text(texts("family.edit", ["name": member.name]))
                    }
                }
            }
        }
    }
}
