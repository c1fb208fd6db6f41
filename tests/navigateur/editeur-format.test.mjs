// L'éditeur en ligne écrit le style de `resin fmt` (themes/resin/admin/resin-format.js) : une
// fiche d'exemple, formatée par resin, dont on change un seul champ, n'a que la ligne de ce
// champ de changée (et celle de `date_maj`, si l'éditeur la met à jour) ; un nouveau lieu
// enregistré est écrit dans RESIN_CMS_SORTIE, où tests/integration/navigateur.rs le fait
// vérifier par `resin check` et `resin fmt --check`.
//
// Decap écrit dans son dépôt en mémoire (test-repo), rempli avec les fiches de content/
// (RESIN_CONTENU). Captures d'écran dans RESIN_CAPTURES, s'il est donné.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lancer } from './outils.mjs';
import { capture, champ, ORDINATEUR, ouvrirEditeur, publier, seConnecter, TELEPHONE } from './decap.mjs';

const CONTENU = process.env.RESIN_CONTENU || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content');
const LIEU = 'lieux/mediatheque-du-bachut.md';

let nav;
before(async () => { nav = await lancer(); });
after(() => nav?.fermer());

// L'éditeur, avec le dépôt en mémoire `fichiers` à la place de la forge, connecté.
async function editeur(fichiers, ecran = ORDINATEUR) {
  const page = await ouvrirEditeur(nav.browser, nav.base, { ecran, fichiers });
  await seConnecter(page);
  return page;
}

// Les lignes ôtées et ajoutées de `avant` à `apres` (plus longue sous-suite commune).
function difference(avant, apres) {
  const a = avant.split('\n');
  const b = apres.split('\n');
  const l = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      l[i][j] = a[i] === b[j] ? l[i + 1][j + 1] + 1 : Math.max(l[i + 1][j], l[i][j + 1]);
    }
  }
  const otees = [];
  const ajoutees = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { i++; j++; }
    else if (j < b.length && (i === a.length || l[i][j + 1] >= l[i + 1][j])) ajoutees.push(b[j++]);
    else otees.push(a[i++]);
  }
  return { otees, ajoutees };
}

for (const [taille, viewport] of [['ordinateur', ORDINATEUR], ['telephone', TELEPHONE]]) {
  test(`changer un seul champ ne change que sa ligne (${taille})`, async () => {
    const original = await readFile(join(CONTENU, LIEU), 'utf8');
    const page = await editeur({ content: { lieux: { 'mediatheque-du-bachut.md': { content: original } } } }, viewport);
    await page.goto(`${nav.base}/admin/#/collections/lieux/entries/mediatheque-du-bachut`);
    const telephone = await champ(page, 'Téléphone');
    assert.equal(await telephone.inputValue(), '04 78 78 12 00');
    await telephone.fill('04 72 00 11 22');
    await capture(page, `un-champ-${taille}`);
    await publier(page, { enregistre: true });
    const enregistre = await page.evaluate(() => window.repoFiles.content.lieux['mediatheque-du-bachut.md'].content);
    const { otees, ajoutees } = difference(original, enregistre);
    // `date_maj` suit l'enregistrement quand l'éditeur la met à jour : sa ligne peut changer aussi.
    const autres = (lignes) => lignes.filter((l) => !l.startsWith('date_maj: '));
    assert.deepEqual(autres(otees), ['telephone: 04 78 78 12 00'], enregistre);
    assert.deepEqual(autres(ajoutees), ['telephone: 04 72 00 11 22'], enregistre);
    await page.fermer();
  });
}

test('un nouveau lieu est enregistré dans le style de resin fmt', async () => {
  const page = await editeur({ content: { lieux: {} } });
  await page.goto(`${nav.base}/admin/#/collections/lieux/new`);
  const choisir = async (libelle, valeur) => {
    const liste = await champ(page, libelle);
    await liste.click();
    await liste.fill(valeur);
    await page.getByText(valeur, { exact: true }).last().click();
  };
  await (await champ(page, 'Nom')).fill('Point numérique « Les Pentes » : 1er étage');
  await choisir('Commune', 'Lyon 1er Arrondissement');
  await (await champ(page, 'Adresse')).fill('12 rue Burdeau');
  await choisir('Type de structure', 'Espace public numérique (EPN)');
  // Les horaires : la grille de la semaine (resin-horaires.js).
  await page.getByRole('button', { name: 'Ajouter une plage le lundi' }).click();
  await page.getByLabel('De (plage 1 du lundi)').fill('9h');
  await page.getByLabel('à (plage 1 du lundi)').fill('12h');
  await page.getByRole('button', { name: 'Mêmes horaires du mardi au vendredi' }).click();
  await page.getByLabel('Fermé les jours fériés').check();
  await choisir('Services', 'Aide aux démarches administratives');
  await choisir('Services', 'Accès internet et matériel informatique');
  await publier(page, { enregistre: true });
  const nom = 'point-numerique-les-pentes-1er-etage.md';
  const enregistre = await page.evaluate((n) => window.repoFiles.content.lieux[n].content, nom);
  // Les champs dans l'ordre du formulaire, les guillemets seulement où il les faut, une valeur
  // par ligne dans les listes.
  assert.match(enregistre, /^---\nnom: "Point numérique « Les Pentes » : 1er étage"\ntypologie:\n {2}- EPN\nadresse: 12 rue Burdeau\ncommune: Lyon 1er Arrondissement\ncode_postal: "69001"\n/);
  assert.match(enregistre, /\nservices:\n {2}- Aide aux démarches administratives\n {2}- Accès internet et matériel informatique\n/);
  assert.match(enregistre, /\nhoraires: Mo-Fr 09:00-12:00; PH off\n/);
  await garder(`lieux/${nom}`, enregistre);
  await page.fermer();
});

// Garde un fichier enregistré par l'éditeur pour `resin check` et `resin fmt --check`
// (tests/integration/navigateur.rs).
async function garder(chemin, texte) {
  if (!process.env.RESIN_CMS_SORTIE) return;
  const sortie = join(process.env.RESIN_CMS_SORTIE, chemin);
  await mkdir(dirname(sortie), { recursive: true });
  await writeFile(sortie, texte);
}
