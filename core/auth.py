"""Sign-in helpers."""

from django.contrib.auth import get_user_model


def axes_username(request, credentials=None):
    """The username django-axes records for a failed login, cut to what a username can be.

    A username longer than the user model allows belongs to no account; stored whole it would overflow axes'
    varchar(255) on PostgreSQL (an HTTP 500 for anyone). Cut, it is an ordinary failed login.
    """
    if credentials:
        username = credentials.get("username")
    else:
        username = getattr(request, "data", request.POST).get("username")
    if username is None:
        return None
    return str(username)[: get_user_model()._meta.get_field("username").max_length]
