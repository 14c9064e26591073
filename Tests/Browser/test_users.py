"""The administrator's Brugere pages: creating, changing, deactivating and re-passwording the
municipality's staff, and the walls around them. Every test makes its own users (unique names), so
the demo users the other tests sign in as are never changed."""

import re
import uuid

import omsorg_api

ADMIN = "sydby.administrator"
# A team of the tests' own, so that the users made here never turn up in the demo team leader's
# choice of caseworkers.
TEAM = "Testteam Brugere"
_EDIT = re.compile(r"/users/[0-9a-fA-F-]{36}/edit$")


def new_username(purpose):
    return f"test.{purpose}.{uuid.uuid4().hex[:8]}"


def new_password():
    return f"Kaffe-og-kage-{uuid.uuid4().hex[:8]}"


def create_user(base_url, purpose, role="caseworker", team=TEAM):
    """A user made through the API by the demo administrator: (account, password)."""
    token = omsorg_api.login(base_url, ADMIN)
    username, password = new_username(purpose), new_password()
    body = {"username": username, "displayName": f"Test {purpose.capitalize()} {username[-4:]}", "role": role,
            "team": team, "password": password}
    status, account = omsorg_api.request(base_url, "POST", "/api/v1/users", body, token=token)
    assert status == 201, f"creating {username} through the API answered {status}: {account}"
    return account, password


def account_of(base_url, user_id):
    status, account = omsorg_api.request(base_url, "GET", f"/api/v1/users/{user_id}",
                                         token=omsorg_api.login(base_url, ADMIN))
    assert status == 200, f"GET user {user_id} answered {status}: {account}"
    return account


def accounts(base_url):
    """Sydby's users by username, as the API has them."""
    status, body = omsorg_api.request(base_url, "GET", "/api/v1/users", token=omsorg_api.login(base_url, ADMIN))
    assert status == 200, f"GET users answered {status}: {body}"
    return {item["username"]: item for item in body["items"]}


def open_change_form(ui, username):
    """From the list, as an administrator finds a user: the row's "Ret …" link."""
    ui.visit("/users")
    row = ui.find(f'#users tr[data-username="{username}"]')
    ui.click(ui.find('a[href$="/edit"]', row), navigates=True)
    assert _EDIT.search(ui.path), f"the row's change link led to {ui.path}"
    return ui.find("#user-form")


def row_cells(ui, username):
    return [cell.text for cell in ui.find_all("td", ui.find(f'#users tr[data-username="{username}"]'))]


def sign_in_is_refused(ui, username, password):
    """A sign-in that must fail. Each one counts towards the server's limit of 5 failed sign-ins
    per client address in 15 minutes, and all browser tests come from 127.0.0.1: use sparingly."""
    ui.visit("/sign-in")
    form = ui.find("#sign-in-form")
    ui.type(ui.find("[name=username]", form), username)
    ui.type(ui.find("[name=password]", form), password)
    ui.click("#sign-in", navigates=True)
    assert ui.path == "/sign-in", f"signing in as {username} with a password that should fail ended on {ui.path}"
    assert ui.error_summary(), "a refused sign-in says nothing"


