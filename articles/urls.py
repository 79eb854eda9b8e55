from django.urls import path

from articles import views

app_name = "articles"
urlpatterns = [
    path("articles/", views.ArticleListView.as_view(), name="list"),
    path(
        "articles/<int:year>/",
        views.ArticleYearArchiveView.as_view(),
        name="archive-year",
    ),
    path(
        "articles/<int:year>/<int:month>/",
        views.ArticleMonthArchiveView.as_view(),
        name="archive-month",
    ),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
]
