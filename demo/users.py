"""One demo login per role. The password is settings.DEMO_PASSWORD, which production mode does not have."""

NHN = "Bovenregionale samenwerking jeugd Noord-Holland Noord"
ALKMAAR = "Regio Alkmaar"

# username, role label (Dutch, printed), person key (collaboration, key), how the role is given
DEMO_USERS = [
    ("beheerder", "Functioneel beheerder (administrator)", None, "admin"),
    ("programmamanager", "Programmamanager Rivierenland", ("Rivierenland", "pm"), "manager"),
    ("trekker", "Trekker werkgroep 1 Gecoördineerde Instroom", ("Rivierenland", "policy_culemborg"), "lead"),
    ("kernteam", "Secretaris kernteam Rivierenland", ("Rivierenland", "zgr"), "body"),
    ("rbj", "Secretaris RBJ Rivierenland", ("Rivierenland", "rbj_secretary"), "body"),
    ("so", "Secretaris SO Rivierenland", ("Rivierenland", "so_secretary"), "body"),
    ("lezer", "Lezer Rivierenland (gemeente)", ("Rivierenland", "reader"), "reader"),
    ("wbo", "Programmamanager West-Brabant-Oost", ("West-Brabant-Oost", "wbo_pm"), "manager"),
    ("nhn", "Projectleider bovenregionale samenwerking NHN (programmamanager)", (NHN, "nhn_pm"), "manager"),
    ("texel", "Beleidsadviseur gemeente Texel, projectgroep NHN", (NHN, "nhn_texel"), "body"),
    ("lezer-nhn", "Lezer NHN (gemeente Schagen)", (NHN, "nhn_reader"), "reader"),
    ("alkmaar", "Programmacoördinator sociaal domein Regio Alkmaar (programmamanager)", (ALKMAAR, "alk_pm"), "manager"),
    ("pho", "Secretaris portefeuillehoudersoverleg Regio Alkmaar", (ALKMAAR, "alk_pho_secretary"), "body"),
]
