"""What the security audit log can hear from here, besides Django's own user_logged_in.

A refused sign-in with the organisation's account is not sent as Django's user_login_failed: django-axes counts
those per username and address, and a sign-in that failed before anyone was known has no username, so every
refusal from one office's address would count towards one lockout for all its people. This signal says it instead.
"""

from django.dispatch import Signal

# sender: the view; request; reason: a short English word for the log ("unknown state", "id token", …).
sign_in_refused = Signal()
