// Le parcours d'une animatrice dans l'éditeur de l'aperçu (issue 22, « Done when »), à 1280 × 900
// puis à 375 × 812, avec un fichier cassé ailleurs dans content/ (RESIN_APERCU_CASSE, l'adresse
// d'un `resin serve` ; RESIN_APERCU_CASSE_CONTENU, son dossier content/) : l'éditeur s'ouvre,
// sans bandeau d'erreurs par-dessus ; elle crée un lieu en remplissant le formulaire comme une
// personne (la commune choisie dans la liste remplit les codes, les horaires dans la grille), est
// prévenue d'un téléphone mal écrit avant d'enregistrer, corrige, enregistre et trouve la page
// du lieu dans l'aperçu. Puis elle change le téléphone d'un lieu existant : le fichier ne change
// que sur cette ligne. tests/integration/navigateur.rs fait ensuite vérifier les fichiers créés
// par `resin check --strict` et `resin fmt --check`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { TUILE } from './serveur.mjs';
import { capture, champ, choisir, fermerContexte, publier } from './decap.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const APERCU = (process.env.RESIN_APERCU_CASSE || '').replace(/\/$/, '');
const CONTENU = process.env.RESIN_APERCU_CASSE_CONTENU;
const ECRANS = [
  { largeur: 1280, hauteur: 900, nom: 'Espace numérique de Gerland', fichier: 'espace-numerique-de-gerland' },
  { largeur: 375, hauteur: 812, nom: 'Espace numérique de Montchat', fichier: 'espace-numerique-de-montchat' },
];

let browser;

before(async () => {
  if (APERCU) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
});

// Fermer l'onglet sans attendre : l'éditeur peut retenir la page (« quitter la page ? »).
async function fermer(context) {
  await fermerContexte(context);
}

async function ouvrir(largeur, hauteur) {
  const context = await browser.newContext({ viewport: { width: largeur, height: hauteur }, locale: 'fr-FR' });
  await context.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TUILE }));
  const page = await context.newPage();
  // Le jour des tests, celui de l'aperçu : l'éditeur date la fiche du jour.
  await page.clock.setFixedTime(new Date('2026-11-25T09:00:00Z'));
  page.erreurs = [];
  page.on('pageerror', (e) => page.erreurs.push(String(e)));
  await page.goto(`${APERCU}/admin/`);
  // Pas d'étape de connexion dans l'aperçu : les rubriques tout de suite.
  await page.getByRole('link', { name: 'Lieux', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Se connecter/ }).count(), 0);
  // Le bandeau d'erreurs de l'aperçu ne recouvre pas l'éditeur : il n'y est pas.
  assert.equal(await page.locator('#resin-erreurs').count(), 0);
  return { page, context };
}

