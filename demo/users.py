"""One demo login per role. The password is settings.DEMO_PASSWORD, which production mode does not have."""

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
]
