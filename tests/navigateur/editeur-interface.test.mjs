// L'éditeur en ligne (/admin/) tel qu'un animateur le voit : en français partout (aucune
// phrase de Decap, de Leaflet ou des listes de choix laissée en anglais), au nom du site (pas
// le logo de Decap), sans étape de connexion dans l'aperçu de `resin serve`, et utilisable
// sur un téléphone (375 × 812 : pas de défilement horizontal, l'aperçu de la fiche caché, les
// boutons de la barre d'outils à portée du doigt).
//
// Comme admin.test.mjs : le site construit (RESIN_SITE), le dépôt en mémoire de Decap
// (test-repo) à la place de la forge, et l'aperçu de `resin serve` (RESIN_APERCU). Avec
// RESIN_CAPTURES=dossier, chaque écran y est enregistré en PNG, aux deux tailles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { servir } from './serveur.mjs';
import { capture, ORDINATEUR, ouvrirEditeur, TELEPHONE } from './decap.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const SITE = process.env.RESIN_SITE;
if (!SITE) throw new Error('RESIN_SITE : dossier du site construit (voir annuaire.test.mjs)');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CONTENU = process.env.RESIN_CONTENU || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content');
const TITRE = "Rés'IN";

// Ce que Decap, Leaflet et react-select écrivent en dur en anglais, en plus des phrases de la
// traduction anglaise de Decap (lues dans la page : CMS.getLocale('en')).
const ANGLAIS_EN_DUR = [
  'Zoom in', 'Zoom out', 'A JavaScript library for interactive maps', 'Marker', 'Remove', 'No options',
  'Select...', 'Loading...', 'field',
];
// (Le lien « Test Backend ↗ » du dépôt en mémoire de Decap n'existe que dans ces tests.)
// Les mots que les deux langues partagent.
const COMMUNS_AUX_DEUX = new Set(['notes', 'code', 'markdown', 'images', 'collections', 'date', 'description', 'image', 'locale']);

let server, browser;

before(async () => {
  server = await servir(SITE);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  server?.close();
});

// L'éditeur à la taille `ecran` ; `memoire` : le dépôt en mémoire de Decap à la place de la
// forge, `relecture` : avec la relecture de site.yaml (les modifications en attente) ;
// `adresse` : un autre serveur (l'aperçu).
const editeur = (ecran, { memoire = null, relecture = false, adresse = server.base } = {}) =>
  ouvrirEditeur(browser, adresse, { ecran, fichiers: memoire, relecture });

// Le dépôt en mémoire : une fiche de lieu de l'exemple. Le dépôt de test de Decap lit une
// fiche par son chemin (content → lieux → fichier), mais liste un dossier par son nom entier
// (« content/lieux ») : les deux.
async function depot() {
  const lieux = { 'mediatheque-du-bachut.md': { content: await readFile(join(CONTENU, 'lieux/mediatheque-du-bachut.md'), 'utf8') } };
  return { content: { lieux, medias: {} }, 'content/lieux': lieux, 'content/medias': {} };
}

