import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertInHTML

from events.models import Event, Presenter, known_time_zones
from tests.events.conftest import LONDON, LOS_ANGELES
from tests.factories import make_event, make_image, make_image_file, make_presenter

pytestmark = pytest.mark.django_db

ADD = reverse("admin:events_event_add")


def form_data(**overrides):
    """What the event form posts, with start and end typed as the organiser's clock."""
    data = {
        "title": "Peer Respites",
        "slug": "peer-respites",
        "summary": "A panel on peer respites.",
        "description": "<p>About peer respites.</p>",
        "time_zone": "Europe/London",
        "start_0": "2025-03-20",
        "start_1": "18:00",
        "end_0": "2025-03-20",
        "end_1": "19:30",
        "format": "online",
        "venue_name": "",
        "venue_address": "",
        "event_status": "scheduled",
        "registration_mode": "open_link",
        "registration_url": "",
        "join_url": "",
        "featured_image": "",
        "recording_url": "",
        "recording_note": "",
        "transcript": "",
        "status": "published",
        "published_at_0": "2025-03-01",
        "published_at_1": "09:00:00",
        "tags": "",
        "comments_open": "on",
        "event_presenters-TOTAL_FORMS": "0",
        "event_presenters-INITIAL_FORMS": "0",
        "event_presenters-MIN_NUM_FORMS": "0",
        "event_presenters-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def errors(response):
    return response.context["adminform"].form.errors


def test_times_are_typed_in_the_event_time_zone_and_stored_in_utc(staff_client):
    response = staff_client.post(ADD, form_data())

    assert response.status_code == 302
    event = Event.objects.get()
    # 6 PM in London on March 20, 2025 (GMT), whatever the server's time zone.
    assert event.start == datetime.datetime(2025, 3, 20, 18, tzinfo=datetime.UTC)
    assert event.local_end == datetime.datetime(2025, 3, 20, 19, 30, tzinfo=LONDON)


def test_change_form_shows_times_on_the_organiser_clock(staff_client):
    event = make_event(
        start=datetime.datetime(2025, 3, 31, 18, tzinfo=LONDON),
        end=datetime.datetime(2025, 3, 31, 19, tzinfo=LONDON),
        time_zone="Europe/London",
    )

    response = staff_client.get(reverse("admin:events_event_change", args=[event.pk]))

    html = response.content.decode()
    assert 'name="start_1" value="18:00:00"' in html
    assert 'name="end_1" value="19:00:00"' in html


def test_end_before_start_is_refused_with_a_clear_message(staff_client):
    response = staff_client.post(ADD, form_data(end_1="17:00"))

    assert errors(response)["end"] == ["The end must be after the start."]
    assert not Event.objects.exists()


def test_time_zone_box_offers_every_known_zone_to_choose_from(staff_client):
    response = staff_client.get(ADD)

    html = response.content.decode()
    assertInHTML(
        '<input type="text" name="time_zone" value="America/Los_Angeles" '
        'class="vTextField" maxlength="64" autocomplete="off" '
        'list="id_time_zone_choices" required id="id_time_zone" '
        'aria-describedby="id_time_zone_helptext">',
        html,
    )
    datalist = html[html.index('<datalist id="id_time_zone_choices">') :]
    datalist = datalist[: datalist.index("</datalist>")]
    assert datalist.count("<option") == len(known_time_zones())
    assert '<option value="Europe/London"></option>' in datalist


def test_form_says_once_which_time_zone_its_times_are_in(staff_client):
    response = staff_client.get(ADD)

    assert response.content.decode().count('class="time-zone-note') == 1
    assert (
        "The start and end are in the event&#x27;s time zone, chosen below. "
        "Publishing times are in America/Los_Angeles time, the site&#x27;s "
        "time zone."
    ) in response.content.decode()


def test_unknown_time_zone_is_refused_with_a_clear_message(staff_client):
    response = staff_client.post(ADD, form_data(time_zone="Europe/Londn"))

    assert errors(response)["time_zone"] == [
        "“Europe/Londn” is not a time zone name. Did you mean Europe/London?"
    ]
    assert not Event.objects.exists()


def test_time_skipped_by_the_spring_clock_change_is_refused(staff_client):
    response = staff_client.post(
        ADD,
        form_data(
            time_zone="America/Los_Angeles",
            start_0="2025-03-09",
            start_1="02:30",
            end_0="2025-03-09",
            end_1="04:00",
        ),
    )

    assert errors(response)["start"] == [
        "02:30 on 2025-03-09 does not exist in America/Los_Angeles: the clocks go "
        "forward that night. Choose another time."
    ]


def test_time_repeated_by_the_autumn_clock_change_is_refused(staff_client):
    response = staff_client.post(
        ADD,
        form_data(
            time_zone="America/Los_Angeles",
            start_0="2025-11-02",
            start_1="01:30",
            end_0="2025-11-02",
            end_1="03:00",
        ),
    )

    assert "happens twice" in errors(response)["start"][0]


def test_in_person_event_without_a_venue_is_refused(staff_client):
    response = staff_client.post(ADD, form_data(format="in_person"))

    assert errors(response)["venue_name"] == [
        "Say where the event takes place, or set the format to Online."
    ]


def test_recording_we_cannot_embed_is_kept_with_a_warning(staff_client):
    response = staff_client.post(
        ADD,
        form_data(recording_url="https://archive.example.org/hope.mp4"),
        follow=True,
    )

    assert Event.objects.get().recording_url == "https://archive.example.org/hope.mp4"
    messages = [str(message) for message in response.context["messages"]]
    assert any(
        "is neither a YouTube or Vimeo address nor a video file" in message
        and "plain link to https://archive.example.org/hope.mp4" in message
        for message in messages
    )


def test_youtube_recording_saves_without_a_warning(staff_client):
    response = staff_client.post(
        ADD,
        form_data(recording_url="https://www.youtube.com/watch?v=Hq4mR7dPz2E"),
        follow=True,
    )

    messages = [str(message) for message in response.context["messages"]]
    assert not any("YouTube or Vimeo" in message for message in messages)


def test_presenters_are_added_in_order_with_their_roles(staff_client):
    first, second = make_presenter(name="First"), make_presenter(name="Second")
    data = form_data(
        **{
            "event_presenters-TOTAL_FORMS": "2",
            "event_presenters-0-presenter": str(second.pk),
            "event_presenters-0-role": "moderator",
            "event_presenters-0-order": "2",
            "event_presenters-1-presenter": str(first.pk),
            "event_presenters-1-role": "panelist",
            "event_presenters-1-order": "1",
        }
    )

    assert staff_client.post(ADD, data).status_code == 302

    appearances = Event.objects.get().event_presenters.all()
    assert [(a.presenter.name, a.role) for a in appearances] == [
        ("First", "panelist"),
        ("Second", "moderator"),
    ]


def test_presenter_autocomplete_finds_presenters_by_name(staff_client):
    make_presenter(name="Caroline Mazel-Carlton")
    make_presenter(name="Maya Lindqvist")

    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "mazel",
            "app_label": "events",
            "model_name": "eventpresenter",
            "field_name": "presenter",
        },
    )

    assert [result["text"] for result in response.json()["results"]] == [
        "Caroline Mazel-Carlton"
    ]


