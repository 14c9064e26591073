"""The harness itself: Debian's Chromium runs under Selenium, axe-core runs in a page and finds
what it should, and screenshots are written. If these fail, no other browser test means anything."""

from urllib.parse import quote

import omsorg_ui

TRIVIAL_PAGE = ("<!doctype html><html lang=da><head><title>Prøve</title></head><body>"
                "<main><h1>Prøve</h1><p>En side uden fejl.</p></main></body></html>")
PLANTED_FAULT = ("<!doctype html><html lang=da><head><title>Prøve</title></head><body>"
                 "<main><h1>Prøve</h1><img src=x.png><input type=text></main></body></html>")


def data_url(html):
    return "data:text/html;charset=utf-8," + quote(html)


def test_health_opens_in_headless_chromium(ui):
    ui.visit("/health")
    assert '"status":"ok"' in ui.text.replace(" ", "")
    shot = omsorg_ui.SCREENSHOTS / ui.page.screenshot
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG"


def test_axe_passes_a_clean_page_and_finds_planted_faults(ui):
    ui.visit(data_url(TRIVIAL_PAGE))
    assert ui.page.violations == [], ui.page.violations

    ui.visit(data_url(PLANTED_FAULT))
    found = {rule for rule, impact, _ in ui.page.failing()}
    assert {"image-alt", "label"} <= found, f"axe-core missed planted faults, found {ui.page.violations}"
    # The faults were meant; what the fixture must still fail on is anything else.
    ui.problems = [p for p in ui.problems if " image-alt " not in p and " label " not in p]
