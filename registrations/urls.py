from django.urls import path

from registrations import views

app_name = "registrations"
urlpatterns = [
    path("events/<slug:slug>/register/", views.RegisterView.as_view(), name="register"),
    path("registrations/received/<slug:slug>/", views.received, name="received"),
    path("registrations/<str:token>/", views.mine, name="mine"),
    path("registrations/<str:token>/cancel/", views.cancel_view, name="cancel"),
]
