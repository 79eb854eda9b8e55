"""A few registrants for the upcoming webinar that requires registration."""

from events.models import Event
from registrations.models import Question, Registration, RegistrationOptions, register

REGISTRATION_EVENT_SLUG = "peer-respites-crisis-alternatives"
REGISTRANTS = [
    ("Jordan", "jordan@example.org", "America/New_York", "Live captions, please."),
    ("Priya K.", "priya@example.org", "Europe/London", ""),
    ("Alex", "alex@example.org", "America/Los_Angeles", ""),
]


def load(command):
    event = Event.objects.filter(slug=REGISTRATION_EVENT_SLUG).first()
    if event is None:
        return
    RegistrationOptions.objects.get_or_create(
        event=event,
        defaults={
            "capacity": 40,
            "consent_text": (
                "I will keep what others share in this session to myself."
            ),
        },
    )
    question, _created = Question.objects.get_or_create(
        event=event,
        text="Do you need captions or any other access support?",
    )
    if Registration.objects.filter(event=event).exists():
        command.stdout.write("The demo registrations exist already.")
        return
    for name, email, zone, access in REGISTRANTS:
        register(
            event,
            email=email,
            name=name,
            time_zone=zone,
            answers={question.text: access} if access else {},
        )
    command.stdout.write(f"{len(REGISTRANTS)} demo registrations created.")
