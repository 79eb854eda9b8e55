"""What editors may write in rich text: one list for the editor and the sanitiser."""

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
