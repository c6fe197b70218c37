"""Who may see and manage reports. Writing and reviewing are decided in reports.services (may_write, may_review)."""

import rules

from programmes.rules import can_edit_plan, can_read

rules.add_perm("reports.view_progressreport", can_read)
rules.add_perm("reports.manage_reports", can_edit_plan)
