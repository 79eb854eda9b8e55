from django.urls import path

from comments import views

app_name = "comments"
urlpatterns = [
    path("comments/post/", views.post_comment, name="post"),
    path("comments/started/", views.writing_started, name="started"),
    path("comments/<int:comment_id>/", views.permalink, name="permalink"),
    path("comments/reply/<int:comment_id>/", views.reply, name="reply"),
    path("comments/received/<str:token>/", views.received, name="received"),
    path("comments/confirm/<str:token>/", views.confirm, name="confirm"),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("comments/delete/<str:token>/", views.delete, name="delete"),
    path("comments/mine/", views.my_comments, name="mine"),
    path("comments/report/<int:comment_id>/", views.report, name="report"),
]
