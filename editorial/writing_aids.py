"""
Help for writers on the change form: length, reading time, how easy the text is
to read, and things to check before publishing.

The reading-ease score is the Flesch reading-ease formula for English, computed
here from sentence length and syllables per word (counted by vowel groups, which
is close enough to guide a writer).
"""

import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from recoverysite.rich_text import readable_text

WORDS_PER_MINUTE = 200
LONG_TITLE = 70
SHORT_SUMMARY = 40

WORD = re.compile(r"[A-Za-zÀ-ÿ0-9’']+")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
IMAGE = re.compile(r"<img\b[^>]*>", re.I)
ALT = re.compile(r"""\balt\s*=\s*(["'])\s*[^\s"']""", re.I)


def count_syllables(word):
    word = word.lower().strip("’'")
    if len(word) <= 3:
        return 1
    groups = len(VOWEL_GROUPS.findall(word))
    # A final silent "e" ("hope", "time") is not a syllable; "-le" ("able") is.
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(groups, 1)


def reading_ease(text):
    """Flesch reading ease, 0 (very hard) to 100 (very easy), or None if too short."""
    words = WORD.findall(text)
    if len(words) < 10:
        return None
    sentences = [part for part in SENTENCE_END.split(text) if WORD.search(part)]
    syllables = sum(count_syllables(word) for word in words)
    score = (
        206.835
        - 1.015 * (len(words) / max(len(sentences), 1))
        - 84.6 * (syllables / len(words))
    )
    return round(min(max(score, 0), 100))


def describe_reading_ease(score):
    """The score in plain words, with what to do about it."""
    if score >= 80:
        return _("Very easy to read.")
    if score >= 60:
        return _("Plain English: most people read it easily.")
    if score >= 50:
        return _(
            "Fairly hard to read. Shorter sentences and everyday words would help."
        )
    return _(
        "Hard to read. Try splitting long sentences and swapping long words for "
        "everyday ones."
    )


@dataclass
class WritingReport:
    words: int
    minutes: int
    ease: int | None

    def summary(self):
        parts = [
            ngettext("%(count)d word", "%(count)d words", self.words)
            % {"count": self.words},
            ngettext(
                "about %(count)d minute to read",
                "about %(count)d minutes to read",
                self.minutes,
            )
            % {"count": self.minutes},
        ]
        return " · ".join(parts)

    def ease_text(self):
        if self.ease is None:
            return _("Reading ease: write a few sentences to get a score.")
        return _(
            "Reading ease %(score)d out of 100. %(meaning)s Scores above 60 suit "
            "most readers; the score goes up with shorter sentences and shorter "
            "words."
        ) % {"score": self.ease, "meaning": describe_reading_ease(self.ease)}


def writing_report(*texts):
    """Word count, reading time and reading ease of the given texts together."""
    text = "\n".join(readable_text(value) for value in texts if value)
    words = len(WORD.findall(text))
    minutes = max(1, round(words / WORDS_PER_MINUTE)) if words else 0
    return WritingReport(words=words, minutes=minutes, ease=reading_ease(text))


def images_without_alt(rich_text):
    """How many images in rich text have no description."""
    return sum(1 for tag in IMAGE.findall(rich_text or "") if not ALT.search(tag))


def publishing_warnings(obj, title_field, summary_field, rich_text_fields):
    """Things worth checking before ``obj`` goes out; none of them stop a save."""
    warnings = []
    title = getattr(obj, title_field, "") or ""
    if len(title) > LONG_TITLE:
        warnings.append(
            _(
                "The title is %(length)d characters long. Search engines and "
                "social media cut titles after about %(limit)d characters: "
                "consider a shorter one."
            )
            % {"length": len(title), "limit": LONG_TITLE}
        )
    if summary_field:
        summary = strip_tags(getattr(obj, summary_field, "") or "").strip()
        if not summary:
            warnings.append(
                _(
                    "There is no summary. Cards, feeds and search engines show "
                    "it: add one or two plain sentences."
                )
            )
        elif len(summary) < SHORT_SUMMARY:
            warnings.append(
                _(
                    "The summary is very short. Cards, feeds and search engines "
                    "show it: one or two full sentences work best."
                )
            )
    # Library images cannot be saved without alt text; pasted HTML can lack it.
    missing = sum(
        images_without_alt(getattr(obj, name, "")) for name in rich_text_fields
    )
    if missing:
        warnings.append(
            ngettext(
                "%(count)d image has no description (alt text): people who "
                "cannot see it will not know what it shows.",
                "%(count)d images have no description (alt text): people who "
                "cannot see them will not know what they show.",
                missing,
            )
            % {"count": missing}
        )
    return warnings
