from functools import wraps

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from events.models import Event
from operations.background import enqueue_after_commit
from recoverysite.security import (
    csrf_failure_for_signed_in,
    is_cross_site,
    seconds_to_wait,
)
from registrations import links, tasks
from registrations.forms import RegistrationForm
from registrations.models import cancel, register


def registrable_event(slug):
    """A published, upcoming event going ahead that takes registrations here."""
    event = get_object_or_404(Event.objects.published(), slug=slug)
    if not (
        event.registration_mode == Event.RegistrationMode.REQUIRED
        and event.is_going_ahead
        and not event.has_ended
    ):
        raise Http404("This event takes no registrations.")
    return event


def render_form_page(request, form, message="", status=200):
    return render(
        request,
        "registrations/form_page.html",
        {"form": form, "event": form.event, "message": message},
        status=status,
    )


def rate_limit_wait(request, email):
    """Seconds until this address and this email may register again, or 0."""
    return seconds_to_wait(
        request,
        ("registrations-ip", "ip", settings.REGISTRATION_RATE_PER_IP),
        (
            "registrations-email",
            lambda group, request: email.lower(),
            settings.REGISTRATION_RATE_PER_EMAIL,
        ),
    )


@csrf_exempt
@require_POST
def register_view(request, slug):
    if refused := csrf_failure_for_signed_in(request):
        return refused
    event = registrable_event(slug)
    form = RegistrationForm(event, data=request.POST)
    if is_cross_site(request):
        return render_form_page(
            request,
            form.with_fresh_security_fields(),
            _(
                "This form was sent from another website. If you filled it in, "
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
    if seconds := rate_limit_wait(request, form.cleaned_data["email"]):
        response = render_form_page(
            request,
            form.with_fresh_security_fields(),
            _(
                "Several registrations came from here in a short time. Please wait "
                "a few minutes, then send the form again. What you wrote is kept "
                "below."
            ),
            status=429,
        )
        response["Retry-After"] = str(seconds)
        return response
    if not form.honeypot_filled():
        data = form.cleaned_data
        with transaction.atomic():
            registration, _created = register(
                event,
                email=data["email"],
                name=data["name"],
                time_zone=data["time_zone"],
                answers=form.answers(),
                wants_recording=data.get("wants_recording", False),
            )
            # Registering again sends the email again, and the page says the
            # same: nobody learns whether an address was registered.
            enqueue_after_commit(tasks.registered, registration.pk)
    return redirect("registrations:received", slug=event.slug)


def received(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return render(request, "registrations/received.html", {"event": event})


def explains_invalid_links(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except links.InvalidLink:
            return render(request, "registrations/invalid_link.html", status=404)

    return never_cache(wrapped)


@explains_invalid_links
def mine(request, token):
    registration = links.registration_from_token(token, "mine")
    return render(
        request,
        "registrations/mine.html",
        {
            "registration": registration,
            "event": registration.event,
            "position": registration.waiting_position(),
            "cancel_url": links.link(registration, "cancel"),
        },
    )


@explains_invalid_links
def cancel_view(request, token):
    """A page with a button: a GET (a link checker, a preview) changes nothing."""
    registration = links.registration_from_token(token, "cancel")
    if request.method == "POST":
        with transaction.atomic():
            for other in cancel(registration):
                enqueue_after_commit(tasks.promoted, other.pk)
        return render(
            request, "registrations/cancelled.html", {"event": registration.event}
        )
    return render(
        request,
        "registrations/cancel.html",
        {"registration": registration, "event": registration.event},
    )
