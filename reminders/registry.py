"""What the domain apps tell the reminder and notification machinery.

`reminders` knows no domain. Each app registers, in its AppConfig.ready():
- its reminder kinds (`reminder_kind`), saying whether a person may mute them by e-mail;
- where its due reminders come from (`reminder_source`): a function (today, content types) → unsaved Reminder rows,
  with a fixed number of queries, and optionally what must exist before (`before_sweep`, e.g. report slots);
- the addresses that get no reminders at all (`silenced_addresses`: people whose account is deactivated);
- its notification kinds (`notification_kind`), with their rank (the most personal kind decides how a message
  reaches someone concerned in several ways) and whether they reach a person whatever that person chose.

The sweep, the preferences page and the models read the kinds from here; the model fields take their choices
from the callables below, so a new kind needs no migration.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    value: str
    label: object
    mutable: bool = True  # reminders: a person may switch the e-mail off
    rank: int = 100  # notifications: lower is more personal
    always: bool = False  # notifications: delivered even when the person chose "not at all"


_reminder_kinds: dict[str, Kind] = {}
_notification_kinds: dict[str, Kind] = {}
_sources = []
_preparations = []
_silenced = []


def reminder_kind(value, label, *, mutable=True):
    _reminder_kinds[value] = Kind(value, label, mutable=mutable)
    return value


def notification_kind(value, label, *, rank, always=False):
    _notification_kinds[value] = Kind(value, label, rank=rank, always=always)
    return value


def reminder_source(function):
    if function not in _sources:
        _sources.append(function)
    return function


def before_sweep(function):
    if function not in _preparations:
        _preparations.append(function)
    return function


def silenced_addresses(function):
    """Registers a function () → set of lower-case addresses that get no reminders (e.g. of deactivated accounts)."""
    if function not in _silenced:
        _silenced.append(function)
    return function


def silenced():
    addresses = set()
    for function in _silenced:
        addresses |= function()
    return addresses


def reminder_choices():
    return [(kind.value, kind.label) for kind in _reminder_kinds.values()]


def mutable_reminder_choices():
    return [(kind.value, kind.label) for kind in _reminder_kinds.values() if kind.mutable]


def unmutable_reminder_kinds():
    return {kind.value for kind in _reminder_kinds.values() if not kind.mutable}


def notification_choices():
    return [(kind.value, kind.label) for kind in _notification_kinds.values()]


def always_delivered():
    return {kind.value for kind in _notification_kinds.values() if kind.always}


def rank(value):
    return _notification_kinds[value].rank


def sources():
    return list(_sources)


def preparations():
    return list(_preparations)
