"""A thin layer over Selenium for the browser tests.

Every page a test reaches, by address, link, button or key, passes through `UI._after_load`: it is
checked with axe-core and for Content-Security-Policy errors, and saved as a screenshot. The layer
also counts what a user spends (clicks, fields typed, page loads, forms sent), which the friction
test reads. Tests touch the page only through `UI`, so no page escapes those checks.
"""

import base64
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import axe_selenium_python
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from omsorg_api import PASSWORD, synthetic_person_number

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("OMSORG_SCREENSHOTS", REPO / ".build" / "screenshots"))
# axe-core as axe-selenium-python ships it; we run it ourselves to choose the options and to get
# the results back even when a page has no violations.
AXE_JS = Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")
WAIT = 15  # seconds; generous for 2 cores shared with the server

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


@dataclass
class PageCheck:
    """What the checks found on one loaded page; conftest prints these after the run."""
    number: int
    test: str
    url: str
    status: int
    title: str
    violations: list = field(default_factory=list)  # [(rule id, impact, node count)]
    axe_seconds: float = 0.0
    screenshot: str = ""

    def failing(self):
        return [v for v in self.violations or [] if v[1] in FAILING_IMPACTS]

    def summary(self):
        parts = urlsplit(self.url)
        path = _UUID.sub("{id}", parts.path) if parts.scheme.startswith("http") else parts.scheme + ":…"
        if self.violations is None:
            found = "axe not run (not an HTML page)"
        elif not self.violations:
            found = "no violations"
        else:
            found = ", ".join(f"{rule} ({impact}, {nodes})" for rule, impact, nodes in self.violations)
        return f"{self.number:02d} {self.status} {path}: {found} [{self.axe_seconds:.2f} s]"


PAGES: list[PageCheck] = []
_screenshot_numbers = iter(range(1, 10_000))


def new_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=da-DK", "--disable-extensions",
                     "--no-first-run", "--disable-search-engine-choice-screen"):
        options.add_argument(argument)
    # Leave alerts open, so that a script smuggled into a page is seen, not silently dismissed.
    options.unhandled_prompt_behavior = "ignore"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The explicit driver path keeps selenium-manager from trying to download one.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


