"""The command's progress bar and report."""

from io import StringIO

import pytest

from tests.wordpress.conftest import FIXTURES

pytestmark = pytest.mark.django_db


class Terminal(StringIO):
    def isatty(self):
        return True


def test_progress_is_shown_on_a_terminal(run_import):
    terminal = Terminal()

    run_import(FIXTURES / "events.xml", stderr=terminal)

    assert "Reading    [" in terminal.getvalue()
    assert "Importing  [##############################] 100%" in terminal.getvalue()


def test_no_progress_bar_when_stderr_is_not_a_terminal(run_import):
    log = StringIO()

    run_import(FIXTURES / "events.xml", stderr=log)

    assert log.getvalue() == ""


def test_the_report_counts_each_kind_and_lists_what_was_left_out(run_import):
    output = run_import(FIXTURES / "events.xml")

    lines = output.splitlines()
    assert lines[0] == (
        "WordPress import: “Recovery Events” (https://events.example.org)"
    )
    assert "Events                  3          0          0          1" in lines
    assert "Presenters              2          0          0          0" in lines
    assert "Not imported:" in lines
    assert lines[-1] == "Done."
