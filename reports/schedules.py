"""Report slots from schedules: the due dates of a schedule, and the sweep step that creates the slots ahead of time.

Dates are calendar dates in the programme's time zone (Europe/Amsterdam); a monthly schedule that starts
on the 31st falls on the last day of shorter months.
"""

import calendar
import datetime

from django.db import transaction
from django.db.models import Max, Q

from pilots.constants import PilotStatus

from .models import MONTHS, Frequency, ProgressReport, ReportingSchedule

# Slots exist at least this long before their due date, so reporters see them coming.
HORIZON_DAYS = 31
BATCH = 500


def add_months(day, months, anchor_day=None):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(anchor_day or day.day, last))


def is_month_end(day):
    return day.day == calendar.monthrange(day.year, day.month)[1]


def due_dates(schedule, until, after=None):
    """The schedule's due dates up to and including `until`, later than `after` if given.

    A schedule whose first due date is the last day of a month stays on month ends (30 September,
    31 October, 30 November); otherwise it keeps its day, or the month's last day when the month is shorter.
    """
    if schedule.frequency == Frequency.DATES:
        dates = sorted({schedule.first_due, *schedule.set_dates()})
    else:
        step, dates, n = MONTHS[schedule.frequency], [], 0
        anchor = 31 if is_month_end(schedule.first_due) else schedule.first_due.day
        while True:
            due = add_months(schedule.first_due, step * n, anchor_day=anchor)
            if due > until:
                break
            dates.append(due)
            n += 1
    return [d for d in dates if d <= until and (after is None or d > after)]


def period_for(schedule, due, previous):
    """The period a report covers: from the day after the previous due date up to the due date."""
    if previous is not None:
        return previous + datetime.timedelta(days=1), due
    months = MONTHS.get(schedule.frequency, 3)
    if is_month_end(due):  # a calendar period: the quarter ending 31 March starts on 1 January
        return add_months(due, 1 - months, anchor_day=1), due
    return add_months(due, -months) + datetime.timedelta(days=1), due


def horizon(schedule, today):
    return today + datetime.timedelta(days=max(HORIZON_DAYS, schedule.remind_before))


def slots_for(schedules, last_due, today):
    """Unsaved slots for the given schedules, after their last existing slot, up to the horizon."""
    slots = []
    for schedule in schedules:
        last = last_due.get(schedule.pk)
        previous = last
        for due in due_dates(schedule, horizon(schedule, today), after=last):
            start, end = period_for(schedule, due, previous)
            slots.append(
                ProgressReport(
                    programme_id=schedule.programme_id,
                    workgroup_id=schedule.workgroup_id,
                    pilot_id=schedule.pilot_id,
                    schedule=schedule,
                    due_date=due,
                    period_start=start,
                    period_end=end,
                )
            )
            previous = due
    return slots


def create_slots(today):
    """Creates the slots that should exist today: three queries per batch of schedules, however many there are."""
    created, after_pk = 0, 0
    while True:
        schedules = list(
            ReportingSchedule.objects.filter(active=True, pk__gt=after_pk)
            .filter(Q(pilot__isnull=True) | Q(pilot__status=PilotStatus.RUNNING))
            .order_by("pk")[:BATCH]
        )
        if not schedules:
            return created
        after_pk = schedules[-1].pk
        last_due = dict(
            ProgressReport.objects.filter(schedule__in=schedules)
            .values("schedule")
            .annotate(last=Max("due_date"))
            .values_list("schedule", "last")
        )
        slots = slots_for(schedules, last_due, today)
        with transaction.atomic():
            ProgressReport.objects.bulk_create(slots, ignore_conflicts=True, batch_size=500)
        created += len(slots)
