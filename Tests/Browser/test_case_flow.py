"""A caseworker takes a new child's case from the report of concern to closure, every step through
the case page's next-step panel, and the effort a user spends on the two commonest tasks is counted
(issue 8, item 9)."""

from dataclasses import dataclass, field

import omsorg_api
import omsorg_ui
from omsorg_api import danish_date, today

@dataclass
class Step:
    kind: str
    values: dict = field(default_factory=dict)
    stage: str = ""  # the case's stage (API value) once the step is recorded


def flow(today_text):
    return [
        Step("urgent-assessment", {"childAtImmediateRisk": "false",
                                   "note": "Ingen akut fare; barnet er i skole og bor hjemme."}, "intake"),
        Step("notifier-receipt", {}, "intake"),
        Step("preliminary-assessment", {"outcome": "investigate",
                                        "text": "Bekymringen er alvorlig nok til en børnefaglig undersøgelse."}, "intake"),
        Step("investigation", {}, "investigation"),
        Step("investigation-section", {"section": "child-development",
                                       "text": "Barnet trives fagligt, men er ofte træt og sulten."}, "investigation"),
        Step("investigation-section", {"section": "parenting-capacity",
                                       "text": "Forældrene er samarbejdsvillige, men overbelastede."}, "investigation"),
        Step("investigation-section", {"section": "family-and-environment",
                                       "text": "Familien bor trangt; netværket er lille."}, "investigation"),
        Step("child-conversation", {"summary": "Barnet fortalte om skolen og om aftenerne derhjemme."}, "investigation"),
        Step("investigation-completion", {"conclusion": "Familien har brug for støtte i hjemmet."}, "decision"),
        Step("decision", {"outcome": "measures", "reasoning": "Støtte i hjemmet efter undersøgelsen."}, "measures"),
        Step("consent", {"givenBy": "Begge forældre (forældremyndighed)", "scope": "measures"}, "measures"),
        Step("child-plan", {"goals[0]": "Barnet spiser morgenmad hver skoledag.",
                            "goals[1]": "Barnet møder udhvilet i skole.",
                            "childInvolved": "true", "parentsInvolved": "true"}, "measures"),
        Step("measure", {"legalBasis": "§32", "kind": "Familiebehandling", "provider": "Familiehuset Sydby",
                         "reason": "Støtte til forældrene i hverdagens rutiner.", "startDate": today_text,
                         "monthlyCost": "4500"}, "measures"),
        Step("follow-up", {"status": "Rutinerne er bedre; morgenmaden sidder ikke helt endnu.",
                           "childConversation": "Barnet siger, det er rart at spise morgenmad."}, "measures"),
        Step("measure-end", {"endDate": today_text}, "ready-to-close"),
        Step("closure", {"reason": "Målene er nået; familien klarer sig uden støtte."}, "closed"),
    ]


def test_a_case_from_report_to_closure(ui):
    ui.sign_in("sydby.caseworker")
    child = omsorg_api.child_name("forløb")

    # (a) A report of concern for a new child, from the work tray: one form.
    before = ui.counts()
    ui.click('a[href="/reports/new"]', navigates=True)
    ui.register_report(child, "Barnet kommer ofte sultent og træt i skole.")
    report_effort = effort(before, ui.counts())
    record_friction(registerReport=report_effort)
    assert ui.path.startswith("/cases/"), f"saving the report ended on {ui.path}: {ui.error_summary()}"
    case_path = ui.path

    assert child in ui.find("#child").text
    kinds = {row.get_attribute("data-deadline-kind") for row in ui.find_all("#deadlines [data-deadline-kind]")}
    assert {"urgent-assessment", "notifier-receipt"} <= kinds, f"deadlines on a new case: {kinds}"
    assert case_stage(ui) == "intake"

    follow_up_effort = None
    for step in flow(danish_date(today())):
        entries = len(ui.find_all("#timeline li"))
        before = ui.counts()
        take_step(ui, step)
        if step.kind == "follow-up":
            follow_up_effort = effort(before, ui.counts())
            record_friction(registerReport=report_effort, followUpTwoGoals=follow_up_effort)
        assert ui.path == case_path, f"{step.kind}: saving ended on {ui.path}: {ui.error_summary() or ui.title}"
        assert not ui.exists(".error-summary"), f"{step.kind}: {ui.error_summary()}"
        assert case_stage(ui) == step.stage, f"after {step.kind} the stage is {case_stage(ui)!r}, not {step.stage!r}"
        assert len(ui.find_all("#timeline li")) > entries, f"{step.kind} added nothing to the timeline"
        if step.kind == "investigation":
            assert ui.exists('#deadlines [data-deadline-kind="investigation"]'), "no deadline for the investigation"

    offered = [a.get_attribute("data-step") for a in ui.find_all("#next-steps a[data-step]")]
    assert not offered, f"the closed case still offers {offered}"

    # Issue 8, item 9: a step is one form, and a report of concern takes at most 8 typed fields.
    assert report_effort["formsSubmitted"] == 1 and report_effort["pageLoads"] == 2, report_effort
    assert report_effort["fieldsTyped"] <= 8, report_effort
    assert follow_up_effort["formsSubmitted"] == 1 and follow_up_effort["pageLoads"] == 2, follow_up_effort

    # Issue 9, item 3: who has looked at the child, from the case page.
    ui.click("#access-log-link", navigates=True)
    assert child in ui.find("h1").text
    actions = [row.get_attribute("data-action") for row in ui.find_all("#access-log tbody tr")]
    assert "receive-report" in actions and "read-case" in actions and "record-closure" in actions, actions
    assert "Læste sagen" in ui.find("#access-log").text


