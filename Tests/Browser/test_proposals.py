"""Early detection's consent workflow on screen: a worklist without names, a proposal taken, the
letter and a refused date, the family's answer deadline in the work tray, and the family's cases
and a preventive effort only once consent is recorded. The demo proposes families in Sydby."""

import re

PERSON_NUMBER = re.compile(r"\b\d{6}-\d{4}\b")


def open_first_open_proposal(ui):
    ui.click('nav a[href="/proposals"]', navigates=True)
    rows = ui.find_all('#proposals tr[data-state="open"]')
    assert rows, "the demo's worklist has no open proposal"
    assert not PERSON_NUMBER.search(ui.find("#proposals").text), "the worklist shows a person number"
    ui.click(ui.find("a", rows[0]), navigates=True)
    return ui.path


def step_form(ui, action):
    return ui.find(f'form[action$="/{action}"]')


def test_a_caseworker_works_a_proposal_from_taking_it_to_a_preventive_effort(ui, open_browser):
    ui.sign_in("sydby.caseworker")
    path = open_first_open_proposal(ui)
    assert not ui.exists("#proposal-family"), "the family is shown before the proposal is taken"
    assert ui.find("#proposal-indicators tbody tr"), "the proposal does not say what it rests on"
    ui.submit(step_form(ui, "take"))
    assert ui.path == path, f"taking the proposal ended on {ui.path}"
    assert PERSON_NUMBER.search(ui.find("#proposal-family").text), "the holder is not shown the family"
    assert "samtykke" in ui.find("#consent-letter").text.lower(), "the consent letter is missing"
    width, client = ui.js("const e = document.documentElement; return [e.scrollWidth, e.clientWidth]")
    assert width <= client, f"the proposal page with its letter scrolls sideways ({width} px wide in {client} px)"

    colleague = open_browser()
    colleague.sign_in("sydby.caseworker2")
    colleague.visit(path)
    assert not colleague.exists("#proposal-family") and not PERSON_NUMBER.search(colleague.text), \
        "a colleague who does not hold the proposal sees the family"

    form = step_form(ui, "consent-request")
    ui.type(ui.find("#sentOn", form), "31-02-2026")
    ui.submit(form)
    assert ui.status == 422 and ui.title.startswith("Fejl:"), f"a date that does not exist answered {ui.status}, {ui.title!r}"
    assert ui.find("p.field-error#sentOn-error").text.strip(), "no message next to the date"
    assert ui.find("#sentOn").get_attribute("value") == "31-02-2026", "the typed date was lost"
    form = step_form(ui, "consent-request")
    ui.type(ui.find("#sentOn", form), ui.js("const d = new Date(); return [d.getDate(), d.getMonth() + 1, d.getFullYear()]"
                                           ".map((n, i) => String(n).padStart(i == 2 ? 4 : 2, '0')).join('-')"))
    ui.submit(form)
    assert "Familien har til" in ui.find("#proposal-state").text, "the page does not give the family's deadline"

    ui.click('nav a[href="/worktray"]', navigates=True)
    held = ui.find_all(f'#worktray-proposals li[data-proposal-id="{path.rsplit("/", 1)[1]}"]')
    assert held and "Familien har til" in held[0].text, "the work tray does not show the proposal's deadline"
    ui.click(ui.find("a", held[0]), navigates=True)

    form = step_form(ui, "consent-answer")
    ui.choose(form, "answer", "given")
    ui.submit(form)
    assert ui.exists("#proposal-no-cases") or ui.exists("#proposal-cases"), "consent given, yet the family's cases are not offered"

    form = step_form(ui, "effort")
    ui.fill(form, {"offer": "Familiesamtaler", "provider": "Sundhedsplejen", "goals": "Faste tandlægetider\nTrygge morgener"})
    ui.submit(form)
    assert "Trygge morgener" in ui.find("#proposal-efforts").text, "the effort's goals are not shown"

    # A long note: the browser sends such a body in more than one piece, which must not read as a
    # form without its token.
    note = "Familien tog godt imod tilbuddet. " * 55
    form = step_form(ui, "relevance")
    ui.choose(form, "relevance", "yes")
    ui.type(ui.find("#relevanceNote", form), note)
    ui.submit(form)
    assert ui.exists("#proposal-notice"), f"recording the relevance with a {len(note)}-character note answered {ui.status}: {ui.title!r}"
    assert ui.find("#relevanceNote").get_attribute("value").strip() == note.strip(), "the note recorded is not shown again"


def test_a_proposal_dismissed_without_a_reason_is_refused_next_to_the_field(ui):
    ui.sign_in("sydby.caseworker")
    open_first_open_proposal(ui)
    ui.submit(step_form(ui, "take"))
    ui.submit(step_form(ui, "dismiss"))
    assert ui.status == 422, f"a dismissal without a reason answered {ui.status}"
    assert ui.find_all('.error-summary a[href="#reason"]'), "the summary does not link to the reason"
    form = step_form(ui, "dismiss")
    ui.type(ui.find("#reason", form), "Familien har allerede en indsats.")
    ui.submit(form)
    assert "Afvist" in ui.find("#proposal-state").text, "the proposal is not shown as dismissed"


def test_an_analyst_reads_the_model_card_with_its_roc_and_calibration_charts(ui):
    ui.sign_in("sydby.analyst")
    ui.click('nav a[href="/models"]', navigates=True)
    for chart in ("chart-roc", "chart-calibration"):
        svg = ui.find(f'svg[aria-labelledby="{chart}-title {chart}-desc"]')
        assert svg.is_displayed() and svg.size["width"] > 100, f"the {chart} chart is not drawn"
    assert len(ui.find_all("#model-card polyline")) == 2, "a chart has no line"
    assert "Feedback from caseworkers" in ui.find("#model-card").text
    assert not PERSON_NUMBER.search(ui.text), "the model's page shows a person number"
