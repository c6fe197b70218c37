"""Annexes on the RBJ's next meeting, so its meeting pack shows a merged PDF and a listed Word file.

The PDF is made with WeasyPrint when the demo is loaded (no binary files in git). Added once: an item that
already has documents is left alone.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from weasyprint import HTML

from governance.constants import MeetingStatus
from governance.models import AgendaDocument, AgendaItem
from pilots.models import Pilot

PLAN = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Plan van aanpak steunouders</title>
<style>@page { size: A4; margin: 25mm; } body { font-family: "DejaVu Serif", serif; font-size: 11pt; line-height: 1.5; }
h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 8mm; } .page { break-before: page; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #777; padding: 4px; text-align: left; }</style></head><body>
<h1>Plan van aanpak: Steunouders in Rivierenland</h1>
<p>Werkgroep 3 – Duurzame Uitstroom · versie voor het Regionaal Beleidsoverleg Jeugd</p>
<h2>Aanleiding</h2>
<p>In de try-out in West Betuwe hielden acht van de tien gezinnen het contact met hun steunouder vast. Overbelaste
gezinnen vallen zo terug op een vertrouwd netwerk, waardoor spanningen thuis minder vaak escaleren.</p>
<h2>Aanpak</h2>
<ol><li>Werving van steunouders via vrijwilligersorganisaties in alle acht gemeenten.</li>
<li>Training in drie bijeenkomsten, samen met ervaringsdeskundigen.</li>
<li>Matching door een coördinator (0,5 fte), met een evaluatie na drie maanden.</li></ol>
<h2>Planning</h2>
<table>
<tr><th>Periode</th><th>Activiteit</th></tr>
<tr><td>Q1 2027</td><td>Werving en training eerste groep</td></tr>
<tr><td>Q2 2027</td><td>Eerste twintig koppelingen</td></tr>
<tr><td>Q4 2027</td><td>Evaluatie en go/no-go</td></tr></table>
<div class="page"><h2>Begroting 2027</h2>
<table>
<tr><th>Post</th><th>Bedrag</th></tr><tr><td>Coördinator (0,5 fte)</td><td>€ 12.000</td></tr>
<tr><td>Training en bijeenkomsten</td><td>€ 4.000</td></tr><tr><td>Onkostenvergoeding steunouders</td><td>€ 2.000</td></tr>
<tr><th>Totaal</th><th>€ 18.000</th></tr></table>
<h2>Betrokken partijen</h2><p>Lokale teams, vrijwilligersorganisaties en ervaringsdeskundigen uit de regio.</p></div>
</body></html>"""

LETTER = (
    "Reactie van de cliëntenraad op het voorstel Steunouders in Rivierenland.\n\n"
    "De cliëntenraad steunt het voorstel en vraagt aandacht voor de matching van gezinnen en steunouders.\n"
)


def load_demo_papers():
    """The RBJ's next meeting: the plan (PDF, merged into the pack) and a letter (text, listed by name)."""
    item = (
        AgendaItem.objects.filter(
            meeting__body__programme__collaboration__name="Rivierenland",
            meeting__body__name="Regionaal Beleidsoverleg Jeugd",
            meeting__status=MeetingStatus.PLANNED,
            subject_type=ContentType.objects.get_for_model(Pilot),
        )
        .order_by("meeting__starts_at", "order")
        .first()
    )
    if item is None or item.documents.exists():
        return 0
    AgendaDocument.objects.create(
        item=item,
        title="Plan van aanpak steunouders",
        file=ContentFile(HTML(string=PLAN).write_pdf(), name="plan-van-aanpak-steunouders.pdf"),
    )
    AgendaDocument.objects.create(
        item=item,
        title="Reactie cliëntenraad",
        file=ContentFile(LETTER.encode(), name="reactie-clientenraad.txt"),
    )
    return 2
