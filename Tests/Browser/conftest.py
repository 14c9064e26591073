"""Fixtures for the browser tests. Run them with scripts/browser-test.sh, which starts
`omsorg serve --demo` on a free port and passes its address in OMSORG_BASE_URL."""

import os

import pytest

import omsorg_api
import omsorg_ui
from omsorg_ui import UI


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("OMSORG_BASE_URL")
    if not url:
        pytest.fail("OMSORG_BASE_URL is not set: run the browser tests with scripts/browser-test.sh")
    return url.rstrip("/")


@pytest.fixture
def open_browser(base_url, request):
    """Opens browser windows for a test (each its own cookies, so two users can work at once);
    at the end the test fails if any page it reached had a serious accessibility or CSP problem."""
    opened = []

    def open_one(width=1280, height=900):
        ui = UI(omsorg_ui.new_driver(width, height), base_url, request.node.name)
        opened.append(ui)
        return ui

    yield open_one
    problems = []
    for ui in opened:
        try:
            ui.settle()
            problems += ui.problems
        finally:
            ui.driver.quit()
    assert not problems, "problems on the pages this test reached:\n" + "\n".join(problems)


@pytest.fixture
def ui(open_browser):
    return open_browser()


@pytest.fixture
def api_token(base_url):
    return omsorg_api.login(base_url, "sydby.caseworker")


def pytest_sessionstart(session):
    # Old pictures would mix with this run's and mislead whoever looks at them.
    if omsorg_ui.SCREENSHOTS.is_dir():
        for old in omsorg_ui.SCREENSHOTS.iterdir():
            if old.suffix in (".png", ".json"):
                old.unlink()


def pytest_terminal_summary(terminalreporter):
    pages = omsorg_ui.PAGES
    if not pages:
        return
    terminalreporter.section(f"axe-core {axe_version()} on {len(pages)} pages (fails on serious/critical)")
    for page in pages:
        terminalreporter.line(page.summary())
    omsorg_ui.write_json("axe.json", [vars(page) for page in pages])
    friction = omsorg_ui.SCREENSHOTS / "friction.json"
    if friction.exists():
        terminalreporter.section("friction")
        terminalreporter.line(friction.read_text(encoding="utf-8").strip())
    terminalreporter.line(f"screenshots: {omsorg_ui.SCREENSHOTS}")


def axe_version():
    head = omsorg_ui.AXE_JS.read_text(encoding="utf-8")[:300]
    return head.split("axe v", 1)[1].split()[0] if "axe v" in head else ""
