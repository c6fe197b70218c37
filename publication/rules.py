"""Who publishes a decision early, withholds or withdraws it: the body's chair or secretary, the programme manager,
an administrator (the same people who record at the body)."""

import rules

from governance.rules import records_for_body
from programmes.rules import can_edit_plan, can_read

rules.add_perm("publication.publish_decision", can_edit_plan | records_for_body)
rules.add_perm("publication.view_publication", can_read)
