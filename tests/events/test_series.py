"""Series: meetings made from a repeat rule, their pages, calendar and horizon."""

import datetime

import icalendar
import pytest
from dateutil import rrule
from django.urls import reverse

from events.models import Event, EventSeries, SeriesException
from operations import background
from recoverysite.publishing import Status
from tests import factories
from tests.conftest import run_worker
from tests.editorial.conftest import change_url, form_data
from tests.events.conftest import LONDON

pytestmark = pytest.mark.django_db

# Before the clocks go forward in London (28 March 2027) and back (31 October).
FEBRUARY = datetime.datetime(2027, 2, 20, 12, tzinfo=datetime.UTC)


def make_series(**kwargs):
    kwargs.setdefault("title", "Hearing Voices group")
    kwargs.setdefault("summary", "A weekly peer-support group.")
    kwargs.setdefault("description", "<p>Come as you are.</p>")
    kwargs.setdefault("time_zone", "Europe/London")
    kwargs.setdefault("first_date", datetime.date(2027, 3, 2))
    kwargs.setdefault("start_time", datetime.time(18, 0))
    kwargs.setdefault("rule", "FREQ=WEEKLY;BYDAY=TU")
    kwargs.setdefault("status", Status.PUBLISHED)
    kwargs.setdefault("published_at", FEBRUARY - datetime.timedelta(days=1))
    return EventSeries.objects.create(**kwargs)


def test_meetings_keep_their_local_time_across_both_clock_changes(settings):
    settings.EVENTS_SERIES_HORIZON_DAYS = 300
    series = make_series()
    series.update_occurrences(now=FEBRUARY)

    starts = list(series.occurrences.order_by("start").values_list("start", flat=True))
    local = [start.astimezone(LONDON) for start in starts]
    assert {moment.time() for moment in local} == {datetime.time(18, 0)}
    utc_hours = {
        moment.date(): start.astimezone(datetime.UTC).hour
        for moment, start in zip(local, starts, strict=True)
    }
    assert utc_hours[datetime.date(2027, 3, 23)] == 18
    assert utc_hours[datetime.date(2027, 3, 30)] == 17
    assert utc_hours[datetime.date(2027, 10, 26)] == 17
    assert utc_hours[datetime.date(2027, 11, 2)] == 18


def test_a_skipped_date_makes_no_meeting_and_is_an_exdate_in_the_calendar(
    client, frozen_clock
):
    frozen_clock(FEBRUARY)
    series = make_series(rule="FREQ=WEEKLY;BYDAY=TU;UNTIL=20270420T225959Z")
    SeriesException.objects.create(
        series=series, date=datetime.date(2027, 3, 30), note="Easter"
    )
    series.update_occurrences()
    dates = [event.local_start.date() for event in series.occurrences.all()]
    assert datetime.date(2027, 3, 30) not in dates
    assert len(dates) == 7

    response = client.get(f"/events/series/{series.slug}/calendar.ics")

    calendar = icalendar.Calendar.from_ical(response.content)
    master = calendar.walk("VEVENT")[0]
    assert master["DTSTART"].params["TZID"] == "Europe/London"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert master["RRULE"]["FREQ"] == ["WEEKLY"]
    exdates = [moment.dt for moment in master["EXDATE"].dts]
    assert exdates == [datetime.datetime(2027, 3, 30, 18, tzinfo=LONDON)]
    # Read back as a calendar app would: the rule without the skipped date.
    expanded = rrule.rrulestr(
        master["RRULE"].to_ical().decode(), dtstart=master["DTSTART"].dt
    )
    shown = [moment for moment in expanded if moment not in exdates]
    assert [moment.astimezone(LONDON).hour for moment in shown] == [18] * 7


def test_the_series_page_lists_the_next_meetings_and_each_links_back(
    client, frozen_clock
):
    frozen_clock(FEBRUARY)
    series = make_series(rule="FREQ=WEEKLY;BYDAY=TU;COUNT=3")
    series.update_occurrences()

    response = client.get(series.get_absolute_url())

    assert response.status_code == 200
    assert "Every Tuesday at 18:00 (Europe/London), 3 meetings" in response.text
    meetings = list(series.occurrences.order_by("start"))
    for meeting in meetings:
        assert meeting.get_absolute_url() in response.text
    page = client.get(meetings[0].get_absolute_url())
    assert f'href="{series.get_absolute_url()}"' in page.text


