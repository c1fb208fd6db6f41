// Les horaires dans l'éditeur en ligne (/admin/, widget resin-horaires de
// themes/resin/admin/resin-horaires.js) : une grille de la semaine qui écrit la valeur OSM et la
// dit en français, un mode expert qui garde ce que la grille ne sait pas dire, une phrase en
// français que resin lit dans l'aperçu, et les fermetures dites en clair, vérifiées avant
// l'enregistrement.
//
// Sans serveur resin (le site publié), avec le dépôt en mémoire de Decap (test-repo) comme dans
// admin.test.mjs ; et dans l'aperçu de `resin serve` (RESIN_APERCU). Avec RESIN_CAPTURES (un
// dossier), les captures du widget à 1280 × 900 et 375 × 812 y sont enregistrées.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { servir } from './serveur.mjs';
import { capture, ouvrirEditeur, publier, seConnecter } from './decap.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const SITE = process.env.RESIN_SITE;
if (!SITE) throw new Error('RESIN_SITE : dossier du site construit (voir annuaire.test.mjs)');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CONTENU = process.env.RESIN_CONTENU || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content');
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

// Le site construit, servi comme par un hébergeur, et Chromium : pour tout le fichier.
let server, browser;
before(async () => {
  [server, browser] = await Promise.all([servir(SITE), chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })]);
});
after(() => Promise.all([browser?.close(), server?.close()]));

// Une page de l'éditeur, connecté ; `fichiers` : le dépôt en mémoire à la place de la forge ;
// `base` : l'adresse de l'aperçu, sinon le site construit.
async function editeur({ fichiers = null, base = server.base, largeur = 1280, hauteur = 900 } = {}) {
  const page = await ouvrirEditeur(browser, base, { ecran: { width: largeur, height: hauteur }, fichiers });
  await seConnecter(page);
  return page;
}

const ouvrir = async (page, base, fiche) => {
  await page.goto(`${base}/admin/#/collections/lieux/entries/${fiche}`);
  await page.getByText('Coller des horaires écrits en français').first().waitFor();
};

// Le widget des horaires du lieu (le premier de la fiche) et sa lecture en clair.
const widget = (page) => page.locator('[role="group"][aria-label="Horaires de la semaine"]').first().locator('..');
const lecture = async (page) => (await widget(page).locator('[role="status"]').first().innerText()).replace(/\u00a0/g, ' ');

