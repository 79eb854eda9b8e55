"""The comment form under hostile input: markup, odd text, forged security fields."""

import re
import time

import pytest
from django.test import Client
from django.utils.html import escape

from comments import links
from comments.models import Comment, CommentStatus
from tests.comments.conftest import comment_data, make_comment
from tests.hostile.payloads import (
    BAD_URLS,
    EMOJI,
    HIDDEN_CHARACTERS,
    MARKUP,
    ODD_BUT_FINE,
    assert_escaped,
    assert_safe_page,
)


@pytest.fixture
def article(site):
    return site["article"]


def form_came_back(response, *kept):
    """The form page again (200, or 403/429), with the visitor's text kept."""
    assert_safe_page(response, response.status_code)
    assert response.status_code in (200, 403, 429)
    assert 'action="/comments/post/"' in response.text
    for text in kept:
        assert escape(text) in response.text
    assert not Comment.objects.exists()


# --- markup in every text field -------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("payload", MARKUP)
@pytest.mark.parametrize("field", ["name", "comment"])
def test_markup_is_stored_as_text_and_shown_escaped(
    post, client, open_policy, article, payload, field
):
    value = payload if field == "comment" else payload[:50]

    response = post(article, **{field: value})

    assert response.status_code == 302
    stored = Comment.objects.get()
    assert getattr(stored, {"name": "user_name", "comment": "comment"}[field]) == (
        value.strip()
    )
    page = client.get(article.get_absolute_url()).text
    # Addresses inside a comment become links, so only the markup is checked.
    assert_escaped(page, value, shown="https://" not in value)
    assert escape(value.split("https://")[0]) in page


@pytest.mark.django_db
@pytest.mark.parametrize("payload", MARKUP)
def test_markup_in_a_comment_with_errors_comes_back_escaped(
    post, policy, article, payload
):
    response = post(article, comment=payload, email="not an address")

    form_came_back(response, payload)
    assert_escaped(response.text, payload)


@pytest.mark.django_db
@pytest.mark.parametrize("url", [url for url in BAD_URLS if url != "//evil.example/"])
def test_dangerous_website_addresses_are_refused_with_the_text_kept(
    post, policy, article, url
):
    response = post(article, url=url, comment="My words stay.")

    form_came_back(response, "My words stay.")
    assert "Enter a valid URL." in response.text
    assert 'href="javascript' not in response.text.lower()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "see javascript:alert(1) here",
        "see data:text/html,<script>alert(1)</script>",
        "<a href=javascript:alert(1)>x</a> www.example.org",
        'http://example.org/"onmouseover=alert(1)',
    ],
)
def test_links_in_a_comment_never_become_script_links(
    post, client, open_policy, article, text
):
    assert post(article, comment=text).status_code == 302

    page = client.get(article.get_absolute_url()).text
    assert 'href="javascript' not in page.lower()
    assert 'href="data:' not in page.lower()
    assert not re.search(r"<[^>]*onmouseover", page)
    assert "<script>alert(1)" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ['https://example.org/a"b', 'example.org/"', 'https://example.org/?q="x"']
)
def test_a_website_address_with_a_quotation_mark_is_refused(post, policy, article, url):
    response = post(article, url=url, comment="My words stay.")

    form_came_back(response, "My words stay.")
    assert "Enter a valid URL." in response.text


@pytest.mark.django_db
def test_a_website_address_is_shown_only_as_an_http_link(
    post, client, open_policy, article
):
    post(article, url="example.org/path?a=<b>")

    page = client.get(article.get_absolute_url()).text
    assert 'href="https://example.org/path?a=&lt;b&gt;"' in page


# --- over-long values, NUL bytes, broken encodings ------------------------------

TOO_LONG = [
    ("name", "n" * 51, "at most 50 characters"),
    ("comment", "c" * 3001, "at most 3000 characters"),
    ("email", "e" * 250 + "@example.org", "at most 254 characters"),
    ("url", "https://example.org/" + "u" * 200, "at most 200 characters"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("field,value,message", TOO_LONG)
def test_over_long_values_come_back_with_a_message(
    post, policy, article, field, value, message
):
    kept = "Kept words." if field != "comment" else value
    fields = {field: value}
    if field != "comment":
        fields["comment"] = kept

    response = post(article, **fields)

    form_came_back(response, kept)
    assert message in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "email", "url", "comment"])
