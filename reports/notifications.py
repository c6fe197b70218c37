"""What a report's review tells its writers, through the notification machinery of reminders."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.constants import AccessRole, MembershipRole
from programmes.models import Person
from reminders import notify
from reminders.notify import Audience

from .constants import ReportNotification
from .models import ReviewOutcome


def report_reviewed(report, review, reviewer, writer_ids):
    """Tells the report's writers (the persons `writer_ids`: its reporters or the workgroup's leads) and who
    submitted it of the review. Returns the ids of the notifications to send at once."""
    audience = Audience(actor=reviewer)
    audience.add_persons(
        Person.objects.filter(pk__in=writer_ids).select_related("user"), ReportNotification.REPORT_REVIEW
    )
    if review.submission_id:
        audience.add_users([review.submission.submitted_by], ReportNotification.REPORT_REVIEW)
    subject_name = str(report.pilot or report.workgroup)
    date = timezone.localdate().strftime("%d-%m-%Y")
    if review.outcome == ReviewOutcome.ACCEPTED:
        title = _("Progress report accepted: %(subject)s") % {"subject": subject_name}
        lines = [
            _("%(body)s accepted the progress report of %(subject)s (due %(due)s) on %(date)s.")
            % {
                "body": review.body or _("The programme manager"),
                "subject": subject_name,
                "due": report.due_date.strftime("%d-%m-%Y"),
                "date": date,
            }
        ]
        if review.comment:
            lines.append(_("Comment: %(text)s") % {"text": review.comment})
    else:
        title = _("Progress report returned: %(subject)s") % {"subject": subject_name}
        lines = [
            _("%(body)s returned the progress report of %(subject)s (due %(due)s) on %(date)s.")
            % {
                "body": review.body or _("The programme manager"),
                "subject": subject_name,
                "due": report.due_date.strftime("%d-%m-%Y"),
                "date": date,
            },
            _("Reason: %(text)s") % {"text": review.comment},
            _("The report is open again: revise it and submit it again."),
        ]
    url = settings.SITE_URL + report.get_absolute_url()
    lines.append(_("Open the report: %(url)s") % {"url": url})
    return notify.record(audience, title, "\n\n".join(lines), url)


def programme_report_adopted(report, decision, recorder):
    """Tells the adopting body's members, the programme's managers and the workgroups' leads (whose reports are in
    it) that the programme report was adopted, with the link to the document. Returns the ids to send at once."""
    audience = Audience(actor=recorder)
    kind = ReportNotification.PROGRAMME_REPORT_ADOPTED
    audience.add_persons(
        Person.objects.filter(bodymembership__body_id=decision.body_id).select_related("user").distinct(), kind
    )
    audience.add_persons(
        Person.objects.filter(
            user__programme_access__programme_id=report.programme_id, user__programme_access__role=AccessRole.MANAGER
        ).select_related("user"),
        kind,
    )
    audience.add_persons(
        Person.objects.filter(
            memberships__workgroup__programme_id=report.programme_id, memberships__role=MembershipRole.LEAD
        )
        .select_related("user")
        .distinct(),
        kind,
    )
    title = _("Programme report adopted: %(report)s") % {"report": report}
    url = settings.SITE_URL + report.get_absolute_url()
    lines = [
        _("%(body)s adopted the %(report)s of %(programme)s on %(date)s.")
        % {
            "body": decision.body.name,
            "report": str(report).lower(),
            "programme": report.programme,
            "date": decision.date.strftime("%d-%m-%Y"),
        },
        _("The report no longer changes; its figures are those of the moment of adoption."),
        _("Open the report and its documents: %(url)s") % {"url": url},
    ]
    return notify.record(audience, title, "\n\n".join(lines), url)
