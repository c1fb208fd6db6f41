// Une fiche nouvelle dans l'éditeur de l'aperçu (RESIN_APERCU, l'adresse d'un `resin serve`) :
// à l'ouverture, vide, elle n'a pas « 5 problèmes » ; ce qui manque encore n'est dit qu'une fois
// « Publier » cliqué, chaque problème sous son champ (sous la liste de choix des lieux, pas
// dedans), et ce qui est rempli ensuite n'est plus reproché.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancer } from './outils.mjs';
import { capture, champ, ouvrirEditeur, seConnecter } from './decap.mjs';

const APERCU = (process.env.RESIN_APERCU || '').replace(/\/$/, '');

let nav;
before(async () => { if (APERCU) nav = await lancer(); });
after(() => nav?.fermer());

const MANQUE = /Champ obligatoire manquant/;

test('une offre nouvelle ne se voit reprocher ce qui manque qu’après « Publier », sous chaque champ', { skip: !APERCU }, async () => {
  const page = await ouvrirEditeur(nav.browser, APERCU);
  await seConnecter(page);
  await page.goto(`${APERCU}/admin/#/collections/offres/new`);
  const titre = await champ(page, 'Titre');
  await titre.fill('Atelier tablette pour débutants');
  // La vérification a eu lieu (600 ms après la frappe) : rien sur ce qui reste à remplir.
  await page.waitForTimeout(2000);
  assert.doesNotMatch(await page.locator('body').innerText(), MANQUE);

  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.keyboard.press('Escape');
  const resume = page.locator('#resin-verification');
  await resume.getByText(MANQUE).first().waitFor({ timeout: 20000 });
  const texte = await resume.innerText();
  assert.match(texte, /Lieux/);
  assert.doesNotMatch(texte, /: Titre/, 'le titre est rempli');
  // Le message des lieux est sous la liste de choix, pas dans son cadre.
  const lieux = page.locator('.resin-probleme', { hasText: 'Lieux' });
  const place = await lieux.evaluate((n) => {
    const controle = document.getElementById(n.dataset.controle);
    const avant = n.previousElementSibling;
    return {
      apresLeBloc: Boolean(controle && avant && avant !== controle && avant.contains(controle)),
      auNiveauDuLibelle: Boolean(n.parentElement.querySelector('label')),
    };
  });
  assert.deepEqual(place, { apresLeBloc: true, auNiveauDuLibelle: true });
  await capture(page, 'nouvelle-offre-publier');
  await page.fermer();
});
