"""The site's emails as its apps write them: one template, its subject first."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from recoverysite.models import SiteSettings


def site_email(to, template, context, headers=None):
    """
    An email to ``to`` from ``template``, whose first line is the subject. The
    template also knows the site's name, address and crisis notice, which
    ``emails/footer.txt`` ends every email with.
    """
    site = SiteSettings.load()
    context = {
        "site_name": site.name,
        "site_url": settings.SITE_URL,
        "crisis_notice": site.crisis_notice,
        **context,
    }
    subject, _, body = render_to_string(template, context).strip().partition("\n")
    return EmailMessage(
        " ".join(subject.split())[:255],
        body.strip() + "\n",
        settings.DEFAULT_FROM_EMAIL,
        [to],
        headers=headers or {},
    )
