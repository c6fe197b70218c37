"""Who may see and manage reports. Writing and reviewing are decided in reports.services (may_write, may_review)."""

import rules

from programmes.rules import can_edit_plan, can_read

from . import services
from .models import ReportStatus


@rules.predicate
def is_not_a_draft(user, report):
    return report is not None and report.status != ReportStatus.DRAFT


@rules.predicate
def writes_report(user, report):
    return report is not None and services.may_write(user, report)


rules.add_perm("reports.view_progressreport", can_read)
# A draft is its reporters' own until submitted: its text and its attachments are shown only to them and to
# the programme manager who asks for reports. The report page, the attachment download and the admin use this.
rules.add_perm("reports.view_report_content", can_read & (is_not_a_draft | writes_report | can_edit_plan))
rules.add_perm("reports.manage_reports", can_edit_plan)