// axe-core (WCAG 2.1 A et AA) sur le widget seul : Decap n'est pas à nous.
async function axe(page, element, etat) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE_SOURCE);
  const violations = await element.evaluate(async (el) => {
    const r = await window.axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe sur ${etat}`);
}

const fiche = async (chemin) => readFile(join(CONTENU, chemin), 'utf8');
const sansHoraires = (texte) => texte.replace(/^horaires: .*\n/m, '');

test('la grille écrit les horaires de la semaine en OSM et les dit en français, sans serveur resin', async () => {
  const texte = sansHoraires(await fiche('lieux/mediatheque-du-bachut.md'));
  const page = await editeur({ fichiers: { content: { lieux: { 'mediatheque-du-bachut.md': { content: texte } } } } });
  await ouvrir(page, server.base, 'mediatheque-du-bachut');
  assert.match(await lecture(page), /aucun horaire/);
  assert.equal(await widget(page).getByText('Fermé', { exact: true }).count(), 7, 'sans plage, chaque jour est fermé');

  // Le lundi, au clavier : deux plages, tapées comme on les dit.
  await page.getByRole('button', { name: 'Ajouter une plage le lundi' }).click();
  const debut = page.getByLabel('De (plage 1 du lundi)');
  assert.equal(await debut.evaluate((e) => e === document.activeElement), true, 'la nouvelle plage a le focus');
  await debut.fill('9h');
  await page.getByLabel('à (plage 1 du lundi)').fill('12');
  await page.getByRole('button', { name: 'Ajouter une plage le lundi' }).click();
  await page.getByLabel('De (plage 2 du lundi)').fill('14:00');
  await page.getByLabel('à (plage 2 du lundi)').fill('17h00');
  await page.getByLabel('à (plage 2 du lundi)').blur();
  assert.equal(await debut.inputValue(), '09:00', 'l’heure s’écrit HH:MM en quittant la case');
  // Le lundi copié du mardi au vendredi, les jours fériés fermés.
  await page.getByRole('button', { name: 'Mêmes horaires du mardi au vendredi' }).click();
  assert.equal(await page.getByLabel('De (plage 2 du vendredi)').inputValue(), '14:00');
  await page.getByLabel('Fermé les jours fériés').check();
  const lue = await lecture(page);
  assert.match(lue, /Lundi au vendredi : 9 h – 12 h et 14 h – 17 h/);
  assert.match(lue, /Fermé le samedi et le dimanche/);
  assert.match(lue, /Fermé les jours fériés/);
  await axe(page, widget(page), 'la grille remplie');
  await capture(page, 'grille-test-repo');

  // Une plage incomplète est refusée avant l'enregistrement, avec le jour.
  await page.getByRole('button', { name: 'Ajouter une plage le samedi' }).click();
  await page.getByLabel('à (plage 1 du samedi)').fill('');
  await publier(page);
  await page.getByText('Samedi : indiquez l’heure d’ouverture et l’heure de fermeture de chaque plage', { exact: false }).first().waitFor();
  page.erreurs.length = 0; // Decap écrit dans la console qu'il a refusé d'enregistrer : attendu.
  await page.getByRole('button', { name: 'Retirer la plage 1 du samedi' }).click();
  assert.equal(await page.getByRole('button', { name: 'Ajouter une plage le samedi' }).evaluate((e) => e === document.activeElement), true,
    'le focus revient au bouton du jour');

  await publier(page);
  await page.getByText('Modifications enregistrées', { exact: false }).first().waitFor();
  const enregistre = await page.evaluate(() => window.repoFiles.content.lieux['mediatheque-du-bachut.md'].content);
  assert.match(enregistre, /^horaires: "?Mo-Fr 09:00-12:00,14:00-17:00; PH off"?$/m);
  assert.ok(!page.requetes.some((u) => u.includes('/__resin/')), 'sans aperçu, rien n’est demandé à resin');
  await page.fermer();
});

test('une valeur que la grille ne sait pas dire reste telle quelle, en mode expert', async () => {
  const complexe = 'Sep-Jun Mo-Fr 09:00-12:00,14:00-17:00; Jul-Aug Mo-Fr 10:00-12:00; PH off';
  const texte = (await fiche('lieux/mediatheque-du-bachut.md')).replace(/^horaires: .*$/m, `horaires: "${complexe}"`);
  const page = await editeur({ fichiers: { content: { lieux: { 'mediatheque-du-bachut.md': { content: texte } } } } });
  await ouvrir(page, server.base, 'mediatheque-du-bachut');
  const expert = page.getByLabel('Horaires en syntaxe OpenStreetMap (mode expert)');
  assert.equal(await expert.inputValue(), complexe);
  await page.getByText('ne tiennent pas dans la grille', { exact: false }).waitFor();
  await page.getByText('Ce texte sera vérifié à la publication', { exact: false }).waitFor();
  // Une phrase en français ne se lit que dans l'aperçu : la page le dit.
  await page.getByText('Coller des horaires écrits en français').click();
  await page.getByLabel('Les horaires en une phrase').fill('du lundi au vendredi de 9h à 12h');
  await page.getByText('Ici, resin ne peut pas lire une phrase', { exact: false }).waitFor();

  // Une autre modification de la fiche : les horaires sont gardés mot pour mot.
  const resume = page.locator(`#${await page.locator('label', { hasText: 'Présentation courte' }).first().getAttribute('for')}`);
  await resume.fill('Médiathèque de quartier.');
  await publier(page);
  await page.getByText('Modifications enregistrées', { exact: false }).first().waitFor();
  const enregistre = await page.evaluate(() => window.repoFiles.content.lieux['mediatheque-du-bachut.md'].content);
  assert.ok(enregistre.includes(complexe), enregistre);
  await page.fermer();
});

