"""Demo data: Rivierenland as seed 002 describes it, West-Brabant-Oost as seed 000 does.

Organisations and municipalities are real; every person is fictitious. Hours per week are
illustrative: the seed lists who takes part, not how many hours.
"""
