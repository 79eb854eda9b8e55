"""
Hostile text in every other format the site writes: RSS and Atom, iCalendar,
JSON-LD, sitemaps and emails. Each stays well-formed and carries the text inertly.
"""

import json
import re
import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest
from django.core import mail

from comments.models import Comment
from recoverysite.models import SiteSettings
from tests.comments.conftest import confirm_address, make_comment
from tests.factories import make_article, make_event, make_presenter
from tests.hostile.payloads import MARKUP

# Text an editor may paste from elsewhere: markup, characters XML 1.0 forbids
# (vertical tab, escape, form feed from word processors), hidden characters.
EDITOR_TEXT = [
    *MARKUP,
    "Tab\tand vertical\x0btab",
    "Escape \x1b[31m red",
    "Form\x0cfeed",
    "Bell\x07",
    "Right-to-left \u202eoverride",
    "]]><evil/><![CDATA[",
    "&amp; &lt; &#0; &#x1; &bogus;",
    "Emoji 🌱 and \U0001f9d1\u200d\U0001f91d\u200d\U0001f9d1",
    "Lone surrogate-free but odd: \ufffe\uffff",
]

FEEDS = [
    "/feeds/articles/",
    "/feeds/articles/atom/",
    "/feeds/tags/odd/",
    "/feeds/tags/odd/atom/",
    "/events/feed/",
    "/events/feed/atom/",
]


def feed_content(response):
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("text", EDITOR_TEXT)
@pytest.mark.parametrize("url", FEEDS)
def test_feeds_stay_well_formed_with_any_editor_text(client, url, text):
    make_article(title=text[:200], summary=text, tags=["odd"])
    make_event(title=text[:200], summary=text)

    response = client.get(url)

    assert response.status_code == 200
    ET.fromstring(response.content)  # well-formed XML, or this raises
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 1
    assert "<script>alert(1)</script>" not in feed_content(response)


@pytest.mark.django_db
@pytest.mark.parametrize("text", EDITOR_TEXT)
def test_comment_feed_stays_well_formed_with_any_visitor_text(client, text):
    article = make_article(slug="talk")
    make_comment(article, user_name=text[:50], comment=text)

    response = client.get("/feeds/comments/articles/talk/")

    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    # The description is HTML for feed readers: the visitor's markup is text in it.
    assert "<script>" not in parsed.entries[0].description


@pytest.mark.django_db
@pytest.mark.parametrize("text", EDITOR_TEXT)
def test_calendar_files_keep_one_event_whatever_its_text(client, text):
    event = make_event(
        slug="cal",
        title=text[:200],
        summary=text + "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected",
        venue_name="Hall\nLOCATION:elsewhere",
    )

    for url in ("/events/cal/calendar.ics", "/events/calendar.ics"):
        response = client.get(url)
        assert response.status_code == 200
        calendar = icalendar.Calendar.from_ical(response.content)
        events = calendar.walk("VEVENT")
        assert len(events) == 1
        assert "Injected" not in str(events[0].get("SUMMARY"))
        assert str(events[0].get("UID"))
    assert event.title


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "</script><script>alert(1)</script>",
        "<!--<script>",
        '"}]}</script><img src=x onerror=alert(1)>',
        "\u2028\u2029 line separators",
        'back\\slash and "quotes"',
    ],
)
@pytest.mark.parametrize("kind", ["article", "event", "event presenter"])
def test_json_ld_never_closes_its_script_element(client, text, kind):
    if kind == "article":
        url = make_article(title=text, summary=text).get_absolute_url()
    elif kind == "event":
        url = make_event(title=text, summary=text).get_absolute_url()
    else:
        presenter = make_presenter(name=text[:150], role=text[:150])
        url = make_event(presenters=[presenter]).get_absolute_url()

    html = client.get(url).text

    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    assert blocks
    for block in blocks:
        data = json.loads(block)
        assert "<" not in block
        assert data
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("text", EDITOR_TEXT)
def test_sitemaps_stay_well_formed(client, text):
    make_article(title=text[:200], tags=[text[:100]])
    make_event(title=text[:200])
    make_presenter(name=text[:150])

    index = client.get("/sitemap.xml")
    ET.fromstring(index.content)
    for section in re.findall(
        rb"<loc>[^<]*/(sitemap-[a-z-]+\.xml)</loc>", index.content
    ):
        response = client.get("/" + section.decode())
        assert response.status_code == 200
        ET.fromstring(response.content)


# --- emails about comments --------------------------------------------------------

EMAIL_NAMES = [
    "Eve\nBcc: victim@example.org",
    "Eve\r\nSubject: You won",
    "Eve\u2028Bcc: victim@example.org",
    "=?utf-8?q?Eve?=",
    "<script>alert(1)</script>",
    "Eve \u202eevil",
    "Zoë 🌱",
]


def sent_headers(message):
    """The headers as the mail server gets them."""
    raw = message.message().as_string()
    return raw.split("\n\n", 1)[0]


@pytest.mark.django_db
@pytest.mark.parametrize("name", EMAIL_NAMES)
def test_reply_email_subject_and_headers_stay_single(post, open_policy, name):
    article = make_article(title="Title\nBcc: victim@example.org")
    parent = make_comment(article, user_email="parent@example.org", followup=True)
    confirm_address("parent@example.org")
    mail.outbox.clear()

    response = post(article, name=name, reply_to=str(parent.pk), comment=name)

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.to == ["parent@example.org"]
    assert message.bcc == []
    headers = sent_headers(message)
    assert "victim@example.org" not in headers.replace(message.subject, "")
    assert not re.search(r"^Bcc:", headers, re.M)
    assert "\u202e" not in message.subject + message.body


@pytest.mark.django_db
@pytest.mark.parametrize("name", EMAIL_NAMES)
def test_moderator_email_keeps_visitor_text_out_of_headers(post, policy, name):
    policy.moderator_emails = "mod@example.org"
    policy.save()
    article = make_article(title="Hope")

    post(article, name=name, comment=f"Hello from {name}")

    assert Comment.objects.get().status == "pending"
    to_moderators = [m for m in mail.outbox if m.to == ["mod@example.org"]]
    assert len(to_moderators) == 1
    message = to_moderators[0]
    assert "\n" not in message.subject
    assert not re.search(r"^Bcc:", sent_headers(message), re.M)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "site_name", ["Calm\nBcc: victim@example.org", "Calm\x0bWaters"]
)
def test_confirmation_email_with_an_odd_site_name_still_goes_out(
    post, open_policy, site_name
):
    site = SiteSettings.load()
    site.name = site_name
    site.save()

    post(make_article(), followup="on", email="new@example.org")

    assert len(mail.outbox) == 1
    assert "\n" not in mail.outbox[0].subject
    assert not re.search(r"^Bcc:", sent_headers(mail.outbox[0]), re.M)
