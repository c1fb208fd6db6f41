// L'éditeur en ligne (/admin/, Decap CMS) dans Chromium : il s'ouvre sans erreur, dit quoi
// faire sans JavaScript, et une fiche s'y modifie avec les listes de choix du standard et la
// carte ; ce qu'il enregistre est écrit dans RESIN_CMS_SORTIE (si donné), où
// tests/integration/navigateur.rs le fait vérifier par `resin check`.
//
// Le test d'enregistrement remplace la forge par le dépôt en mémoire de Decap (test-repo),
// rempli avec la fiche de content/ (RESIN_CONTENU, le content/ de l'exemple par défaut).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { servir, TUILE } from './serveur.mjs';
import { fermerContexte, ouvrirEditeur } from './decap.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const SITE = process.env.RESIN_SITE;
if (!SITE) throw new Error('RESIN_SITE : dossier du site construit (voir annuaire.test.mjs)');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CONTENU = process.env.RESIN_CONTENU || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content');
const LIEU = 'lieux/mediatheque-du-bachut.md';

let server, browser;

before(async () => {
  server = await servir(SITE);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  server?.close();
});

// L'éditeur sur un écran d'ordinateur ; `fichiers` : le dépôt en mémoire à la place de la forge.
const editeur = ({ js = true, fichiers = null } = {}) => ouvrirEditeur(browser, server.base, { js, fichiers });

