"""Sessions, keyboard use, roles and the walls between users: who may see and change what."""

from selenium.webdriver.common.keys import Keys

import omsorg_api


def test_signing_out_ends_the_session(ui):
    ui.visit("/")
    assert ui.path == "/sign-in", f"/ signed out went to {ui.path}"
    ui.sign_in("sydby.caseworker")
    ui.sign_out()
    ui.visit("/worktray")
    assert ui.path == "/sign-in", f"/worktray after signing out showed {ui.path}"


def test_sign_in_with_the_keyboard_only_and_skip_to_main_content(ui):
    ui.visit("/sign-in")
    ui.press(Keys.TAB)
    first = ui.active()
    assert first["tag"] == "a" and first["href"].startswith("#"), f"the first Tab stop is not a skip link: {first}"
    target = first["href"][1:]
    assert ui.js("const t = document.getElementById(arguments[0]); return !!t && !!t.closest('main')", target), \
        f"the skip link points at #{target}, which is not the main content"

    for _ in range(10):  # past the skip link and any header controls to the first field
        if ui.active()["name"] == "username":
            break
        ui.press(Keys.TAB)
    assert ui.active()["name"] == "username", f"Tab never reached the user name field; stopped at {ui.active()}"
    ui.press("sydby.caseworker", Keys.TAB)
    assert ui.active()["name"] == "password", f"Tab from the user name went to {ui.active()}"
    ui.press(omsorg_api.PASSWORD, Keys.ENTER, navigates=True)
    assert ui.path == "/worktray", f"Enter in the password field ended on {ui.path}: {ui.error_summary()}"

    ui.press(Keys.TAB)
    skip = ui.active()
    assert skip["tag"] == "a" and skip["href"].startswith("#"), f"no skip link first on the work tray: {skip}"
    ui.press(Keys.ENTER)
    assert ui.js("return location.hash") == skip["href"], "following the skip link did not move to the main content"


def test_another_municipality_gets_page_not_found(open_browser, base_url, api_token):
    child = omsorg_api.child_name("nabokommune")
    case_id = omsorg_api.create_case(base_url, api_token, child)
    ui = open_browser()
    ui.sign_in("nordby.caseworker")
    for path in (f"/cases/{case_id}", f"/cases/{case_id}/steps/child-conversation"):
        ui.visit(path)
        assert ui.status == 404, f"{path} answered {ui.status} to another municipality"
        assert ui.find("h1").text == "Siden findes ikke"
        assert child not in ui.text


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(ui, base_url, api_token):
    case_id = omsorg_api.create_case(base_url, api_token, omsorg_api.child_name("csrf"))
    ui.sign_in("sydby.caseworker")
    # One form sent without the token, one with a token that is not the session's.
    for tamper in ("arguments[0].remove()", "arguments[0].value = 'not-the-token'"):
        ui.visit(f"/cases/{case_id}/steps/child-conversation")
        form = ui.main_form()
        ui.js(tamper, ui.find('input[name="_csrf"]', form))
        ui.type(ui.find("#summary", form), "Denne samtale må ikke blive gemt.")
        ui.submit(form)
        assert ui.status == 403, f"a form with {tamper!r} on its token answered {ui.status}"
    case = omsorg_api.get_case(base_url, api_token, case_id)
    assert case["childConversations"] == [], "a refused form recorded a child conversation"


def test_a_team_leader_assigns_a_case_from_the_team_tray(ui, base_url):
    ui.sign_in("sydby.team-leader")
    rows = ui.find_all("#worktray tr[data-case-id]")
    assert rows, "the team leader's tray has no rows"
    unassigned = [r for r in rows if ui.find_all('select[name="caseworkerId"]', r)]
    assert unassigned, "no row of the team's tray has an assignment form (the demo data has unassigned cases)"
    assert unassigned[0] == rows[0], "the unassigned cases are not on top of the team's tray"
    row = unassigned[0]
    case_id = row.get_attribute("data-case-id")
    select = ui.find('select[name="caseworkerId"]', row)
    options = [o.get_attribute("value") for o in ui.find_all("option", select)]
    chosen = next((v for v in options if v and v != select.get_attribute("value")), options[0])
    ui.choose(select.find_element("xpath", "./ancestor::form"), "caseworkerId", chosen)
    ui.click(ui.find(".assign", row), navigates=True)
    assert not ui.exists(".error-summary"), ui.error_summary()
    leader = omsorg_api.login(base_url, "sydby.team-leader")
    assigned = omsorg_api.get_case(base_url, leader, case_id).get("caseworkerId") or ""
    assert assigned.lower() == chosen.lower(), f"the case is assigned to {assigned!r}, not the chosen {chosen!r}"


def test_roles_without_case_access_see_what_their_role_can_do(ui):
    for username in ("sydby.manager", "sydby.analyst", "sydby.administrator", "sydby.notifier"):
        # An administrator starts on the users they maintain; the start page says what the role is for.
        administrator = username == "sydby.administrator"
        ui.sign_in(username, lands_on="/users" if administrator else "/worktray")
        if administrator:
            ui.visit("/worktray")
        assert ui.exists("#role-info"), f"{username} sees no #role-info on /worktray"
        assert not ui.exists("#worktray"), f"{username}, who works no cases, sees a work tray"
        ui.sign_out()