def test_an_administrator_creates_a_caseworker_who_then_signs_in(open_browser):
    admin = open_browser()
    admin.sign_in(ADMIN, lands_on="/users")
    current = admin.find('nav a[aria-current="page"]')
    assert current.text == "Brugere" and current.get_attribute("href").endswith("/users"), \
        f"the menu does not mark Brugere as the current page: {current.text!r}"
    assert admin.find("h1").text == "Brugere"
    assert admin.exists(f'#users tr[data-username="{ADMIN}"]'), "the administrator is not in the list of users"

    admin.click("#new-user", navigates=True)
    assert admin.path == "/users/new", f"Opret bruger led to {admin.path}"
    form = admin.find("#user-form")
    assert admin.find("#password", form).get_attribute("type") == "password"
    username, password = new_username("opret"), new_password()
    name = f"Test Opret {username[-4:]}"
    admin.fill(form, {"username": username, "displayName": name, "role": "caseworker", "team": TEAM,
                      "password": password})
    admin.submit(form)
    assert admin.path == "/users", f"creating the user ended on {admin.path}: {admin.error_summary()}"
    assert admin.find("#users-notice").text == "Brugeren er oprettet."
    assert row_cells(admin, username)[:5] == [name, username, "sagsbehandler", TEAM, "Aktiv"], row_cells(admin, username)
    link = admin.find(f'#users tr[data-username="{username}"] a')
    assert link.text == f"Ret {name}" and _EDIT.search(link.get_attribute("href")), \
        f"the row's link is {link.text!r} to {link.get_attribute('href')}"

    # The list in English, and back.
    admin.click("#language-switch", navigates=True)
    assert admin.path == "/users" and admin.lang == "en" and admin.find("h1").text == "Users"
    assert row_cells(admin, username)[2:5] == ["caseworker", TEAM, "Active"], row_cells(admin, username)
    assert admin.find("#new-user").text == "Create user"
    admin.click("#language-switch", navigates=True)
    assert admin.lang == "da"

    user = open_browser()
    user.first_sign_in(username, password, new_password())
    assert name in user.find(".signed-in-as").text, f"the header does not name the new user: {user.find('.signed-in-as').text!r}"
    # A new caseworker has no cases yet: their own tray, empty, not the page for roles without cases.
    assert user.find("h1").text == "Min arbejdsbakke", f"the new caseworker's start page is {user.find('h1').text!r}"
    assert not user.exists("#role-info"), "the new caseworker is told their role works no cases"


def test_the_new_user_form_says_what_is_wrong_next_to_each_field_and_keeps_what_was_typed(ui, base_url):
    ui.sign_in(ADMIN, lands_on="/users")
    ui.visit("/users/new")
    ui.submit(ui.find("#user-form"))  # nothing filled in
    assert ui.status == 422, f"an empty new-user form answered {ui.status}"
    assert ui.title.startswith("Fejl:"), f"the title {ui.title!r} does not start with 'Fejl:'"
    summary = ui.find(".error-summary")
    for field in ("username", "displayName", "password"):
        assert ui.find_all(f'a[href="#{field}"]', summary), f"the error summary has no link to #{field}"
        message = ui.find(f"#{field}-error")
        assert message.is_displayed() and message.text.strip(), f"no message shown next to #{field}"
    ui.click(ui.find('a[href="#username"]', summary))
    assert ui.active()["id"] == "username", f"the summary link moved focus to {ui.active()}"

    # A caseworker without a team, and a password too short.
    username, name = new_username("fejl"), "Test Fejl Hansen"
    form = ui.find("#user-form")
    ui.fill(form, {"username": username, "displayName": name, "role": "caseworker", "password": "kort-kode"})
    ui.submit(form)
    assert ui.status == 422, f"a caseworker without a team answered {ui.status}"
    for field in ("team", "password"):
        message = ui.find(f"#{field}-error")
        assert message.is_displayed() and message.text.strip(), f"no message shown next to #{field}"
    assert "12" in ui.find("#password-error").text, f"the password message does not say how long: {ui.find('#password-error').text!r}"
    assert not ui.exists("#username-error") and not ui.exists("#displayName-error")
    form = ui.find("#user-form")
    assert ui.find("#username", form).get_attribute("value") == username
    assert ui.find("#displayName", form).get_attribute("value") == name
    assert ui.find('input[name="role"][value="caseworker"]', form).is_selected()
    assert ui.find("#password", form).get_attribute("value") == "", "the password was sent back to the browser"

    # Someone else's username, otherwise all well.
    ui.fill(form, {"username": "sydby.caseworker", "role": "team-leader", "team": TEAM, "password": new_password()})
    ui.submit(form)
    assert ui.status == 422, f"a taken username answered {ui.status}"
    taken = ui.find("#username-error").text
    assert "taget" in taken, f"the message next to the username does not say it is taken: {taken!r}"
    assert ui.find_all('.error-summary a[href="#username"]'), "the error summary has no link to the username"
    form = ui.find("#user-form")
    assert ui.find("#team", form).get_attribute("value") == TEAM
    assert ui.find('input[name="role"][value="team-leader"]', form).is_selected()
    assert ui.find("#password", form).get_attribute("value") == ""

    recorded = accounts(base_url)
    assert username not in recorded, "a refused form created the user"
    caseworker = recorded["sydby.caseworker"]
    assert caseworker["role"] == "caseworker" and caseworker["team"] != TEAM, \
        f"the taken username's user was changed: {caseworker}"


