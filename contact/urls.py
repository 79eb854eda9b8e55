from django.urls import path

from contact import views

app_name = "contact"
urlpatterns = [
    path("contact/", views.contact_view, name="form"),
    path("contact/sent/", views.sent, name="sent"),
]
