"""Signs in to a demo server and prints the identifiers and tokens the fuzzing hooks use (OMSORG_FUZZ).

Usage: python fixtures.py BASE_URL
"""

import json
import sys
import urllib.request

PASSWORD = "demo-password"


def call(base, method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", f"Bearer {token}")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def token(base, username):
    return call(base, "POST", "/api/v1/auth/login", {"username": username, "password": PASSWORD})["token"]


def main(base):
    caseworker = token(base, "sydby.caseworker")
    team_leader = token(base, "sydby.team-leader")
    administrator = token(base, "sydby.administrator")
    cases = call(base, "GET", "/api/v1/cases", token=caseworker)["items"]
    # Every stage, a few cases each: steps are then tried on cases ready for them and on cases not.
    by_stage = {}
    for item in cases:
        by_stage.setdefault(item["stage"], []).append(item["id"])
    case_ids = [case_id for ids in by_stage.values() for case_id in ids[:4]]
    # The demo's families are empty: one member on a few cases, for the family-member routes to change.
    for case_id in case_ids[::6]:
        call(base, "POST", f"/api/v1/cases/{case_id}/family-members",
             {"name": "Fuzz Forælder", "relation": "mother", "hasCustody": True, "livesWithChild": True}, token=caseworker)
    children, members, steps = [], [], {}
    for case_id in case_ids:
        case = call(base, "GET", f"/api/v1/cases/{case_id}", token=caseworker)
        children.append(case["child"]["id"])
        members += [member["id"] for member in case["family"]]
        # What a step's body refers to on its case: its reports, measures and the plan's goals.
        steps[case_id] = {
            "reportId": [report["id"] for report in case["reports"]],
            "measureId": [measure["id"] for measure in case["measures"]],
            "goalId": [goal["id"] for goal in (case.get("childPlan") or {}).get("goals", [])],
        }
    # A user of the municipality whom the fuzzer may rename, deactivate and give new passwords.
    users = call(base, "GET", "/api/v1/users", token=administrator)["items"]
    targets = [user["id"] for user in users if user["username"] in ("sydby.analyst", "sydby.notifier")]
    # The users the run signs in as: a link from GET /users to PUT /users/{userId} must not
    # deactivate them or end their tokens halfway.
    signed_in = [user["id"] for user in users if user["username"] in
                 ("sydby.caseworker", "sydby.team-leader", "sydby.administrator", "sydby.caseworker2")]
    print(json.dumps({
        "caseworker": caseworker, "teamLeader": team_leader, "administrator": administrator, "logout": token(base, "sydby.caseworker2"),
        "caseId": case_ids, "childId": children, "memberId": members, "userId": targets, "signedIn": signed_in, "steps": steps,
        "stages": {stage: len(ids) for stage, ids in by_stage.items()},
    }))


if __name__ == "__main__":
    main(sys.argv[1])
