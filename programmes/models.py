"""The programme plan: who takes part, what the programme wants, how it is organised.

Every plan model keeps its edits (django-simple-history) so a programme manager can
see who changed what and revert it.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import AccessRole, BodyKindCode, Domain, MembershipRole, OrganisationKind, Priority


class Collaboration(models.Model):
    """A samenwerkingsverband: the municipalities (of one youth-care region, of several, or a subset) and the partner
    organisations that run a programme together. A municipality takes part in any number of collaborations; nothing
    of one collaboration is offered or shown in another."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("web address"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Part of the public addresses, e.g. /openbaar/rivierenland/; made from the name."),
    )
    description = models.TextField(_("description"), blank=True)
    municipalities = models.ManyToManyField(
        "Municipality",
        through="Participation",
        related_name="collaborations",
        blank=True,
        verbose_name=_("municipalities"),
    )
    partners = models.ManyToManyField(
        "Organisation",
        related_name="partner_in",
        blank=True,
        verbose_name=_("partner organisations"),
        help_text=_("Care providers, certified institutions, education, GGD … that work with the collaboration."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name) or None
        super().save(*args, **kwargs)


class Region(models.Model):
    """One of CBS's 42 jeugdzorgregio's (JZnn): national reference data, loaded from programmes/reference/ by a
    migration and kept current by `manage.py refresh_municipalities`; never typed by a user.

    Not the party that runs a programme: that is the `Collaboration`, whose municipalities may lie in several
    youth-care regions."""

    code = models.CharField(_("CBS code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("youth-care region (CBS)")
        verbose_name_plural = _("youth-care regions (CBS)")

    def __str__(self):
        return f"{self.name} ({self.code})"


class MunicipalityQuerySet(models.QuerySet):
    def of_collaboration(self, collaboration):
        """The municipalities that take part in `collaboration`."""
        return self.filter(participations__collaboration=collaboration)


class Municipality(models.Model):
    """A Dutch municipality, once: national reference data (CBS code, province, youth-care region, the dates it
    existed), loaded by a migration. The name is unique across the country."""

    name = models.CharField(
        _("name"), max_length=100, unique=True, error_messages={"unique": _("This municipality already exists.")}
    )
    cbs_code = models.CharField(_("CBS code"), max_length=6, unique=True, blank=True, null=True)
    province = models.CharField(_("province"), max_length=50, blank=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="municipalities",
        null=True,
        blank=True,
        verbose_name=_("youth-care region (CBS)"),
    )
    valid_from = models.DateField(_("exists since"), null=True, blank=True)
    valid_to = models.DateField(
        _("existed until"), null=True, blank=True, help_text=_("Filled in when the municipality merged or ended.")
    )
    inhabitants = models.PositiveIntegerField(
        _("inhabitants"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(2_000_000)]
    )
    inhabitants_reference = models.CharField(_("source of the inhabitants figure"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class Population(models.Model):
    """A municipality's inhabitants on a reference date, as a source published it (CBS). One row per figure: a later
    figure or a correction is a new row, so a cost split that names its reference date keeps its figure."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="populations", verbose_name=_("municipality")
    )
    reference_date = models.DateField(_("reference date"))
    inhabitants = models.PositiveIntegerField(
        _("inhabitants"), validators=[MinValueValidator(1), MaxValueValidator(2_000_000)]
    )
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        ordering = ["municipality__name", "-reference_date"]
        verbose_name = _("inhabitants figure")
        verbose_name_plural = _("inhabitants figures")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "reference_date", "source"], name="population_unique_figure_per_source"
            ),
        ]

    def __str__(self):
        return f"{self.municipality}: {self.inhabitants} ({self.reference_date:%d-%m-%Y})"


class Participation(models.Model):
    """A municipality taking part in a collaboration. Once per collaboration; a municipality takes part in any number
    of collaborations."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="participations", verbose_name=_("collaboration")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="participations", verbose_name=_("municipality")
    )
    purchases_independently = models.BooleanField(
        _("purchases some care independently"),
        default=False,
        help_text=_("Buys some forms of youth care itself, outside the regional purchasing."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["collaboration__name", "municipality__name"]
        verbose_name = _("participating municipality")
        verbose_name_plural = _("participating municipalities")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "municipality"],
                name="participation_once_per_collaboration",
                violation_error_message=_("This municipality already takes part in this collaboration."),
            ),
        ]

    def __str__(self):
        return f"{self.municipality} – {self.collaboration}"


class OrganisationQuerySet(models.QuerySet):
    def of_collaboration(self, collaboration):
        """The organisations a programme of `collaboration` can work with: its participating municipalities, its
        partner organisations, and organisations that are nobody's partner yet (just added, so they can be chosen
        somewhere first). Another collaboration's municipalities and partners are left out."""
        return self.filter(
            models.Q(municipality__participations__collaboration=collaboration)
            | models.Q(partner_in=collaboration)
            | models.Q(municipality__isnull=True, partner_in__isnull=True)
        ).distinct()


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisation",
        verbose_name=_("municipality"),
    )
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


# How a person is known in a collaboration: a seat in one of its workgroups or bodies, access to one of its programmes,
# or working for one of its municipalities.
COLLABORATION_LINKS = (
    "memberships__workgroup__programme__collaboration",
    "bodymembership__body__programme__collaboration",
    "user__programme_access__programme__collaboration",
    "organisation__municipality__participations__collaboration",
    "organisation__partner_in",
)


class PersonQuerySet(models.QuerySet):
    def of_collaboration(self, collaboration):
        """The people a form of `collaboration` offers: those known in it (COLLABORATION_LINKS), and those known in no
        collaboration at all yet. Persons have no collaboration of their own; someone just added (a care provider's
        employee, say) must be seatable somewhere first, while someone known only in another collaboration stays out
        of sight. A person may be known in several collaborations (an official of a municipality in two)."""
        people = self.model._default_manager
        known_here, known_anywhere = models.Q(), models.Q()
        for link in COLLABORATION_LINKS:
            known_here |= models.Q(pk__in=people.filter(**{link: collaboration}).values("pk"))
            known_anywhere |= models.Q(pk__in=people.filter(**{f"{link}__isnull": False}).values("pk"))
        return self.filter(known_here | ~known_anywhere)


class Person(models.Model):
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="people",
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    function = models.CharField(_("function"), max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("login account"),
    )
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class Programme(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("collaboration")
    )
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    goal = models.TextField(_("goal"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    scope = models.TextField(_("scope"), blank=True)
    out_of_scope = models.TextField(_("out of scope"), blank=True)
    background = models.TextField(_("background"), blank=True)
    principal = models.TextField(_("principal (opdrachtgever)"), blank=True)
    # Its domains, one flag each (portable across databases); at least one.
    covers_youth = models.BooleanField(_("youth care (jeugd)"), default=True)
    covers_wmo = models.BooleanField(_("social support (Wmo)"), default=False)
    covers_social_domain = models.BooleanField(_("social domain as a whole"), default=False)
    history = HistoricalRecords()

    DOMAIN_FIELDS = {
        Domain.YOUTH: "covers_youth",
        Domain.WMO: "covers_wmo",
        Domain.SOCIAL_DOMAIN: "covers_social_domain",
    }

    class Meta:
        ordering = ["collaboration__name", "start_date"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.UniqueConstraint(fields=["collaboration", "title"], name="programme_unique_title_per_collaboration"),
            models.CheckConstraint(
                condition=models.Q(covers_youth=True) | models.Q(covers_wmo=True) | models.Q(covers_social_domain=True),
                name="programme_has_a_domain",
                violation_error_message=_(
                    "Choose at least one domain: youth care, social support (Wmo) or the social domain as a whole."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:detail", args=[self.pk])

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date lies before the start date.")})

    @property
    def programme(self):
        return self

    @property
    def period_label(self):
        return f"{self.start_date.year}–{self.end_date.year}"

    @property
    def domains(self):
        """The domains it covers (Domain values), in the order of Domain."""
        return [domain for domain, field in self.DOMAIN_FIELDS.items() if getattr(self, field)]

    @domains.setter
    def domains(self, chosen):
        for domain, field in self.DOMAIN_FIELDS.items():
            setattr(self, field, domain in chosen)

    @property
    def domain_labels(self):
        return [Domain(domain).label for domain in self.domains]

    @property
    def is_youth_care(self):
        """Whether its pages may speak of youth care (jeugdhulp): only when youth care is one of its domains."""
        return self.covers_youth


class ProgrammeAccess(models.Model):
    """Who manages or reads a programme besides its workgroups' and bodies' members."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="access", verbose_name=_("programme")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_access", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=AccessRole.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("programme access")
        verbose_name_plural = _("programme access")
        constraints = [models.UniqueConstraint(fields=["programme", "user"], name="programme_access_unique_user")]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.programme}"


class ProgrammePart(models.Model):
    """A numbered, ordered part of a programme plan."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, verbose_name=_("programme"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["programme", "order", "pk"]


class ResultGoal(ProgrammePart):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    target_year = models.PositiveSmallIntegerField(
        _("target year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)], null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta(ProgrammePart.Meta):
        default_related_name = "result_goals"
        verbose_name = _("result goal")
        verbose_name_plural = _("result goals")
        constraints = [models.UniqueConstraint(fields=["programme", "title"], name="resultgoal_unique_title")]

    def __str__(self):
        return self.title


class ActionLine(ProgrammePart):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    result_goals = models.ManyToManyField(
        ResultGoal, blank=True, related_name="action_lines", verbose_name=_("result goals")
    )
    history = HistoricalRecords(m2m_fields=[result_goals])

    class Meta(ProgrammePart.Meta):
        default_related_name = "action_lines"
        verbose_name = _("action line")
        verbose_name_plural = _("action lines")
        constraints = [models.UniqueConstraint(fields=["programme", "title"], name="actionline_unique_title")]

    def __str__(self):
        return self.title


class Principle(ProgrammePart):
    """A leading principle (leidend principe), as West-Brabant-Oost writes them."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta(ProgrammePart.Meta):
        default_related_name = "principles"
        verbose_name = _("leading principle")
        verbose_name_plural = _("leading principles")

    def __str__(self):
        return self.title


class BuildingBlock(ProgrammePart):
    """A building block (bouwsteen) of a regional strategy, linked to the action lines it serves."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    action_lines = models.ManyToManyField(
        ActionLine, blank=True, related_name="building_blocks", verbose_name=_("action lines")
    )
    history = HistoricalRecords(m2m_fields=[action_lines])

    class Meta(ProgrammePart.Meta):
        default_related_name = "building_blocks"
        verbose_name = _("building block")
        verbose_name_plural = _("building blocks")

    def __str__(self):
        return self.title


class Precondition(ProgrammePart):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta(ProgrammePart.Meta):
        default_related_name = "preconditions"
        verbose_name = _("precondition")
        verbose_name_plural = _("preconditions")

    def __str__(self):
        return self.title


class DatedPart(ProgrammePart):
    """A part with a period that must lie inside its programme's period."""

    class Meta(ProgrammePart.Meta):
        abstract = True

    def clean(self):
        errors = {}
        start, end = self.start_date, self.end_date
        if start and end and end < start:
            errors["end_date"] = _("The end date lies before the start date.")
        programme = getattr(self, "programme", None) if self.programme_id else None
        if programme:
            for field, value in (("start_date", start), ("end_date", end)):
                if value and not (programme.start_date <= value <= programme.end_date):
                    errors.setdefault(
                        field,
                        _("This date lies outside the programme period (%(start)s – %(end)s).")
                        % {
                            "start": programme.start_date.strftime("%d-%m-%Y"),
                            "end": programme.end_date.strftime("%d-%m-%Y"),
                        },
                    )
        if errors:
            raise ValidationError(errors)


class Phase(DatedPart):
    name = models.CharField(_("name"), max_length=200)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    goal = models.TextField(_("goal"), blank=True)
    result = models.TextField(_("result"), blank=True)
    history = HistoricalRecords()

    class Meta(DatedPart.Meta):
        default_related_name = "phases"
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="phase_unique_name")]

    def __str__(self):
        return self.name


class Milestone(DatedPart):
    description = models.CharField(_("description"), max_length=300)
    start_date = models.DateField(_("date"))
    end_date = models.DateField(_("until"), null=True, blank=True, help_text=_("Leave empty for a single date."))
    period_label = models.CharField(
        _("period as written"), max_length=60, blank=True, help_text=_("For example: June 2027, or 2027 (ongoing).")
    )
    phase = models.ForeignKey(
        Phase, on_delete=models.SET_NULL, null=True, blank=True, related_name="milestones", verbose_name=_("phase")
    )
    done = models.BooleanField(_("done"), default=False)
    history = HistoricalRecords()

    class Meta(DatedPart.Meta):
        ordering = ["programme", "start_date", "order", "pk"]
        default_related_name = "milestones"
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.description

    def clean(self):
        super().clean()
        if self.phase_id and self.programme_id and self.phase.programme_id != self.programme_id:
            raise ValidationError({"phase": _("This phase belongs to another programme.")})


class Workgroup(models.Model):
    """A workgroup and its assignment, written as Alkmaar writes a projectopdracht (seed 004)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="workgroups", verbose_name=_("programme")
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1), MaxValueValidator(99)])
    name = models.CharField(_("name"), max_length=200)
    action_lines = models.ManyToManyField(
        ActionLine, blank=True, related_name="workgroups", verbose_name=_("action lines")
    )
    principal = models.CharField(_("principal (opdrachtgever)"), max_length=200, blank=True)
    goal = models.TextField(_("goal"), blank=True)
    orientation = models.TextField(_("orientation"), blank=True)
    smart_result = models.TextField(_("SMART result"), blank=True)
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, blank=True)
    parties_involved = models.TextField(_("parties involved"), blank=True)
    activities_and_planning = models.TextField(_("activities and planning"), blank=True)
    procurement_relation = models.TextField(_("relation to procurement"), blank=True)
    end_user_involvement = models.TextField(_("end-user involvement"), blank=True)
    depends_on = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="dependants",
        verbose_name=_("depends on"),
        help_text=_("Other workgroups whose results this workgroup needs."),
    )
    history = HistoricalRecords(m2m_fields=[action_lines, depends_on])

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("workgroup")
        verbose_name_plural = _("workgroups")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="workgroup_unique_number"),
            models.UniqueConstraint(fields=["programme", "name"], name="workgroup_unique_name"),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"

    def get_absolute_url(self):
        return reverse("programmes:workgroup", args=[self.pk])


class MembershipBase(models.Model):
    """A person's seat in a workgroup or a governance body."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    contribution = models.CharField(_("contribution"), max_length=300, blank=True)
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("0"), message=_("Hours per week cannot be negative.")),
            MaxValueValidator(Decimal("40"), message=_("More than 40 hours a week is not a realistic contribution.")),
        ],
    )

    class Meta:
        abstract = True


class Membership(MembershipBase):
    workgroup = models.ForeignKey(
        Workgroup, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("workgroup")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["workgroup", "role", "person__name"]
        default_related_name = "memberships"
        verbose_name = _("workgroup membership")
        verbose_name_plural = _("workgroup memberships")
        constraints = [models.UniqueConstraint(fields=["workgroup", "person"], name="membership_unique_person")]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.workgroup}"

    @property
    def programme(self):
        return self.workgroup.programme


class BodyKind(models.Model):
    """A kind of governance body in a collaboration's own words (kernteam, RBJ, stuurgroep …). Each collaboration
    has its own list, started from DEFAULT_BODY_KINDS (programmes.services.default_body_kinds); a body chooses from its
    programme's collaboration's list only. A default kind keeps its `code` when renamed, so that what depends on a
    kind (the kernteam reviews progress reports) keeps working; a kind the collaboration adds has none."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="body_kinds", verbose_name=_("collaboration")
    )
    name = models.CharField(_("name"), max_length=100)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    code = models.CharField(
        _("code"),
        max_length=30,
        choices=BodyKindCode.choices,
        blank=True,
        help_text=_("Set on the default kinds; what the application does for a kind (the kernteam) follows it."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["collaboration__name", "order", "name"]
        verbose_name = _("kind of body")
        verbose_name_plural = _("kinds of bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "name"],
                name="bodykind_unique_name_per_collaboration",
                violation_error_message=_("This collaboration already has a kind of body with this name."),
            ),
            models.UniqueConstraint(
                fields=["collaboration", "code"],
                condition=~models.Q(code=""),
                name="bodykind_unique_code_per_collaboration",
                violation_error_message=_("This collaboration already has a kind of body with this code."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class GovernanceBody(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="bodies", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=200)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    kind = models.ForeignKey(
        BodyKind,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("kind"),
        help_text=_("One of the collaboration's kinds of bodies; leave empty when none fits."),
    )
    description = models.TextField(_("description"), blank=True)
    decision_authority = models.TextField(
        _("decision authority"), blank=True, help_text=_("What this body may decide (gezaghebbendheid).")
    )
    submission_deadline_days = models.PositiveSmallIntegerField(
        _("papers deadline (days before a meeting)"), default=7, validators=[MaxValueValidator(90)]
    )
    decisions_public = models.BooleanField(
        _("decisions are public"),
        default=False,
        help_text=_("Its decisions are published for everyone under the Woo (Wet open overheid)."),
    )
    publication_delay_days = models.PositiveSmallIntegerField(
        _("published after (days)"),
        default=5,
        validators=[MaxValueValidator(90)],
        help_text=_(
            "Days after its date on which a public decision is published, unless published or withheld before."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords(table_name="governance_historicalgovernancebody")

    class Meta:
        db_table = "governance_governancebody"  # the table kept its name when the model moved here (#15)
        ordering = ["programme", "order", "name"]
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="body_unique_name")]

    def __str__(self):
        return self.abbreviation or self.name

    def clean(self):
        if self.kind_id and self.programme_id and self.kind.collaboration_id != self.programme.collaboration_id:
            raise ValidationError({"kind": _("This kind of body belongs to another collaboration.")})


class BodyMembership(MembershipBase):
    body = models.ForeignKey(
        GovernanceBody, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    history = HistoricalRecords(table_name="governance_historicalbodymembership")

    class Meta:
        db_table = "governance_bodymembership"
        ordering = ["body", "role", "person__name"]
        verbose_name = _("body membership")
        verbose_name_plural = _("body memberships")
        constraints = [models.UniqueConstraint(fields=["body", "person"], name="bodymembership_unique_person")]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.body}"

    @property
    def programme(self):
        return self.body.programme

    @property
    def records_for_body(self):
        """The chair and the secretary record advice and decisions for their body."""
        return self.role in (MembershipRole.CHAIR, MembershipRole.SECRETARY)


from .risks import Mitigation, Risk  # noqa: E402, F401  (the risk register lives in its own module)