class UI:
    """One browser window as a user works it, with the checks run on every page it loads."""

    def __init__(self, driver, base_url, test_name):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.test_name = _short_name(test_name)
        self.problems: list[str] = []  # accessibility and CSP findings, failed at the test's end
        self.clicks = 0
        self.loads = 0
        self.forms = 0
        self._typed: set = set()
        self.page: PageCheck | None = None
        # The browser's empty start page is not one of ours.
        driver.execute_script("window.__omsorgSeen = true")

    # -- counting ----------------------------------------------------------------------------

    def counts(self):
        self.settle()
        return {"clicks": self.clicks, "fieldsTyped": len(self._typed), "pageLoads": self.loads,
                "formsSubmitted": self.forms}

    # -- moving around -------------------------------------------------------------------------

    def url(self, path):
        return path if re.match(r"^[a-z]+:", path) else self.base_url + path

    def visit(self, path):
        """Opens an address as if typed into the address bar (counted as a page load, not a click)."""
        self.settle()
        self.driver.get(self.url(path))
        self._wait_for_new_page()

    def click(self, target, navigates=False):
        """A click on an element or the first match of a CSS selector; `navigates` waits for the
        next page, so a test never reads the old one by mistake."""
        self.settle()
        element = self.find(target) if isinstance(target, str) else target
        element.click()
        self.clicks += 1
        if navigates:
            self._wait_for_new_page()
        self.settle()

    def type(self, target, text, clear=True):
        """Types into a field; each field typed into on a page counts once, however many keys."""
        self.settle()
        element = self.find(target) if isinstance(target, str) else target
        if clear:
            element.clear()
        element.send_keys(text)
        self._typed.add((self.loads, element.get_attribute("name") or element.get_attribute("id")))

    def choose(self, form, name, value):
        """Picks a radio button, checkbox or select option by the field's name and the API value."""
        self.settle()
        elements = form.find_elements(By.NAME, name)
        assert elements, f"no field named {name!r} in the form"
        first = elements[0]
        if first.tag_name == "select":
            select = Select(first)
            values = [o.get_attribute("value") for o in select.options]
            select.select_by_value(value if value in values else next(v for v in values if v))
            self.clicks += 2  # open the list, pick the option
            return
        matches = [e for e in elements if e.get_attribute("value") == value]
        assert matches, f"no {name!r} choice with value {value!r} (has {[e.get_attribute('value') for e in elements]})"
        if not matches[0].is_selected():
            self._click_choice(matches[0])

    def _click_choice(self, element):
        # Radios styled the GOV.UK way hide the input under its label; the label is what users click.
        try:
            element.click()
        except Exception:
            self.driver.find_element(By.CSS_SELECTOR, f'label[for="{element.get_attribute("id")}"]').click()
        self.clicks += 1

    def fill(self, form, values):
        """Fills a form from {field name: value}: text fields are typed, choices picked."""
        for name, value in values.items():
            elements = form.find_elements(By.NAME, name)
            assert elements, f"no field named {name!r} in the form at {self.driver.current_url}"
            kind = (elements[0].get_attribute("type") or "").lower()
            if elements[0].tag_name == "select" or kind in ("radio", "checkbox"):
                self.choose(form, name, value)
            else:
                self.type(elements[0], value)

    def submit(self, form):
        """Sends a form with its submit button, as a user would, and waits for the answer page."""
        buttons = form.find_elements(By.CSS_SELECTOR, 'button[type=submit], input[type=submit], button:not([type])')
        assert buttons, "the form has no submit button"
        # Secondary actions (the report form's "find child") carry a name and come first; the form's
        # own action is the last button without one, as in the GOV.UK pattern.
        main = [b for b in buttons if not b.get_attribute("name")] or buttons
        self.forms += 1
        try:
            self.click(main[-1], navigates=True)
        except TimeoutException:
            valid = self.driver.execute_script("return arguments[0].checkValidity()", form)
            raise AssertionError(f"sending the form loaded no page (browser validation passed: {valid}); "
                                 "forms must not block on the browser's own validation (use novalidate)")

    def press(self, *keys, navigates=False):
        """Keys sent to whatever has focus, as a keyboard user types them."""
        self.settle()
        ActionChains(self.driver).send_keys(*keys).perform()
        if navigates:
            self._wait_for_new_page()
        self.settle()

    def sign_in(self, username, password=PASSWORD, lands_on="/worktray"):
        """Signs in through the sign-in page and lands on the work tray (an administrator's start
        page is another: `lands_on`)."""
        self.visit("/sign-in")
        form = self.find("#sign-in-form")
        self.type(self.find("[name=username]", form), username)
        self.type(self.find("[name=password]", form), password)
        self.click("#sign-in", navigates=True)
        assert self.path == lands_on, f"signing in as {username} ended on {self.path}: {self.error_summary() or self.title}"

    def first_sign_in(self, username, password, own, lands_on="/worktray"):
        """Signs in with a password an administrator set: the page asks for the user's own before
        anything else, and with it lands where `sign_in` does."""
        self.visit("/sign-in")
        form = self.find("#sign-in-form")
        self.type(self.find("[name=username]", form), username)
        self.type(self.find("[name=password]", form), password)
        self.click("#sign-in", navigates=True)
        assert self.exists("#own-password-form"), f"the administrator's password signed {username} in, to {self.path}"
        form = self.find("#own-password-form")
        assert self.find("[name=username]", form).get_attribute("value") == username
        self.type(self.find("[name=password]", form), password)
        self.type(self.find("[name=newPassword]", form), own)
        self.type(self.find("[name=newPasswordAgain]", form), own)
        self.submit(form)
        assert self.path == lands_on, f"choosing a password for {username} ended on {self.path}: {self.error_summary() or self.title}"

    def sign_out(self):
        self.click("#sign-out", navigates=True)
        assert self.path == "/sign-in", f"signing out ended on {self.path}"

    def register_report(self, child, description):
        """Fills and sends the report form on screen as a caseworker would for a professional notifier
        and a new child: the task whose effort the friction test counts."""
        form = self.find("#report-form")
        self.type(self.find("#personNumber", form), synthetic_person_number())
        self.type(self.find("#childName", form), child)
        self.choose(form, "notifierKind", "professional")
        # The notifier's own fields may show only once the kind is chosen.
        self.type(self.wait_for("#professionalName"), "Birgit Test")
        self.type(self.find("#professionalOrganisation", form), "Engparken Skole")
        self.type(self.find("#professionalEmail", form), "birgit.test@skole.example")
        self.type(self.find("#description", form), description)
        self.submit(form)

    # -- reading the page ----------------------------------------------------------------------

    def find(self, css, within=None):
        return (within or self.driver).find_element(By.CSS_SELECTOR, css)

    def find_all(self, css, within=None):
        return (within or self.driver).find_elements(By.CSS_SELECTOR, css)

    def exists(self, css):
        return bool(self.find_all(css))

    def wait_for(self, css, timeout=WAIT):
        """The first element matching `css` once it is shown (e.g. a field revealed by a choice)."""
        def shown(_):
            found = [e for e in self.find_all(css) if e.is_displayed()]
            return found[0] if found else False
        return WebDriverWait(self.driver, timeout).until(shown)

    @property
    def path(self):
        return urlsplit(self.driver.current_url).path

    @property
    def title(self):
        return self.driver.title

    @property
    def text(self):
        return self.find("body").text

    @property
    def status(self):
        """The HTTP status of the page on screen (after redirects), from the Navigation Timing entry."""
        return self.js("const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0")

    @property
    def lang(self):
        return self.js("return document.documentElement.lang")

    def active(self):
        """The focused element's id, name, tag and href, for keyboard tests."""
        return self.js("const e = document.activeElement; return e && {id: e.id, name: e.name || '', "
                       "tag: e.tagName.toLowerCase(), href: e.getAttribute('href') || ''}")

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def main_form(self):
        """The form of the page's own task: the one in <main> that posts to this address."""
        forms = self.find_all("main form")
        assert forms, f"no form in <main> on {self.driver.current_url}"
        here = self.driver.current_url.split("?")[0].split("#")[0]
        return next((f for f in forms if f.get_property("action") == here), forms[0])

    def error_summary(self):
        boxes = self.find_all(".error-summary")
        return boxes[0].text if boxes else ""

    # -- the checks on every page ----------------------------------------------------------------

    def settle(self):
        """Notices a page that loaded since the last look (a link followed, a form sent)."""
        if not self._seen():
            self._after_load()

    def _seen(self):
        try:
            return self.driver.execute_script("return window.__omsorgSeen === true")
        except Exception as error:  # an open alert blocks scripts; _after_load reports it
            if "alert" in str(error).lower():
                return False
            raise

    def _wait_for_new_page(self):
        WebDriverWait(self.driver, WAIT).until(
            lambda d: d.execute_script("return window.__omsorgSeen !== true && document.readyState === 'complete'"))
        self._after_load()

    def _after_load(self):
        try:
            alert = self.driver.switch_to.alert
            self.problems.append(f"an alert opened on {self.driver.current_url}: {alert.text!r}")
            alert.dismiss()
        except NoAlertPresentException:
            pass
        WebDriverWait(self.driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.driver.execute_script("window.__omsorgSeen = true")
        self.loads += 1
        self.page = PageCheck(next(_screenshot_numbers), self.test_name, self.driver.current_url, self.status, self.title)
        PAGES.append(self.page)
        self._check_console()
        self._check_texts()
        self._run_axe()
        self._screenshot()

    def _check_texts(self):
        # A key missing from the language's catalogue is shown as ⟦key⟧ (OmsorgWeb/Localization/Texts.swift).
        if "⟦" in self.driver.page_source:
            self.problems.append(f"a catalogue key without its text on {self.driver.current_url}")

    def _check_console(self):
        # Script errors and what the Content-Security-Policy blocked (inline script or style) are
        # faults of the page. A page's own 4xx status shows up as a failed resource ("network"):
        # that is for the test to judge.
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE" and entry.get("source") != "network":
                self.problems.append(f"console error on {self.driver.current_url}: {entry.get('message', '')}")

    def _run_axe(self):
        if self.js("return document.contentType") != "text/html":
            self.page.violations = None
            return
        started = time.monotonic()
        results = run_axe(self.driver)
        self.page.axe_seconds = time.monotonic() - started
        self.page.violations = [(v["id"], v["impact"], len(v["nodes"])) for v in results["violations"]]
        for v in results["violations"]:
            if v["impact"] in FAILING_IMPACTS:
                targets = "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
                self.problems.append(f"axe {v['impact']} {v['id']} on {self.driver.current_url}: {v['help']} — {targets}")

    def _screenshot(self):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        parts = urlsplit(self.driver.current_url)
        slug = _UUID.sub("", parts.path) if parts.scheme.startswith("http") else parts.scheme
        slug = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")[:60] or "page"
        status = "" if self.page.status in (0, 200) else f"-{self.page.status}"
        path = SCREENSHOTS / f"{self.page.number:02d}-{self.test_name}-{slug}{status}.png"
        save_full_page(self.driver, path)
        self.page.screenshot = path.name


def _short_name(test_name, limit=40):
    """The test's name in its first few words, which start its screenshots' file names."""
    words = re.sub(r"[^a-z0-9]+", " ", test_name.lower().removeprefix("test_")).split()
    kept = words[:1]
    for word in words[1:]:
        if len("-".join(kept + [word])) > limit:
            break
        kept.append(word)
    return "-".join(kept)


def run_axe(driver):
    """Runs axe-core's default rules (WCAG 2.x A/AA and best practices) on the page in `driver`."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    # execute_async_script hands the callback in last; errors come back as {error} so they are seen.
    outcome = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
           .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                             nodes: v.nodes.map(n => ({target: n.target}))}))}))
           .catch(e => done({error: String(e)}));""")
    assert "error" not in outcome, f"axe-core failed on {driver.current_url}: {outcome['error']}"
    return outcome


def save_full_page(driver, path, max_height=6000):
    """The whole page, not only the window, so a reviewer sees everything below the fold. The window
    is made as tall as the page for the picture and then given back its own size: capturing beyond
    the viewport instead leaves Chromium hit-testing clicks on the tall layout, where a header that
    wraps differently takes clicks meant for its links."""
    try:
        width, height, window_height = driver.execute_script(
            "const e = document.documentElement; return [e.clientWidth, Math.max(e.scrollHeight, e.clientHeight), window.innerHeight]")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": min(height, max_height), "deviceScaleFactor": 1, "mobile": False})
        try:
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        finally:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        path.write_bytes(base64.b64decode(shot["data"]))
    except Exception:
        driver.save_screenshot(str(path))


def write_json(name, data):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / name).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