def test_a_draft_series_page_is_a_404_for_visitors(client):
    series = make_series(status=Status.DRAFT)
    assert client.get(series.get_absolute_url()).status_code == 404


def test_the_daily_job_adds_the_meetings_the_moving_horizon_reaches(settings):
    settings.EVENTS_SERIES_HORIZON_DAYS = 28
    series = make_series()
    series.update_occurrences(now=FEBRUARY)
    assert series.occurrences.count() == 3  # 2, 9 and 16 March

    background.schedule_timed_jobs()
    run_worker(at=FEBRUARY + datetime.timedelta(days=14))

    assert series.occurrences.count() == 5


def test_editing_a_meetings_time_in_the_admin_detaches_it(staff_client):
    series = make_series(rule="FREQ=WEEKLY;BYDAY=TU;COUNT=2")
    series.update_occurrences(now=FEBRUARY)
    meeting = series.occurrences.order_by("start").first()
    change = f"/admin/events/event/{meeting.pk}/change/"
    form = staff_client.get(change).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value and isinstance(value, str | int | bool)
    }
    data.update(
        {
            "start_0": "2027-03-03",
            "start_1": "19:00",
            "end_0": "2027-03-03",
            "end_1": "20:30",
            "published_at_0": "2027-02-19",
            "published_at_1": "12:00",
            "event_presenters-TOTAL_FORMS": "0",
            "event_presenters-INITIAL_FORMS": "0",
            "featured_image": "",
            "_save": "Save",
        }
    )

    response = staff_client.post(change, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    exception = SeriesException.objects.get(event=meeting)
    assert exception.kind == SeriesException.Kind.MOVED
    assert exception.date == datetime.date(2027, 3, 2)
    series.update_occurrences(now=FEBRUARY)
    meeting.refresh_from_db()
    assert meeting.local_start.hour == 19
    assert Event.objects.filter(series=series).count() == 2


def test_an_editor_changes_the_pattern_in_the_admin_and_the_meetings_follow(
    staff_client, settings
):
    settings.EVENTS_SERIES_HORIZON_DAYS = 400
    series = make_series(rule="FREQ=WEEKLY;BYDAY=TU;COUNT=3")
    series.update_occurrences()
    page = staff_client.get(change_url(series))
    html = page.content.decode()
    assert "Every Tuesday" in html
    assert html.count("<li>Tue ", html.index("field-next_dates")) == 3

    response = staff_client.post(
        change_url(series),
        form_data(page, weekdays=["TH"], count="2", _save="Save"),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    series.refresh_from_db()
    assert series.rule == "FREQ=WEEKLY;BYDAY=TH;COUNT=2"
    weekdays = {
        start.astimezone(LONDON).strftime("%A")
        for start in series.occurrences.exclude(
            event_status=Event.EventStatus.CANCELLED
        ).values_list("start", flat=True)
    }
    assert weekdays == {"Thursday"}


def test_a_pattern_that_cannot_be_comes_back_with_a_message_and_the_text_kept(
    staff_client,
):
    series = make_series()
    page = staff_client.get(change_url(series))
    response = staff_client.post(
        change_url(series),
        form_data(
            page,
            summary="A new summary, kept.",
            until="2027-06-01",
            count="4",
            _save="Save",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Give a last date or a number of meetings, not both." in html
    assert "A new summary, kept." in html
    series.refresh_from_db()
    assert series.rule == "FREQ=WEEKLY;BYDAY=TU"


def test_the_series_page_reads_like_an_event_page_and_leads_to_the_next_meeting(
    client,
):
    series = factories.make_series(
        title="Tuesday circle",
        registration_mode=Event.RegistrationMode.REQUIRED,
        join_url="https://meet.example.org/tuesday-circle-7731",
        rule="FREQ=WEEKLY;BYDAY=TU;COUNT=4",
    )
    meetings = list(series.occurrences.order_by("start"))
    skipped = meetings[2]
    SeriesException.objects.create(
        series=series, date=skipped.local_start.date(), note="Bank holiday."
    )
    series.update_occurrences()

    response = client.get(series.get_absolute_url())

    html = response.text
    assert '<p class="event__kind">Series</p>' in html
    assert "<h1>Tuesday circle</h1>" in html
    assert (
        '<p class="event__when series__pattern">Every Tuesday at 18:00 '
        "(Europe/London), 4 meetings</p>"
    ) in html
    assert (
        f'<a class="event-action event-action--primary" '
        f'href="{meetings[0].get_absolute_url()}#register">Register for the next '
        "meeting</a>"
    ) in html
    assert f"Next meeting: {meetings[0].when}." in html
    assert f'href="/events/series/{series.slug}/calendar.ics" download' in html
    feed = f"/events/series/{series.slug}/feed/"
    assert (
        f'type="application/rss+xml" title="Tuesday circle (RSS)" href="{feed}"'
    ) in html
    assert (
        f'type="application/atom+xml" title="Tuesday circle (Atom)" href="{feed}atom/"'
    ) in html
    date = skipped.local_start.strftime("%A, %B %-d, %Y")
    assert f"<li>No meeting on {date}. Bank holiday.</li>" in html
    assert html.count('<li class="meeting">') == 4
    # The skipped meeting was published: it stays, marked, with no registration.
    assert '<span class="badges"><span class="badge badge--alert">Cancelled' in html
    for meeting in meetings:
        register = (
            f'<a class="meeting__register" href="{meeting.get_absolute_url()}'
            f'#register">Register<span class="visually-hidden"> for {meeting.when}'
        )
        assert (register in html) == (meeting != skipped)
    assert "meet.example.org" not in html


def test_the_series_page_costs_the_same_queries_for_2_or_8_meetings(
    client, django_assert_num_queries
):
    for count in [2, 8]:
        series = factories.make_series(rule=f"FREQ=WEEKLY;BYDAY=TU;COUNT={count}")
        client.get(series.get_absolute_url())
        # The series, its next meetings and their presenters, the site settings,
        # the menu, the skipped dates and the past meetings.
        with django_assert_num_queries(7):
            response = client.get(series.get_absolute_url())
        assert response.text.count('<li class="meeting">') == count


def test_a_moved_meeting_replaces_its_date_in_the_series_calendar(client, frozen_clock):
    frozen_clock(FEBRUARY)
    series = make_series(rule="FREQ=WEEKLY;BYDAY=TU;COUNT=3")
    series.update_occurrences()
    meeting = series.occurrences.order_by("start")[1]
    # From Tuesday 9 to Wednesday 10 March, same hour.
    meeting.start += datetime.timedelta(days=1)
    meeting.end += datetime.timedelta(days=1)
    meeting.save()
    series.detach(meeting, datetime.date(2027, 3, 9), moved=True)

    response = client.get(reverse("events:series-calendar", args=[series.slug]))

    master, moved = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert "EXDATE" not in master
    assert moved["UID"] == master["UID"]
    assert moved["RECURRENCE-ID"].dt == datetime.datetime(2027, 3, 9, 18, tzinfo=LONDON)
    assert moved["DTSTART"].dt == datetime.datetime(2027, 3, 10, 18, tzinfo=LONDON)
    # The pattern leaves the moved meeting be, and the page shows its new day.
    series.update_occurrences()
    meeting.refresh_from_db()
    assert meeting.local_start.date() == datetime.date(2027, 3, 10)
    assert series.occurrences.count() == 3
    assert "Wednesday, March 10, 2027" in client.get(series.get_absolute_url()).text


def test_past_meetings_move_below_the_next_ones(client, frozen_clock):
    frozen_clock(FEBRUARY)
    series = make_series(rule="FREQ=WEEKLY;BYDAY=TU;COUNT=3")
    series.update_occurrences()
    first, second, third = series.occurrences.order_by("start")

    frozen_clock(datetime.datetime(2027, 3, 3, 12, tzinfo=datetime.UTC))
    html = client.get(series.get_absolute_url()).text

    meetings = html[html.index('<h2 id="upcoming-title">Next meetings') :]
    assert (
        meetings.index(second.get_absolute_url())
        < meetings.index(third.get_absolute_url())
        < meetings.index("Past meetings")
        < meetings.index(first.get_absolute_url())
    )
    assert f"Next meeting: {second.when}." in html
