"""Ranking (a title match above a match in the text) and search syntax on both databases; on PostgreSQL also Dutch
stemming, "or", and the GIN index that keeps full-text search fast over the national data set."""

import pytest
from django.db import connection

from pilots.models import Pilot
from search.query import search

pytestmark = pytest.mark.django_db


def titles(user, programme, q, kind=None):
    return [hit.title for group in search(user, programme, q, kind) for hit in group.hits]


@pytest.fixture
def pilots(programme, workgroup1):
    def make(title, goals=""):
        return Pilot.objects.create(
            programme=programme, workgroup=workgroup1, title=title, goals=goals, status="running"
        )

    make("Steunouders in de wijk", goals="Gezinnen helpen elkaar; een mentor voor elk gezin.")
    make("Mentoraat voor jongeren", goals="Een vaste begeleider.")
    make("Wijkteams versterken", goals="Het mentoraat van de school sluit aan.")


def test_a_title_match_ranks_above_a_match_in_the_text(reader, pilots, programme):
    assert titles(reader, programme, "mentoraat") == ["Mentoraat voor jongeren", "Wijkteams versterken"]


@pytest.mark.postgres
def test_dutch_stemming_and_prefixes_find_other_forms_of_a_word(reader, pilots, programme):
    assert titles(reader, programme, '"mentoren"') == ["Steunouders in de wijk"]  # mentor, mentoren: one stem
    assert titles(reader, programme, "gezin") == ["Steunouders in de wijk"]  # also the start of "gezinnen"


def test_phrases_in_quotes_and_words_left_out_with_a_minus(reader, pilots, programme):
    assert titles(reader, programme, '"vaste begeleider"') == ["Mentoraat voor jongeren"]
    assert titles(reader, programme, '"begeleider vaste"') == []
    assert titles(reader, programme, "mentoraat -school") == ["Mentoraat voor jongeren"]


@pytest.mark.postgres
def test_either_word_with_or(reader, pilots, programme):
    assert titles(reader, programme, "steunouders or wijkteams") == ["Steunouders in de wijk", "Wijkteams versterken"]


@pytest.mark.parametrize("q", ["& | ! ( ) :*", "mentor:* & !", "'", "de het een", "((((", "a" * 200])
def test_operators_and_stop_words_are_never_an_error(reader, pilots, programme, q):
    assert isinstance(titles(reader, programme, q), list)


@pytest.mark.postgres
def test_the_vector_has_a_gin_index(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'search_searchentry'")
        definitions = [row[0] for row in cursor.fetchall()]
    assert any("USING gin (vector)" in definition for definition in definitions), definitions
