"""
Repeat rules of event series: RFC 5545 RRULE text, read by python-dateutil.

A series stores its rule as calendars write it (``FREQ=WEEKLY;BYDAY=TU``), so the
same text goes into its ``.ics`` file. The rule counts from a start in the
series' own time zone: dateutil steps through the local dates and keeps the
local time, so a meeting at 18:00 stays at 18:00 when the clocks change.
"""

import datetime

from dateutil import rrule
from django.core.exceptions import ValidationError
from django.utils import dateformat
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY"}
DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
ORDINALS = {
    1: gettext_lazy("first"),
    2: gettext_lazy("second"),
    3: gettext_lazy("third"),
    4: gettext_lazy("fourth"),
    -1: gettext_lazy("last"),
}


def local_moment(date, time, zone):
    """``date`` at the wall-clock ``time`` in ``zone``, as an aware datetime."""
    return normalise(datetime.datetime.combine(date, time, tzinfo=zone))


def normalise(moment):
    """A time the clocks skip (02:30 on the night they go forward) moves past it."""
    return moment.astimezone(datetime.UTC).astimezone(moment.tzinfo)


def parse_parts(rule):
    """``"FREQ=WEEKLY;BYDAY=TU"`` as ``{"FREQ": "WEEKLY", "BYDAY": "TU"}``."""
    parts = {}
    for piece in rule.strip().upper().split(";"):
        name, _sign, value = piece.partition("=")
        if not value:
            raise ValueError(piece)
        parts[name] = value
    return parts


def parse(rule, first_start):
    """The dateutil rule for ``rule`` counting from the aware ``first_start``."""
    return rrule.rrulestr(rule, dtstart=first_start)


def validate_rule(rule):
    try:
        parts = parse_parts(rule)
        if parts.get("FREQ") not in FREQUENCIES:
            raise ValueError(rule)
        # A sample start: only the shape of the rule is checked here.
        parse(rule, datetime.datetime(2000, 1, 1, 12, tzinfo=datetime.UTC))
    except (ValueError, TypeError) as error:
        raise ValidationError(
            gettext_lazy(
                "“%(rule)s” is not a repeat rule this site understands: use the "
                "choices for how often the series meets."
            ),
            code="invalid_rule",
            params={"rule": rule},
        ) from error


def build_rule(
    *,
    frequency,
    interval=1,
    weekdays=(),
    week_of_month=None,
    until=None,
    count=None,
    zone=None,
    start_time=None,
):
    """The RRULE for the admin's choices; ``until`` is the last local date."""
    parts = [f"FREQ={frequency}"]
    if interval and interval > 1:
        parts.append(f"INTERVAL={interval}")
    days = [day for day in DAY_CODES if day in set(weekdays)]
    if days and frequency == "WEEKLY":
        parts.append("BYDAY=" + ",".join(days))
    elif days and frequency == "MONTHLY" and week_of_month:
        parts.append("BYDAY=" + ",".join(f"{week_of_month}{day}" for day in days))
    if until:
        # RFC 5545: with a DTSTART in a time zone, UNTIL is written in UTC. The
        # end of the last day there includes a meeting on that day.
        last = datetime.datetime.combine(until, datetime.time.max, tzinfo=zone)
        stamp = last.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        parts.append(f"UNTIL={stamp}")
    elif count:
        parts.append(f"COUNT={count}")
    return ";".join(parts)


def split_rule(rule, zone):
    """The admin's choices for ``rule``: the reverse of ``build_rule()``."""
    parts = parse_parts(rule)
    weekdays, week_of_month = [], None
    for day in filter(None, parts.get("BYDAY", "").split(",")):
        code = day[-2:]
        weekdays.append(code)
        if day[:-2]:
            week_of_month = int(day[:-2])
    until = None
    if "UNTIL" in parts:
        value = parts["UNTIL"]
        if value.endswith("Z"):
            moment = datetime.datetime.strptime(value, "%Y%m%dT%H%M%SZ")
            until = moment.replace(tzinfo=datetime.UTC).astimezone(zone).date()
        else:
            until = datetime.datetime.strptime(value[:8], "%Y%m%d").date()
    return {
        "frequency": parts["FREQ"],
        "interval": int(parts.get("INTERVAL", 1)),
        "weekdays": weekdays,
        "week_of_month": week_of_month,
        "until": until,
        "count": int(parts["COUNT"]) if "COUNT" in parts else None,
    }


def day_names(codes):
    names = [str(WEEKDAYS[DAY_CODES.index(code)]) for code in codes]
    if len(names) < 2:
        return "".join(names)
    return _("%(days)s and %(last)s") % {
        "days": ", ".join(names[:-1]),
        "last": names[-1],
    }


def describe(rule, first_start):
    """The rule in words: “Every Tuesday at 18:00 (Europe/London), until …”."""
    choices = split_rule(rule, first_start.tzinfo)
    frequency, interval = choices["frequency"], choices["interval"]
    days = day_names(choices["weekdays"] or [DAY_CODES[first_start.weekday()]])
    if frequency == "DAILY":
        pattern = ngettext("Every day", "Every %(n)s days", interval) % {"n": interval}
    elif frequency == "WEEKLY" and interval == 1:
        pattern = _("Every %(days)s") % {"days": days}
    elif frequency == "WEEKLY":
        pattern = _("Every %(n)s weeks on %(days)s") % {"n": interval, "days": days}
    elif choices["week_of_month"]:
        pattern = ngettext(
            "On the %(ordinal)s %(days)s of every month",
            "On the %(ordinal)s %(days)s of every %(n)s months",
            interval,
        ) % {
            "ordinal": ORDINALS.get(choices["week_of_month"], ""),
            "days": days,
            "n": interval,
        }
    else:
        pattern = ngettext(
            "Every month on day %(day)s",
            "Every %(n)s months on day %(day)s",
            interval,
        ) % {"day": first_start.day, "n": interval}
    text = _("%(pattern)s at %(time)s (%(zone)s)") % {
        "pattern": pattern,
        "time": dateformat.format(first_start, "H:i"),
        "zone": first_start.tzinfo.key,
    }
    if choices["until"]:
        text += ", " + _("until %(date)s") % {
            "date": date_format(choices["until"], "DATE_FORMAT")
        }
    elif choices["count"]:
        text += ", " + ngettext(
            "%(count)s meeting", "%(count)s meetings", choices["count"]
        ) % {"count": choices["count"]}
    return text
