"""What editors may write in rich text: one list for the editor and the sanitiser."""

import html
import re

from django.utils.html import strip_tags
from django_prose_editor.fields import create_sanitizer

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}

# An nh3 allow-list derived from EXTENSIONS: what the editor cannot produce, the
# server does not keep (scripts, event attributes, javascript: URLs, iframes).
sanitize_html = create_sanitizer(EXTENSIONS)


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
