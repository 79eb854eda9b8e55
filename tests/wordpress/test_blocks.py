"""Each core block of the block editor keeps its meaning through the import."""

import csv

import pytest
from django.core.management import CommandError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.wordpress.conftest import FIXTURES
from wordpress.report import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(run_import):
    run_import(FIXTURES / "blocks.xml")

    def body(slug):
        return Article.objects.get(slug=slug).body

    return body


def visitor_page(client, slug):
    """The imported article's page, as a visitor gets it."""
    response = client.get(Article.objects.get(slug=slug).get_absolute_url())
    assert response.status_code == 200
    return response


def test_a_table_keeps_its_header_row_cells_and_caption(imported, client):
    body = imported("table")

    assert body.startswith("<p>Our weekly groups.</p>")
    assert (
        "<table><caption>Groups this autumn</caption>"
        "<thead><tr><th>Day</th><th>Group</th><th>Room</th></tr></thead>"
    ) in body
    assert "<em>Groups this autumn</em>" not in body
    assert "<tr><td>Wednesday</td><td><em>Peer support</em></td><td>3</td></tr>" in body
    assert body.count("<tr>") == 3
    page = visitor_page(client, "table")
    assert "<th>Day</th>" in page.text
    assert "<caption>Groups this autumn</caption>" in page.text


def test_a_code_block_keeps_its_lines_indentation_and_marks(imported):
    body = imported("code")

    assert body == (
        '<pre><code>if feeling_low:\n    <strong>call</strong>("a friend")</code></pre>'
    )


def test_preformatted_text_keeps_its_spaces_and_emphasis(imported):
    body = imported("preformatted")

    assert "<pre><code>Breathe in   for four,\nhold         for seven," in body
    assert "<em>out</em>          for eight.</code></pre>" in body


def test_a_verse_keeps_its_line_breaks(imported):
    body = imported("verse")

    assert body.startswith("<pre><code>The night is long\n    but ")
    assert "<strong>morning</strong>" in body


def test_a_reversed_list_starting_at_five_keeps_both(imported, client):
    body = imported("reversed-list")

    assert body == '<ol start="5" reversed=""><li>Five</li><li>Four</li></ol>'
    page = visitor_page(client, "reversed-list")
    assert '<ol start="5" reversed="">' in page.text


def test_a_lettered_list_keeps_its_letters(imported):
    assert imported("lettered-list").startswith('<ol type="a">')


def test_a_closed_details_stays_closed_with_its_summary(imported, client):
    body = imported("details")

    assert body == (
        "<details><summary>Content warning: self-harm</summary>"
        "<p>What the author chose to hide.</p></details>"
    )
    page = visitor_page(client, "details")
    assert "<details><summary>Content warning: self-harm</summary>" in page.text


def test_dynamic_blocks_leave_a_visible_note_for_the_editor(imported):
    body = imported("dynamic")

    assert body.startswith("<h2>Read more</h2>")
    assert "“latest-posts”" in body
    assert "“search”" in body
    assert body.count("Note for the editor") == 2


def test_spacers_are_dropped_and_separators_kept(imported):
    assert imported("separator-spacer") == "<p>Before.</p><hr><p>After.</p>"


def test_a_post_mixing_blocks_keeps_each_of_them(imported):
    body = imported("mixed")

    assert "<h2>Before the first meeting</h2>" in body
    assert "<thead><tr><th>Task</th><th>Who</th></tr></thead>" in body
    assert "<details><summary>Why two facilitators?</summary>" in body
    assert '<ol start="3"><li>Agree the ground rules</li></ol>' in body


@pytest.mark.parametrize(
    "slug",
    [
        "table",
        "code",
        "verse",
        "reversed-list",
        "lettered-list",
        "details",
        "buttons",
        "file",
        "footnotes",
        "columns",
        "mixed",
    ],
)
def test_saving_an_imported_article_in_the_admin_keeps_its_html(
    imported, staff_client, slug
):
    article = Article.objects.get(slug=slug)
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    form = staff_client.get(change_url).context["adminform"].form
    published_at = timezone.localtime(article.published_at)

    response = staff_client.post(
        change_url,
        {
            "title": article.title,
            "slug": article.slug,
            "author": article.author_id or "",
            "summary": article.summary,
            "content_note": article.content_note,
            "body": form["body"].value(),
            "featured_image": "",
            "status": article.status,
            "published_at_0": published_at.strftime("%Y-%m-%d"),
            "published_at_1": published_at.strftime("%H:%M:%S"),
            "tags": "",
            "comments_open": "on",
        },
    )

    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).body == article.body


def test_the_summary_is_the_first_real_paragraph(imported):
    assert Article.objects.get(slug="mixed").summary == (
        "A peer group needs a room, a time and two people willing to hold it."
    )


def test_a_summary_never_comes_from_table_cells_or_captions(imported):
    assert Article.objects.get(slug="table").summary == "Our weekly groups."
    # Nothing but a table and its caption: the title stands in.
    assert Article.objects.get(slug="code").summary == "A code block"


