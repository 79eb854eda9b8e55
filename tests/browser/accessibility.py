"""Runs axe-core (bundled by axe-playwright-python) in a page, for WCAG 2.2 A and AA."""

import json
import re

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


def axe_report(page, tags=WCAG_TAGS, known=None):
    """
    Axe's report of the violations on the page, or "" when there are none.

    ``known`` maps a rule id to a pattern that the CSS selectors of allowed
    elements match: for defects in third-party code, documented where the
    mapping is defined.
    """
    results = axe_violations(page, tags)
    violations = []
    for violation in results.response["violations"]:
        pattern = (known or {}).get(violation["id"])
        if pattern:
            violation["nodes"] = [
                node
                for node in violation["nodes"]
                if not re.search(pattern, " ".join(node["target"]))
            ]
        if violation["nodes"]:
            violations.append(violation)
    if not violations:
        return ""
    results.response["violations"] = violations
    return f"{page.url}\n{results.generate_report()}"


def assert_no_axe_violations(page, tags=WCAG_TAGS, known=None):
    report = axe_report(page, tags, known)
    assert not report, report
