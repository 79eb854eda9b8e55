"""Editors' forms in the admin under hostile input, and odd admin addresses."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article
from events.models import Event, Presenter
from pages.models import Page
from recoverysite.models import SiteSettings
from recoverysite.tags import tag_name
from tests.comments.conftest import make_comment
from tests.factories import make_article
from tests.hostile.admin_forms import form_fields
from tests.hostile.payloads import BAD_URLS, MARKUP, assert_escaped, assert_safe_page

NEXT_WEEK = timezone.localtime() + datetime.timedelta(days=7)

# Each form: its address, what makes it valid, its plain-text fields, its URL
# fields, its rich-text fields, and where its text is shown.
FORMS = {
    "article": {
        "url": "/admin/articles/article/add/",
        "valid": {
            "title": "Base",
            "slug": "base",
            "summary": "Summary.",
            "body": "<p>Body.</p>",
            "status": "published",
        },
        "text": ["title", "summary", "content_note"],
        "urls": [],
        "rich": ["body"],
        "public": "/articles/base/",
        "model": Article,
    },
    "event": {
        "url": "/admin/events/event/add/",
        "valid": {
            "title": "Base",
            "slug": "base",
            "summary": "Summary.",
            "description": "<p>Description.</p>",
            "start_0": NEXT_WEEK.strftime("%Y-%m-%d"),
            "start_1": "10:00:00",
            "end_0": NEXT_WEEK.strftime("%Y-%m-%d"),
            "end_1": "11:00:00",
            "status": "published",
        },
        "text": [
            "title",
            "summary",
            "content_note",
            "venue_name",
            "venue_address",
            "recording_note",
        ],
        "urls": ["registration_url", "join_url", "recording_url"],
        "rich": ["description", "transcript"],
        "public": "/events/base/",
        "model": Event,
    },
    "presenter": {
        "url": "/admin/events/presenter/add/",
        "valid": {"name": "Base", "slug": "base", "short_bio": "Bio."},
        "text": ["name", "pronouns", "role", "affiliation", "short_bio"],
        "urls": ["website"],
        "rich": ["bio"],
        "public": "/presenters/base/",
        "model": Presenter,
    },
    "page": {
        "url": "/admin/pages/page/add/",
        "valid": {"title": "Base", "slug": "base", "status": "published"},
        "text": ["title", "content_note"],
        "urls": [],
        "rich": ["body"],
        "public": "/base/",
        "model": Page,
    },
    "site settings": {
        "url": "/admin/recoverysite/sitesettings/1/change/",
        "valid": {"name": "Calm Waters"},
        "text": ["name", "tagline", "welcome", "footer_text", "crisis_notice"],
        "urls": [],
        "rich": [],
        "public": "/",
        "model": None,
    },
}


def case_list(kind):
    return [(form, field) for form, spec in FORMS.items() for field in spec[kind]]


def send(client, form, **fields):
    spec = FORMS[form]
    if form == "site settings":
        SiteSettings.load()
    data = form_fields(client.get(spec["url"]).text) | spec["valid"] | fields
    return client.post(spec["url"], data)


def saved(form):
    model = FORMS[form]["model"]
    return model.objects.filter(slug="base").exists() if model else True


@pytest.mark.django_db
@pytest.mark.parametrize("payload", MARKUP)
@pytest.mark.parametrize("form,field", case_list("text"))
def test_markup_in_a_text_field_is_shown_escaped_everywhere(
    staff_client, client, form, field, payload
):
    response = send(staff_client, form, **{field: payload})

    if response.status_code == 200:
        # Longer than the field allows: the form is back, the text kept escaped.
        assert "Ensure this value has at most" in response.text
        assert_escaped(response.text, payload)
        return
    assert response.status_code == 302
    public = client.get(FORMS[form]["public"])
    assert public.status_code == 200
    assert_escaped(public.text, payload, shown=False)
    if FORMS[form]["model"]:
        changelist = staff_client.get(FORMS[form]["url"].replace("add/", ""))
        assert_escaped(changelist.text, payload, shown=False)


@pytest.mark.django_db
@pytest.mark.parametrize("url", [url for url in BAD_URLS if url != "//evil.example/"])
@pytest.mark.parametrize("form,field", case_list("urls"))
def test_script_and_data_addresses_are_refused_with_the_form_kept(
    staff_client, form, field, url
):
    response = send(staff_client, form, **{field: url}, summary="Kept summary.")

    assert response.status_code == 200
    assert "Enter a valid URL." in response.text
    assert "Kept summary." in response.text or form == "presenter"
    assert not saved(form)


HOSTILE_RICH_TEXT = [
    "<p>Hi</p><script>alert(1)</script>",
    '<p><img src=x onerror="alert(1)"></p>',
    '<p><a href="javascript:alert(1)">x</a></p>',
    '<p><a href="data:text/html,<script>alert(1)</script>">x</a></p>',
    '<p><a href="JaVaScRiPt:alert(1)">x</a></p>',
    '<p><a href="jav&#x09;ascript:alert(1)">x</a></p>',
    '<iframe src="https://evil.example/"></iframe>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="https://evil.example/"><input name="password"></form>',
    '<object data="https://evil.example/x.swf"></object>',
]


@pytest.mark.django_db
@pytest.mark.parametrize("html", HOSTILE_RICH_TEXT)
@pytest.mark.parametrize("form,field", case_list("rich"))
def test_rich_text_keeps_no_script_event_or_foreign_frame(
    staff_client, client, form, field, html
):
    response = send(staff_client, form, **{field: html})

    assert response.status_code == 302
    stored = getattr(FORMS[form]["model"].objects.get(slug="base"), field).lower()
    for fragment in (
        "<script",
        "onerror",
        "onclick",
        "javascript",
        "<iframe",
        "data:text",
        "<form",
        "<object",
        "<svg",
        "<style",
        "<img",
    ):
        assert fragment not in stored, fragment
    page = client.get(FORMS[form]["public"]).text.lower()
    assert "alert(1)" not in page.replace("alert(1)&lt;", "")


@pytest.mark.django_db
@pytest.mark.parametrize("form,field", case_list("text"))
def test_nul_in_a_text_field_brings_the_form_back(staff_client, form, field):
    response = send(staff_client, form, **{field: "Before\x00after"})

    assert response.status_code == 200
    assert "Null characters are not allowed." in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form,field,limit",
    [
        ("article", "title", 200),
        ("article", "summary", 300),
        ("article", "content_note", 200),
        ("event", "title", 200),
        ("event", "content_note", 200),
        ("presenter", "name", 150),
        ("page", "title", 200),
        ("page", "content_note", 200),
    ],
)
def test_over_long_values_bring_the_form_back_with_the_text(
    staff_client, form, field, limit
):
    value = "w" * (limit + 1)

    response = send(staff_client, form, **{field: value})

    assert response.status_code == 200
    assert f"at most {limit} characters" in response.text
    assert value in response.text


# --- tags: one spelling each ------------------------------------------------------

TWINS = [
    ("café", "cafe\u0301"),  # composed and combining accent
    ("café", "ｃａｆé"),  # fullwidth letters
    ("café", "CAFÉ"),
    ("café", "Café"),
    ("café", "ca\u200bfé"),  # zero-width space
    ("café", "\u202ecafé"),  # right-to-left override
    ("café", "café\ufeff"),
    ("peer support", "peer  support"),
    ("peer support", "peer\u00a0support"),  # no-break space
    ("peer support", "peer\u3000support"),  # ideographic space
]


@pytest.mark.django_db
@pytest.mark.parametrize("first,twin", TWINS)
def test_tags_that_look_the_same_are_the_same_tag(staff_client, first, twin):
    send(staff_client, "article", tags=f'"{first}"', slug="one")
    send(staff_client, "article", tags=f'"{twin}"', slug="two")

    assert Tag.objects.count() == 1
    assert Tag.objects.get().name == first
    assert Article.objects.filter(tags__name=first).count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("first,twin", TWINS)
def test_twins_in_one_tag_field_make_one_tag(staff_client, first, twin):
    send(staff_client, "article", tags=f'"{first}", "{twin}"')

    # Which of the two spellings is kept does not matter; that there is one does.
    names = list(Tag.objects.values_list("name", flat=True))
    assert len(names) == 1
    assert tag_name(names[0]).casefold() == first.casefold()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tags",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "😀",
        "日本語",
        "\u202e",
        "a" * 100,
        ",,, ,",
        '"unclosed, quote',
    ],
)
def test_odd_tags_never_break_the_article_or_tag_pages(staff_client, client, tags):
    response = send(staff_client, "article", tags=tags)

    assert response.status_code in (200, 302)
    article_page = client.get("/articles/base/")
    if response.status_code == 302:
        assert article_page.status_code == 200
        assert_escaped(article_page.text, tags, shown=False)
    for tag in Tag.objects.all():
        assert tag.slug
        assert client.get(f"/tags/{tag.slug}/").status_code == 200
    assert client.get("/tags/").status_code == 200


# --- odd admin addresses ---------------------------------------------------------

CHANGELIST_QUERIES = [
    "q=<script>alert(1)</script>",
    "q=" + "x" * 5000,
    "q=%FF%FE",
    "q=' OR 1=1 --",
    "o=abc",
    "o=99",
    "o=-1.2.3",
    "p=-1",
    "p=abc",
    "p=99999999999999999999",
    "status__exact=<script>",
    "tags__id__exact=abc",
    "published_at__gte=not-a-date",
    "author__id__exact=1 OR 1=1",
    "id__in=1,2,abc",
    "password__startswith=a",
    "author__password__startswith=a",
    "_to_field=password",
    "_popup=1&_to_field=author__password",
    "e=1",
    "all=",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", CHANGELIST_QUERIES)
@pytest.mark.parametrize(
    "changelist",
    ["/admin/articles/article/", "/admin/events/event/", "/admin/comments/comment/"],
)
def test_odd_changelist_queries_never_fail(staff_client, changelist, query):
    make_article(title="Findable")

    response = staff_client.get(f"{changelist}?{query}")

    assert response.status_code in (200, 302, 400)
    assert "<script>alert(1)</script>" not in response.text
    assert "Traceback" not in response.text
    if response.status_code == 400:
        assert_safe_page(response, 400)


FORGED_SELECTIONS = [["abc"], ["9" * 30], ["1 OR 1=1"], ["1", "1.5"], [""], ["1\x00"]]


@pytest.mark.django_db
@pytest.mark.parametrize("selected", FORGED_SELECTIONS)
@pytest.mark.parametrize("action", ["publish", "unpublish", "delete_selected", "nope"])
def test_actions_on_forged_selections_are_a_designed_400(
    staff_client, selected, action
):
    article = make_article()

    response = staff_client.post(
        "/admin/articles/article/",
        {"action": action, "_selected_action": selected, "index": "0"},
    )

    assert_safe_page(response, 400)
    assert Article.objects.filter(pk=article.pk, status="published").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("selected", FORGED_SELECTIONS)
def test_comment_actions_on_forged_selections_are_a_designed_400(
    staff_client, selected
):
    # A comment's id is its parent row's (a one-to-one link), checked all the same.
    comment = make_comment(make_article(), status="pending")

    response = staff_client.post(
        "/admin/comments/comment/",
        {"action": "approve", "_selected_action": selected, "index": "0"},
    )

    assert_safe_page(response, 400)
    comment.refresh_from_db()
    assert comment.status == "pending"


@pytest.mark.django_db
@pytest.mark.parametrize("selected", [["-1"], ["999999"], []])
def test_actions_on_missing_rows_change_nothing(staff_client, selected):
    article = make_article()

    response = staff_client.post(
        "/admin/articles/article/",
        {"action": "unpublish", "_selected_action": selected, "index": "0"},
    )

    assert response.status_code in (200, 302)
    assert Article.objects.filter(pk=article.pk, status="published").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changelist,action",
    [("articles/article", "unpublish"), ("comments/comment", "approve")],
)
def test_actions_on_real_selections_still_work(staff_client, changelist, action):
    article = make_article()
    comment = make_comment(article, status="pending")
    pk = article.pk if changelist.startswith("articles") else comment.pk

    response = staff_client.post(
        f"/admin/{changelist}/",
        {"action": action, "_selected_action": [str(pk)], "index": "0"},
    )

    assert response.status_code == 302
    article.refresh_from_db()
    comment.refresh_from_db()
    assert (article.status, comment.status) in [
        ("draft", "pending"),
        ("published", "published"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "object_id",
    ["abc", "99999999999999999999", "1%20OR%201=1", "-1", "%FF", "1.0", "<script>"],
)
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_forged_object_ids_in_admin_addresses_never_fail(staff_client, object_id, view):
    response = staff_client.get(f"/admin/articles/article/{object_id}/{view}/")

    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "term",
    ["<script>", "%00", "x" * 3000, "' OR 1=1"],
)
def test_autocomplete_with_odd_terms_never_fails(staff_client, term):
    response = staff_client.get(
        "/admin/autocomplete/",
        {
            "term": term,
            "app_label": "articles",
            "model_name": "article",
            "field_name": "author",
        },
    )
    assert response.status_code in (200, 400, 403)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["日本語", "🌱", "\u202e"])
def test_a_tag_without_latin_letters_gets_an_address(staff_client, client, name):
    send(staff_client, "article", tags=f'"{name}", hope')

    slugs = set(Tag.objects.values_list("slug", flat=True))
    assert "hope" in slugs
    assert slugs <= {"hope", "tag"}
    assert client.get("/articles/base/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("twin", ["Ｈｏｐｅ", "Ho\u200bpe", "HOPE", "\u202eHope"])
def test_imported_tags_that_look_alike_join_the_stored_tag(tmp_path, twin):
    Tag.objects.create(name="hope", slug="hope")
    export = Path(__file__).parent.parent / "wordpress" / "fixtures" / "edge_cases.xml"
    text = export.read_text().replace(
        '<category domain="post_tag" nicename="hope"><![CDATA[Hope]]>',
        f'<category domain="post_tag" nicename="hope"><![CDATA[{twin}]]>',
    )
    assert twin in text
    (tmp_path / "export.xml").write_text(text)

    call_command("import_wordpress", str(tmp_path / "export.xml"), stdout=StringIO())

    hopes = [t for t in Tag.objects.all() if tag_name(t.name).casefold() == "hope"]
    assert [tag.name for tag in hopes] == ["hope"]
    assert Article.objects.filter(tags__name="hope").exists()
