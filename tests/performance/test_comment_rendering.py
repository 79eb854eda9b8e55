"""Comment text skips urlize() when it holds nothing urlize() would link."""

import random

import pytest
from django.utils.html import linebreaks, urlize

from comments.templatetags.comment_threads import comment_html

SAMPLES = [
    "Thank you. This helped me a lot.\n\nI will come back next week!",
    "<script>alert('x')</script> & \"quotes\" 'single' > <",
    "Read https://example.org/page?x=1&y=2 and http://example.org.",
    "More at www.example.org, or example.com/page.",
    "Write to me@example.org (or not).",
    "See EXAMPLE.ORG and Example.Net: both.",
    "a.b c.d e.f: 1.5 mg, 2.0 mg… ok?",
    "ftp://files.example.org and mailto: nobody",
    "Dr. Smith said: rest. Then walk.",
    "Emoji 🌱 and accents: éàü. Done.",
]


def reference(text):
    """What the filter returned before the shortcut: urlize() on every text."""
    html = linebreaks(urlize(text, nofollow=True, autoescape=True), autoescape=False)
    return html.replace('rel="nofollow"', 'rel="nofollow ugc noopener"')


def random_texts(count=300):
    rng = random.Random(4)
    pieces = ["hope", "day.", "x.org", "a@b", "www.", "Ok:", "<b>", "&", "\n", "."]
    pieces += ["recovery", "http", "net", ".com", "e.g.", "'", '"', "  ", "1.5"]
    return [" ".join(rng.choices(pieces, k=rng.randint(1, 12))) for _ in range(count)]


@pytest.mark.parametrize("text", SAMPLES + random_texts())
def test_comment_text_renders_as_with_urlize_on_every_text(text):
    assert comment_html(text) == reference(text)


def test_links_in_comments_are_still_made_and_pass_on_no_ranking():
    html = comment_html("Look at https://example.org now.")
    assert (
        '<a href="https://example.org" rel="nofollow ugc noopener">'
        "https://example.org</a>" in html
    )
