from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from contact import tasks
from contact.forms import ContactForm
from contact.models import Message
from operations.background import enqueue_after_commit
from recoverysite.security import (
    csrf_failure_for_signed_in,
    is_cross_site,
    seconds_to_wait,
)

# A second press of the button, or the form sent again from the browser's
# history, lands on the confirmation without storing the message twice.
DUPLICATE_WINDOW = timedelta(minutes=10)


def render_form_page(request, form, message="", status=200):
    return render(
        request,
        "contact/message_form.html",
        {"form": form, "message": message},
        status=status,
    )


def rate_limit_wait(request, email):
    """Seconds until this address and this email may send again, or 0."""
    return seconds_to_wait(
        request,
        ("contact-ip", "ip", settings.CONTACT_RATE_PER_IP),
        (
            "contact-email",
            lambda group, request: email.lower(),
            settings.CONTACT_RATE_PER_EMAIL,
        ),
    )


# The page is made afresh for every visit and never kept by a cache: its
# signed ``issued`` field is the moment the form was handed out, which the
# minimum time to fill it in is measured from. A cached copy would hand
# everyone the same old moment, and bots would pass at once. One small page
# made per visit costs little, and needs no script to fetch a fresh timestamp.
@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def contact_view(request):
    if request.method != "POST":
        return render_form_page(request, ContactForm())
    if refused := csrf_failure_for_signed_in(request):
        return refused
    form = ContactForm(data=request.POST)
    if is_cross_site(request):
        return render_form_page(
            request,
            form.with_fresh_security_fields(),
            _(
                "This message was sent from another website. If you wrote it, "
                "check it below and send it from here."
            ),
            status=403,
        )
    is_valid = form.is_valid()
    if form.security_failed():
        return render_form_page(
            request,
            form.with_fresh_security_fields(),
            _(
                "This form was open for a long time, so for safety it needs to be "
                "sent again. What you wrote is kept below: send it once more."
            ),
        )
    if not is_valid:
        return render_form_page(request, form)
    if form.was_sent_too_fast():
        return render_form_page(
            request,
            form.with_fresh_security_fields(),
            _(
                "That was very quick, so the site could not tell it was sent by a "
                "person. Please check your message below and send it once more."
            ),
        )
    if seconds := rate_limit_wait(request, form.cleaned_data["email"]):
        response = render_form_page(
            request,
            form.with_fresh_security_fields(),
            _(
                "Several messages came from here in a short time. Please wait a "
                "few minutes, then send this one again. What you wrote is kept "
                "below."
            ),
            status=429,
        )
        response["Retry-After"] = str(seconds)
        return response
    data = form.cleaned_data
    already_sent = Message.objects.duplicate_of(
        data["email"], data["message"], DUPLICATE_WINDOW
    )
    if not (form.honeypot_filled() or already_sent):
        with transaction.atomic():
            message = form.save()
            enqueue_after_commit(tasks.message_received, message.pk)
    return redirect("contact:sent")


def sent(request):
    return render(request, "contact/sent.html")