// Le contenu d'un fichier de l'aperçu, une fois qu'il a changé.
async function apres(chemin, avant) {
  for (let essai = 0; essai < 100; essai += 1) {
    const texte = await readFile(join(CONTENU, chemin), 'utf8').catch(() => null);
    if (texte !== null && texte !== avant) return texte;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${chemin} n'a pas été enregistré`);
}

test('avec un fichier cassé ailleurs, un lieu se crée au formulaire, un téléphone faux est signalé avant, la page suit', { skip: !APERCU }, async () => {
  for (const { largeur, hauteur, nom, fichier } of ECRANS) {
    const { page, context } = await ouvrir(largeur, hauteur);
    await page.goto(`${APERCU}/admin/#/collections/lieux/new`);
    await page.locator('label', { hasText: 'Nom' }).first().waitFor();
    await (await champ(page, 'Nom')).fill(nom);
    await choisir(page, 'Type de structure', 'Espace public numérique (EPN)');
    await (await champ(page, 'Adresse')).fill('12 rue de Gerland');
    // La commune, dans la liste : le code postal et le code INSEE se remplissent.
    await choisir(page, 'Commune', 'Villeurbanne');
    assert.equal(await (await champ(page, 'Code postal')).inputValue(), '69100');
    assert.equal(await (await champ(page, 'Code INSEE')).inputValue(), '69266');
    // Un téléphone incomplet : dit à côté du champ, avant tout enregistrement.
    const telephone = await champ(page, 'Téléphone');
    await telephone.fill('04 78');
    await publier(page);
    const message = page.getByText('Écrivez un numéro français à 10 chiffres', { exact: false }).first();
    await message.waitFor();
    await message.scrollIntoViewIfNeeded();
    await capture(page, `parcours-telephone-${largeur}`);
    assert.equal(await readFile(join(CONTENU, 'lieux', `${fichier}.md`), 'utf8').catch(() => null), null, 'rien n’est enregistré');
    // Decap signale à la page qu'il a refusé d'enregistrer : attendu.
    page.erreurs.length = 0;
    await telephone.fill('');
    await telephone.fill('04 78 61 00 00');
    assert.equal(await telephone.inputValue(), '04 78 61 00 00');
    // Les horaires dans la grille : du lundi au vendredi, 9 h – 12 h, fermé les jours fériés.
    await page.getByRole('button', { name: 'Ajouter une plage le lundi' }).click();
    await page.getByLabel('De (plage 1 du lundi)').fill('9h');
    await page.getByLabel('à (plage 1 du lundi)').fill('12h');
    await page.getByRole('button', { name: 'Mêmes horaires du mardi au vendredi' }).click();
    await page.getByLabel('Fermé les jours fériés').check();
    await page.getByText('Lundi au vendredi : 9 h – 12 h', { exact: false }).first().waitFor();
    await capture(page, `parcours-horaires-${largeur}`);
    await choisir(page, 'Services', 'Aide aux démarches administratives');
    await publier(page);
    const ecrit = await apres(`lieux/${fichier}.md`, null);
    assert.match(ecrit, /^horaires: Mo-Fr 09:00-12:00; PH off$/m);
    assert.match(ecrit, /^telephone: 04 78 61 00 00$/m);
    assert.match(ecrit, /^code_postal: "69100"$/m);
    assert.match(ecrit, /^date_maj: 2026-11-25$/m);
    // La page du lieu dans l'aperçu, malgré le fichier cassé ailleurs.
    let reponse;
    for (let essai = 0; essai < 100; essai += 1) {
      reponse = await page.request.get(`${APERCU}/lieux/${fichier}/`);
      if (reponse.status() === 200) break;
      await page.waitForTimeout(100);
    }
    assert.equal(reponse.status(), 200, 'la page du nouveau lieu est dans l’aperçu');
    // Dans un autre onglet, comme « Voir en direct ».
    const vue = await context.newPage();
    await vue.goto(`${APERCU}/lieux/${fichier}/`);
    assert.equal(await vue.locator('h1').innerText(), nom);
    // Le bandeau d'erreurs y est, replié : il nomme le fichier cassé.
    assert.equal(await vue.locator('#resin-erreurs').getAttribute('open'), null);
    assert.match(await vue.locator('#resin-erreurs').textContent(), /zz-fiche-cassee\.md/);
    await capture(vue, `parcours-page-${largeur}`);
    assert.deepEqual(page.erreurs, []);
    await fermer(context);
  }
});

test('changer un champ d’un lieu ne change que sa ligne dans le fichier', { skip: !APERCU }, async () => {
  const chemin = 'lieux/mediatheque-du-bachut.md';
  const avant = await readFile(join(CONTENU, chemin), 'utf8');
  const { page, context } = await ouvrir(1280, 900);
  await page.goto(`${APERCU}/admin/#/collections/lieux/entries/mediatheque-du-bachut`);
  const telephone = await champ(page, 'Téléphone');
  await telephone.fill('04 78 78 12 99');
  await publier(page);
  const ecrit = await apres(chemin, avant);
  const lignes = (t) => t.split('\n');
  const [a, b] = [lignes(avant), lignes(ecrit)];
  assert.equal(a.length, b.length, 'autant de lignes');
  const changees = a.map((l, i) => [l, b[i]]).filter(([x, y]) => x !== y);
  // La ligne du téléphone, et la date de mise à jour, remise au jour de l'enregistrement.
  const attendues = [['telephone: 04 78 78 12 00', 'telephone: 04 78 78 12 99']];
  const date = changees.find(([x]) => x.startsWith('date_maj:'));
  assert.deepEqual(changees.filter((c) => c !== date), attendues, ecrit);
  if (date) assert.equal(date[1], 'date_maj: 2026-11-25');
  await fermer(context);
});
