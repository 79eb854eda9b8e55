"""Importing WordPress's own theme test export into a fresh site."""

import datetime
import html
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.contrib.redirects.models import Redirect
from django.db.models import F
from taggit.models import Tag

from articles.models import Article
from comments.models import Comment, CommentStatus
from pages.models import Page
from recoverysite.publishing import Status
from wordpress.models import WordPressItem

pytestmark = pytest.mark.django_db

WP = "{https://wordpress.org/export/1.2/}"
QUERY_MIDDLEWARE = "wordpress.middleware.WordPressQueryRedirectMiddleware"


def items_of(path, post_type):
    """The export's items of one type, read with the standard library alone."""
    root = ET.parse(path).getroot()
    return [
        item
        for item in root.iter("item")
        if item.findtext(f"{WP}post_type") == post_type
    ]


def table(*models):
    return {model.__name__: model.objects.count() for model in models}


def test_every_post_page_and_comment_arrives(theme_export, run_import):
    posts = items_of(theme_export, "post")
    pages = items_of(theme_export, "page")
    comments = [c for item in posts + pages for c in item.iter(f"{WP}comment")]
    replies = [c for c in comments if c.findtext(f"{WP}comment_parent") != "0"]
    assert (len(posts), len(pages), len(comments), len(replies)) == (58, 21, 33, 10)

    output = run_import(theme_export)

    assert Article.objects.count() == len(posts)
    assert Page.objects.count() == len(pages)
    assert Comment.objects.count() == len(comments)
    assert Comment.objects.exclude(parent_id=F("pk")).count() == len(replies)
    assert "Articles" in output and "Done." in output


def test_categories_and_tags_become_tags(theme_export, run_import):
    names = {
        html.unescape(term.text or "").strip().lower()
        for item in items_of(theme_export, "post")
        for term in item.findall("category")
        if term.get("domain") in {"category", "post_tag"}
        and term.get("nicename") != "uncategorized"
    }

    run_import(theme_export)

    assert Tag.objects.count() == len(names) == 123
    many = Article.objects.get(slug="edge-case-many-tags")
    assert many.tags.count() > 30
    assert not Tag.objects.filter(name__iexact="uncategorized").exists()
    # Every tag page has an address our URLs accept, Greek names included.
    assert all(re.fullmatch(r"[-a-zA-Z0-9_]+", tag.slug) for tag in Tag.objects.all())


def test_pages_keep_their_order_and_nest_one_level_deep(theme_export, run_import):
    run_import(theme_export)

    level_1 = Page.objects.get(slug="level-1", parent=None)
    assert level_1.menu_order == 5
    assert set(level_1.children.values_list("slug", flat=True)) == {
        "level-2",
        "level-2a",
        "level-2b",
        # Third-level pages hang under their top-level page.
        "level-3",
        "level-3a",
        "level-3b",
    }
    about = Page.objects.get(slug="about", parent=None)
    assert list(about.children.values_list("slug", "menu_order")) == [
        ("page-image-alignment", 0),
        ("page-markup-and-formatting", 0),
        ("clearing-floats", 2),
        ("page-with-comments", 3),
        ("page-with-comments-disabled", 4),
    ]
    assert not Page.objects.filter(parent__parent__isnull=False).exists()
    # Top-level pages that were in a WordPress menu are in the site menu.
    assert about.show_in_menu
    assert not Page.objects.get(slug="greek").show_in_menu


def test_statuses_are_mapped(theme_export, run_import):
    run_import(theme_export)

    scheduled = Article.objects.get(title="Scheduled")
    assert scheduled.status == Status.PUBLISHED
    assert scheduled.is_scheduled()
    assert scheduled.published_at == datetime.datetime(
        2030, 1, 1, 19, 0, 18, tzinfo=datetime.UTC
    )
    assert Article.objects.get(title="Draft").status == Status.DRAFT
    protected = Article.objects.get(title__startswith="Template: Password Protected")
    assert protected.status == Status.DRAFT
    assert Article.objects.filter(status=Status.PUBLISHED).count() == 56
    assert Page.objects.filter(status=Status.PUBLISHED).count() == 21


