"""Mijn werk: what awaits the logged-in user across programmes, overdue first. The landing page after login."""

import datetime

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from governance.constants import DECIDING_ACTS, MeetingStatus, StepAct
from governance.models import AgendaItem, Meeting
from pilots.conditions import conditions_to_act_on
from pilots.constants import PilotKind, PilotStatus
from pilots.models import Gate, Pilot
from pilots.municipal import waiting_for_municipalities
from programmes.constants import BodyKindCode
from programmes.models import Programme
from programmes.risks import Risk
from programmes.roles import roles_of
from reminders.models import CalendarToken
from reports.models import OPEN_STATUSES, ProgressReport, ReportReview, ReportStatus, ReviewOutcome

LIMIT = 50


class MyWorkView(LoginRequiredMixin, TemplateView):
    template_name = "dashboard/my_work.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, today = self.request.user, timezone.localdate()
        roles = roles_of(user)
        everything = roles.is_admin
        managed, bodies = roles.managed_programmes, roles.recording_body_ids

        at_my_body = Q(steps__body__in=bodies, steps__order=F("current_step"), steps__submission=F("submission"))
        waiting = Pilot.objects.filter(status=PilotStatus.ON_ROUTE)
        if not everything:
            waiting = waiting.filter(at_my_body | Q(programme__in=managed))
        waiting = list(
            waiting.distinct()
            .select_related("programme__collaboration", "workgroup")
            .prefetch_related("steps__body")
            .order_by("programme", "title")[:LIMIT]
        )

        # The lead's own proposals on the route (the programme manager's: the programme documents): the body each
        # waits at, since when, on which meeting's agenda.
        own = Q(workgroup__in=roles.led_workgroups) | Q(kind=PilotKind.PROGRAMME_DOCUMENT, programme__in=managed)
        my_proposals = list(
            Pilot.objects.filter(own, status=PilotStatus.ON_ROUTE)
            .annotate(since=Max("events__at"))
            .select_related("workgroup")
            .prefetch_related("steps__body")
            .order_by("since", "title")[:LIMIT]
        )
        if my_proposals:
            agenda = {}
            for item in (
                AgendaItem.objects.filter(
                    subject_type=ContentType.objects.get_for_model(Pilot),
                    subject_id__in=[pilot.pk for pilot in my_proposals],
                    meeting__status__in=[MeetingStatus.PLANNED, MeetingStatus.HELD],
                )
                .select_related("meeting")
                .order_by("meeting__starts_at")
            ):
                agenda.setdefault((item.subject_id, item.meeting.body_id), item.meeting)
            for pilot in my_proposals:
                step = pilot.step()
                pilot.waits_at = step
                pilot.meeting = agenda.get((pilot.pk, step.body_id)) if step else None

        # The programme manager follows the proposals the municipalities decide on: how many are still to decide.
        at_municipalities = Pilot.objects.filter(
            status=PilotStatus.ON_ROUTE,
            steps__act=StepAct.MUNICIPALITIES,
            steps__order=F("current_step"),
            steps__submission=F("submission"),
        )
        if not everything:
            at_municipalities = at_municipalities.filter(programme__in=managed)
        municipal = waiting_for_municipalities(
            at_municipalities.distinct().select_related("programme").order_by("programme", "title")[:LIMIT]
            if everything or managed
            else []
        )

        drafts = list(
            Pilot.objects.filter(own, status=PilotStatus.DRAFT).select_related("workgroup").order_by("title")[:LIMIT]
        )

        gates = Gate.objects.filter(
            pilot__status=PilotStatus.RUNNING, outcome="", planned_date__lte=today + datetime.timedelta(days=30)
        )
        if not everything:
            deciding_here = Q(body__in=bodies) | Q(
                body__isnull=True,
                pilot__steps__act__in=DECIDING_ACTS,
                pilot__steps__body__in=bodies,
                pilot__steps__submission=F("pilot__submission"),
            )
            gates = gates.filter(deciding_here | Q(pilot__programme__in=managed))
        gates = list(gates.distinct().select_related("pilot").order_by("planned_date")[:LIMIT])

        person = getattr(user, "person", None)
        risks = Risk.objects.filter(
            review_date__lte=today + datetime.timedelta(days=14), status__in=["open", "occurred"]
        )
        if not everything:
            mine = Q(programme__in=managed)
            if person is not None:
                mine |= Q(owner=person)
            risks = risks.filter(mine)
        risks = list(risks.select_related("programme").order_by("review_date")[:LIMIT])

        meetings = Meeting.objects.filter(
            status=MeetingStatus.PLANNED,
            starts_at__gte=timezone.now(),
            starts_at__lte=timezone.now() + datetime.timedelta(days=30),
        )
        if not everything:
            meetings = meetings.filter(Q(body__in=roles.body_ids) | Q(body__programme__in=managed))
        meetings = list(meetings.select_related("body").order_by("starts_at")[:LIMIT])

        to_write = ProgressReport.objects.filter(
            status__in=OPEN_STATUSES, due_date__lte=today + datetime.timedelta(days=31)
        )
        if not everything:
            reporting = Q(workgroup__in=roles.led_workgroups)
            if person is not None:
                reporting |= Q(schedule__reporters=person)
            to_write = to_write.filter(reporting)
        last_review = ReportReview.objects.filter(report=OuterRef("pk")).order_by("-reviewed_at", "-pk")
        to_write = list(
            to_write.distinct()
            .annotate(
                last_outcome=Subquery(last_review.values("outcome")[:1]),
                last_reviewed_at=Subquery(last_review.values("reviewed_at")[:1]),
                last_comment=Subquery(last_review.values("comment")[:1]),
            )
            .select_related("workgroup", "pilot")
            .order_by("due_date")[:LIMIT]
        )
        for report in to_write:
            report.returned = report.status == ReportStatus.DRAFT and report.last_outcome == ReviewOutcome.RETURNED

        to_review = ProgressReport.objects.filter(status=ReportStatus.SUBMITTED)
        if not everything:
            to_review = to_review.filter(
                Q(programme__in=managed)
                | Q(programme__bodies__in=bodies, programme__bodies__kind__code=BodyKindCode.CORE_TEAM)
            )
        to_review = list(to_review.distinct().select_related("workgroup", "pilot").order_by("due_date")[:LIMIT])

        to_meet, to_confirm = conditions_to_act_on(user, LIMIT)

        token = CalendarToken.objects.filter(user=user).first() or CalendarToken.objects.create(user=user)
        context["calendar_url"] = settings.SITE_URL + reverse("calendar_user", args=[token.token])
        context["dashboards"] = list(
            Programme.objects.filter(pk__in=managed).select_related("collaboration").order_by("title")
        )
        context.update(
            today=today,
            waiting=waiting,
            my_proposals=my_proposals,
            drafts=drafts,
            gates=gates,
            risks=risks,
            meetings=meetings,
            to_write=to_write,
            to_review=to_review,
            to_meet=to_meet,
            to_confirm=to_confirm,
            municipal=municipal,
            nothing=not any(
                [
                    waiting,
                    my_proposals,
                    drafts,
                    gates,
                    risks,
                    meetings,
                    to_write,
                    to_review,
                    to_meet,
                    to_confirm,
                    municipal,
                ]
            ),
        )
        return context