test('les fermetures se lisent en clair, et « au » avant « du » est refusé avant l’enregistrement', async () => {
  const texte = await fiche('lieux/mediatheque-de-montchat.md');
  const page = await editeur({ fichiers: { content: { lieux: { 'mediatheque-de-montchat.md': { content: texte } } } } });
  await ouvrir(page, server.base, 'mediatheque-de-montchat');
  const clair = page.locator('li', { hasText: 'Congés de fin d' });
  await clair.waitFor();
  assert.match(await clair.innerText(), /^Fermé du jeudi 24 décembre( 2026)? au samedi 2 janvier( 2027)? — Congés de fin d'année$/);
  assert.match(await page.locator('li', { hasText: 'Inventaire' }).innerText(), /^Fermé du mardi 1er décembre/);
  // Des horaires réduits : les jours ouverts de la période, dans la même grille.
  assert.match((await page.locator('li', { hasText: 'Vacances scolaires' }).innerText()).replace(/\u00a0/g, ' '),
    /^Horaires réduits du mardi 16 février( 2027)? au samedi 20 février( 2027)? \(mardi au samedi : 14 h – 18 h\) — Vacances scolaires/);

  // La première fermeture finit avant de commencer : le résumé le dit, l'enregistrement est refusé.
  // Le premier bouton de l'en-tête de la fermeture (sans nom, celui de Decap) la déplie.
  await page.getByText('2026-12-01 → 2026-12-05', { exact: false }).locator('..').getByRole('button').first().click();
  const au = page.locator(`#${await page.locator('label', { hasText: /^Au/ }).first().getAttribute('for')}`);
  await au.fill('2026-11-28');
  await page.getByText('Fermeture 1 : le dernier jour (« Au », samedi 28 novembre', { exact: false }).first().waitFor();
  await publier(page);
  await page.getByText('mettez les dates dans l’ordre', { exact: false }).nth(1).waitFor();
  page.erreurs.length = 0; // Decap écrit dans la console qu'il a refusé d'enregistrer : attendu.
  await capture(page, 'fermetures-test-repo');
  await page.fermer();
});

// Dans l'aperçu : resin lit le texte (POST /__resin/horaires) ; une phrase en français devient
// une proposition, qu'un bouton met dans la grille ; un texte que `check` refuserait est dit et
// refusé avant l'enregistrement. Rien n'est enregistré.
test('dans l’aperçu, resin lit une phrase en français et dit ce qui ne va pas', { skip: !process.env.RESIN_APERCU }, async () => {
  const apercu = process.env.RESIN_APERCU.replace(/\/$/, '');
  for (const [largeur, hauteur] of [[1280, 900], [375, 812]]) {
    const page = await editeur({ base: apercu, largeur, hauteur });
    page.on('dialog', (d) => d.accept());
    // La lecture de la grille est celle de resin (les mots de la page du lieu).
    const lu = page.waitForResponse((r) => r.url().endsWith('/__resin/horaires'));
    await ouvrir(page, apercu, 'centre-social-confluence');
    await lu;
    await capture(page, 'grille-apercu');
    await page.getByText('Coller des horaires écrits en français').click();
    await page.getByLabel('Les horaires en une phrase').fill('du lundi au vendredi de 9h à 12h et de 14h à 17h, fermé les jours fériés');
    const utiliser = page.getByRole('button', { name: 'Utiliser ces horaires' });
    await utiliser.waitFor();
    assert.match(await page.getByText('resin comprend').locator('..').innerText(), /Lundi au vendredi : 9\u00a0h – 12\u00a0h et 14\u00a0h – 17\u00a0h/);
    await utiliser.scrollIntoViewIfNeeded();
    await capture(page, 'phrase-apercu');
    await utiliser.click();
    assert.equal(await page.getByLabel('De (plage 2 du mercredi)').inputValue(), '14:00', 'la proposition est dans la grille');
    assert.equal(await page.getByLabel('à (plage 1 du samedi)').count(), 0, 'le samedi est fermé');
    assert.equal(await page.getByLabel('Fermé les jours fériés').isChecked(), true);
    assert.match(await lecture(page), /Lundi au vendredi : 9 h – 12 h et 14 h – 17 h[\s\S]*Fermé les jours fériés/);

    // En mode expert, un texte que `check` refuserait : le problème de `check`, en français.
    await page.getByRole('button', { name: 'Écrire en syntaxe OpenStreetMap (expert)' }).click();
    const expert = page.getByLabel('Horaires en syntaxe OpenStreetMap (mode expert)');
    assert.equal(await expert.inputValue(), 'Mo-Fr 09:00-12:00,14:00-17:00; PH off');
    await expert.fill('Mo-Fr 09:00-12:00 @@');
    await page.getByText('syntaxe inattendue à partir de « @@ »', { exact: false }).first().waitFor();
    await axe(page, expert.locator('..'), 'le mode expert');
    await capture(page, 'expert-apercu');
    await publier(page);
    await page.getByText('Horaires illisibles : syntaxe inattendue', { exact: false }).nth(1).waitFor();
    page.erreurs.length = 0; // Decap écrit dans la console qu'il a refusé d'enregistrer : attendu.
    await page.fermer();
  }
});
