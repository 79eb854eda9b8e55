"""
A WordPress post, imported and then saved through the admin's rich-text editor,
keeps every structure the import kept: the editor can represent each of them.
"""

from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.admin import make_editor, sign_in
from tests.wordpress.conftest import FIXTURES

# One post per core block (blocks.xml), and the classic-editor post with
# pictures, a [gallery] and a table without <thead> (edge_cases.xml).
BLOCK_POSTS = [
    "table",
    "code",
    "preformatted",
    "verse",
    "reversed-list",
    "lettered-list",
    "details",
    "dynamic",
    "separator-spacer",
    "buttons",
    "file",
    "quote",
    "footnotes",
    "missing-media",
    "columns",
    "cover",
    "embeds",
    "mixed",
]
CLASSIC_POST = "hope"


class Normalised(HTMLParser):
    """
    HTML written again with each tag's attributes in alphabetical order.

    The editor writes an element's attributes in the order its schema lists
    them, which need not be the order the import wrote them in; the order of
    attributes means nothing in HTML. Everything else (which elements, in
    which nesting, with which attribute values, and every character of text,
    whitespace included) must be the same.
    """

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = "".join(
            f' {name}="{value or ""}"' for name, value in sorted(attrs)
        )
        self.parts.append(f"<{tag}{attributes}>")

    def handle_endtag(self, tag):
        self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        self.parts.append(data)

    def __str__(self):
        # One element a line, so that a failure shows where the two differ.
        return "".join(self.parts).replace("><", ">\n<")


def normalised(html):
    return str(Normalised(html))


def make_uploads(folder):
    """The files from wp-content/uploads that edge_cases.xml refers to."""
    month = folder / "2024" / "01"
    month.mkdir(parents=True)
    Image.new("RGB", (1600, 900), "#5b7f95").save(month / "photo.jpg")
    Image.new("RGB", (300, 169), "#5b7f95").save(month / "photo-300x200.jpg")
    (month / "talk.mp3").write_bytes(b"ID3 not really audio")
    (month / "clip.mp4").write_bytes(b"not really video")
    return folder


@pytest.fixture
def imported(tmp_path):
    call_command("import_wordpress", str(FIXTURES / "blocks.xml"), stdout=StringIO())
    call_command(
        "import_wordpress",
        str(FIXTURES / "edge_cases.xml"),
        "--media-dir",
        str(make_uploads(tmp_path / "uploads")),
        stdout=StringIO(),
        stderr=StringIO(),
    )


@pytest.mark.parametrize("slug", [*BLOCK_POSTS, CLASSIC_POST])
def test_an_imported_post_saved_through_the_editor_keeps_its_html(
    imported, page, live_server, slug
):
    article = Article.objects.get(slug=slug)
    sign_in(page, make_editor("site-editor"), live_server.url)
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))

    # Left untouched, the editor hands the form back the HTML it was given; as
    # soon as anything changes it writes its whole document instead. So the
    # test changes something and changes it back, as an editor fixing a typo
    # would: what is saved is then what the editor made of the imported HTML.
    textarea = page.locator(".field-body textarea")
    textarea.evaluate(
        "field => field.addEventListener('input', () => field.dataset.written = 'yes')"
    )
    # Focused rather than clicked: a click could land on a picture and select
    # it, and typing would then replace the picture.
    page.locator(".field-body .ProseMirror[contenteditable=true]").focus()
    page.keyboard.press("Control+Home")
    page.keyboard.type("x")
    page.keyboard.press("Backspace")
    expect(textarea).to_have_attribute("data-written", "yes")
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    saved = Article.objects.get(pk=article.pk).body
    assert normalised(saved) == normalised(article.body)
