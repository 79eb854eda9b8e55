import re
import zlib

from django import template
from django.conf import settings
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe

from comments.forms import CommentForm
from comments.models import Comment, ModerationPolicy
from comments.moderation import comments_are_open
from comments.views import initial_for

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, target):
    """The thread and, while comments are open, the form, for an article or event."""
    request = context["request"]
    thread = Comment.objects.for_object(target).visible_thread()
    give_distinct_avatars(thread)
    is_open = comments_are_open(target, ModerationPolicy.load())
    return {
        "request": request,
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
        "site_settings": context.get("site_settings"),
        "target": target,
        "thread": thread,
        "count": sum(comment.is_visible() for comment in thread),
        "comments_open": is_open,
        "max_level": settings.COMMENTS_XTD_MAX_THREAD_LEVEL,
        "form": CommentForm(target, initial=initial_for(request)) if is_open else None,
        "akismet": bool(settings.AKISMET_API_KEY),
    }


@register.inclusion_tag("comments/comment_form.html", takes_context=True)
def comment_form(context, form):
    return {
        "form": form,
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
        "site_settings": context.get("site_settings"),
        "akismet": bool(settings.AKISMET_API_KEY),
    }


# What urlize() needs to see before it makes a link: most comments have none, and
# skipping it for them saves about a third of the time a long thread takes.
LINK_CANDIDATE = re.compile(r"http|www\.|@|\.(com|edu|gov|int|mil|net|org)", re.I)


@register.filter
def comment_html(text):
    """A visitor's plain text as paragraphs, with links that pass on no ranking."""
    if LINK_CANDIDATE.search(text):
        text = urlize(text, nofollow=True, autoescape=True)
    else:
        text = escape(text)
    html = linebreaks(text, autoescape=False)
    return mark_safe(html.replace('rel="nofollow"', 'rel="nofollow ugc noopener"'))


@register.filter
def initials(name):
    words = re.findall(r"\w+", name or "")
    return ("".join(word[0] for word in words[:2]) or "?").upper()


AVATAR_COLOURS = 12


def give_distinct_avatars(thread):
    """
    Different people in one conversation get different colours (twelve of
    them, in order of appearance), so two names with one initial never look
    like one person.
    """
    colours = {}
    for comment in thread:
        comment.avatar = colours.setdefault(
            comment.user_name, len(colours) % AVATAR_COLOURS
        )


@register.filter
def avatar_colour(name):
    """One of the calm colours, always the same for the same name."""
    return zlib.crc32((name or "").encode()) % AVATAR_COLOURS