def test_the_report_names_each_post_with_a_dynamic_block(run_import, tmp_path):
    report_file = tmp_path / "report.csv"

    output = run_import(FIXTURES / "blocks.xml", "--report-file", str(report_file))

    assert "2 × dynamic blocks" in output
    rows = list(csv.reader(report_file.open(encoding="utf-8")))
    dynamic = [row for row in rows if row[1].startswith("dynamic blocks")]
    assert [row[2] for row in dynamic] == [
        "post 107 “Latest posts”: latest-posts",
        "post 107 “Latest posts”: search",
    ]
    assert ["counts", "Articles created", "18"] in rows


def test_report_cells_that_look_like_formulas_stay_text(tmp_path):
    report = Report()
    report.note("shortcodes left as text", '=HYPERLINK("https://evil.example")')
    report.missing_media["@SUM(A1)/x.png"] = "not in --media-dir"
    report_file = tmp_path / "report.csv"

    with report_file.open("w", newline="", encoding="utf-8") as file:
        report.write_csv(file)

    rows = list(csv.reader(report_file.open(encoding="utf-8")))
    assert rows[-2] == [
        "imported differently",
        "shortcodes left as text",
        '\'=HYPERLINK("https://evil.example")',
    ]
    assert rows[-1] == [
        "media file not imported",
        "not in --media-dir",
        "'@SUM(A1)/x.png",
    ]


def test_a_report_file_in_a_missing_folder_stops_before_importing(run_import, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run_import(
            FIXTURES / "blocks.xml", "--report-file", str(tmp_path / "no" / "r.csv")
        )

    assert not Article.objects.exists()


def test_a_button_stays_a_styled_link(imported, client):
    body = imported("buttons")

    assert body == '<p><a href="/join/" class="button">Join a group</a></p>'
    page = visitor_page(client, "buttons")
    assert '<a href="/join/" class="button">Join a group</a>' in page.text


def test_a_file_block_names_the_file_and_links_it_once_as_a_download(imported):
    body = imported("file")

    href = "https://example.net/leaflets/wind-farm.pdf"
    assert (
        body == f'<p><a href="{href}">Wind Farm</a> (<a href="{href}">download</a>)</p>'
    )


def test_quotes_and_pull_quotes_keep_their_citations(imported):
    body = imported("quote")

    assert "<blockquote><p>Recovery is not a straight line.</p>" in body
    assert "<em>Pat Deegan</em>" in body
    assert "<blockquote><p>Hope is the foundation.</p>" in body
    assert "<em>A member</em>" in body


def test_each_footnote_is_listed_at_the_end_and_linked_both_ways(imported, client):
    body = imported("footnotes")
    first, second = (
        "8a1f7c2e-1b1c-4d7f-9a59-0b3f1e6c9d10",
        "c4d2e9b0-77aa-4c1e-8e0e-5a6b7c8d9e0f",
    )

    assert body.startswith(
        f'<p>Peer support works<sup><a href="#fn-{first}" id="fnref-{first}">1</a>'
        f'</sup> for many people<sup><a href="#fn-{second}" id="fnref-{second}">2'
        "</a></sup>.</p><hr><ol>"
    )
    assert (
        f'<li id="fn-{first}">A review of <em>twelve</em> studies. '
        f'(<a href="#fnref-{first}">back to the text</a>)</li>'
    ) in body
    assert f'<li id="fn-{second}">Not for everyone. (' in body
    page = visitor_page(client, "footnotes")
    assert f'id="fn-{second}"' in page.text


def test_missing_audio_and_video_leave_a_placeholder_naming_the_file(imported):
    body = imported("missing-media")

    for name in ["talk.mp3", "walk.mp4", "song.mp3"]:
        assert f"[Missing file: {name} was not found" in body
    assert "The evening talk" in body


def test_columns_stay_side_by_side_in_one_row(imported, client):
    body = imported("columns")

    assert body == (
        '<div class="columns"><div class="column"><p>What helps.</p></div>'
        '<div class="column"><p>What does not.</p></div></div>'
    )
    page = visitor_page(client, "columns")
    assert '<div class="column"><p>What helps.</p></div>' in page.text


def test_a_cover_keeps_its_overlay_text_as_text_without_its_background(run_import):
    output = run_import(FIXTURES / "blocks.xml")

    assert Article.objects.get(slug="cover").body == "<p>You are not alone.</p>"
    assert "1 × cover blocks: their text kept" in output
    # Decoration is not a missing file.
    assert "hills.jpg" not in output


def test_embeds_become_links_named_by_their_titles(imported):
    assert imported("embeds") == (
        '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Living with voices '
        "(video on YouTube)</a></p>"
        '<p><a href="https://soundcloud.com/recovery/episode-1">Episode one '
        "(on soundcloud.com)</a></p>"
    )