test('l’éditeur en ligne s’ouvre sans erreur et propose de se connecter à la forge', async () => {
  const page = await editeur();
  await page.getByRole('button', { name: 'Se connecter avec GitHub' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page.fermer();
  const sans = await editeur({ js: false });
  assert.match(await sans.locator('body').innerText(), /L'éditeur en ligne a besoin de JavaScript/);
  assert.match(await sans.locator('noscript').innerHTML(), /reseau-resin\/resin/);
  await sans.fermer();
});

test('une fiche se modifie avec les listes du standard et la carte, et s’enregistre en YAML', async () => {
  const original = await readFile(join(CONTENU, LIEU), 'utf8');
  // Une valeur seule là où une liste est attendue, comme resin le permet.
  const seule = original.replace('site_web:\n  - https://bm.exemple.fr/bachut\n', 'site_web: https://bm.exemple.fr/bachut\n');
  assert.notEqual(seule, original);
  const page = await editeur({ fichiers: { content: { lieux: { 'mediatheque-du-bachut.md': { content: seule } } } } });
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // Une collection par type de fiche.
  for (const nom of ['Lieux', 'Offres', 'Pages', 'Actualités', 'Appels à projets', 'Bonnes pratiques', "Bourse d'échanges", 'Agenda']) {
    await page.getByRole('link', { name: nom, exact: true }).waitFor();
  }
  await page.goto(`${server.base}/admin/#/collections/lieux/entries/mediatheque-du-bachut`);
  const champ = async (libelle) => page.locator(`#${await page.locator('label', { hasText: libelle }).first().getAttribute('for')}`);

  // Le type de structure : une liste de choix, avec les codes du standard en mots.
  const typologie = await champ('Type de structure');
  await typologie.click();
  await page.getByText('Centre social (CS)', { exact: true }).waitFor();
  assert.ok(await page.getByText('Espace public numérique (EPN)', { exact: true }).count());
  await typologie.fill('Centre social');
  await page.keyboard.press('Enter');
  // La commune : les communes du territoire.
  const commune = await champ('Commune');
  await commune.click();
  await commune.fill('Villeurb');
  await page.getByText('Villeurbanne', { exact: true }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByText('Villeurbanne', { exact: true }).waitFor({ state: 'hidden' });

  // La position : un clic sur la carte, qui remplit latitude et longitude. La carte suit la
  // commune : elle est amenée au milieu de l'écran une fois la liste des communes refermée.
  const carte = page.locator('.leaflet-container');
  let cadre;
  for (let essai = 0; essai < 30; essai += 1) {
    await carte.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(100);
    cadre = await carte.boundingBox();
    if (cadre.y > 0 && cadre.y + cadre.height < 900) break;
  }
  await page.mouse.click(cadre.x + cadre.width / 2 + 60, cadre.y + cadre.height / 2 - 40);
  const cliquee = Number(await page.getByLabel('Latitude').inputValue());
  const longitude = Number(await page.getByLabel('Longitude').inputValue());
  assert.ok(cliquee > 45.73 && cliquee < 45.75 && cliquee !== 45.7372, `latitude ${cliquee}`);
  assert.ok(longitude > 4.86 && longitude < 4.89 && longitude !== 4.871, `longitude ${longitude}`);
  // Ou au clavier, chiffre par chiffre ; une seule des deux : l'enregistrement est refusé.
  const saisieLatitude = page.getByLabel('Latitude');
  await saisieLatitude.fill('');
  await saisieLatitude.pressSequentially('45,7401');
  assert.equal(await saisieLatitude.inputValue(), '45,7401', 'le texte tapé reste tel quel');
  await page.getByLabel('Longitude').fill('');
  assert.deepEqual(page.erreurs, [], 'rien dans la console jusqu’ici');
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').click();
  await page.getByText('Donnez la latitude et la longitude, ou laissez les deux vides.').waitFor();
  // Decap écrit dans la console qu'il a refusé d'enregistrer : attendu.
  page.erreurs.length = 0;
  await page.getByLabel('Longitude').fill(String(longitude));
  const latitude = 45.7401;

  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').click();
  await page.getByText('Modifications enregistrées', { exact: false }).first().waitFor();
  const enregistre = await page.evaluate(() => window.repoFiles.content.lieux['mediatheque-du-bachut.md'].content);
  assert.match(enregistre, /^---\n/);
  assert.match(enregistre, /typologie:\n {2}- BIB\n {2}- CS\n/);
  assert.match(enregistre, new RegExp(`latitude: ${latitude}\\nlongitude: ${longitude}\\n`));
  assert.match(enregistre, /code_postal: "69008"/, 'les codes restent du texte');
  assert.match(enregistre, /mes_papiers: Sur rendez-vous/, 'les champs du territoire sont gardés');
  assert.match(enregistre, /\nsite_web:\n {2}- https:\/\/bm\.exemple\.fr\/bachut\n/, 'la valeur seule, que l’éditeur a su ouvrir, est gardée, en liste d’un élément comme l’écrit resin fmt');
  assert.doesNotMatch(enregistre, /: \[\]\n|: ""\n|: null\n/, 'les champs vides ne sont pas écrits');
  assert.match(enregistre, /\n---\nUn conseiller numérique vous accueille/, 'le texte suit l’en-tête');
  await garder(LIEU, enregistre);
  await page.fermer();
});

test('un nouveau lieu se crée avec le formulaire, sans écrire de YAML', async () => {
  const page = await editeur({ fichiers: { content: { lieux: {} } } });
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: 'Lieux', exact: true }).waitFor();
  await page.goto(`${server.base}/admin/#/collections/lieux/new`);
  const champ = async (libelle) => page.locator(`#${await page.locator('label', { hasText: libelle }).first().getAttribute('for')}`);
  const choisir = async (libelle, valeur) => {
    const liste = await champ(libelle);
    await liste.click();
    await liste.fill(valeur);
    await page.getByText(valeur, { exact: true }).last().click();
  };
  await (await champ('Nom')).fill('Espace numérique de la Soie');
  await choisir('Commune', 'Vaulx-en-Velin');
  await (await champ('Code postal')).fill('69120');
  await (await champ('Adresse')).fill('12 avenue de la Soie');
  const carte = page.locator('.leaflet-container');
  await carte.scrollIntoViewIfNeeded();
  const cadre = await carte.boundingBox();
  await page.mouse.click(cadre.x + cadre.width / 2, cadre.y + cadre.height / 2);
  await choisir('Type de structure', 'Espace public numérique (EPN)');
  // Les horaires : la grille de la semaine (resin-horaires.js), sans syntaxe OSM.
  for (const jour of ['mardi', 'mercredi', 'jeudi', 'vendredi']) {
    await page.getByRole('button', { name: `Ajouter une plage le ${jour}` }).click();
    await page.getByLabel(`De (plage 1 du ${jour})`).fill('14h');
    await page.getByLabel(`à (plage 1 du ${jour})`).fill('18h');
  }
  await page.getByLabel('Fermé les jours fériés').check();
  await choisir('Services', 'Aide aux démarches administratives');
  // La date de mise à jour : celle du jour, écrite à l'enregistrement (resin-formulaire.js).
  const date = await champ('Date de mise à jour');
  assert.equal(await date.getAttribute('readonly'), '');

  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').click();
  await page.getByText('Modifications enregistrées', { exact: false }).first().waitFor();
  const fichiers = await page.evaluate(() => Object.keys(window.repoFiles.content.lieux));
  assert.deepEqual(fichiers, ['espace-numerique-de-la-soie.md'], 'le nom du fichier vient du nom du lieu');
  const enregistre = await page.evaluate(() => window.repoFiles.content.lieux['espace-numerique-de-la-soie.md'].content);
  assert.match(enregistre, /^nom: Espace numérique de la Soie$/m);
  assert.match(enregistre, /^commune: Vaulx-en-Velin$/m);
  assert.match(enregistre, /^date_maj: 2026-11-25$/m);
  assert.match(enregistre, /^horaires: "?Tu-Fr 14:00-18:00; PH off"?$/m);
  // Le clic au milieu de la carte, qui s'est placée sur Vaulx-en-Velin une fois la commune choisie.
  const [, lat, lon] = enregistre.match(/^latitude: (.+)\nlongitude: (.+)$/m).map(Number);
  assert.ok(Math.abs(lat - 45.786) < 0.002 && Math.abs(lon - 4.9266) < 0.002, `${lat}, ${lon}`);
  await garder('lieux/espace-numerique-de-la-soie.md', enregistre);
  await page.fermer();
});

test('une offre et un événement s’ouvrent avec leurs lieux, leurs dates et leurs heures', async () => {
  const lire = (chemin) => readFile(join(CONTENU, chemin), 'utf8');
  const fichiers = { content: {
    lieux: { 'mediatheque-du-bachut.md': { content: await lire(LIEU) } },
    offres: { 'atelier-smartphone-bachut.md': { content: await lire('offres/atelier-smartphone-bachut.md') } },
    agenda: { 'atelier-reemploi-effacer-reinstaller.md': { content: await lire('agenda/atelier-reemploi-effacer-reinstaller.md') } },
  } };
  const ouvrir = async (chemin) => {
    const page = await editeur({ fichiers });
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Offres', exact: true }).waitFor();
    await page.goto(`${server.base}/admin/#/collections/${chemin}`);
    return page;
  };
  // Le lieu de l'offre, montré par son nom et sa commune (le fichier garde son nom de fichier).
  const offre = await ouvrir('offres/entries/atelier-smartphone-bachut');
  await offre.getByText('Médiathèque du Bachut (Lyon 8e Arrondissement)', { exact: true }).waitFor();
  await offre.fermer();

  const page = await ouvrir('agenda/entries/atelier-reemploi-effacer-reinstaller');
  const champ = async (libelle) => page.locator(`#${await page.locator('label', { hasText: libelle }).first().getAttribute('for')}`);
  const date = await champ('Date');
  assert.equal(await date.getAttribute('type'), 'date');
  assert.equal(await date.inputValue(), '2027-01-14');
  const debut = await champ('Début');
  assert.equal(await debut.inputValue(), '14:00');
  // Une heure mal écrite est refusée à l'enregistrement.
  await debut.fill('14h');
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').click();
  await page.getByText("Écrivez l'heure sous la forme HH:MM, par exemple 14:00.").waitFor();
  // Decap écrit dans la console qu'il a refusé d'enregistrer : attendu.
  page.erreurs.length = 0;
  await page.fermer();
});

// Dans l'aperçu de `resin serve` (RESIN_APERCU, son adresse), l'éditeur écrit dans content/
// par resin lui-même, sans forge ni compte, et l'aperçu suit.
test('dans l’aperçu, l’éditeur enregistre dans content/ et la page se met à jour', { skip: !process.env.RESIN_APERCU }, async () => {
  const apercu = process.env.RESIN_APERCU.replace(/\/$/, '');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  await context.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TUILE }));
  const page = await context.newPage();
  // L'aperçu des tests vérifie au jour des tests (RESIN_DATE) : l'éditeur date de ce jour-là.
  await page.clock.setFixedTime(new Date('2026-11-25T09:00:00Z'));
  const erreurs = [];
  page.on('pageerror', (e) => erreurs.push(String(e)));
  const journal = [];
  page.on('console', (m) => journal.push(m.text()));
  await page.goto(`${apercu}/admin/`);
  // Pas d'étape de connexion dans l'aperçu : les rubriques tout de suite.
  await page.getByRole('link', { name: 'Lieux', exact: true }).waitFor();
  assert.ok(journal.some((l) => l.includes('Detected Decap CMS Proxy Server')), journal.join('\n'));
  await page.goto(`${apercu}/admin/#/collections/lieux/entries/mediatheque-du-bachut`);
  const libelle = page.locator('label', { hasText: 'Présentation courte' }).first();
  const resume = page.locator(`#${await libelle.getAttribute('for')}`);
  await resume.fill('Atelier tablette le vendredi, sans rendez-vous.');
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').click();
  await page.getByText('Modifications enregistrées', { exact: false }).first().waitFor();
  // L'aperçu refait la page.
  const debut = Date.now();
  for (;;) {
    const html = await (await fetch(`${apercu}/lieux/mediatheque-du-bachut/`)).text();
    if (html.includes('Atelier tablette le vendredi, sans rendez-vous.')) break;
    assert.ok(Date.now() - debut < 20000, 'la page de l’aperçu n’a pas suivi');
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.deepEqual(erreurs, []);
  await fermerContexte(context);
});

// Garde un fichier enregistré par l'éditeur pour `resin check` (tests/integration/navigateur.rs).
async function garder(chemin, texte) {
  if (!process.env.RESIN_CMS_SORTIE) return;
  const sortie = join(process.env.RESIN_CMS_SORTIE, chemin);
  await mkdir(dirname(sortie), { recursive: true });
  await writeFile(sortie, texte);
}
