"""Runs axe-core (bundled by axe-playwright-python) in a page, for WCAG 2.2 A and AA."""

import json

from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

axe = Axe()


def axe_violations(page, tags=WCAG_TAGS):
    """The axe results of the page's current document, limited to the given rules."""
    # Inject axe-core (half a megabyte) once per document, not once per run.
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe.axe_script)
    options = {
        "runOnly": {"type": "tag", "values": tags},
        "resultTypes": ["violations"],
    }
    return AxeResults(page.evaluate(f"axe.run(document, {json.dumps(options)})"))


def axe_report(page, tags=WCAG_TAGS):
    """Axe's report of the violations on the page, or "" when there are none."""
    results = axe_violations(page, tags)
    if not results.response["violations"]:
        return ""
    return f"{page.url}\n{results.generate_report()}"


def assert_no_axe_violations(page, tags=WCAG_TAGS):
    report = axe_report(page, tags)
    assert not report, report
