"""Who may plan and record at a body: the programme manager, an administrator, or the body's chair or secretary."""

import rules

from programmes.models import GovernanceBody
from programmes.roles import roles_of
from programmes.rules import can_edit_plan, can_read


def _body(obj):
    if obj is None:
        return None
    return obj if isinstance(obj, GovernanceBody) else obj.body


@rules.predicate
def records_for_body(user, obj):
    body = _body(obj)
    return body is not None and body.pk in roles_of(user).recording_body_ids


rules.add_perm("governance.manage_meeting", can_edit_plan | records_for_body)
# The agenda and its documents go to every reader of the programme: the meeting page and the download use this.
rules.add_perm("governance.view_meeting_documents", can_read)