def test_nul_bytes_in_a_field_bring_the_form_back(post, policy, article, field):
    value = {"email": "a\x00@example.org", "url": "https://exa\x00mple.org"}.get(
        field, "before\x00after"
    )
    response = post(
        article, **{field: value, "name": "Alex", "comment": "Kept."} | {field: value}
    )

    form_came_back(response)
    assert "Null characters are not allowed." in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field", ["content_type", "object_pk", "timestamp", "security_hash", "reply_to"]
)
def test_nul_bytes_in_hidden_fields_never_store_or_fail(client, policy, article, field):
    data = comment_data(article)
    data[field] = data[field] + "\x00" if data[field] else "\x00"

    response = client.post("/comments/post/", data)

    # A kind of content that takes no comments is a bad request (400).
    assert response.status_code in (200, 400, 404)
    assert_safe_page(response, response.status_code)
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("broken", [b"%FF%FE", b"\xff\xfe", b"%C3%28", b"%ED%A0%80"])
def test_invalid_utf8_in_the_body_is_refused_with_the_text_kept(
    client, open_policy, article, broken
):
    data = comment_data(article)
    body = (
        "&".join(
            f"{key}={value}" for key, value in data.items() if key != "comment"
        ).encode()
        + b"&comment=Hello+"
        + broken
    )

    response = client.post(
        "/comments/post/", body, content_type="application/x-www-form-urlencoded"
    )

    assert_safe_page(response, 200)
    assert "Part of this text could not be read" in response.text
    assert "\nHello \ufffd" in response.text  # kept in the form
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_invalid_utf8_in_the_name_is_refused(client, open_policy, article):
    data = comment_data(article)
    body = (
        "&".join(f"{key}={value}" for key, value in data.items() if key != "name")
        + "&name=Ra%FF"
    ).encode()

    response = client.post(
        "/comments/post/", body, content_type="application/x-www-form-urlencoded"
    )

    assert "Part of this text could not be read" in response.text
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_a_form_sent_in_an_unknown_charset_comes_back_with_a_message(
    client, open_policy, article
):
    data = comment_data(article, comment="Zoë")
    body = "&".join(f"{k}={v}" for k, v in data.items()).encode("latin-1")

    response = client.generic(
        "POST",
        "/comments/post/",
        body,
        content_type="application/x-www-form-urlencoded; charset=no-such-charset",
    )

    assert_safe_page(response, 200)
    assert "Part of this text could not be read" in response.text
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_a_form_that_names_another_charset_is_a_designed_400(open_policy, article):
    data = comment_data(article, comment="Zoë")
    body = "&".join(f"{k}={v}" for k, v in data.items()).encode("latin-1")

    response = Client(raise_request_exception=False).generic(
        "POST",
        "/comments/post/",
        body,
        content_type="application/x-www-form-urlencoded; charset=iso-8859-1",
    )

    assert_safe_page(response, 400)
    assert not Comment.objects.exists()


# --- readable odd text is kept; hidden characters are removed --------------------


@pytest.mark.django_db
@pytest.mark.parametrize("text", ODD_BUT_FINE)
def test_emoji_and_other_scripts_are_kept_as_written(
    post, client, open_policy, article, text
):
    assert post(article, comment=text, name=text[:50]).status_code == 302

    stored = Comment.objects.get()
    assert stored.comment == text
    assert stored.user_name == " ".join(text[:50].split())
    assert escape(text) in client.get(article.get_absolute_url()).text


@pytest.mark.django_db
@pytest.mark.parametrize("name", HIDDEN_CHARACTERS)
def test_hidden_characters_are_removed_from_names_and_comments(
    post, open_policy, article, name
):
    post(article, name=name, comment=f"Signed {name}")

    stored = Comment.objects.get()
    for hidden in "\u202e\u200b\u2066\u2069\ufeff\u2060":
        assert hidden not in stored.user_name
        assert hidden not in stored.comment


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["Eve\nBcc: victim@example.org", "Eve\r\nSubject: hi", "Eve\x0bTab", "  Eve  "],
)
def test_a_name_is_kept_on_one_line(post, open_policy, article, name):
    post(article, name=name)

    assert "\n" not in Comment.objects.get().user_name
    assert "\r" not in Comment.objects.get().user_name


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["\u202e", "\u200b\u200b", "\x0b", " \n "])
def test_a_name_made_only_of_hidden_characters_is_refused(post, policy, article, name):
    response = post(article, name=name, comment="Kept words.")

    form_came_back(response, "Kept words.")
    assert "Please write a name." in response.text or "This field is required" in (
        response.text
    )


@pytest.mark.django_db
def test_zero_width_joiner_of_an_emoji_family_is_kept(post, open_policy, article):
    post(article, comment=EMOJI)

    assert "\u200d" in Comment.objects.get().comment


# --- security fields: tampered, missing, stale, replayed ------------------------


def tampered(article, **changes):
    data = comment_data(article, comment="Words to keep.")
    for key, value in changes.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    return data


SECURITY_TAMPERING = [
    {"timestamp": None},
    {"security_hash": None},
    {"timestamp": None, "security_hash": None},
    {"security_hash": "0" * 40},
    {"security_hash": "<script>"},
    {"security_hash": "x" * 10000},
    {"timestamp": "abc"},
    {"timestamp": "-1"},
    {"timestamp": "1e10"},
    {"timestamp": "9" * 5000},
    {"timestamp": str(int(time.time()) + 10)},  # hash made for another time
    {"timestamp": str(int(time.time()) - 3 * 60 * 60)},
]


