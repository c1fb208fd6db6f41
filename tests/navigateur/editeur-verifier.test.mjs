// Les problèmes de la fiche ouverte dans l'éditeur de l'aperçu (RESIN_APERCU, l'adresse d'un
// `resin serve`) : un téléphone mal écrit est signalé sous son champ, en français, sans chemin
// de fichier ni numéro de ligne, et compté en haut du formulaire ; rien n'est enregistré.
// Captures d'écran à 1280 × 900 et 375 × 812 dans RESIN_CAPTURES (si donné).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { TUILE } from './serveur.mjs';
import { fermerContexte } from './decap.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const APERCU = (process.env.RESIN_APERCU || '').replace(/\/$/, '');
const CAPTURES = process.env.RESIN_CAPTURES;

let browser;

before(async () => {
  if (APERCU) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
});

async function fiche(largeur, hauteur, jour = '2026-11-25') {
  const context = await browser.newContext({ viewport: { width: largeur, height: hauteur }, locale: 'fr-FR' });
  await context.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TUILE }));
  const page = await context.newPage();
  // Le jour des tests, celui de la construction : l'éditeur date la fiche du jour.
  await page.clock.setFixedTime(new Date(`${jour}T09:00:00Z`));
  const erreurs = [];
  page.on('pageerror', (e) => erreurs.push(String(e)));
  await page.goto(`${APERCU}/admin/`);
  const connexion = page.getByRole('button', { name: 'Se connecter' });
  if (await connexion.count()) await connexion.click();
  await page.getByRole('link', { name: 'Lieux', exact: true }).waitFor();
  await page.goto(`${APERCU}/admin/#/collections/lieux/entries/mediatheque-du-bachut`);
  return { page, context, erreurs, telephone: await champTelephone(page) };
}

async function champTelephone(page) {
  const libelle = page.locator('label', { hasText: 'Téléphone' }).first();
  await libelle.waitFor();
  return page.locator(`#${await libelle.getAttribute('for')}`);
}

test('dans l’aperçu, un téléphone mal écrit est signalé sous son champ avant l’enregistrement', { skip: !APERCU }, async () => {
  for (const [largeur, hauteur] of [[1280, 900], [375, 812]]) {
    const { page, context, erreurs, telephone } = await fiche(largeur, hauteur);
    // La fiche de l'exemple est correcte : rien n'est signalé.
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('.resin-probleme').count(), 0, 'une fiche correcte n’a pas de problème');
    await telephone.fill('04 78');
    const probleme = page.locator('.resin-probleme');
    await probleme.first().waitFor({ timeout: 20000 });
    const texte = await probleme.first().innerText();
    assert.match(texte, /téléphone invalide «\u00a004 78\u00a0»/i);
    assert.match(texte, /10 chiffres/);
    assert.doesNotMatch(texte, /content\/|\.md|:\d+:\d+|erreur\[|`/, 'ni chemin, ni ligne, ni code');
    // Sous le champ du téléphone, lié à lui pour les lecteurs d'écran.
    const id = await probleme.first().getAttribute('id');
    assert.match(await telephone.getAttribute('aria-describedby'), new RegExp(id));
    assert.equal(await telephone.getAttribute('aria-invalid'), 'true');
    const sous = await telephone.evaluate((n) => n.nextElementSibling && n.nextElementSibling.className);
    assert.equal(sous, 'resin-probleme', 'le message suit le champ');
    // Le résumé en haut du formulaire, avec un lien vers le champ.
    const resume = page.locator('#resin-verification');
    assert.match(await resume.innerText(), /Cette fiche a 1 problème à corriger avant d’être publiée/);
    const boite = await probleme.first().boundingBox();
    const champ = await telephone.boundingBox();
    assert.ok(boite.y >= champ.y + champ.height - 1 && Math.abs(boite.x - champ.x) < 2, `le message est sous le champ (${JSON.stringify([boite, champ])})`);
    if (CAPTURES) {
      await mkdir(CAPTURES, { recursive: true });
      await telephone.evaluate((n) => n.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: join(CAPTURES, `erreur-champ-${largeur}.png`) });
      await resume.evaluate((n) => n.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(CAPTURES, `erreur-resume-${largeur}.png`) });
    }
    await resume.scrollIntoViewIfNeeded();
    await resume.getByRole('link').first().click();
    const vu = await telephone.boundingBox();
    assert.ok(vu.y >= 0 && vu.y + vu.height <= hauteur, `le lien mène au champ (${JSON.stringify(vu)})`);
    // Corrigé : le problème s'en va.
    await telephone.fill('04 78 00 00 00');
    await page.locator('.resin-probleme').first().waitFor({ state: 'detached', timeout: 20000 });
    assert.deepEqual(erreurs, []);
    await fermerContexte(context);
  }
});

// Attendre que la page de l'aperçu `chemin` vérifie `condition`.
async function attendre(chemin, condition) {
  const debut = Date.now();
  for (;;) {
    const html = await (await fetch(`${APERCU}${chemin}`)).text();
    if (condition(html)) return html;
    assert.ok(Date.now() - debut < 20000, `l’aperçu de ${chemin} n’a pas suivi`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

test('dans l’aperçu, enregistrer une fiche qui a un problème le dit tout de suite, et sa page aussi', { skip: !APERCU }, async () => {
  // Ce que l'éditeur ne voit pas avant l'enregistrement et que resin voit : l'horloge de cet
  // ordinateur est en avance, la date de mise à jour écrite est dans le futur.
  const { page, context, erreurs, telephone } = await fiche(1280, 900, '2027-01-10');
  const avant = await telephone.inputValue();
  await telephone.fill('04 78 78 12 01');
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').click();
  // Après l'enregistrement (l'aperçu recharge l'éditeur), le formulaire dit le problème.
  const resume = page.locator('#resin-verification');
  await resume.getByText('Cette fiche a 1 problème', { exact: false }).waitFor({ timeout: 20000 });
  assert.match(await resume.innerText(), /futur/);
  // La page de la fiche dans l'aperçu : la dernière version correcte, et pourquoi.
  const html = await attendre('/lieux/mediatheque-du-bachut/', (h) => h.includes('id="resin-fiche"'));
  assert.match(html, /Cette page montre la dernière version correcte de la fiche/);
  assert.match(html, /futur/i);
  if (CAPTURES) {
    await resume.evaluate((n) => n.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(CAPTURES, 'enregistree-1280.png') });
    const telephone375 = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'fr-FR' });
    const apercu = await telephone375.newPage();
    // Le jour des tests, celui de la construction : l'éditeur date la fiche du jour.
    await apercu.clock.setFixedTime(new Date('2026-11-25T09:00:00Z'));
    await apercu.goto(`${APERCU}/lieux/mediatheque-du-bachut/`);
    await apercu.screenshot({ path: join(CAPTURES, 'page-fiche-375.png') });
    await apercu.locator('#resin-erreurs summary').click();
    await apercu.screenshot({ path: join(CAPTURES, 'panneau-ouvert-375.png') });
    await fermerContexte(telephone375);
  }
  // Corrigé et enregistré : la page suit, sans note.
  await page.clock.setFixedTime(new Date('2026-11-25T09:00:00Z'));
  await page.reload();
  await (await champTelephone(page)).fill(avant);
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').click();
  await attendre('/lieux/mediatheque-du-bachut/', (h) => !h.includes('id="resin-fiche"') && !h.includes('resin-erreurs'));
  assert.deepEqual(erreurs, []);
  await fermerContexte(context);
});