def test_every_fault_in_the_new_user_form_is_reported_at_once(ui, base_url):
    # A missing username and a caseworker without a team are two faults in two fields; the
    # administrator should not learn of the second only after fixing the first.
    ui.sign_in(ADMIN, lands_on="/users")
    ui.visit("/users/new")
    form = ui.find("#user-form")
    ui.fill(form, {"displayName": "Test Samlet Fejl", "role": "caseworker", "password": new_password()})
    ui.submit(form)
    assert ui.status == 422, f"the form answered {ui.status}"
    shown = sorted(e.get_attribute("id") for e in ui.find_all(".field-error"))
    assert shown == ["team-error", "username-error"], \
        f"a form without a username and without a caseworker's team showed only {shown}"


def test_deactivation_and_a_new_password_end_the_users_sessions(open_browser, base_url):
    account, temporary = create_user(base_url, "lukket")
    username, password = account["username"], new_password()
    user = open_browser()
    user.first_sign_in(username, temporary, password)
    admin = open_browser()
    admin.sign_in(ADMIN, lands_on="/users")

    form = open_change_form(admin, username)
    assert admin.find("h1").text == f"Ret {account['displayName']}"
    assert admin.find("#displayName", form).get_attribute("value") == account["displayName"]
    assert admin.find('input[name="role"][value="caseworker"]', form).is_selected()
    assert admin.find("#team", form).get_attribute("value") == TEAM
    assert admin.find('input[name="active"][value="true"]', form).is_selected()
    assert admin.find('input[name="version"]', form).get_attribute("value") == str(account["version"])
    admin.choose(form, "active", "false")
    admin.submit(form)
    assert admin.path == "/users", f"deactivating ended on {admin.path}: {admin.error_summary()}"
    assert admin.find("#users-notice").text == "Ændringen er gemt."
    assert row_cells(admin, username)[4] == "Deaktiveret", row_cells(admin, username)

    user.visit("/worktray")
    assert user.path == "/sign-in", f"a deactivated user's next page was {user.path}"
    sign_in_is_refused(user, username, password)

    form = open_change_form(admin, username)
    admin.choose(form, "active", "true")
    admin.submit(form)
    assert row_cells(admin, username)[4] == "Aktiv", row_cells(admin, username)
    user.sign_in(username, password)

    # A new password: first one too short, then a good one.
    open_change_form(admin, username)
    form = admin.find("#password-form")
    admin.type(admin.find("#password", form), "for-kort")
    admin.click("#reset-password", navigates=True)
    assert admin.status == 422, f"a short new password answered {admin.status}"
    assert admin.find("#password-error").is_displayed() and admin.find_all('.error-summary a[href="#password"]')
    new = new_password()
    form = admin.find("#password-form")
    admin.type(admin.find("#password", form), new)
    admin.click("#reset-password", navigates=True)
    assert admin.path == "/users", f"setting a new password ended on {admin.path}: {admin.error_summary()}"
    assert admin.find("#users-notice").text == "Den nye adgangskode er sat, og brugeren er logget ud."

    user.visit("/worktray")
    assert user.path == "/sign-in", f"after a new password the user's next page was {user.path}"
    sign_in_is_refused(user, username, password)
    user.first_sign_in(username, new, new_password())


