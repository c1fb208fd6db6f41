"""Valide l'export data·inclusion d'un site resin avec le paquet officiel, et donne son score.

    python valider.py DOSSIER [--date AAAA-MM-JJ]

DOSSIER contient structures.json et services.json (donnees/data-inclusion/ d'un site construit).
Chaque enregistrement est validé par les modèles pydantic du paquet `data-inclusion-schema`
(version épinglée dans requirements.txt), avertissements compris ; les identifiants doivent être
uniques et chaque service doit nommer une structure du fichier. Toute erreur est listée
(fichier, id, champ, message) et le script sort avec le code 1.

Puis le score de qualité de chaque service (`score_qualite.score` du paquet) est calculé à la
date donnée (aujourd'hui par défaut : le critère « date_maj_recente » dépend du jour), et le
script affiche la moyenne, critère par critère.
"""

import argparse
import json
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import pendulum
import pydantic
from data_inclusion.schema import v1
from data_inclusion.schema.v1 import score_qualite


def lire(dossier: Path, nom: str) -> list:
    chemin = dossier / nom
    try:
        donnees = json.loads(chemin.read_text(encoding="utf-8"))
    except (OSError, ValueError) as erreur:
        sys.exit(f"{chemin} : illisible ({erreur})")
    if not isinstance(donnees, list):
        sys.exit(f"{chemin} : un tableau JSON est attendu")
    return donnees


def valider(nom: str, modele, enregistrements: list, erreurs: list) -> list:
    valides = []
    vus = set()
    for rang, enregistrement in enumerate(enregistrements, start=1):
        ident = enregistrement.get("id", f"(enregistrement n° {rang})")
        if ident in vus:
            erreurs.append(f"{nom} : {ident} : id : identifiant en double")
        vus.add(ident)
        try:
            valides.append(
                modele.model_validate(enregistrement, context={"ignore_warnings": False})
            )
        except pydantic.ValidationError as erreur:
            for detail in erreur.errors():
                champ = ".".join(str(partie) for partie in detail["loc"]) or "(enregistrement)"
                erreurs.append(f"{nom} : {ident} : {champ} : {detail['msg']}")
    return valides


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("dossier", type=Path)
    arguments.add_argument("--date", help="jour du calcul du score (AAAA-MM-JJ)")
    options = arguments.parse_args()

    structures = lire(options.dossier, "structures.json")
    services = lire(options.dossier, "services.json")
    erreurs: list = []
    structures_valides = valider("structures.json", v1.Structure, structures, erreurs)
    services_valides = valider("services.json", v1.Service, services, erreurs)
    ids_structures = {s.get("id") for s in structures}
    for service in services:
        if service.get("structure_id") not in ids_structures:
            erreurs.append(
                f"services.json : {service.get('id')} : structure_id : "
                f"{service.get('structure_id')} n'est pas une structure de structures.json"
            )

    print(f"data-inclusion-schema {version('data-inclusion-schema')}")
    print(f"{len(structures)} structures, {len(services)} services : {len(erreurs)} erreur(s)")
    for erreur in erreurs:
        print(f"  {erreur}")

    if options.date:
        jour = pendulum.parse(options.date)
        pendulum.now = lambda *args, **kwargs: jour
    if services_valides:
        scores = []
        criteres = defaultdict(list)
        for service in services_valides:
            score, details = score_qualite.score(service)
            scores.append(score)
            for critere, valeur in details.items():
                if valeur is not None:
                    criteres[critere].append(valeur)
        jour = options.date or "aujourd'hui"
        print(f"score de qualité moyen ({jour}) : {sum(scores) / len(scores):.2f}")
        for critere, valeurs in sorted(criteres.items()):
            moyenne = sum(valeurs) / len(valeurs)
            print(f"  {critere} : {moyenne:.2f} (sur {len(valeurs)} services concernés)")
    print(f"{len(structures_valides)} structures et {len(services_valides)} services valides")
    return 1 if erreurs else 0


if __name__ == "__main__":
    sys.exit(main())
