"""Hostile values shared by the modules of this folder."""

from django.utils.html import escape

# Markup that would run script if a page printed it unescaped.
MARKUP = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "</textarea><script>alert(1)</script>",
    '<iframe src="https://evil.example/"></iframe>',
    "<style>body{display:none}</style>",
    "{{ 7|add:7 }}{% debug %}",
]

# Addresses a link must never point to.
BAD_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    'http://example.org/" onmouseover="alert(1)',
    "//evil.example/",
]

RTL_OVERRIDE = "\u202e"
ZERO_WIDTH = "\u200b"
EMOJI = "🌱 hope 👩‍👩‍👧"

# Readable text a person might send, that must come back as it was.
ODD_BUT_FINE = [
    EMOJI,
    "Ça va, Zoë? ½ — “quotes” ‘and’ «guillemets»",
    "مرحبا بالعالم",
    "שלום עולם",
    "日本語のテキスト",
    "e\u0301 combining accent",
    "tab\tseparated",
]

# Text with a character hidden in it that changes how it reads.
HIDDEN_CHARACTERS = [
    f"Alex{RTL_OVERRIDE}gpj.exe",
    f"Al{ZERO_WIDTH}ex",
    "Alex\u2066isolated\u2069",
    "Alex\ufeff",
    "Alex\u2060",
]

# Bytes that are not UTF-8, percent-encoded as an address carries them.
INVALID_UTF8 = ["%FF", "%C3%28", "%E2%82", "%F0%28%8C%BC", "%C0%AF", "%ED%A0%80"]


def assert_safe_page(response, status):
    """A page in the site's design with ``status``, that tells nothing internal."""
    text = response.content.decode("utf-8", errors="replace")
    assert response.status_code == status, text[:500]
    assert '<nav class="site-nav" aria-label="Main">' in text
    assert '<link rel="stylesheet" href="/static/recoverysite/css/site.css">' in text
    for leak in ("Traceback", "File &quot;/", 'File "/', "django.core", "SECRET_KEY"):
        assert leak not in text


def assert_escaped(text, payload, shown=True):
    """``payload`` is in ``text`` only escaped (and there if ``shown``)."""
    if any(character in payload for character in "<>\"'"):
        assert payload not in text
    if shown:
        assert escape(payload) in text
