"""
What the signed links in the site's emails (a comment's, a registration's, a
subscriber's) do when they are forged, cut short or too old.
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache


class InvalidLink(Http404):
    """A forged, truncated or expired link: its own page says so, with a 404."""


def explains_invalid_links(template_name):
    """
    A view decorator: an ``InvalidLink`` raised by the view gets ``template_name``
    ("this link is invalid or has expired") rather than the generic "could not
    find that page". The pages are someone's own, so no cache keeps them.
    """

    def decorator(view):
        @wraps(view)
        def answer(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except InvalidLink:
                return render(request, template_name, status=404)

        return never_cache(answer)

    return decorator
