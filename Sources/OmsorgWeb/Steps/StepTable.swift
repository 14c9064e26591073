import OmsorgDomain

/// Every step of the flow after the report of concern, once. The API routes, the HTML forms and
/// the OpenAPI document's step paths are all made from this table.
enum StepTable {
    static let all: [StepDefinition] = [
        StepDefinition(.urgentAssessment, path: "urgent-assessments",
                       summary: "Record the urgent assessment of a report within 24 hours (§136)",
                       fields: [.init("reportId", .report), .init("assessedAt", .instant),
                                .init("childAtImmediateRisk", .bool), .init("note", .longText)]) { input in
            .urgentAssessment(UrgentAssessment(reportID: input.identifier("reportId", as: ReportOfConcern.ID.self),
                                               assessedAt: input.instant("assessedAt"),
                                               childAtImmediateRisk: input.bool("childAtImmediateRisk"), note: input.text("note")))
        },
        StepDefinition(.notifierReceipt, path: "notifier-receipts", summary: "Record the receipt sent to the notifier (§137)",
                       fields: [.init("reportId", .report), .init("sentAt", .instant)]) { input in
            .notifierReceipt(NotifierReceipt(reportID: input.identifier("reportId", as: ReportOfConcern.ID.self), sentAt: input.instant("sentAt")))
        },
        StepDefinition(.preliminaryAssessment, path: "preliminary-assessments", summary: "Record the preliminary assessment (§§18–19)",
                       fields: [.init("assessedAt", .instant), .init("text", .longText),
                                .choice("outcome", PreliminaryAssessment.Outcome.self)]) { input in
            .preliminaryAssessment(PreliminaryAssessment(assessedAt: input.instant("assessedAt"), text: input.text("text"),
                                                         outcome: input.choice("outcome", as: PreliminaryAssessment.Outcome.self)))
        },
        StepDefinition(.investigation, path: "investigation", summary: "Start the child investigation (§20)",
                       fields: [.init("decidedAt", .instant)]) { input in
            .investigation(ChildInvestigation(decidedAt: input.instant("decidedAt")))
        },
        StepDefinition(.investigationSection, path: "investigation/sections", summary: "Write an ICS section of the investigation",
                       fields: [.choice("section", ChildInvestigation.Section.self), .init("text", .longText),
                                .init("writtenAt", .instant)]) { input in
            .investigationSection(InvestigationSectionText(section: input.choice("section", as: ChildInvestigation.Section.self),
                                                           text: input.text("text"), writtenAt: input.instant("writtenAt")))
        },
        StepDefinition(.childConversation, path: "child-conversations", summary: "Record a child conversation (§5)",
                       fields: [.init("heldAt", .instant), .init("summary", .longText)]) { input in
            .childConversation(ChildConversation(heldAt: input.instant("heldAt"), summary: input.text("summary")))
        },
        StepDefinition(.consent, path: "consents", summary: "Record consent from a custody holder",
                       fields: [.init("givenBy", .text), .choice("scope", Consent.Scope.self), .init("givenAt", .instant)]) { input in
            .consent(Consent(givenBy: input.text("givenBy"), scope: input.choice("scope", as: Consent.Scope.self), givenAt: input.instant("givenAt")))
        },
        StepDefinition(.investigationCompletion, path: "investigation/completion", summary: "Complete the investigation",
                       fields: [.init("completedAt", .instant), .init("conclusion", .longText)]) { input in
            .investigationCompletion(.init(completedAt: input.instant("completedAt"), conclusion: input.text("conclusion")))
        },
        StepDefinition(.decision, path: "decision", summary: "Record the decision after the investigation",
                       fields: [.init("decidedAt", .instant), .choice("outcome", Decision.Outcome.self), .init("reasoning", .longText)]) { input in
            .decision(Decision(decidedAt: input.instant("decidedAt"), outcome: input.choice("outcome", as: Decision.Outcome.self),
                               reasoning: input.text("reasoning")))
        },
        StepDefinition(.childPlan, path: "child-plans", summary: "Record the child's plan with goals (§§91–92); replaces the previous plan",
                       fields: [.init("madeAt", .instant), .init("goals", .goals), .init("childInvolved", .bool),
                                .init("parentsInvolved", .bool)]) { input in
            .childPlan(ChildPlan(madeAt: input.instant("madeAt"), goals: input.goals("goals").map { ChildPlan.Goal(description: $0) },
                                 childInvolved: input.bool("childInvolved"), parentsInvolved: input.bool("parentsInvolved")))
        },
        StepDefinition(.measure, path: "measures", summary: "Grant a measure (§32, §46, §47)",
                       fields: [.choice("legalBasis", Measure.LegalBasis.self), .init("kind", .text), .init("provider", .text),
                                .init("reason", .longText), .init("startDate", .date), .init("endDate", .date, optional: true),
                                .init("monthlyCost", .integer(Measure.monthlyCostRange))]) { input in
            .measure(Measure(legalBasis: input.choice("legalBasis", as: Measure.LegalBasis.self), kind: input.text("kind"),
                             provider: input.text("provider"), reason: input.text("reason"), startDate: input.date("startDate"),
                             endDate: input.optionalDate("endDate"), monthlyCost: input.integer("monthlyCost")))
        },
        StepDefinition(.measureEnd, path: "measure-ends", summary: "End a measure",
                       fields: [.init("measureId", .measure), .init("endDate", .date)]) { input in
            .measureEnd(MeasureEnd(measureID: input.identifier("measureId", as: Measure.ID.self), endDate: input.date("endDate")))
        },
        StepDefinition(.followUp, path: "follow-ups", summary: "Record a follow-up with goal attainment (§95)",
                       fields: [.init("heldAt", .instant), .init("status", .longText), .init("childConversation", .longText),
                                .init("goalAttainment", .goalAttainment)]) { input in
            .followUp(FollowUp(heldAt: input.instant("heldAt"), status: input.text("status"),
                               childConversation: input.text("childConversation"),
                               goalAttainment: input.attainments("goalAttainment").map {
                                   .init(goalID: .init($0.goal), attainment: FollowUp.Attainment(rawValue: $0.attainment)!)
                               }))
        },
        StepDefinition(.followUpCadence, path: "follow-up-cadence", method: .PUT,
                       summary: "Set the follow-up cadence in months (default 6)",
                       fields: [.init("months", .integer(CaseFile.followUpCadenceRange))]) { input in
            .followUpCadence(months: input.integer("months"))
        },
        StepDefinition(.closure, path: "closure", summary: "Close the case",
                       fields: [.init("closedAt", .instant), .init("reason", .longText)]) { input in
            .closure(Closure(closedAt: input.instant("closedAt"), reason: input.text("reason")))
        },
    ]

    private static let byKind = Dictionary(uniqueKeysWithValues: all.map { ($0.kind, $0) })

    static func definition(of kind: CaseStep.Kind) -> StepDefinition? { byKind[kind] }
}