def test_sticky_post_is_kept_on_its_import_record(theme_export, run_import):
    output = run_import(theme_export)

    sticky = Article.objects.get(title="Template: Sticky")
    records = WordPressItem.objects.filter(sticky=True)
    assert [record.content_object for record in records] == [sticky]
    assert "sticky posts" in output


def test_comment_threads_keep_their_parents(theme_export, run_import):
    run_import(theme_export)

    by_text = {comment.comment: comment for comment in Comment.objects.all()}
    depth = [
        next(
            c for text, c in by_text.items() if text.startswith(f"Comment Depth {n:02}")
        )
        for n in range(1, 11)
    ]
    first, second = depth[0], depth[1]
    assert (first.level, first.parent_id, first.thread_id) == (0, first.pk, first.pk)
    assert (second.level, second.parent_id) == (1, first.pk)
    # The site allows three levels: deeper replies hang under "Depth 02".
    for reply in depth[2:]:
        assert (reply.level, reply.parent_id, reply.thread_id) == (
            2,
            second.pk,
            first.pk,
        )
    assert [c.pk for c in Comment.objects.filter(thread_id=first.pk).thread()] == [
        c.pk for c in depth
    ]
    first.refresh_from_db()
    assert first.nested_count == 9

    contributor = by_text["Contributor comment."]
    reply = by_text["nothing useful to say"]
    assert reply.parent_id == contributor.pk
    assert isinstance(contributor.content_object, Page)
    assert contributor.content_object.slug == "page-with-comments"


def test_comments_keep_author_date_and_moderation_state(theme_export, run_import):
    run_import(theme_export)

    assert Comment.objects.filter(status=CommentStatus.PENDING).count() == 3
    assert Comment.objects.filter(status=CommentStatus.PUBLISHED).count() == 30
    assert not Comment.objects.filter(is_public=True, status=CommentStatus.PENDING)
    anonymous = Comment.objects.get(comment="Anonymous comment.")
    assert anonymous.user_name == "Anon"
    assert anonymous.submit_date == datetime.datetime(
        2007, 9, 4, 0, 49, 28, tzinfo=datetime.UTC
    )
    headings = Comment.objects.get(user_name__startswith="John Γιάννης")
    # Comments are plain text here: the HTML of WordPress comments is read out.
    assert "<h1>" not in headings.comment and "\n\nHeader one\n\n" in headings.comment
    assert Comment.objects.filter(comment__startswith="[...] Trackback test").exists()


def test_authors_become_inactive_accounts_without_passwords(theme_export, run_import):
    run_import(theme_export)

    users = get_user_model().objects.order_by("username")
    assert [(u.username, u.display_name) for u in users] == [
        ("themedemos", "Theme Buster"),
        ("themereviewteam", "Theme Reviewer"),
    ]
    assert not any(user.is_active or user.has_usable_password() for user in users)
    assert Article.objects.filter(author__isnull=True).count() == 0


