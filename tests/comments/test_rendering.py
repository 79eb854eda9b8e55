"""How threads and the comment form look to a visitor."""

import json
import re
from urllib.parse import quote, unquote

import pytest
from django.test import Client

from comments.models import Comment
from recoverysite.models import SiteSettings
from tests.comments.conftest import comment_data, make_comment
from tests.factories import make_article, make_page


def comment_text_html(html, comment):
    start = html.index(f'id="c{comment.pk}"')
    text = html.index('<div class="comment__text" dir="auto">', start)
    return html[text : html.index("</div>", text)]


def page_html(article):
    return Client().get(article.get_absolute_url()).content.decode()


# The visitor's words


def test_plain_text_keeps_its_paragraphs_and_line_breaks(policy):
    article = make_article()
    comment = make_comment(article, comment="First part.\n\nSecond part,\nnext line.")
    assert comment_text_html(page_html(article), comment) == (
        '<div class="comment__text" dir="auto"><p>First part.</p>\n\n'
        "<p>Second part,<br>next line.</p>"
    )


def test_html_in_a_comment_is_shown_as_text(policy):
    article = make_article()
    comment = make_comment(
        article, comment='<script>alert("hi")</script> <b>bold</b> <a href="x">y</a>'
    )
    html = page_html(article)
    text = comment_text_html(html, comment)
    assert "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;" in text
    assert "&lt;b&gt;bold&lt;/b&gt;" in text
    assert "<script>alert" not in html
    assert "<b>bold" not in html


def test_links_in_a_comment_are_clickable_and_pass_on_no_ranking(policy):
    article = make_article()
    comment = make_comment(
        article,
        comment="Try https://example.org/help?a=1&b=2 or www.example.com. "
        "Not javascript:alert(1) though.",
    )
    text = comment_text_html(page_html(article), comment)
    assert (
        '<a href="https://example.org/help?a=1&amp;b=2" rel="nofollow ugc noopener">'
        "https://example.org/help?a=1&amp;b=2</a>"
    ) in text
    assert (
        '<a href="http://www.example.com" rel="nofollow ugc noopener">'
        "www.example.com</a>"
    ) in text
    assert "javascript:alert(1)" in text
    assert 'href="javascript' not in text
    assert len(re.findall("<a ", text)) == 2


def test_a_commenters_website_links_their_name_without_passing_on_ranking(policy):
    article = make_article()
    make_comment(article, user_name="Dee", user_url="https://dee.example")
    assert (
        '<a href="https://dee.example" rel="nofollow ugc noopener"><bdi>Dee</bdi></a>'
        in page_html(article)
    )


def test_a_rel_attribute_typed_by_a_visitor_stays_text(policy):
    article = make_article()
    comment = make_comment(article, comment='rel="nofollow" https://a.example')
    text = comment_text_html(page_html(article), comment)
    assert "rel=&quot;nofollow&quot;" in text


# The thread


def test_reply_links_appear_only_up_to_the_maximum_depth(policy):
    article = make_article()
    top = make_comment(article)
    middle = make_comment(article, parent=top)
    deepest = make_comment(article, parent=middle)
    html = page_html(article)
    for comment in (top, middle):
        assert (
            f'<a class="comment__reply" href="/comments/reply/{comment.pk}/" '
            f'data-reply-to="{comment.pk}"'
        ) in html
    assert f"/comments/reply/{deepest.pk}/" not in html
    assert html.count('class="comment__reply"') == 2


def test_thread_is_in_reading_order_with_levels(policy):
    article = make_article()
    first = make_comment(article, comment="First top.")
    second = make_comment(article, comment="Second top.")
    reply = make_comment(article, parent=first, comment="Reply to first.")
    html = page_html(article)
    order = [html.index(c.comment) for c in (first, reply, second)]
    assert order == sorted(order)
    assert f'<li class="comment comment--level-1" id="c{reply.pk}">' in html


