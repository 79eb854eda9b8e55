"""The site's addresses plus two views that only the security tests need."""

from django.http import HttpResponse
from django.urls import path

from pagecache.tags import cache_tags
from recoverysite.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("A view that fails, for the 500 page.")


@cache_tags("site")
def nonce_view(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}">let ok;</script>')


urlpatterns = [
    path("test-broken/", broken_view),
    path("test-nonce/", nonce_view),
    *site_urlpatterns,
]