def test_event_list_filters_upcoming_and_past(staff_client, now):
    make_event(title="Soon", start=now + datetime.timedelta(days=2))
    make_event(title="Gone", start=now - datetime.timedelta(days=2))
    changelist = reverse("admin:events_event_changelist")

    upcoming = staff_client.get(changelist, {"when": "upcoming"})
    past = staff_client.get(changelist, {"when": "past"})

    assert [e.title for e in upcoming.context["cl"].result_list] == ["Soon"]
    assert [e.title for e in past.context["cl"].result_list] == ["Gone"]


def test_event_list_filters_by_status_and_searches_presenters(staff_client):
    make_event(title="Called off", event_status="cancelled")
    make_event(title="With Maya", presenters=[make_presenter(name="Maya Lindqvist")])
    changelist = reverse("admin:events_event_changelist")

    cancelled = staff_client.get(changelist, {"event_status__exact": "cancelled"})
    found = staff_client.get(changelist, {"q": "Lindqvist"})

    assert [e.title for e in cancelled.context["cl"].result_list] == ["Called off"]
    assert [e.title for e in found.context["cl"].result_list] == ["With Maya"]


def test_event_list_shows_times_in_each_event_time_zone(staff_client):
    make_event(
        start=datetime.datetime(2025, 4, 15, 16, tzinfo=LOS_ANGELES),
        end=datetime.datetime(2025, 4, 15, 17, 30, tzinfo=LOS_ANGELES),
    )

    response = staff_client.get(reverse("admin:events_event_changelist"))

    assert "Apr 15, 2025, 4:00 PM PDT" in response.content.decode()


def test_presenter_list_shows_photo_and_event_count(staff_client):
    presenter = make_presenter(
        name="Maya Lindqvist",
        photo=make_image(make_image_file(size=(300, 300)), alt="A portrait."),
    )
    make_event(presenters=[presenter])
    make_event(presenters=[presenter])

    response = staff_client.get(reverse("admin:events_presenter_changelist"))

    html = response.content.decode()
    assert '<img src="/media/renditions/thumbnail/' in html
    assert 'alt="" class="library-thumbnail"' in html
    assert '<td class="field-event_count">2</td>' in html


def test_presenter_page_in_admin_lists_their_events(staff_client):
    presenter = make_presenter()
    event = make_event(title="Listening Without Fixing", presenters=[presenter])

    response = staff_client.get(
        reverse("admin:events_presenter_change", args=[presenter.pk])
    )

    html = response.content.decode()
    assert reverse("admin:events_event_change", args=[event.pk]) in html
    assert "Listening Without Fixing" in html


def test_presenter_photo_is_chosen_from_the_library(staff_client):
    image = make_image(make_image_file(size=(300, 300)), alt="A portrait.")

    response = staff_client.post(
        reverse("admin:events_presenter_add"),
        {"name": "Maya Lindqvist", "slug": "maya-lindqvist", "photo": image.pk},
    )

    assert response.status_code == 302
    assert Presenter.objects.get(slug="maya-lindqvist").photo == image
