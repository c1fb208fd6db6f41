// Tests dans Chromium des langues parlées (`langues` des lieux) sur l'exemple construit : le
// filtre « Langue parlée » de l'annuaire, et /orienter/, qui met en premier les lieux où l'on
// parle la langue de la personne, avec la raison.
//
// Lancés par `cargo test` (tests/integration/navigateur.rs). À la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/site && RESIN_SITE=/tmp/site node --test tests/navigateur/langues.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SITE, lancer, ouvrir as ouvrirPage } from './outils.mjs';

let nav;

before(async () => {
  nav = await lancer();
});

after(async () => {
  await nav?.fermer();
});

const ouvrir = (chemin, options) => ouvrirPage(nav, chemin, options);
const INDEX = JSON.parse(await readFile(join(SITE, 'lieux', 'recherche.json'), 'utf8'));

// Les résultats affichés par annuaire.js une fois l'index chargé.
async function resultats(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById('resultats');
    return s && !s.hidden && document.getElementById('resultats-annonce').textContent !== '';
  });
  return page.$$eval('#resultats-liste > li', (lis) => lis.map((li) => ({
    href: li.querySelector('h3 a').getAttribute('href'),
    texte: li.textContent,
  })));
}

test('le filtre « Langue parlée » ne garde que les lieux où on la parle, et le dit', async () => {
  const ukrainien = INDEX.langues.findIndex((l) => l[1] === 'uk');
  const attendus = INDEX.lieux.filter((l) => (l.l || []).includes(ukrainien)).map((l) => l.u).sort();
  assert.ok(attendus.length >= 2 && attendus.length < INDEX.lieux.length, 'l’exemple a des lieux qui parlent ukrainien, pas tous');

  // Par l'adresse : /lieux/?langue=uk.
  const page = await ouvrir('/lieux/?langue=uk');
  const liste = await resultats(page);
  assert.deepEqual(liste.map((l) => l.href).sort(), attendus);
  for (const l of liste) assert.match(l.texte, /On y parle : .*ukrainien/, l.href);
  assert.equal(await page.inputValue('#f-langue'), 'uk');
  assert.match(await page.textContent('#resultats-criteres'), /on y parle ukrainien/);
  await page.fermer();

  // Par le formulaire : le choix s'écrit dans l'adresse.
  const form = await ouvrir('/lieux/');
  await form.waitForSelector('#filtres:not([hidden])');
  await form.click('.plus-criteres > summary');
  await form.selectOption('#f-langue', 'ar');
  await form.waitForFunction(() => location.search.indexOf('langue=ar') >= 0);
  const arabe = INDEX.langues.findIndex((l) => l[1] === 'ar');
  const parlentArabe = INDEX.lieux.filter((l) => (l.l || []).includes(arabe)).map((l) => l.u).sort();
  await form.waitForFunction((n) => document.querySelectorAll('#resultats-liste > li').length === n, parlentArabe.length);
  const trouves = await resultats(form);
  assert.deepEqual(trouves.map((l) => l.href).sort(), parlentArabe);
  // Les langues d'une carte dans l'ordre de la fiche, comme sur la liste sans script.
  const guillotiere = trouves.find((l) => l.href.includes('association-connexions-guillotiere'));
  assert.match(guillotiere.texte, /On y parle : arabe, anglais, espagnol, tigrigna/);
  await form.fermer();
});

// La liste de /orienter/ : nom, raisons.
async function orientation(page) {
  await page.waitForSelector('#selection:not([hidden])');
  return page.$$eval('#selection-liste > li', (lis) => lis.map((li) => ({
    nom: li.querySelector('h3 a').textContent,
    pourquoi: li.querySelector('.pourquoi').textContent,
  })));
}

test('/orienter/ met d’abord les lieux où l’on parle la langue de la personne, avec la raison', async () => {
  // Sans langue : la liste ordinaire.
  const sans = await ouvrir('/orienter/#demande=faire-une-demarche-caf&depuis=bron');
  const ordinaire = await orientation(sans);
  await sans.fermer();
  const page = await ouvrir('/orienter/#demande=faire-une-demarche-caf&depuis=bron&langue=Ukrainien');
  const lieux = await orientation(page);
  assert.equal(await page.inputValue('#o-langue'), 'Ukrainien', 'le champ reprend la langue, sans case à cocher');
  assert.equal(lieux.length, ordinaire.length, 'la langue classe, elle n’écarte aucun lieu');
  const parlent = lieux.filter((l) => /on y parle ukrainien/.test(l.pourquoi)).length;
  assert.ok(parlent >= 1 && parlent < lieux.length, `${parlent} lieux sur ${lieux.length}`);
  // Ceux où on la parle d'abord, chacun avec la raison en tête.
  lieux.slice(0, parlent).forEach((l) => assert.match(l.pourquoi, /^Pourquoi ce lieu : on y parle ukrainien/, l.nom));
  lieux.slice(parlent).forEach((l) => assert.doesNotMatch(l.pourquoi, /on y parle/, l.nom));
  assert.notEqual(ordinaire[0].nom, lieux[0].nom, 'sans la langue, un autre lieu venait en premier');
  assert.match(await page.textContent('#selection-criteres'), /parle ukrainien/);

  // Une langue qu'aucun lieu ne dit : rien ne change, et la liste rappelle de la demander.
  await page.goto(new URL('/orienter/#demande=faire-une-demarche-caf&depuis=bron&accompagnement=langues-etrangeres-autres&langue=tamoul', page.url()).href);
  await page.reload();
  const autres = await orientation(page);
  assert.ok(autres.every((l) => !/on y parle/.test(l.pourquoi)));
  assert.match(await page.textContent('#selection-criteres'), /demandez si l’on y parle tamoul/);
  await page.fermer();
});
