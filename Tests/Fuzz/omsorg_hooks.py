"""Schemathesis hooks for Omsorg's API (scripts/api-fuzz.sh): real identifiers in the paths, so that
the fuzzed requests reach real cases, children, family members and users, and the signed-in caller
each operation is for.

scripts/api-fuzz.sh signs in and finds the identifiers before the run, and passes them in
OMSORG_FUZZ, a JSON object:
  {"caseworker": TOKEN, "teamLeader": TOKEN, "administrator": TOKEN, "logout": TOKEN,
   "caseId": [...], "childId": [...], "memberId": [...], "userId": [...], "signedIn": [...],
   "steps": {caseId: {"reportId": [...], "measureId": [...], "goalId": [...]}}}
"""

import json
import os
import random

import schemathesis

FIXTURES = json.loads(os.environ.get("OMSORG_FUZZ", "{}"))
# Draws of real identifiers are random but repeatable from run to run.
RANDOM = random.Random(2024)


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    """A real identifier in most paths (the rest keep the fuzzer's value: a record that is not
    there, or no identifier at all), and the token of the caller whose role the operation is for:
    administrators for users, team leaders for assignment, caseworkers for casework. Signing out
    spends a token of its own, so that the others stay signed in."""
    for name, value in list((case.path_parameters or {}).items()):
        known = FIXTURES.get(name)
        protected = name == "userId" and str(value).upper() in FIXTURES.get("signedIn", [])
        if known and (protected or RANDOM.random() < 0.9):
            case.path_parameters[name] = RANDOM.choice(known)
    refer_to_the_case(case)
    path = case.operation.path
    if path.startswith("/api/v1/users"):
        token = FIXTURES.get("administrator")
    elif path.endswith("/assignment"):
        token = FIXTURES.get("teamLeader")
    elif path == "/api/v1/auth/logout":
        token = FIXTURES.get("logout")
    else:
        token = FIXTURES.get("caseworker")
    if token:
        case.headers = dict(case.headers or {})
        case.headers["Authorization"] = f"Bearer {token}"


def refer_to_the_case(case):
    """A step's body names a report, measure or goal of its own case in most draws, so that the
    step reaches the flow's rules instead of stopping at an unknown reference."""
    known = FIXTURES.get("steps", {}).get((case.path_parameters or {}).get("caseId"))
    if not known or not isinstance(case.body, dict):
        return
    for name in ("reportId", "measureId"):
        if name in case.body and known[name] and RANDOM.random() < 0.9:
            case.body[name] = RANDOM.choice(known[name])
    attainments = case.body.get("goalAttainment")
    if isinstance(attainments, list) and known["goalId"]:
        goals = list(known["goalId"])
        RANDOM.shuffle(goals)
        for item, goal in zip(attainments, goals):
            if isinstance(item, dict) and "goalId" in item:
                item["goalId"] = goal
