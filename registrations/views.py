from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Event
from operations.background import enqueue_after_commit
from recoverysite import signed_links
from recoverysite.languages import chosen_language
from recoverysite.public_forms import PublicFormView
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


class RegisterView(PublicFormView):
    form_class = RegistrationForm
    template_name = "registrations/form_page.html"
    rate_limited_message = _(
        "Several registrations came from here in a short time. Please wait a few "
        "minutes, then send the form again. What you wrote is kept below."
    )

    def get_form(self):
        return self.form_class(
            registrable_event(self.kwargs["slug"]), data=self.request.POST
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=kwargs["form"].event, **kwargs)

    def rate_limits(self, form):
        email = form.cleaned_data["email"].lower()
        return (
            ("registrations-ip", "ip", settings.REGISTRATION_RATE_PER_IP),
            (
                "registrations-email",
                lambda group, request: email,
                settings.REGISTRATION_RATE_PER_EMAIL,
            ),
        )

    def form_valid(self, form):
        data = form.cleaned_data
        with transaction.atomic():
            registration, _created = register(
                form.event,
                email=data["email"],
                name=data["name"],
                time_zone=data["time_zone"],
                answers=form.answers(),
                wants_recording=data.get("wants_recording", False),
                language=chosen_language(self.request),
            )
            # Registering again sends the email again, and the page says the
            # same: nobody learns whether an address was registered.
            enqueue_after_commit(tasks.registered, registration.pk)

    def get_success_url(self):
        return reverse("registrations:received", kwargs={"slug": self.kwargs["slug"]})


def received(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return render(request, "registrations/received.html", {"event": event})


explains_invalid_links = signed_links.explains_invalid_links(
    "registrations/invalid_link.html"
)


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