// Les phrases anglaises à chercher : celles de Decap, coupées à leurs %{variables}, et celles
// écrites en dur ; sans ce qui se dit aussi en français.
async function phrasesAnglaises(page) {
  const decap = await page.evaluate(() => {
    const plat = (o) => Object.values(o).flatMap((v) => (typeof v === 'object' ? plat(v) : [v]));
    return plat(window.CMS.getLocale('en'));
  });
  const morceaux = [...decap, ...ANGLAIS_EN_DUR]
    .flatMap((p) => p.split(/%\{\w+\}|\|\|\|\||[\n:.?!,()"'‘’]/))
    .map((m) => m.replace(/[＋↗←→…]/g, '').trim())
    .filter((m) => /[a-z]{3}/i.test(m) && !COMMUNS_AUX_DEUX.has(m.toLowerCase()));
  return [...new Set(morceaux)];
}

// Tout ce qu'une personne lit ou entend sur la page : le texte visible et les textes
// d'accessibilité (aria-label, title, placeholder, alt).
async function textesLus(page) {
  return page.evaluate(() => {
    const textes = [];
    const parcours = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (parcours.nextNode()) {
      const parent = parcours.currentNode.parentElement;
      const texte = parcours.currentNode.textContent.trim();
      if (texte && parent.checkVisibility() && !['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) textes.push(texte);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const nom of ['aria-label', 'title', 'placeholder', 'alt']) {
        if (el.getAttribute(nom)) textes.push(el.getAttribute(nom));
      }
    }
    return textes;
  });
}

// Échoue si un texte lu sur la page contient une phrase anglaise (mot entier).
async function sansAnglais(page, ecran) {
  const phrases = await phrasesAnglaises(page);
  const motifs = phrases.map((p) => [p, new RegExp(`(^|[^\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu')]);
  const trouves = [];
  for (const texte of await textesLus(page)) {
    for (const [phrase, motif] of motifs) if (motif.test(texte)) trouves.push(`« ${phrase} » dans « ${texte} »`);
  }
  assert.deepEqual(trouves, [], `de l'anglais sur l'écran ${ecran}`);
}

const largeur = (page) => page.evaluate(() => document.documentElement.scrollWidth);

// Le bouton `nom` est en entier dans l'écran et assez grand pour un doigt (44 × 44 px).
async function aPortee(page, bouton, nom) {
  await bouton.waitFor();
  const cadre = await bouton.boundingBox();
  const ecran = page.viewportSize();
  assert.ok(cadre.x >= 0 && cadre.y >= 0 && cadre.x + cadre.width <= ecran.width && cadre.y + cadre.height <= ecran.height,
    `${nom} hors de l'écran : ${JSON.stringify(cadre)}`);
  assert.ok(cadre.width >= 44 && cadre.height >= 44, `${nom} trop petit : ${JSON.stringify(cadre)}`);
}

test('la traduction de Decap est complète, et aucun écran de l’éditeur n’a de mot anglais', async () => {
  const page = await editeur(ORDINATEUR, { memoire: await depot() });
  // Chaque phrase anglaise de Decap a sa phrase française (sinon Decap écrit l'anglais).
  await page.getByRole('button', { name: 'Se connecter' }).waitFor();
  const manquantes = await page.evaluate(() => {
    const cles = (o, p = '') => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? cles(v, `${p}${k}.`) : [`${p}${k}`]));
    const fr = new Set(cles(window.CMS.getLocale('fr')));
    return cles(window.CMS.getLocale('en')).filter((cle) => !fr.has(cle));
  });
  assert.deepEqual(manquantes, [], 'phrases sans traduction française');

  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: 'Lieux', exact: true }).waitFor();
  await page.getByText('Médiathèque du Bachut').first().waitFor();
  await sansAnglais(page, 'des rubriques');
  assert.equal(await page.getByRole('button', { name: 'Afficher en grille' }).count(), 1);
  await capture(page, 'rubriques');

  // La médiathèque, avec la carte, la barre d'outils du texte et les listes de choix.
  await page.goto(`${server.base}/admin/#/collections/lieux/entries/mediatheque-du-bachut`);
  await page.locator('.leaflet-container').waitFor();
  await page.getByRole('button', { name: 'Barré' }).waitFor();
  await sansAnglais(page, 'd’une fiche');
  assert.ok(await page.getByRole('button', { name: 'Zoomer' }).count() > 0, 'la carte en français');
  assert.ok(await page.getByRole('button', { name: /^Retirer / }).count() > 3, 'les choix se retirent en français');
  await capture(page, 'fiche');
  // Une liste de choix sans réponse.
  const commune = page.locator(`#${await page.locator('label', { hasText: 'Commune' }).first().getAttribute('for')}`);
  await commune.click();
  await commune.fill('Zzz');
  await page.getByText('Aucun choix ne correspond').waitFor();
  await sansAnglais(page, 'd’une liste de choix sans réponse');
  await page.keyboard.press('Escape');
  // Une erreur : un champ obligatoire vidé, puis « Publier ».
  const nom = page.locator(`#${await page.locator('label', { hasText: 'Nom' }).first().getAttribute('for')}`);
  await nom.fill('');
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').click();
  await page.getByText('Un champ obligatoire est vide').waitFor();
  await sansAnglais(page, 'd’une erreur');
  await capture(page, 'erreur');
  // Decap écrit dans la console qu'il a refusé d'enregistrer : attendu.
  page.erreurs.length = 0;

  // Une nouvelle fiche, la bibliothèque de médias, la relecture.
  page.once('dialog', (d) => d.accept());
  await page.goto(`${server.base}/admin/#/collections/lieux/new`);
  await page.locator('.leaflet-container').waitFor();
  await sansAnglais(page, 'd’une nouvelle fiche');
  await capture(page, 'nouvelle-fiche');
  await page.goto(`${server.base}/admin/#/collections/lieux`);
  await page.getByRole('button', { name: 'Médias' }).click();
  await page.getByRole('button', { name: 'Fermer' }).waitFor();
  await sansAnglais(page, 'des médias');
  await capture(page, 'medias');
  await page.fermer();

  // Avec la relecture : les modifications en attente, et une fiche enregistrée pour relecture.
  const relue = await editeur(ORDINATEUR, { memoire: await depot(), relecture: true });
  await relue.getByRole('button', { name: 'Se connecter' }).click();
  await relue.getByRole('link', { name: 'Relecture' }).click();
  await relue.getByRole('heading', { name: 'Relecture des modifications' }).waitFor();
  await sansAnglais(relue, 'de la relecture');
  await capture(relue, 'relecture');
  await relue.goto(`${server.base}/admin/#/collections/lieux/entries/mediatheque-du-bachut`);
  await relue.locator('.leaflet-container').waitFor();
  await sansAnglais(relue, 'd’une fiche en relecture');
  await relue.fermer();
});

test('la connexion à la forge porte le nom du site et dit à quoi elle sert, sans le logo de Decap', async () => {
  for (const ecran of [ORDINATEUR, TELEPHONE]) {
    const page = await editeur(ecran);
    await page.getByRole('button', { name: 'Se connecter avec GitHub' }).waitFor();
    assert.equal(await page.title(), `Modifier l'annuaire – ${TITRE}`);
    await page.getByRole('heading', { level: 1, name: TITRE }).waitFor();
    await page.getByText('connectez-vous avec votre compte de la forge').waitFor();
    assert.equal(await page.locator('[class*="-DecapLogoIcon"]:visible, [class*="-NetlifyCreditIcon"]:visible').count(), 0,
      'pas de logo de Decap');
    await sansAnglais(page, 'de connexion');
    assert.ok(await largeur(page) <= ecran.width);
    await aPortee(page, page.getByRole('button', { name: 'Se connecter avec GitHub' }), 'Se connecter');
    await capture(page, 'connexion');
    await page.fermer();
  }
});

test('au téléphone, l’éditeur tient dans l’écran, sans l’aperçu, ses boutons à portée du doigt', async () => {
  const page = await editeur(TELEPHONE, { memoire: await depot() });
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: 'Lieux', exact: true }).waitFor();
  await page.getByText('Médiathèque du Bachut').first().waitFor();
  // Le nom du site en haut, lien vers le site.
  assert.equal(await page.locator('.resin-bandeau a').textContent(), TITRE);
  assert.equal(await largeur(page), TELEPHONE.width, 'la liste des fiches');
  await capture(page, 'rubriques');

  await page.getByText('Médiathèque du Bachut').first().click();
  await page.locator('.leaflet-container').waitFor();
  assert.ok(await largeur(page) <= TELEPHONE.width, `la fiche : ${await largeur(page)} px`);
  assert.equal(await page.locator('.SplitPane > .Pane2:visible').count(), 0, 'l’aperçu de la fiche est caché');
  // Les champs sur toute la largeur, en 16 px au moins (iOS ne zoome pas).
  const nom = page.locator(`#${await page.locator('label', { hasText: 'Nom' }).first().getAttribute('for')}`);
  const champ = await nom.boundingBox();
  assert.ok(champ.width >= TELEPHONE.width - 40, `champ de ${champ.width} px`);
  assert.ok(parseFloat(await nom.evaluate((e) => getComputedStyle(e).fontSize)) >= 16);
  await capture(page, 'fiche');
  await nom.fill('Médiathèque du Bachut (Lyon 8e)');
  await aPortee(page, page.getByRole('button', { name: 'Publier', exact: true }), 'Publier');
  await aPortee(page, page.getByRole('button', { name: /^Supprimer la fiche/ }), 'Supprimer');
  await aPortee(page, page.getByRole('link', { name: /Retour à la liste/ }), 'Retour');
  // Le menu de « Publier » tient dans l'écran.
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await aPortee(page, page.getByRole('menuitem', { name: 'Publier maintenant' }), 'Publier maintenant');
  assert.ok(await largeur(page) <= TELEPHONE.width, 'le menu de Publier');
  await capture(page, 'publier');
  await page.keyboard.press('Escape');

  // Le bas du formulaire : le texte et sa barre d'outils.
  await page.locator('label', { hasText: 'Présentation' }).last().scrollIntoViewIfNeeded();
  assert.ok(await largeur(page) <= TELEPHONE.width, 'le texte');
  const barre = await page.getByRole('button', { name: 'Barré' }).boundingBox();
  assert.ok(barre.x + barre.width <= TELEPHONE.width, 'la barre d’outils du texte');
  await capture(page, 'texte');

  // Les médias, en fenêtre par-dessus la liste.
  page.once('dialog', (d) => d.accept());
  await page.goto(`${server.base}/admin/#/collections/lieux`);
  await page.getByRole('button', { name: 'Médias' }).click();
  await aPortee(page, page.getByRole('button', { name: 'Fermer' }), 'Fermer');
  assert.ok(await largeur(page) <= TELEPHONE.width, 'les médias');
  await capture(page, 'medias');
  await page.fermer();
});

// Dans l'aperçu de `resin serve` (RESIN_APERCU), resin répond à l'API locale de Decap : il n'y a
// pas de compte, donc pas d'étape de connexion.
test('dans l’aperçu, l’éditeur s’ouvre sur les rubriques, sans se connecter', { skip: !process.env.RESIN_APERCU }, async () => {
  const apercu = process.env.RESIN_APERCU.replace(/\/$/, '');
  for (const ecran of [ORDINATEUR, TELEPHONE]) {
    const page = await editeur(ecran, { adresse: apercu });
    await page.getByRole('link', { name: 'Lieux', exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Se connecter/ }).count(), 0, 'pas de bouton de connexion');
    assert.equal(await page.title(), `Modifier l'annuaire – ${TITRE}`);
    assert.equal(await page.locator('.resin-bandeau a').textContent(), TITRE);
    await page.getByText('Médiathèque du Bachut').first().waitFor();
    await sansAnglais(page, 'des rubriques de l’aperçu');
    assert.ok(await largeur(page) <= ecran.width, 'la liste des fiches');
    await capture(page, 'apercu-rubriques');
    await page.goto(`${apercu}/admin/#/collections/lieux/entries/mediatheque-du-bachut`);
    await page.locator('.leaflet-container').waitFor();
    await sansAnglais(page, 'd’une fiche de l’aperçu');
    assert.ok(await largeur(page) <= ecran.width, 'la fiche');
    await capture(page, 'apercu-fiche');
    await page.fermer();
  }
});
