"""Who may download a meeting's pack: the body's members, the programme manager and administrators."""

import rules

from programmes.roles import roles_of
from programmes.rules import can_edit_plan


@rules.predicate
def sits_in_meeting_body(user, meeting):
    return meeting is not None and meeting.body_id in roles_of(user).body_ids


rules.add_perm("papers.download_pack", can_edit_plan | sits_in_meeting_body)
