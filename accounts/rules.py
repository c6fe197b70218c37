"""Who may see and change who has access, and who reads the security audit log. Per object, like programmes/rules."""

import rules

from programmes.rules import is_admin, manages_programme

rules.add_perm("accounts.manage_access", is_admin | manages_programme)
rules.add_perm("accounts.invite_manager", is_admin)
rules.add_perm("accounts.view_audit_log", is_admin)
