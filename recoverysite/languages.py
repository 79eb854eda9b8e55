"""
The language of every page: the one a visitor chose with the language switch in
the footer, otherwise the site's ``LANGUAGE_CODE``.

Django's ``LocaleMiddleware`` would also follow the browser's Accept-Language,
so a Spanish site would greet English browsers with English menus around its
Spanish articles; here only the visitor's own choice overrides the site's
language. The choice is one cookie, which the page cache keys its pages by
(``pagecache.middleware``): visitors of either language get cached pages at the
same addresses.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme


def supported(code):
    """The entry of ``LANGUAGES`` that serves ``code`` ("en" for "en-us"), or None."""
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return None


def chosen_language(request):
    """The language the visitor chose with the switch, or "" for the site's."""
    return supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)) or ""


def visitor_language(request):
    site_language = supported(settings.LANGUAGE_CODE) or settings.LANGUAGE_CODE
    return chosen_language(request) or site_language


class LanguageMiddleware:
    """Makes each request, and the page it gets, speak the visitor's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = visitor_language(request)
        request.LANGUAGE_CODE = language
        # Restored afterwards: the next request on this thread starts afresh.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def choose_language(request, code):
    """
    The language switch: remembers ``code`` for this browser and goes back to
    the page it was used on. A plain link, so it works without JavaScript and
    on pages the cache keeps for everyone (which carry no CSRF token); choosing
    a language changes nothing but the words on the pages.
    """
    language = supported(code)
    if language is None or language != code:
        raise Http404
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    response = HttpResponseRedirect(back)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    add_never_cache_headers(response)
    return response
