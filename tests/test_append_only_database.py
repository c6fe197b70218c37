"""On PostgreSQL, history rows cannot be changed or deleted even with raw SQL."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction

from governance.models import Decision
from tests import factories as f

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE governance_decision SET outcome = 'approved' WHERE id = %s",
        "DELETE FROM governance_decision WHERE id = %s",
    ],
)
def test_raw_sql_cannot_rewrite_a_decision(programme, statement):
    decision = Decision.objects.create(
        programme=programme,
        body=f.GovernanceBodyFactory(programme=programme),
        outcome="rejected",
        rationale="Te duur",
        subject_title="Pilot X",
        date=datetime.date(2026, 3, 1),
    )
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [decision.pk])
    assert Decision.objects.get(pk=decision.pk).outcome == "rejected"
