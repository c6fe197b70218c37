"""ICS feeds for Outlook and other calendars: a user's own feed, and one per programme, behind a secret token."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from governance.models import Meeting
from pilots.constants import PilotStatus
from pilots.models import Gate
from programmes.models import Milestone, Programme
from programmes.roles import readable_programmes
from reminders.models import CalendarToken
from reports.models import OPEN_STATUSES, ProgressReport


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", "-//Jeugdregio//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(calendar, uid, summary, start, end=None, url="", all_day=False):
    event = Event()
    event.add("uid", f"{uid}@jeugdregio")
    event.add("summary", summary)
    event.add("dtstamp", timezone.now())
    if all_day:
        event.add("dtstart", start)
        event.add("dtend", (end or start) + datetime.timedelta(days=1))
    else:
        event.add("dtstart", start)
        event.add("dtend", end or start + datetime.timedelta(hours=2))
    if url:
        event.add("url", settings.SITE_URL + url)
    calendar.add_component(event)


def fill(calendar, programmes):
    """Meetings of the programmes' bodies, gates of their running pilots, open report due dates, milestones."""
    for meeting in Meeting.objects.filter(body__programme__in=programmes).select_related("body"):
        _event(
            calendar,
            f"meeting-{meeting.pk}",
            _("Meeting %(body)s") % {"body": meeting.body.name},
            meeting.starts_at,
            url=meeting.get_absolute_url(),
        )
    for gate in Gate.objects.filter(
        pilot__programme__in=programmes, pilot__status=PilotStatus.RUNNING, outcome=""
    ).select_related("pilot"):
        _event(
            calendar,
            f"gate-{gate.pk}",
            _("Go/no-go: %(pilot)s") % {"pilot": gate.pilot.title},
            gate.planned_date,
            all_day=True,
            url=gate.pilot.get_absolute_url(),
        )
    for report in ProgressReport.objects.filter(programme__in=programmes, status__in=OPEN_STATUSES).select_related(
        "workgroup", "pilot"
    ):
        _event(
            calendar,
            f"report-{report.pk}",
            _("Progress report due: %(subject)s")
            % {"subject": report.pilot.title if report.pilot_id else report.workgroup},
            report.due_date,
            all_day=True,
            url=report.get_absolute_url(),
        )
    for milestone in Milestone.objects.filter(programme__in=programmes):
        _event(
            calendar,
            f"milestone-{milestone.pk}",
            milestone.description,
            milestone.start_date,
            milestone.end_date,
            all_day=True,
        )
    return calendar


def _response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def _user_for(token):
    record = CalendarToken.objects.select_related("user").filter(token=token).first()
    if record is None or not record.user.is_active:
        raise Http404
    return record.user


def user_feed(request, token):
    user = _user_for(token)
    return _response(fill(_calendar(_("Jeugdregio – my calendar")), readable_programmes(user)), "jeugdregio")


def programme_feed(request, token, programme_pk):
    user = _user_for(token)
    programme = get_object_or_404(Programme, pk=programme_pk)
    if not user.has_perm("programmes.view_programme", programme):
        raise PermissionDenied
    return _response(fill(_calendar(programme.title), [programme]), f"programma-{programme.pk}")


@login_required
@require_POST
def renew_token(request):
    token, created = CalendarToken.objects.get_or_create(user=request.user)
    if not created:
        token.renew()
    messages.success(request, _("Your calendar link has been renewed; the old link no longer works."))
    return redirect("home")
