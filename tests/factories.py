import datetime

import factory
from django.contrib.auth import get_user_model

from programmes.constants import AccessRole, BodyKindCode, MembershipRole
from programmes.models import (
    ActionLine,
    BodyMembership,
    Collaboration,
    GovernanceBody,
    Membership,
    Milestone,
    Municipality,
    Organisation,
    Participation,
    Person,
    Phase,
    Programme,
    ProgrammeAccess,
    ResultGoal,
    Workgroup,
)
from programmes.services import default_body_kinds

PASSWORD = "test-password-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password(PASSWORD)


class CollaborationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collaboration
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Regio {n}")

    @factory.post_generation
    def body_kinds(obj, create, extracted, **kwargs):
        """A collaboration starts with the default kinds of bodies, as one made in the admin does."""
        if create:
            default_body_kinds(obj)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("name",)  # every real municipality is already there (national reference data)
        skip_postgeneration_save = True  # the hook below writes a participation, not the municipality

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    inhabitants = 25000

    @factory.post_generation
    def collaboration(obj, create, extracted, **kwargs):
        """MunicipalityFactory(collaboration=c) makes the municipality take part in c."""
        if create and extracted is not None:
            Participation.objects.get_or_create(
                collaboration=extracted,
                municipality=obj,
                defaults={"purchases_independently": kwargs.get("purchases_independently", False)},
            )


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    collaboration = factory.SubFactory(CollaborationFactory)
    municipality = factory.SubFactory(MunicipalityFactory)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = "care_provider"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Persoon {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    function = "Beleidsadviseur"


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    collaboration = factory.SubFactory(CollaborationFactory)
    title = factory.Sequence(lambda n: f"Uitvoeringsprogramma {n}")
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2028, 12, 31)
    goal = "Een toekomstbestendig jeugdhulpsysteem."


class ProgrammeAccessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeAccess

    programme = factory.SubFactory(ProgrammeFactory)
    user = factory.SubFactory(UserFactory)
    role = AccessRole.READER


class ResultGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResultGoal

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Resultaat {n}")
    target_year = 2028


class ActionLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionLine

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Actielijn {n}")


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Fase {n}")
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2026, 6, 30)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    programme = factory.SubFactory(ProgrammeFactory)
    description = factory.Sequence(lambda n: f"Mijlpaal {n}")
    start_date = datetime.date(2026, 3, 1)


class WorkgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workgroup

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Werkgroep {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    workgroup = factory.SubFactory(WorkgroupFactory)
    person = factory.SubFactory(PersonFactory)
    role = MembershipRole.MEMBER
    hours_per_week = 4


class GovernanceBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GovernanceBody

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Kernteam {n}")
    kind = BodyKindCode.CORE_TEAM

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        """kind="strategic_meeting" means the programme's collaboration's kind with that code; "other" (the old
        fixed list's last entry) means no kind."""
        if kwargs.get("kind") == "other":
            kwargs["kind"] = None
        elif isinstance(kwargs.get("kind"), str):
            kwargs["kind"] = kind_of(kwargs["programme"], kwargs["kind"])
        return kwargs


def kind_of(programme, code):
    """The programme's collaboration's kind of body with this code (BodyKindCode), given the defaults first."""
    return default_body_kinds(programme.collaboration).get(code=code)


class BodyMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMembership

    body = factory.SubFactory(GovernanceBodyFactory)
    person = factory.SubFactory(PersonFactory)
    role = MembershipRole.MEMBER


class PilotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pilots.Pilot"

    title = factory.Sequence(lambda n: f"Pilot {n}")
    goals = "Doelen"
    efforts = "Inspanningen"
    network = "Netwerk"