def test_heading_counts_the_published_comments(policy):
    article = make_article()
    assert "No comments yet" in page_html(article)
    make_comment(article)
    assert re.search(r'id="comments-title">\s*1 comment ·', page_html(article))
    make_comment(article)
    make_comment(article, status="pending")
    assert re.search(r'id="comments-title">\s*2 comments ·', page_html(article))


def test_a_removed_comment_with_replies_becomes_a_placeholder(policy):
    article = make_article()
    removed = make_comment(article, comment="Hurtful words.")
    reply = make_comment(article, parent=removed, comment="Calm answer.")
    deeper = make_comment(article, parent=reply, comment="Deeper answer.")
    removed.status = "removed"
    removed.save()
    html = page_html(article)
    assert "Hurtful words." not in html
    assert f'<p class="comment__removed" id="c{removed.pk}-author">[removed]</p>' in (
        html
    )
    assert "Calm answer." in html and "Deeper answer." in html
    assert f"/comments/reply/{removed.pk}/" not in html
    assert Comment.objects.get(pk=deeper.pk).is_public


def test_removed_comments_whose_replies_are_all_hidden_vanish(policy):
    article = make_article()
    removed = make_comment(article, status="removed", comment="Gone.")
    make_comment(article, parent=removed, status="spam", comment="Also gone.")
    html = page_html(article)
    assert "[removed]" not in html
    assert "No comments yet" in html


def test_closed_comments_show_the_thread_and_a_closed_message(policy):
    article = make_article(comments_open=False)
    make_comment(article, comment="Earlier words stay.")
    html = page_html(article)
    assert "Earlier words stay." in html
    assert '<p class="comments-closed">Comments are closed.</p>' in html
    assert "comments.js" not in html
    assert "add one" not in html


# The form


def test_the_form_has_every_field_the_visitor_needs(policy, settings):
    html = page_html(make_article())
    for name in ("name", "email", "url", "comment", "followup", "remember"):
        assert f'name="{name}"' in html
    assert "Never shown." in html
    assert (
        f"Plain text, up to {settings.COMMENT_MAX_LENGTH} characters. "
        "Links become clickable."
    ) in html
    assert f'maxlength="{settings.COMMENT_MAX_LENGTH}"' in html
    assert "Comments are public, and a person reads every one of them." in html
    assert 'type="checkbox" name="followup"' in html
    assert 'type="checkbox" name="remember"' in html
    assert 'type="checkbox" name="remember" aria-describedby' in html
    assert 'name="remember" checked' not in html


def test_the_form_links_the_guidelines_and_the_crisis_notice(policy, crisis_notice):
    guidelines = make_page(title="Comment guidelines")
    site = SiteSettings.load()
    site.comment_guidelines = guidelines
    site.save()
    html = page_html(make_article())
    assert (
        f'Please read the <a href="{guidelines.get_absolute_url()}">comment '
        "guidelines</a>."
    ) in html
    assert '<a href="#crisis-notice">where to find it</a>' in html
    assert 'id="crisis-notice"' in html


def test_the_form_does_not_point_to_a_crisis_notice_the_site_lacks(policy):
    html = page_html(make_article())
    assert 'href="#crisis-notice"' not in html


def remembered(cookie):
    return json.loads(unquote(cookie.value))


def test_remember_me_keeps_the_details_in_a_cookie_for_the_form_script(
    post, open_policy
):
    article = make_article()
    visitor = Client()
    response = post(
        article,
        as_client=visitor,
        name="Sam",
        email="sam@example.org",
        url="https://sam.example",
        remember="on",
    )
    cookie = response.cookies["commenter"]
    # Read by comments/comments.js in the browser, never by the server.
    assert cookie["httponly"] == ""
    assert cookie["samesite"] == "Lax"
    assert remembered(cookie) == {
        "name": "Sam",
        "email": "sam@example.org",
        "url": "https://sam.example",
    }
    html = visitor.get(article.get_absolute_url()).content.decode()
    assert 'src="/static/comments/comments.js"' in html
    assert "sam@example.org" not in html
    assert 'name="name" value=' not in html
    assert not re.search(r'name="remember"[^>]*checked', html)


