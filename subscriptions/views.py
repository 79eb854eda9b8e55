from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from operations.background import enqueue_after_commit
from recoverysite import signed_links
from recoverysite.languages import chosen_language
from recoverysite.public_forms import PublicFormView
from subscriptions import links, tasks
from subscriptions.forms import ChoicesForm, SubscribeForm
from subscriptions.models import Subscriber, subscribe


class SubscribeView(PublicFormView):
    form_class = SubscribeForm
    template_name = "subscriptions/form_page.html"

    def rate_limits(self, form):
        email = form.cleaned_data["email"].lower()
        return (
            ("subscriptions-ip", "ip", settings.SUBSCRIPTIONS_RATE_PER_IP),
            (
                "subscriptions-email",
                lambda group, request: email,
                settings.SUBSCRIPTIONS_RATE_PER_EMAIL,
            ),
        )

    def form_valid(self, form):
        data = form.cleaned_data
        with transaction.atomic():
            subscriber, may_email = subscribe(
                data["email"],
                data["topics"],
                data["frequency"],
                language=chosen_language(self.request),
            )
            if may_email:
                enqueue_after_commit(tasks.send_confirmation, subscriber.pk)

    def get_success_url(self):
        # The same page whatever happened: nobody learns whether an address is known.
        return reverse("subscriptions:received")


def received(request):
    return render(request, "subscriptions/received.html")


explains_invalid_links = signed_links.explains_invalid_links(
    "subscriptions/invalid_link.html"
)


@explains_invalid_links
def confirm(request, token):
    """A page with a button: a link checker's GET confirms nothing."""
    subscriber = links.subscriber_from_token(token, "confirm")
    if request.method == "POST":
        if subscriber.status not in {
            Subscriber.Status.BOUNCED,
            Subscriber.Status.COMPLAINED,
        }:
            subscriber.set_status(Subscriber.Status.CONFIRMED)
        return redirect(links.link(subscriber, "preferences") + "?confirmed=1")
    return render(request, "subscriptions/confirm.html", {"subscriber": subscriber})


@explains_invalid_links
def preferences(request, token):
    subscriber = links.subscriber_from_token(token, "preferences")
    form = ChoicesForm(instance=subscriber)
    saved = False
    if request.method == "POST":
        if "unsubscribe" in request.POST:
            subscriber.set_status(Subscriber.Status.UNSUBSCRIBED)
            return render(request, "subscriptions/unsubscribed.html")
        form = ChoicesForm(request.POST, instance=subscriber)
        if form.is_valid():
            form.save()
            if subscriber.status != Subscriber.Status.CONFIRMED:
                # Holding the signed link shows the mailbox is theirs.
                subscriber.set_status(Subscriber.Status.CONFIRMED)
            saved = True
    return render(
        request,
        "subscriptions/preferences.html",
        {
            "subscriber": subscriber,
            "form": form,
            "saved": saved,
            # Only on arriving from the confirmation, not again after a save.
            "confirmed": not saved and request.GET.get("confirmed") == "1",
        },
    )


@csrf_exempt
@explains_invalid_links
def unsubscribe(request, token):
    """
    The address in the List-Unsubscribe header. A mail program's one-click POST
    (RFC 8058) unsubscribes with no page; a GET, from a person who opened the
    address, asks first. The signed token is the proof, so no CSRF cookie.
    """
    subscriber = links.subscriber_from_token(token, "unsubscribe")
    if request.method == "POST":
        if subscriber.status in {
            Subscriber.Status.CONFIRMED,
            Subscriber.Status.PENDING,
        }:
            subscriber.set_status(Subscriber.Status.UNSUBSCRIBED)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("Unsubscribed."), content_type="text/plain")
        return render(request, "subscriptions/unsubscribed.html")
    return render(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber})
