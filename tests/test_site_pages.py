"""Login, language switch and the Dutch error pages."""

from django.test import RequestFactory
from django.urls import reverse

from core.views import server_error
from tests.factories import PASSWORD


def test_login_lands_on_my_work_and_the_programme_list_leads_to_the_programme(client, manager, programme):
    response = client.post(reverse("login"), {"username": manager.username, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Mijn werk" in response.content.decode()
    response = client.get(reverse("programmes:list"), follow=True)
    assert response.redirect_chain[-1][0] == programme.get_absolute_url()


def test_a_wrong_password_gets_a_dutch_message(client, manager):
    response = client.post(reverse("login"), {"username": manager.username, "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_pages_are_dutch_by_default_and_english_on_request(client, manager, programme):
    client.login(username=manager.username, password=PASSWORD)
    dutch = client.get(programme.get_absolute_url()).content.decode()
    assert 'lang="nl"' in dutch and "Programmadefinitie" in dutch
    client.post(reverse("set_language"), {"language": "en", "next": programme.get_absolute_url()})
    english = client.get(programme.get_absolute_url()).content.decode()
    assert 'lang="en"' in english and "Programme definition" in english


def test_the_404_page_is_dutch(client, manager):
    client.login(username=manager.username, password=PASSWORD)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_the_403_page_is_dutch(client, outsider, programme):
    client.login(username=outsider.username, password=PASSWORD)
    response = client.get(programme.get_absolute_url())
    assert response.status_code == 403
    assert "Dit mag u niet" in response.content.decode()


def test_the_500_page_is_dutch(db):
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_a_user_changes_their_password(client, reader):
    client.login(username=reader.username, password=PASSWORD)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Rivierenland-2026!", "new_password2": "Rivierenland-2026!"},
    )
    assert response.status_code == 302
    client.logout()
    assert client.login(username=reader.username, password="Rivierenland-2026!")
