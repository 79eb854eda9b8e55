"""
Staff accounts, under the admin's address. The names have no namespace: the
admin's sign-in page shows its "Forgotten your password?" link when a URL named
``admin_password_reset`` exists, and Django's password views find each other by
these names.
"""

from django.contrib import admin
from django.urls import path

from accounts import views

urlpatterns = [
    path(
        "password-reset/",
        views.PasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path(
        "password-reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "two-step/",
        admin.site.admin_view(views.TwoStepView.as_view()),
        name="two_step",
    ),
    path(
        "two-step/recovery-codes/",
        admin.site.admin_view(views.RecoveryCodesView.as_view()),
        name="two_step_recovery_codes",
    ),
    path(
        "two-step/turn-off/",
        admin.site.admin_view(views.TurnOffView.as_view()),
        name="two_step_turn_off",
    ),
]