def test_old_permalinks_redirect_to_the_new_addresses(theme_export, run_import, client):
    run_import(theme_export)

    for old, new in [
        ("/2012/01/07/template-sticky/", "/articles/template-sticky/"),
        ("/level-1/level-2/level-3/", "/level-1/level-3/"),
        (
            "/greek/%CE%B5%CF%80%CE%AF%CF%80%CE%B5%CE%B4%CE%BF-2/",
            "/greek/2-second-greek-level/",
        ),
        ("/category/cat-a/", "/tags/cat-a/"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    assert client.get("/articles/template-sticky/").status_code == 200


def test_numeric_addresses_redirect_through_the_middleware(
    theme_export, run_import, client, settings, django_assert_num_queries
):
    # Before the page cache, so a cached home page never answers /?p=123.
    assert settings.MIDDLEWARE.index(QUERY_MIDDLEWARE) < settings.MIDDLEWARE.index(
        "pagecache.middleware.AnonymousPageCacheMiddleware"
    )
    run_import(theme_export)
    assert Redirect.objects.filter(old_path="/?p=1241").exists()

    with django_assert_num_queries(1):
        response = client.get("/?p=1241")
    assert (response.status_code, response["Location"]) == (
        301,
        "/articles/template-sticky/",
    )
    assert client.get("/index.php?page_id=2")["Location"] == "/about/"
    assert client.get("/?p=99999999").status_code == 200


def test_no_script_or_event_attribute_survives(theme_export, run_import):
    run_import(theme_export)

    bodies = [a.body for a in Article.objects.all()] + [
        p.body for p in Page.objects.all()
    ]
    text = "\n".join(bodies)
    assert text.count("<p>") > 200
    assert "<script" not in text
    assert "<iframe" not in text
    assert not re.search(r"<[^>]+\son\w+\s*=", text)
    assert "javascript:" not in text
    assert not re.search(r"<!--|\[/?caption|\[gallery", text)


def test_the_imported_site_is_browsable(theme_export, run_import, client):
    run_import(theme_export)

    for item in [*Article.objects.published(), *Page.objects.published()]:
        response = client.get(item.get_absolute_url())
        assert response.status_code == 200, item.get_absolute_url()
    comments = client.get("/articles/template-comments/")
    assert comments.content.decode().count('class="comment comment--level-2"') == 8


def test_a_second_import_changes_nothing(
    theme_export, run_import, django_assert_num_queries
):
    run_import(theme_export)
    models = [Article, Page, Comment, Tag, Redirect, WordPressItem, get_user_model()]
    before = table(*models)
    stamps = list(Article.objects.order_by("pk").values_list("pk", "updated_at"))
    page_stamps = list(Page.objects.order_by("pk").values_list("pk", "updated_at"))

    # Reads only: the post's record, the object and its comments' records, in a
    # savepoint, for each of the 79 posts and pages; three more for the feed,
    # author, date-archive and attachment-page redirects, whatever the size.
    with django_assert_num_queries(368) as captured:
        output = run_import(theme_export)

    statements = {query["sql"].split()[0] for query in captured.captured_queries}
    assert statements == {"SELECT", "SAVEPOINT", "RELEASE"}
    assert table(*models) == before
    assert (
        list(Article.objects.order_by("pk").values_list("pk", "updated_at")) == stamps
    )
    assert (
        list(Page.objects.order_by("pk").values_list("pk", "updated_at")) == page_stamps
    )
    assert re.search(r"Articles\s+0\s+0\s+58\s+0", output)
    assert re.search(r"Comments\s+0\s+0\s+33\s+0", output)


def test_publication_and_modification_dates_are_kept(theme_export, run_import):
    run_import(theme_export)

    block = Page.objects.get(title="Page Image Alignment")
    assert block.published_at == datetime.datetime(
        2013, 3, 15, 23, 19, 23, tzinfo=datetime.UTC
    )
    edited = Article.objects.get(title="WP 6.1 Font size scale")
    assert edited.updated_at == datetime.datetime(
        2023, 1, 16, 7, 16, 52, tzinfo=datetime.UTC
    )
    # Without a modification date in the export, the publication date stands in.
    sticky = Article.objects.get(title="Template: Sticky")
    assert sticky.updated_at == sticky.published_at


def test_a_dry_run_writes_nothing(theme_export, run_import):
    models = [Article, Page, Comment, Tag, Redirect, WordPressItem, get_user_model()]

    output = run_import(theme_export, "--dry-run")

    assert set(table(*models).values()) == {0}
    assert "Dry run: nothing was written." in output
    assert re.search(r"Articles\s+58\s+0\s+0\s+0", output)
