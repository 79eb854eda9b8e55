from django.db import models
from django.utils.translation import gettext_lazy as _


class TimedJob(models.Model):
    """When each timed job runs next: the worker's clock, kept in the database."""

    name = models.CharField(_("job"), max_length=200, unique=True)
    due_at = models.DateTimeField(_("next run"))
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("timed job")
        verbose_name_plural = _("timed jobs")

    def __str__(self):
        return self.name.rpartition(".")[2].replace("_", " ")
