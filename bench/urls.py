"""The site's addresses plus the ceiling page: one query, a 30 KB template."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import path

from articles.models import Article
from recoverysite.urls import urlpatterns as site_urlpatterns


def ceiling(request):
    """The least a Django page can cost here: one query, a template, the middleware."""
    title = Article.objects.values_list("title", flat=True).first()
    return HttpResponse(render_to_string("bench/ceiling.html", {"title": title}))


urlpatterns = [path("bench/ceiling/", ceiling), *site_urlpatterns]
