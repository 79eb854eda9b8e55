"""What editors may write in rich text: one list for the editor and the sanitiser."""

import html
import re

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_prose_editor.config import allowlist_from_extensions, expand_extensions

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    # Footnote numbers: <sup><a href="#fn-…" id="fnref-…">1</a></sup>, and
    # the notes they link to, <li id="fn-…">.
    "Superscript": True,
    "Subscript": True,
    "FootnoteIds": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    # With start, reversed and letters or roman numbers.
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    # Pictures from the image library: "Browse…" in the figure dialog opens the
    # library's picker, which fills in the address, description and caption.
    "Figure": {"pickerUrl": reverse_lazy("admin:images_image_picker")},
    "Image": True,
    "Caption": True,
    # Pictures inside a line of text, a list item or a table cell.
    "InlineImage": True,
    # Tables (with a caption), code and preformatted text (with bold, italics
    # and links), collapsible sections and columns, as imported sites and
    # editors write them.
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Code": True,
    "CodeBlock": True,
    "Details": True,
    "DetailsSummary": True,
    "Columns": True,
    "Column": True,
    "Division": True,
    # The only classes rich text carries, each styled by the site, chosen in
    # the toolbar's "Block style" menu: a link shown as a button and a list of
    # pictures shown as a gallery grid. (Columns have classes of their own.)
    "NodeClass": {
        "cssClasses": {
            "link": {
                "title": _lazy("Link"),
                "cssClasses": [{"className": "button", "title": _lazy("Button")}],
            },
            "bulletList": {
                "title": _lazy("List"),
                "cssClasses": [{"className": "gallery", "title": _lazy("Gallery")}],
            },
        }
    },
}

# <img> tags as nh3 writes them: every attribute value double-quoted.
IMG_TAG = re.compile(r'<img(?:\s+[a-zA-Z-]+(?:="[^"]*")?)*\s*/?>')
ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
EMPTY_FIGURE = re.compile(
    r"<figure>\s*(?:<figcaption>.*?</figcaption>\s*)?</figure>", re.S
)
SAFE_PATH = re.compile(r"[A-Za-z0-9_./-]+")
# The only ids rich text carries: footnotes and the references to them, so that
# no text can take over an id the page's own layout uses.
FOOTNOTE_ID = re.compile(r"fn(?:ref)?-[A-Za-z0-9-]+")
# The editor always holds one block, so an emptied field arrives as "<p></p>".
EMPTY_BLOCK = re.compile(r"<(\w+)></\1>")
# The editor keeps room to type after a table, section or columns that ends the
# text: an empty paragraph no reader sees.
TRAILING_EMPTY_PARAGRAPHS = re.compile(r"(?:<p></p>)+$")
# The editor wraps the text of every list item and table cell in a paragraph;
# one paragraph alone says nothing more than its text, so it is unwrapped and
# the same content is stored the same way whether it was typed or imported.
LONE_PARAGRAPH = re.compile(
    r"<(li|td|th)((?:\s[^>]*)?)><p>((?:(?!</?p[\s>]).)*)</p></\1>", re.S
)

# The editor's tables have one body of rows; the header rows at their top (all
# header cells) belong in <thead>, as the import writes them, for screen
# readers and the site's styles. The cells hold no table or row of their own.
HEADER_CELL = r"<th(?:\s[^>]*)?>(?:(?!</?(?:table|tr|th|td)[\s>]).)*</th>"
# A caption, when the table has one, comes before them.
HEADER_ROWS = re.compile(
    r"<table((?:\s[^>]*)?)>((?:<caption>[^<]*</caption>)?)<tbody>"
    rf"((?:<tr>(?:{HEADER_CELL})+</tr>)+)",
    re.S,
)


def header_rows_in_thead(html):
    html = HEADER_ROWS.sub(r"<table\1>\2<thead>\3</thead><tbody>", html)
    return html.replace("</thead><tbody></tbody>", "</thead>")


