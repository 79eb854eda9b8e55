"""
Every word a visitor reads in a public template, and every word of an email,
goes through a translation tag, so that a translation of the site can cover it.

The check reads the template files without rendering them: it takes out what is
translated, what is template code and what is markup, and expects no letters to
be left. Words in the attributes that people read or hear (alt text, titles,
labels, placeholders) count as visible text.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

PUBLIC_TEMPLATES = sorted(
    path
    for path in ROOT.glob("*/templates/**/*")
    if path.is_file() and "admin" not in path.parts and path.name != "robots.txt"
)

TRANSLATED = re.compile(
    r"{%\s*translate\b.*?%}"
    r"|{%\s*blocktranslate\b.*?{%\s*endblocktranslate\s*%}"
    r"|{%\s*comment\b.*?{%\s*endcomment\s*%}"
    r"|{#.*?#}",
    re.DOTALL,
)
TEMPLATE_CODE = re.compile(r"{%.*?%}|{{.*?}}", re.DOTALL)
INVISIBLE_ELEMENTS = re.compile(
    r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE
)
HTML_TAG = re.compile(r"<[^>]*>")
VISIBLE_ATTRIBUTE = re.compile(
    r"""(?<![\w-])(?:alt|title|aria-label|aria-description|placeholder)"""
    r"""\s*=\s*(?:"([^"]*)"|'([^']*)')""",
    re.IGNORECASE,
)
ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
WORD = re.compile(r"\S*[^\W\d_]\S*")


def untranslated_words(source):
    """The words of a template that a visitor would see untranslated."""
    text = TRANSLATED.sub(" ", source)
    text = TEMPLATE_CODE.sub(" ", text)
    text = INVISIBLE_ELEMENTS.sub(" ", text)
    attributes = [
        double or single
        for tag in HTML_TAG.findall(text)
        for double, single in VISIBLE_ATTRIBUTE.findall(tag)
    ]
    text = HTML_TAG.sub(" ", text)
    visible = " ".join([text, *attributes])
    return WORD.findall(ENTITY.sub(" ", visible))


def test_the_public_templates_are_all_found():
    names = {path.relative_to(ROOT).as_posix() for path in PUBLIC_TEMPLATES}
    assert "recoverysite/templates/base.html" in names
    assert "comments/templates/comments/emails/reply.txt" in names
    assert not any("/admin/" in name for name in names)
    assert len(names) > 50


@pytest.mark.parametrize(
    "path", PUBLIC_TEMPLATES, ids=lambda path: path.relative_to(ROOT).as_posix()
)
def test_public_templates_have_no_words_outside_translation_tags(path):
    words = untranslated_words(path.read_text(encoding="utf-8"))
    assert not words, f"{path.relative_to(ROOT)} shows untranslated words: {words}"


@pytest.mark.parametrize(
    "source",
    [
        "<p>Hello</p>",
        '<nav aria-label="Main"></nav>',
        "<img alt='A tree' src=\"{{ url }}\">",
        "{% if x %}Cancelled{% endif %}",
        "{{ count }} comment{{ count|pluralize }}",
        "Subject line\n{{ name }}",
    ],
)
def test_the_check_finds_words_outside_translation_tags(source):
    assert untranslated_words(source)


@pytest.mark.parametrize(
    "source",
    [
        '<p>{% translate "Hello" %}</p>',
        '{% translate "Main" as label %}<nav aria-label="{{ label }}"></nav>',
        "{% blocktranslate count counter=n %}{{ counter }} comment"
        "{% plural %}{{ counter }} comments{% endblocktranslate %}",
        '<a class="skip-link" href="{% url "home" %}">&larr; {{ page.title }}</a>',
        '<div data-embed-title="{{ event.title }}" hidden></div>',
        "<script>const label = 'Play';</script><!-- a note -->{# another #}",
    ],
)
def test_the_check_accepts_translated_text_and_markup(source):
    assert not untranslated_words(source)
