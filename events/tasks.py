"""The events' timed job: a series' meetings exist as far ahead as promised."""

import datetime

from events.models import EventSeries
from operations.background import every


@every(datetime.timedelta(days=1))
def extend_series_horizons():
    """Each day the horizon moves a day on: the next meetings get their pages."""
    created = 0
    for series in EventSeries.objects.prefetch_related("exceptions"):
        created += series.update_occurrences()
    return created
