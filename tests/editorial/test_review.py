"""The review: an Author submits a draft, an Editor publishes it or sends it back."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult
from reversion.models import Version

from articles.models import Article
from editorial.dashboard import Dashboard, review_section, sent_back_section
from editorial.revisions import keep_first_version
from recoverysite.models import SiteSettings
from recoverysite.publishing import Status
from tests.editorial.conftest import (
    add_url,
    change_url,
    form_data,
    history_url,
    member_of,
    messages_of,
)
from tests.factories import (
    make_article,
    make_event,
    make_page,
    make_series,
    make_user,
)

pytestmark = pytest.mark.django_db

TITLE = "Coming off benzodiazepines slowly"


def send_back_url(obj):
    return change_url(obj).replace("/change/", "/send-back/")


@pytest.fixture
def site():
    site = SiteSettings.load()
    site.name = "Recovery Library"
    site.crisis_notice = "In crisis? Call the helpline on 0800 123 456."
    site.save()
    return site


@pytest.fixture
def author(db):
    return member_of(
        "Author", username="ana", display_name="Ana Author", email="ana@example.org"
    )


@pytest.fixture
def editor(db):
    return member_of(
        "Editor", username="eve", display_name="Eve Editor", email="Eve@Example.org"
    )


@pytest.fixture
def author_client(author):
    client = Client()
    client.force_login(author)
    return client


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def draft(author):
    return make_article(title=TITLE, status=Status.DRAFT, author=author)


def submit(client, obj, **changes):
    """Open the change form, change fields and press “Submit for review”."""
    data = form_data(client.get(change_url(obj)), **changes)
    return client.post(change_url(obj), {**data, "_submit_for_review": "1"})


def submitted(author, draft):
    draft.submit_for_review(author)
    draft.save()
    return draft


def send_back(client, obj, note):
    return client.post(send_back_url(obj), {"note": note}, follow=True)


def queued_tasks():
    return list(DBTaskResult.objects.values_list("task_path", flat=True))


def test_an_author_gets_the_submit_button_and_an_editor_does_not(
    author_client, editor_client, draft
):
    button = 'name="_submit_for_review"'
    assert button in author_client.get(change_url(draft)).text
    assert button in author_client.get(add_url(Article)).text
    assert button not in editor_client.get(change_url(draft)).text


def test_an_author_submits_a_draft_and_it_waits_for_review(
    author_client, author, draft
):
    response = submit(author_client, draft, body="<p>Slowly, with a doctor.</p>")

    assert response.status_code == 302
    assert response.url == change_url(draft)
    draft.refresh_from_db()
    assert draft.is_waiting_for_review()
    assert draft.status == Status.DRAFT
    assert draft.submitted_by == author
    assert draft.body == "<p>Slowly, with a doctor.</p>"
    assert draft.get_state_display() == "Draft, waiting for review"
    assert queued_tasks() == ["editorial.tasks.review_requested"]
    page = author_client.get(response.url)
    assert "Submitted for review: the editors are told by email." in (
        " ".join(messages_of(page))
    )
    assert 'class="review-box"' in page.text
    assert "Submitted by Ana Author on" in page.text
    # Waiting already: no second request.
    assert 'name="_submit_for_review"' not in page.text
    (latest, *_older) = Version.objects.get_for_object(draft).order_by("-pk")
    assert latest.revision.get_comment().startswith("Submitted for review.")
    assert latest.revision.user == author


def test_an_author_submits_a_new_article_from_the_add_form(author_client, author):
    data = form_data(
        author_client.get(add_url(Article)),
        title="Sleep after stopping",
        slug="sleep-after-stopping",
        summary="What helped people sleep in the first weeks.",
        body="<p>Words.</p>",
        _submit_for_review="1",
    )

    response = author_client.post(add_url(Article), data)

    article = Article.objects.get(slug="sleep-after-stopping")
    assert response.url == change_url(article)
    assert article.is_waiting_for_review()
    assert article.submitted_by == author


def test_pressing_submit_twice_tells_the_editors_once(author_client, draft):
    submit(author_client, draft)
    submit(author_client, draft)

    assert queued_tasks() == ["editorial.tasks.review_requested"]


def test_the_editors_who_may_publish_are_emailed_with_a_link_to_the_form(
    author_client, author, editor, draft, site, worker
):
    make_user(
        username="admin", email="admin@example.org", is_superuser=True, is_staff=True
    )
    # A superuser who no longer works in the admin.
    make_user(username="former", email="former@example.org", is_superuser=True)
    member_of("Editor", username="gone", email="gone@example.org", is_active=False)
    member_of("Editor", username="silent", email="")
    member_of("Moderator", username="mo", email="mo@example.org")
    member_of("Author", username="other-author", email="other@example.org")

    submit(author_client, draft)
    assert mail.outbox == []
    worker()

    recipients = sorted(address for email in mail.outbox for address in email.to)
    assert recipients == ["admin@example.org", "eve@example.org"]
    email = mail.outbox[0]
    assert email.subject == "Waiting for your review on Recovery Library"
    assert "benzodiazepines" not in email.subject.lower()
    assert f"Ana Author submitted the article “{TITLE}” for review." in email.body
    assert f"{settings.SITE_URL}{change_url(draft)}\n" in email.body
    assert site.crisis_notice in email.body


def test_an_item_published_before_the_worker_runs_emails_nobody(
    author_client, editor, draft, worker
):
    submit(author_client, draft)
    Article.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED)

    worker()

    assert mail.outbox == []


def test_an_editor_sends_a_draft_back_with_a_note(
    editor_client, editor, author, draft, site, worker
):
    submitted(author, draft)
    form = editor_client.get(change_url(draft))
    assert 'name="_send_back"' in form.text
    assert "Submitted by Ana Author on" in form.text

    # “Send back with a note…” saves the editor's changes first.
    data = form_data(form, title=TITLE + " (edited)", _send_back="1")
    response = editor_client.post(change_url(draft), data)
    assert response.url == send_back_url(draft)
    page = editor_client.get(response.url)
    assert page.status_code == 200
    assert "Note for the author" in page.text

    response = send_back(
        editor_client, draft, "Please add where to find a doctor who can help."
    )

    assert response.redirect_chain[-1][0] == change_url(draft)
    assert "Sent back with your note to Ana Author" in " ".join(messages_of(response))
    draft.refresh_from_db()
    assert draft.title == TITLE + " (edited)"
    assert draft.status == Status.DRAFT
    assert not draft.is_waiting_for_review()
    assert draft.is_sent_back()
    assert draft.sent_back_by == editor
    assert draft.sent_back_note == "Please add where to find a doctor who can help."
    assert draft.get_state_display() == "Draft, sent back with a note"
    comments = [
        version.revision.get_comment()
        for version in Version.objects.get_for_object(draft)
    ]
    assert comments[0] == (
        "Sent back with a note: Please add where to find a doctor who can help."
    )
    history = editor_client.get(history_url(draft)).text
    assert "Sent back with a note: Please add where" in history

    mail.outbox.clear()
    worker()
    (email,) = mail.outbox
    assert email.to == ["ana@example.org"]
    assert email.subject == (
        "An editor sent your draft back with a note on Recovery Library"
    )
    assert "benzodiazepines" not in email.subject.lower()
    assert "doctor" not in email.subject
    assert "Please add where to find a doctor who can help." in email.body
    assert f"Eve Editor sent the article “{TITLE} (edited)” back" in email.body
    assert f"{settings.SITE_URL}{change_url(draft)}\n" in email.body
    assert site.crisis_notice in email.body


def test_sending_back_needs_a_note(editor_client, author, draft):
    submitted(author, draft)

    blank = editor_client.post(send_back_url(draft), {"note": "  "})
    missing = editor_client.post(send_back_url(draft))

    for response in (blank, missing):
        assert response.status_code == 200
        assert "Please write a note for the author." in response.text
    draft.refresh_from_db()
    assert draft.is_waiting_for_review()
    assert queued_tasks() == []


def test_the_author_reads_the_note_on_the_form_and_the_dashboard(
    editor_client, author_client, author, draft
):
    submitted(author, draft)
    send_back(editor_client, draft, "Say <b>who</b> can help.\nAnd when.")

    form = author_client.get(change_url(draft)).text
    assert "Sent back with a note" in form
    assert "Eve Editor wrote on" in form
    # The note is text: its markup is shown, never run.
    assert "<p>Say &lt;b&gt;who&lt;/b&gt; can help.<br>And when.</p>" in form
    assert 'name="_submit_for_review"' in form

    dashboard = author_client.get("/admin/").text
    assert 'class="module dashboard-sent-back"' in dashboard
    assert "Eve Editor" in dashboard
    assert "Say &lt;b&gt;who&lt;/b&gt; can help." in dashboard
    assert f'href="{change_url(draft)}"' in dashboard


def test_submitting_again_clears_the_note(editor_client, author_client, author, draft):
    submitted(author, draft)
    send_back(editor_client, draft, "Shorter, please.")

    submit(author_client, draft, body="<p>Shorter.</p>")

    draft.refresh_from_db()
    assert draft.is_waiting_for_review()
    assert draft.sent_back_note == ""
    assert draft.sent_back_by is None
    assert "Shorter, please." not in author_client.get(change_url(draft)).text


def test_an_editor_publishes_a_draft_waiting_for_review(
    editor_client, editor, author, draft, worker
):
    submitted(author, draft)

    response = editor_client.post(
        change_url(draft),
        form_data(editor_client.get(change_url(draft)), status="published"),
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published()
    assert draft.submitted_at is None
    assert draft.submitted_by is None
    latest = Version.objects.get_for_object(draft).first()
    assert latest.revision.get_comment().startswith("Published after review. Changed")
    assert latest.revision.user == editor
    assert "dashboard-review" in editor_client.get("/admin/").text
    assert TITLE not in review_html(editor_client)


def test_publishing_from_the_list_ends_the_review(editor_client, author, draft):
    submitted(author, draft)

    editor_client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )

    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.submitted_at is None


def test_an_author_may_neither_publish_nor_send_back(author_client, author, draft):
    submitted(author, draft)

    assert author_client.get(send_back_url(draft)).status_code == 403
    assert author_client.post(send_back_url(draft), {"note": "x"}).status_code == 403
    data = form_data(author_client.get(change_url(draft)), status="published")
    response = author_client.post(change_url(draft), {**data, "_send_back": "1"})
    assert response.url != send_back_url(draft)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.is_waiting_for_review()
    assert draft.sent_back_note == ""


def test_a_moderator_may_not_send_back(author, draft):
    submitted(author, draft)
    client = Client()
    client.force_login(member_of("Moderator", username="mo"))

    assert client.post(send_back_url(draft), {"note": "x"}).status_code == 403
    draft.refresh_from_db()
    assert draft.is_waiting_for_review()


def test_an_item_not_waiting_for_review_is_not_sent_back(editor_client, draft):
    response = send_back(editor_client, draft, "Why?")

    assert "This item is not waiting for review." in " ".join(messages_of(response))
    draft.refresh_from_db()
    assert not draft.is_sent_back()


def test_restoring_an_earlier_version_keeps_the_note(
    editor_client, author_client, author, draft
):
    keep_first_version(draft)
    first = Version.objects.get_for_object(draft).get()
    submitted(author, draft)
    send_back(editor_client, draft, "Shorter, please.")
    submit(author_client, draft, title="A new title")
    send_back(editor_client, draft, "Keep the first title.")
    latest = Version.objects.get_for_object(draft).first()
    # Versions keep the text, not the review.
    assert "sent_back_note" not in latest.field_dict
    assert "submitted_by_id" not in latest.field_dict

    url = history_url(draft) + f"{first.pk}/"
    response = author_client.post(url, form_data(author_client.get(url)))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == TITLE
    assert draft.is_sent_back()
    assert draft.sent_back_note == "Keep the first title."
    assert draft.submitted_by == author


def review_html(client):
    html = client.get("/admin/").text
    start = html.index('class="module dashboard-review"')
    return html[start : html.index("</section>", start)]


def test_the_dashboard_lists_what_waits_for_review_with_who_and_when(
    editor_client, author
):
    article = submitted(author, make_article(title="Walking", status=Status.DRAFT))
    submitted(author, make_page(title="About us", status=Status.DRAFT))
    make_article(title="Not submitted", status=Status.DRAFT)

    html = review_html(editor_client)

    assert "Waiting for review" in html
    assert '<p class="count"><a href="/admin/articles/article/?state=review">2</a>' in (
        html
    )
    assert f'href="{change_url(article)}">Walking</a>' in html
    assert "Article, submitted by Ana Author, " in html
    assert "About us" in html
    assert "Not submitted" not in html
    assert 'href="/admin/pages/page/?state=review"' in html


def test_the_review_filter_lists_only_what_waits(editor_client, author):
    submitted(author, make_article(title="Walking", status=Status.DRAFT))
    make_article(title="Running", status=Status.DRAFT)

    html = editor_client.get("/admin/articles/article/?state=review").text

    assert "Walking" in html
    assert "Running" not in html


def test_an_author_sees_no_review_section_and_an_editor_no_sent_back_one(
    author_client, editor_client
):
    assert "dashboard-review" not in author_client.get("/admin/").text
    assert "dashboard-sent-back" in author_client.get("/admin/").text
    assert "dashboard-sent-back" not in editor_client.get("/admin/").text


def fill_review(author, editor, times):
    for _ in range(times):
        submitted(author, make_article(status=Status.DRAFT))
        submitted(author, make_event(status=Status.DRAFT))
        returned = submitted(author, make_article(status=Status.DRAFT))
        returned.send_back(editor, "Shorter.")
        returned.save()


@pytest.mark.parametrize("times", [1, 6])
def test_the_review_sections_make_the_same_queries_for_more_items(
    author, editor, times, django_assert_num_queries
):
    fill_review(author, editor, times)
    editor_dashboard, author_dashboard = Dashboard(editor), Dashboard(author)
    # The models each may see, from permissions every admin page reads anyway.
    assert len(editor_dashboard.models) == 4
    assert len(author_dashboard.models) == 1

    # The state counts of the four publishable models, then the items of the
    # two that have some waiting (articles and events).
    with django_assert_num_queries(6):
        waiting = review_section(editor_dashboard)
    # The author's one model: its counts, then its items.
    with django_assert_num_queries(2):
        returned = sent_back_section(author_dashboard)

    assert waiting.count == 2 * times
    assert len(waiting.items) == min(2 * times, 5)
    assert returned.count == times
    assert len(returned.items) == min(times, 5)


@pytest.mark.parametrize("make", [make_page, make_event, make_series])
def test_pages_and_events_are_reviewed_the_same_way(
    make, editor_client, author, worker
):
    item = submitted(author, make(status=Status.DRAFT))

    form = editor_client.get(change_url(item)).text
    assert 'class="review-box"' in form
    assert 'name="_send_back"' in form
    send_back(editor_client, item, "A clearer title, please.")

    item.refresh_from_db()
    assert item.is_sent_back()
    worker()
    (email,) = mail.outbox
    assert email.to == ["ana@example.org"]
    assert change_url(item) in email.body