def local_media_path(src):
    """
    ``src`` as a path under MEDIA_URL when it points at our own media, else None:
    pages never make a browser ask another site for a picture.
    """
    src = src.strip()
    site_url = settings.SITE_URL.rstrip("/")
    if site_url and src.startswith(site_url + "/"):
        src = src[len(site_url) :]
    name = src.removeprefix(settings.MEDIA_URL)
    if (
        not src.startswith(settings.MEDIA_URL)
        or not SAFE_PATH.fullmatch(name)
        or ".." in name.split("/")
        or "//" in name
    ):
        return None
    return src


def filter_attribute(element, attribute, value):
    # A cell spanning one row or column is what a cell does without saying so.
    if attribute in {"colspan", "rowspan"}:
        return value if value.isdigit() and value != "1" else None
    if attribute == "id":
        return value if FOOTNOTE_ID.fullmatch(value) else None
    if element == "img":
        if attribute == "src":
            return local_media_path(value)
        if attribute == "data-file":
            return value if value.isdigit() else None
    return value


def allow_list():
    config = allowlist_from_extensions(expand_extensions(EXTENSIONS))
    # Sizes come from the image library when the page is shown, and the figure
    # needs no class of its own.
    config["attributes"]["img"] = {"src", "alt", "data-file"}
    config["attributes"].pop("figure", None)
    # Classes only from this list, each styled by the site: buttons and
    # galleries (NodeClass above) and columns of text side by side.
    styles = EXTENSIONS["NodeClass"]["cssClasses"]
    allowed_classes = {
        tag: {style["className"] for style in styles[node]["cssClasses"]}
        for tag, node in (("a", "link"), ("ul", "bulletList"))
    } | {"div": {"columns", "column"}}
    for tag in allowed_classes:
        config["attributes"].get(tag, set()).discard("class")
    config["allowed_classes"] = allowed_classes
    return config


_cleaner = None


def sanitize_html(html):
    """
    The HTML with only what the editor can produce (no scripts, event
    attributes, javascript: URLs or iframes), and images only from our media.
    """
    global _cleaner
    if _cleaner is None:
        _cleaner = nh3.Cleaner(**allow_list(), attribute_filter=filter_attribute)
    cleaned = _cleaner.clean(html or "")
    cleaned = IMG_TAG.sub(drop_image_without_source, cleaned)
    cleaned = EMPTY_FIGURE.sub("", cleaned)
    cleaned = LONE_PARAGRAPH.sub(r"<\1\2>\3</\1>", cleaned)
    cleaned = header_rows_in_thead(cleaned)
    cleaned = TRAILING_EMPTY_PARAGRAPHS.sub("", cleaned)
    return "" if EMPTY_BLOCK.fullmatch(cleaned) else cleaned


def drop_image_without_source(match):
    return match.group(0) if 'src="' in match.group(0) else ""


def image_attributes(html):
    """The attributes of every <img> in sanitised HTML, as dicts."""
    return [dict(ATTRIBUTE.findall(tag)) for tag in IMG_TAG.findall(html or "")]


def inline_image_sources(html):
    return [attrs["src"] for attrs in image_attributes(html) if attrs.get("src")]


def validate_image_descriptions(html):
    """Every picture in the text needs a description (alt text)."""
    missing = sum(
        1 for attrs in image_attributes(html) if not attrs.get("alt", "").strip()
    )
    if missing:
        raise ValidationError(
            _(
                "%(count)s picture(s) in the text have no description. Click the "
                "picture, press the image button and fill in “Alternative Text”: "
                "say what it shows for people who cannot see it."
            )
            % {"count": missing},
            code="image_without_alt",
        )


def image_description_errors(obj, *fields):
    """``{field: message}`` for rich-text fields with pictures lacking alt text."""
    errors = {}
    for field in fields:
        try:
            validate_image_descriptions(getattr(obj, field))
        except ValidationError as error:
            errors[field] = error.messages
    return errors


# Where one paragraph of rich text ends and the next begins.
BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|ul|ol)>|<br\s*/?>|<hr\s*/?>", re.I)


def readable_text(value):
    """Rich text (or plain text) as paragraphs of plain words."""
    if value is None:
        return ""
    text = BLOCK_END.sub("\n", str(value))
    text = html.unescape(strip_tags(text))
    paragraphs = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(paragraph for paragraph in paragraphs if paragraph)
