"""Demo discussion for Rivierenland: a lead, the kernteam and the RBJ talk about two proposals (with mentions
and replies), and annexes on one of them.

Made through discussion.services by the demo users, so notifications and history are real; created once, a
second load_demo leaves the discussion alone.
"""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from discussion import services
from discussion.models import Annex, Comment
from pilots.models import Pilot
from programmes.models import Programme


def _pdf(text):
    """A one-page PDF saying `text` (ASCII), small enough to keep in code."""
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def load_demo_discussion():
    rivierenland = Programme.objects.get(collaboration__name="Rivierenland")
    if Comment.objects.filter(programme=rivierenland).exists():
        return 0
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["trekker", "kernteam", "rbj"])}
    manager = get_user_model().objects.get(username="programmamanager")
    lead, kernteam, rbj = users["trekker"], users["kernteam"], users["rbj"]

    voorkant = Pilot.objects.get(programme=rivierenland, title="Gezamenlijke analyse aan de voorkant")
    analysis = services.add_annex(
        lead, voorkant, "Probleemanalyse voorkant", ContentFile(_pdf("Probleemanalyse voorkant"), "analyse.pdf")
    )
    # The analysis went with the proposal when it was submitted (the demo pilots are submitted first).
    Annex.objects.filter(pk=analysis.pk).update(version=voorkant.submission)
    services.add_annex(
        lead,
        voorkant,
        "Gedeeld analyseformat (concept)",
        ContentFile(_pdf("Gedeeld analyseformat - concept"), "analyseformat.pdf"),
    )
    question = services.post_comment(
        kernteam,
        voorkant,
        'Hoe verhoudt deze analyse zich tot de instroomtafel van werkgroep 1? @"Carolien Kok", kun je dat vóór '
        "de kernteamvergadering toelichten?",
        "team",
    )
    services.post_comment(
        lead,
        voorkant,
        "De analyse gaat vóór de verwijzing; de instroomtafel komt daarna, als er al een vraag ligt.\n"
        "Het concept van het gedeelde analyseformat staat bij de bijlagen (hoort bij de volgende indiening).",
        "team",
        parent=question,
    )
    huisartsen = services.post_comment(
        rbj,
        voorkant,
        "Voor het RBJ is vooral de rol van de huisartsen belangrijk. Zijn zij al akkoord met het gedeelde "
        "analyseformat?",
        "programme",
    )
    services.post_comment(
        lead,
        voorkant,
        "Twee huisartsenpraktijken in Culemborg doen mee; met de HAGRO Tiel spreken we in mei.",
        "programme",
        parent=huisartsen,
    )

    steunouders = Pilot.objects.get(programme=rivierenland, title="Steunouders in Rivierenland")
    matching = services.post_comment(
        rbj,
        steunouders,
        'Het RBJ bespreekt dit voorstel in de volgende vergadering. @"Jeroen van Dalen", hoe zijn de lessen uit '
        "de try-out steunouders meegenomen?",
        "programme",
    )
    services.post_comment(
        manager,
        steunouders,
        "De matching kostte in de try-out meer tijd dan gedacht; daarom vragen we 0,5 fte coördinatie.",
        "programme",
        parent=matching,
    )
    services.post_comment(
        kernteam,
        steunouders,
        "Het kernteam heeft het voorstel doorgestuurd. @trekker, kan werkgroep 1 de ervaringen met de "
        "instroomtafel delen met werkgroep 3?",
        "team",
    )
    return Comment.objects.filter(programme=rivierenland).count()
