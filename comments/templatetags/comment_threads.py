import re
import zlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from comments.forms import CommentForm
from comments.models import Comment, ModerationPolicy, thread_cache_tag
from comments.moderation import comments_are_open
from comments.views import initial_for
from pagecache.tags import current_versions

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, target):
    """The thread and, while comments are open, the form, for an article or event."""
    request = context["request"]
    is_open = comments_are_open(target, ModerationPolicy.load())
    thread_html, count = rendered_thread(target, is_open)
    return {
        "request": request,
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
        "site_settings": context.get("site_settings"),
        "target": target,
        "thread_html": thread_html,
        "count": count,
        "comments_open": is_open,
        "form": CommentForm(target, initial=initial_for(request)) if is_open else None,
        "akismet": bool(settings.AKISMET_API_KEY),
    }


def rendered_thread(target, comments_open):
    """
    The thread's HTML and the number of comments it shows. Rendering a long
    thread is most of a cold page's cost, and the thread is the same for every
    visitor, so it is made once per change of the thread (the version of its
    page-cache tag, which every comment change bumps) and kept in the cache.
    """
    seconds = settings.COMMENT_THREAD_CACHE_SECONDS
    if seconds:
        tag = thread_cache_tag(type(target), target.pk)
        version = current_versions([tag])[tag]
        key = f"comments:thread:{tag}:{version}:{get_language()}:{comments_open:d}"
        if (kept := cache.get(key)) is not None:
            return mark_safe(kept[0]), kept[1]
    thread = Comment.objects.for_object(target).visible_thread()
    give_distinct_avatars(thread)
    count = sum(comment.is_visible() for comment in thread)
    html = render_to_string(
        "comments/thread.html",
        {
            "thread": thread,
            "comments_open": comments_open,
            "max_level": settings.COMMENTS_XTD_MAX_THREAD_LEVEL,
        },
    )
    if seconds:
        cache.set(key, (str(html), count), seconds)
    return html, count


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