def take_step(ui, step):
    """Follows the next-step panel's link to the step's form, fills it and sends it."""
    links = ui.find_all(f'#next-steps a[data-step="{step.kind}"]')
    if not links:
        offered = [a.get_attribute("data-step") for a in ui.find_all("#next-steps a[data-step]")]
        blocked = [li.text for li in ui.find_all("#next-steps li[data-blocked-step]")]
        raise AssertionError(f"the case page offers no {step.kind!r}; offered {offered}, blocked {blocked}")
    ui.click(links[0], navigates=True)
    assert ui.path.endswith(f"/steps/{step.kind}"), f"the {step.kind} link led to {ui.path}"
    form = ui.main_form()
    empty = [f.get_attribute("name") for f in ui.find_all('input[name$="-date"], input[name$="-time"]', form)
             if not f.get_attribute("value")]
    assert not empty, f"{step.kind}: the time fields {empty} do not default to now"
    values = dict(step.values)
    if step.kind == "follow-up":
        values.update(rate_every_goal(ui, form))
    # Which report or measure: the case has one of each, which the form may already have chosen.
    if step.kind in ("urgent-assessment", "notifier-receipt"):
        values.update(first_choice(ui, form, "reportId"))
    if step.kind == "measure-end":
        values.update(first_choice(ui, form, "measureId"))
    ui.fill(form, values)
    ui.submit(form)
    if ui.title.startswith(("Fejl:", "Error:")):
        raise AssertionError(f"{step.kind} was refused: {ui.error_summary()}")


def rate_every_goal(ui, form):
    """One rating per goal of the plan: the first goal in progress, the second achieved."""
    groups = []
    for radio in ui.find_all('input[type=radio][name^="goalAttainment["]', form):
        if radio.get_attribute("name") not in groups:
            groups.append(radio.get_attribute("name"))
    assert len(groups) == 2, f"the follow-up form rates {len(groups)} goals, the plan has 2: {groups}"
    return dict(zip(groups, ["in-progress", "achieved"]))


def first_choice(ui, form, name):
    """The first offered value of a choice the test has no opinion on (e.g. the one running measure);
    nothing when the form does not ask."""
    fields = ui.find_all(f'[name="{name}"]', form)
    if not fields or fields[0].get_attribute("type") == "hidden":
        return {}
    if fields[0].tag_name == "select":
        values = [o.get_attribute("value") for o in ui.find_all("option", fields[0])]
        return {name: next(v for v in values if v)}
    return {name: fields[0].get_attribute("value")}


def case_stage(ui):
    """The stage the case page states, as the API's value in a `data-stage` attribute (the contract
    names no element for it; `#case-stage` is where the page shows it)."""
    marked = ui.find_all("[data-stage]")
    assert marked, "the case page marks no element with data-stage"
    return marked[0].get_attribute("data-stage")


def effort(before, after):
    return {key: after[key] - before[key] for key in after}


def record_friction(**tasks):
    # Written as soon as measured, so a flow that fails later still leaves the counts it has.
    omsorg_ui.write_json("friction.json", tasks)
    print("friction:", tasks)
