from django.urls import path

from subscriptions import views

app_name = "subscriptions"
urlpatterns = [
    path("updates/subscribe/", views.SubscribeView.as_view(), name="subscribe"),
    path("updates/check-your-email/", views.received, name="received"),
    path("updates/confirm/<str:token>/", views.confirm, name="confirm"),
    path("updates/preferences/<str:token>/", views.preferences, name="preferences"),
    path("updates/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
