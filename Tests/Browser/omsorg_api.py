"""The JSON API, for what a browser test needs besides the pages: a case to start from, and a look
behind a page to see that a refused form really changed nothing. Standard library only."""

import itertools
import json
import random
import urllib.error
import urllib.request
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

PASSWORD = "demo-password"
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def request(base_url, method, path, body=None, token=None, headers=None):
    """Returns (status, parsed JSON or text); 4xx and 5xx are answers here, not exceptions."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base_url.rstrip("/") + path, data=data, method=method)
    if data is not None:
        req.add_header("content-type", "application/json")
    if token:
        req.add_header("authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(req, timeout=30) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode("utf-8", "replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A 303 is an answer the tests look at, not something to follow silently.
    def redirect_request(self, *args, **kwargs):
        return None


def login(base_url, username):
    status, body = request(base_url, "POST", "/api/v1/auth/login", {"username": username, "password": PASSWORD})
    assert status == 200, f"API login as {username} answered {status}: {body}"
    return body["token"]


def get_case(base_url, token, case_id):
    status, body = request(base_url, "GET", f"/api/v1/cases/{case_id}", token=token)
    assert status == 200, f"GET case {case_id} answered {status}: {body}"
    return body


def create_case(base_url, token, child_name, description="Barnet kommer ofte sultent i skole."):
    """A new case, by a report of concern from a professional notifier for a new synthetic child."""
    body = {
        "child": {"personNumber": synthetic_person_number(), "name": child_name},
        "notifier": {"kind": "professional", "name": "Birgit Test", "organisation": "Engparken Skole",
                     "email": "birgit.test@skole.example"},
        "receivedAt": datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "description": description,
    }
    status, answer = request(base_url, "POST", "/api/v1/reports-of-concern", body, token=token)
    assert status in (200, 201), f"creating a report answered {status}: {answer}"
    assert not answer["joinedExistingCase"], "the synthetic child already had a case"
    return answer["caseId"]


_issued: set = set()


def synthetic_person_number(age_years=9):
    """A replacement person number (day + 60), which CPR never issues, so it is no real person's.
    The seventh digit 9 with a two-digit year up to 36 means a birth in the 2000s; the demo data use
    7th digit 4, so a number made here never lands on a demo child's case."""
    while True:
        born = today() - timedelta(days=age_years * 365 + random.randrange(1, 300))
        number = f"{born.day + 60:02d}{born.month:02d}{born.year % 100:02d}-9{random.randrange(1000):03d}"
        if number not in _issued:
            _issued.add(number)
            return number


def today():
    """The date in Denmark, where the pages' dates are written."""
    return datetime.now(COPENHAGEN).date()


def danish_date(day: date):
    return day.strftime("%d-%m-%Y")


_names = itertools.cycle(["Alma", "Bertram", "Cecilie", "Dagmar", "Egon", "Frida", "Gustav", "Holger"])


def child_name(purpose):
    """A synthetic name that says which test made the child, found again in the pages."""
    return f"{next(_names)} Test-{purpose}"
