"""Signs a demo user in for bench/pages.sh and gives them open work.

Usage: pages_seed.py BASE_URL USERNAME REPORTS
Registers REPORTS reports of concern from professionals about new synthetic children (replacement
person numbers, day + 60, which CPR never issues), then prints one line: the user's API token, the
page session cookie, and a case in the measures stage that the user can read.
"""
import http.client
import http.cookies
import json
import re
import sys
import urllib.parse
from datetime import datetime, timezone

base, username, reports = sys.argv[1], sys.argv[2], int(sys.argv[3])
host = urllib.parse.urlparse(base).netloc
connection = http.client.HTTPConnection(host)


def request(method, path, body=None, headers=None):
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response, response.read()


def api(method, path, token=None, payload=None):
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    response, body = request(method, path, json.dumps(payload) if payload is not None else None, headers)
    if response.status >= 400:
        sys.exit(f"{method} {path}: {response.status} {body[:300]!r}")
    return json.loads(body) if body else None


token = api("POST", "/api/v1/auth/login", payload={"username": username, "password": "demo-password"})["token"]
now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
for index in range(reports):
    day, month, year, serial = 1 + index % 28, 1 + index // 28 % 12, 2010 + index // 336 % 14, index // 4704
    number = f"{day + 60:02d}{month:02d}{year % 100:02d}4{serial:03d}"
    api("POST", "/api/v1/reports-of-concern", token, {
        "child": {"personNumber": number, "name": f"Bænk Barn {index}", "schoolOrDaycare": "Bænkskolen"},
        "notifier": {"kind": "professional", "name": "Bænk Lærer", "organisation": "Bænkskolen"},
        "receivedAt": now,
        "description": "Syntetisk underretning til belastningstest.",
    })

# A page session, as a browser gets one: the sign-in form's token and its cookie, then the form.
response, page = request("GET", "/sign-in")
cookies = http.cookies.SimpleCookie()
for header in response.headers.get_all("Set-Cookie") or []:
    cookies.load(header)
csrf = re.search(r'name="_csrf" value="([^"]+)"', page.decode()).group(1)
form = urllib.parse.urlencode({"_csrf": csrf, "username": username, "password": "demo-password"})
cookie_header = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
response, _ = request("POST", "/sign-in", form, {"content-type": "application/x-www-form-urlencoded", "cookie": cookie_header})
if response.status != 303:
    sys.exit(f"page sign-in answered {response.status}")
for header in response.headers.get_all("Set-Cookie") or []:
    cookies.load(header)
session = cookies["omsorg_session"].value

cases = api("GET", "/api/v1/cases?stage=measures", token)["items"]
print(token, f"omsorg_session={session}", cases[0]["id"] if cases else "none")
