from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from recoverysite import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.lstrip('/')}<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Pages come last: /<slug>/ would otherwise shadow the sections above.
urlpatterns += [
    path("<slug:slug>/", views.PageDetailView.as_view(), name="page"),
    path(
        "<slug:parent>/<slug:slug>/", views.PageDetailView.as_view(), name="page-child"
    ),
]
