"""Comments on proposals, experiments and reports, and annexes on proposals.

A comment points at its subject with three explicit nullable foreign keys (exactly one is set, a check
constraint says so) rather than a generic relation: the database keeps the link honest, a deleted pilot takes
its discussion with it, and the pages read a subject's comments with a plain indexed filter. `discussion` sits
above pilots and reports, so it may name their models; they never name this app.

Comments change only through discussion.services; their history (django-simple-history) keeps every earlier
text, also of a hidden comment.
"""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from governance.models import ALLOWED_DOCUMENT_EXTENSIONS, validate_document_size
from pilots.models import Experiment, Pilot
from programmes.models import Programme
from reports.models import ProgressReport

from .constants import EDIT_WINDOW, Visibility
from .targets import url_of

TARGETS = ("pilot", "experiment", "report")


class Comment(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="comments", verbose_name=_("programme")
    )
    pilot = models.ForeignKey(
        Pilot, on_delete=models.CASCADE, null=True, blank=True, related_name="comments", verbose_name=_("pilot")
    )
    experiment = models.ForeignKey(
        Experiment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("experiment"),
    )
    report = models.ForeignKey(
        ProgressReport,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("progress report"),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replies", verbose_name=_("reply to")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    text = models.TextField(_("comment"))
    visibility = models.CharField(_("visible to"), max_length=10, choices=Visibility.choices)
    mentioned = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("mentioned")
    )
    created_at = models.DateTimeField(_("posted"), db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(pilot__isnull=False, experiment__isnull=True, report__isnull=True)
                    | Q(pilot__isnull=True, experiment__isnull=False, report__isnull=True)
                    | Q(pilot__isnull=True, experiment__isnull=True, report__isnull=False)
                ),
                name="comment_one_subject",
            )
        ]

    def __str__(self):
        return f"{self.author} – {self.created_at:%d-%m-%Y %H:%M}"

    def get_absolute_url(self):
        return f"{url_of(self.target)}#comment-{self.pk}"

    @property
    def target(self):
        return self.pilot or self.experiment or self.report

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def editable_until(self):
        return self.created_at + EDIT_WINDOW


def annex_upload_path(instance, filename):
    subject = f"pilot-{instance.pilot_id}" if instance.pilot_id else f"experiment-{instance.experiment_id}"
    return f"annexes/{subject}/{filename}"


class Annex(models.Model):
    """A document behind a proposal. Agenda documents' types and size (the same validators, not a copy).

    `version` is the submission of the pilot the annex goes with: an annex added to a draft goes with the
    coming submission (submission + 1), and one added after submission also with the next one (submission + 1),
    so what the bodies assessed never changes under them. Experiments have no versions: None.
    """

    pilot = models.ForeignKey(
        Pilot, on_delete=models.CASCADE, null=True, blank=True, related_name="annexes", verbose_name=_("pilot")
    )
    experiment = models.ForeignKey(
        Experiment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="annexes",
        verbose_name=_("experiment"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("document"),
        upload_to=annex_upload_path,
        max_length=300,
        validators=[FileExtensionValidator(ALLOWED_DOCUMENT_EXTENSIONS), validate_document_size],
    )
    version = models.PositiveSmallIntegerField(_("version"), null=True, blank=True, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["version", "uploaded_at", "pk"]
        verbose_name = _("annex")
        verbose_name_plural = _("annexes")
        constraints = [
            models.CheckConstraint(
                condition=Q(pilot__isnull=False, experiment__isnull=True)
                | Q(pilot__isnull=True, experiment__isnull=False),
                name="annex_one_subject",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def target(self):
        return self.pilot or self.experiment

    @property
    def programme(self):
        return self.target.programme

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]

    @property
    def is_submitted(self):
        """Part of what was submitted (and what the bodies assess), rather than of the next version."""
        return self.pilot_id is not None and self.version is not None and self.version <= self.pilot.submission