def test_an_administrator_cannot_lock_themself_out_and_sees_a_change_made_meanwhile(open_browser, base_url):
    # A second administrator of our own, so that the demo administrator is never at stake.
    admin_account, admin_password = create_user(base_url, "admin", role="administrator", team=None)
    me = open_browser()
    me.first_sign_in(admin_account["username"], admin_password, new_password(), lands_on="/users")

    for field, value in (("active", "false"), ("role", "analyst")):
        form = open_change_form(me, admin_account["username"])
        me.choose(form, field, value)
        me.submit(form)
        assert me.status == 422, f"changing one's own {field} to {value} answered {me.status}"
        message = me.find(f"#{field}-error")
        assert message.is_displayed() and "egen" in message.text, f"the message next to {field}: {message.text!r}"
        assert me.find_all(f'.error-summary a[href="#{field}"]'), f"the error summary has no link to #{field}"
    now = account_of(base_url, admin_account["id"])
    assert now["active"] and now["role"] == "administrator", f"the administrator changed themself: {now}"

    # The demo administrator opens a caseworker's page; our administrator changes the caseworker
    # meanwhile; the demo administrator's change is not saved over it.
    target, _ = create_user(base_url, "samtidig")
    other = open_browser()
    other.sign_in(ADMIN, lands_on="/users")
    stale = open_change_form(other, target["username"])
    form = open_change_form(me, target["username"])
    me.type(me.find("#displayName", form), "Test Samtidig Først")
    me.submit(form)
    assert me.path == "/users", f"the first change ended on {me.path}: {me.error_summary()}"

    other.type(other.find("#displayName", stale), "Test Samtidig Anden")
    other.submit(stale)
    assert other.status == 409, f"a change to a user changed meanwhile answered {other.status}"
    assert other.find("#user-changed-meanwhile").is_displayed()
    assert other.find("#displayName").get_attribute("value") == "Test Samtidig Først", \
        "the page shown after the conflict does not show the user as now"
    assert account_of(base_url, target["id"])["displayName"] == "Test Samtidig Først"

    # Made again from the page shown, the change is saved.
    form = other.find("#user-form")
    other.type(other.find("#displayName", form), "Test Samtidig Anden")
    other.submit(form)
    assert other.path == "/users", f"the change made again ended on {other.path}: {other.error_summary()}"
    assert account_of(base_url, target["id"])["displayName"] == "Test Samtidig Anden"


def test_other_roles_and_other_municipalities_are_kept_out(open_browser, base_url):
    target, _ = create_user(base_url, "mur")
    edit = f"/users/{target['id']}/edit"

    nordby = open_browser()
    nordby.sign_in("nordby.administrator", lands_on="/users")
    assert not nordby.exists('#users tr[data-username^="sydby."]'), "Nordby's list shows Sydby's users"
    assert not nordby.exists(f'#users tr[data-username="{target["username"]}"]')
    nordby.visit(edit)
    assert nordby.status == 404, f"{edit} answered {nordby.status} to Nordby's administrator"
    assert nordby.find("h1").text == "Siden findes ikke"
    assert target["displayName"] not in nordby.text
    # Nordby's own form for one of its users, sent to the Sydby user's address instead.
    open_change_form(nordby, "nordby.caseworker")
    form = nordby.find("#user-form")
    nordby.js("arguments[0].action = arguments[1]", form, f"/users/{target['id']}")
    nordby.type(nordby.find("#displayName", form), "Test Fra Nordby")
    nordby.submit(form)
    assert nordby.status == 404, f"Nordby's change sent to a Sydby user answered {nordby.status}"
    assert account_of(base_url, target["id"])["displayName"] == target["displayName"], "Nordby changed a Sydby user"

    caseworker = open_browser()
    caseworker.sign_in("sydby.caseworker")
    assert not caseworker.exists('nav a[href="/users"]'), "a caseworker's menu links to Brugere"
    for path in ("/users", "/users/new", edit):
        caseworker.visit(path)
        assert caseworker.status == 403, f"{path} answered {caseworker.status} to a caseworker"
        assert target["username"] not in caseworker.text
        # The refusal should say what happened (this role may not see the page), not that a form expired.
        text = caseworker.find("main").text
        assert "udløbet" not in text and "Formularen" not in text, \
            f"a caseworker opening {path} is told, as if a form had expired: {text!r}"