@pytest.mark.django_db
@pytest.mark.parametrize("changes", SECURITY_TAMPERING)
def test_tampered_security_fields_bring_the_form_back_with_the_text(
    client, policy, article, changes
):
    response = client.post("/comments/post/", tampered(article, **changes))

    form_came_back(response, "Words to keep.")
    assert "needs to be sent again" in response.text


@pytest.mark.django_db
def test_a_form_older_than_two_hours_comes_back_with_fresh_fields(
    post, policy, article
):
    response = post(article, seconds_ago=3 * 60 * 60, comment="Late words.")

    form_came_back(response, "Late words.")
    fresh_timestamp = int(response.context["form"]["timestamp"].value())
    assert time.time() - fresh_timestamp < 60


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes",
    [
        {"timestamp": None},
        {"security_hash": None},
        {"timestamp": None, "security_hash": None},
        {"security_hash": "0" * 40},
        {"timestamp": "an hour from now"},
    ],
)
def test_missing_or_forged_security_fields_are_logged(
    client, policy, article, changes, caplog
):
    if changes.get("timestamp") == "an hour from now":
        # Worked out when the test runs, not when the suite is collected.
        changes = {"timestamp": str(int(time.time()) + 3600)}
    client.post(
        "/comments/post/", tampered(article, **changes), REMOTE_ADDR="203.0.113.9"
    )

    (record,) = [r for r in caplog.records if r.name == "comments.security"]
    assert record.levelname == "WARNING"
    assert record.getMessage().startswith(
        "A comment form with its security fields missing or forged, from 203.0.113.9:"
    )


@pytest.mark.django_db
def test_a_form_open_too_long_is_not_logged_as_forged(post, policy, article, caplog):
    post(article, seconds_ago=3 * 60 * 60, comment="Late words.")

    assert not [r for r in caplog.records if r.name == "comments.security"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content_type",
    ["auth.user", "recoverysite.user", "comments.comment", "<script>", None],
)
def test_a_kind_of_content_that_takes_no_comments_is_a_bad_request(
    client, policy, article, content_type
):
    response = client.post(
        "/comments/post/", tampered(article, content_type=content_type)
    )

    assert_safe_page(response, 400)
    assert not Comment.objects.exists()


TARGET_TAMPERING = [
    {"object_pk": "999999"},
    {"object_pk": "1 OR 1=1"},
    {"object_pk": "-1"},
    {"object_pk": "9" * 100},
    {"object_pk": None},
]


@pytest.mark.django_db
@pytest.mark.parametrize("changes", TARGET_TAMPERING)
def test_a_forged_target_is_not_found_and_stores_nothing(
    client, policy, article, changes
):
    response = client.post("/comments/post/", tampered(article, **changes))

    assert_safe_page(response, 404)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_security_fields_of_one_page_do_not_work_for_another(client, policy, site):
    data = comment_data(site["article"])
    data["object_pk"] = str(site["event"].pk)
    data["content_type"] = "events.event"

    response = client.post("/comments/post/", data)

    form_came_back(response)
    assert "needs to be sent again" in response.text


@pytest.mark.django_db
def test_a_replayed_form_stores_the_comment_once(client, open_policy, article):
    data = comment_data(article, comment="Only once, please.")

    first = client.post("/comments/post/", data)
    second = client.post("/comments/post/", data)
    third = client.post("/comments/post/", data)

    assert first.status_code == second.status_code == third.status_code == 302
    comment = Comment.objects.get()
    # The links carry a timestamp, so compare the comment each one names.
    for response in (first, second, third):
        token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
        assert links.comment_from_token(token, "received") == comment


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["x", " ", "<script>alert(1)</script>", "0"])
def test_a_filled_honeypot_looks_accepted_but_is_kept_as_spam(
    client, policy, article, value
):
    response = client.post(
        "/comments/post/", comment_data(article, honeypot=value, comment="Spam?")
    )

    assert response.status_code == 302
    assert Comment.objects.get().status == CommentStatus.SPAM


@pytest.mark.django_db
@pytest.mark.parametrize(
    "reply_to", ["-1", "abc", "99999999999999999999", "1e5", "1.5", "0x10", "<b>"]
)
def test_forged_reply_to_brings_the_form_back(client, policy, article, reply_to):
    make_comment(article)

    response = client.post(
        "/comments/post/",
        comment_data(article, reply_to=reply_to, comment="Reply kept."),
    )

    assert response.status_code == 200
    assert escape("Reply kept.") in response.text
    assert Comment.objects.count() == 1


# --- redirects after posting ----------------------------------------------------

NEXT_VALUES = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "javascript:alert(1)",
    "https:evil.example",
    "\\\\evil.example",
    "/%2F%2Fevil.example",
]


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", NEXT_VALUES)
def test_next_cannot_send_a_commenter_to_another_site(
    client, open_policy, article, next_url
):
    data = comment_data(article, next=next_url)

    response = client.post(f"/comments/post/?next={next_url}", data)

    assert response.status_code == 302
    assert response["Location"].startswith("/comments/received/")
