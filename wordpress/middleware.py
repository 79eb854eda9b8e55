"""WordPress's numeric addresses (/?p=123, /?attachment_id=6…) after the move."""

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.http import HttpResponsePermanentRedirect

QUERY_KEYS = ("p", "page_id", "attachment_id")


class WordPressQueryRedirectMiddleware:
    """
    Answers WordPress's /?p=123 addresses with a permanent redirect.

    /?p=123 and /index.php?p=123 lead to the imported item. Django's redirect
    middleware only steps in on a 404, and the home page at / answers 200
    whatever the query string, so these addresses need this small check; any
    other request costs nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in {"/", "/index.php"} and request.GET:
            for key in QUERY_KEYS:
                value = request.GET.get(key, "")
                if value.isdigit():
                    new_path = (
                        Redirect.objects.filter(
                            site_id=settings.SITE_ID, old_path=f"/?{key}={value}"
                        )
                        .values_list("new_path", flat=True)
                        .first()
                    )
                    if new_path:
                        return HttpResponsePermanentRedirect(new_path)
        return self.get_response(request)