@pytest.mark.parametrize(
    "https_request, secure_cookies",
    [(True, False), (False, True)],
    ids=["https request", "SECURE_COOKIES behind a proxy"],
)
def test_the_remember_me_cookie_is_sent_only_over_https_in_production(
    policy, settings, django_capture_on_commit_callbacks, https_request, secure_cookies
):
    settings.SESSION_COOKIE_SECURE = secure_cookies
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            "/comments/post/",
            comment_data(article, remember="on", name="Kim"),
            secure=https_request,
        )
    assert response.status_code == 302
    cookie = response.cookies["commenter"]
    assert cookie["secure"] is True
    assert remembered(cookie)["name"] == "Kim"


def test_the_reply_page_fills_the_form_only_in_the_browser_too(policy):
    parent = make_comment(make_article(), user_name="Jo")
    visitor = Client()
    visitor.cookies["commenter"] = quote(
        json.dumps({"name": "Sam", "email": "sam@example.org", "url": ""}), safe=""
    )
    html = visitor.get(f"/comments/reply/{parent.pk}/").content.decode()
    assert 'src="/static/comments/comments.js"' in html
    assert "sam@example.org" not in html


def test_without_remember_me_nothing_is_kept_and_an_old_cookie_goes(post, open_policy):
    article = make_article()
    visitor = Client()
    post(article, as_client=visitor, remember="on", comment="One")
    response = post(article, as_client=visitor, comment="Two")
    assert response.cookies["commenter"].value == ""
    html = visitor.get(article.get_absolute_url()).content.decode()
    assert "alex@example.org" not in html


@pytest.mark.parametrize(
    "fields, error",
    [
        ({"name": ""}, "This field is required."),
        ({"email": "not an address"}, "Enter a valid email address."),
        ({"comment": "   "}, "This field is required."),
        ({"comment": "x" * 3001}, "Ensure this value has at most 3000 characters"),
        ({"url": "https://example.org/" + "a" * 200}, "at most 200 characters"),
        ({"email": "a" * 250 + "@example.org"}, "at most 254 characters"),
        ({"name": "Null\x00Byte"}, "Null characters are not allowed."),
    ],
)
def test_invalid_input_comes_back_with_a_message_and_the_text_kept(
    post, policy, fields, error
):
    fields.setdefault("comment", "My careful words.")
    response = post(make_article(), **fields)
    assert response.status_code == 200
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group()
    assert 'role="alert"' in summary and "autofocus" in summary
    # The summary names the field in error and leads to it, and the field says so.
    (field_id,) = re.findall(r'<a href="#(id_\w+)">[^<]*' + re.escape(error), summary)
    assert re.search(
        rf'<(input|textarea)[^>]*aria-invalid="true"[^>]*id="{field_id}"', html
    )
    if fields["comment"] == "My careful words.":
        assert "My careful words." in html
    assert not Comment.objects.exists()


def test_a_signed_in_person_must_send_the_csrf_token(policy, django_user_model):
    user = django_user_model.objects.create_user("member", "m@example.org", "pw")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    article = make_article()
    assert browser.post("/comments/post/", comment_data(article)).status_code == 403
    page = browser.get(article.get_absolute_url())
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()
    ).group(1)
    response = browser.post(
        "/comments/post/", comment_data(article, csrfmiddlewaretoken=token)
    )
    assert response.status_code == 302
    assert Comment.objects.get().user == user


def test_names_and_texts_in_any_direction_keep_the_page_in_order(policy):
    article = make_article()
    sara = make_comment(article, user_name="سارة", comment="شكرا على هذا المقال")
    make_comment(
        article, user_name="דנה", user_url="https://example.org/", comment="תודה"
    )

    html = page_html(article)
    # A right-to-left name cannot pull the date and buttons after it into its order.
    assert f'id="c{sara.pk}-author"><bdi>سارة</bdi></span>' in html
    assert 'rel="nofollow ugc noopener"><bdi>דנה</bdi></a>' in html
    assert html.count('<div class="comment__text" dir="auto">') == 2
