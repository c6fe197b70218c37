"""Two people deciding on the same proposal at once give one decision and one release (PostgreSQL row locks)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from finance.models import BudgetMovement
from governance.models import Decision
from pilots import services
from pilots.models import BudgetRequest, Pilot
from tests import factories as f

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_secretaries_deciding_at_once_make_one_decision(
    programme, workgroup1, lead, route, secretaries, money, manager
):
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="Vaste contactpersoon", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("30000"))
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    deciders = [secretaries["SO"], manager, f.UserFactory(username="root", is_superuser=True)]
    barrier, outcomes = threading.Barrier(len(deciders)), []

    def decide(user):
        try:
            barrier.wait()
            services.decide(Pilot.objects.get(pk=pilot.pk), user, "approved", via="admin")
            outcomes.append("decided")
        except services.ActRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(user,)) for user in deciders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["decided", "refused", "refused"]
    assert Decision.objects.filter(subject_id=pilot.pk).count() == 1
    assert BudgetMovement.objects.filter(subject_key=pilot.ledger_key).count() == 1
