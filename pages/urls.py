from django.urls import path

from pagecache.tags import cache_tags
from pages.views import PageDetailView

app_name = "pages"
page_view = cache_tags("site")(PageDetailView.as_view())
urlpatterns = [
    path("<slug:slug>/", page_view, name="detail"),
    path("<slug:parent>/<slug:slug>/", page_view, name="child"),
]
