"""Every email the site writes ends with the crisis notice and the site's name."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string

ROOT = Path(settings.BASE_DIR)
EMAIL_TEMPLATES = sorted(
    path
    for path in ROOT.glob("*/templates/*/emails/*")
    if path.suffix in {".txt", ".html"}
)


def test_the_email_templates_are_found():
    assert len(EMAIL_TEMPLATES) >= 4


@pytest.mark.parametrize(
    "path", EMAIL_TEMPLATES, ids=[str(p.relative_to(ROOT)) for p in EMAIL_TEMPLATES]
)
def test_each_email_template_ends_with_the_shared_footer(path):
    # Apps add emails over time; the footer is how each one carries the notice.
    footer = "emails/footer.html" if path.suffix == ".html" else "emails/footer.txt"
    assert f'{{% include "{footer}" %}}' in path.read_text()


def test_the_footer_shows_the_crisis_notice_when_the_site_has_one():
    context = {"site_name": "Recovery Dialogues", "site_url": "https://example.org"}
    with_notice = render_to_string(
        "emails/footer.txt", {**context, "crisis_notice": "Call 988 & talk."}
    )
    assert "Need help now?\nCall 988 & talk." in with_notice
    assert with_notice.strip().endswith("Recovery Dialogues · https://example.org")
    assert "Need help" not in render_to_string(
        "emails/footer.txt", {**context, "crisis_notice": ""}
    )
