// Le parcours d'un habitant qui suit, sur un téléphone (375 px), un lien filtré écrit par un
// partenaire : les paramètres de l'annuaire (/lieux/?besoin=…&commune=…) ou ceux de la
// cartographie nationale (/lieux/?services=…&frais_a_charge=…). À côté des critères, de quoi
// les modifier ou les effacer d'un toucher ; le titre et le nombre de lieux disent ce qui est
// montré (sur /carte/ aussi) ; ce que le lien demandait sans que l'annuaire l'ait est dit, une
// fois, aux lecteurs d'écran compris.
//
// Lancés par `cargo test` (tests/integration/navigateur.rs). À la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/site \
//     && RESIN_SITE=/tmp/site node --test tests/navigateur/liens-filtres.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SITE, lancer, ouvrir as ouvrirPage, axe } from './outils.mjs';

let nav;
before(async () => { nav = await lancer(); });
after(async () => { await nav?.fermer(); });

const ouvrir = (chemin, options) => ouvrirPage(nav, chemin, options);
const INDEX = JSON.parse(await readFile(join(SITE, 'lieux', 'recherche.json'), 'utf8'));
const TOTAL = INDEX.lieux.length;
const DEMARCHES = 'aide-aux-demarches-administratives';
const S_DEMARCHES = INDEX.services.findIndex((s) => s[3] === DEMARCHES);
const GRATUIT = INDEX.frais.indexOf('Gratuit');
const demarches = INDEX.lieux.filter((l) => (l.s || []).includes(S_DEMARCHES));
const demarchesGratuits = demarches.filter((l) => (l.f || []).includes(GRATUIT));
const lieux = (n) => (n === 1 ? '1 lieu' : `${n} lieux`);

// La page une fois les résultats affichés et annoncés : ce qu'elle montre et ce qu'elle annonce.
async function vue(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById('resultats');
    return s && !s.hidden && document.getElementById('resultats-annonce').textContent !== '';
  });
  return page.evaluate(() => {
    const texte = (id) => { const e = document.getElementById(id); return e && !e.hidden ? e.textContent : ''; };
    const notes = document.getElementById('resultats-lien');
    return {
      h1: document.querySelector('h1').textContent,
      title: document.title,
      titre: texte('resultats-titre'),
      criteres: texte('resultats-criteres'),
      notes: notes && !notes.hidden ? [...notes.querySelectorAll('p')].map((p) => p.textContent) : [],
      annonce: texte('resultats-annonce'),
      total: texte('carte-total'),
      adresse: location.pathname + location.search,
      noms: [...document.querySelectorAll('#resultats-liste > li h3')].length,
    };
  });
}

test('/lieux/ filtré : « Modifier les critères » et « Effacer » sont à côté des critères, d’un toucher', async () => {
  const page = await ouvrir(`/lieux/?besoin=${DEMARCHES}&gratuit=1`);
  const v = await vue(page);
  assert.equal(v.criteres, 'Critères : Faire mes démarches en ligne (CAF, impôts, santé…) · gratuits.');
  // Les deux boutons suivent les critères, dans le premier écran, de 44 px de haut au moins ;
  // le formulaire, lui, est après la liste.
  const boites = await page.evaluate(() => ['resultats-criteres', 'resultats-changer', 'resultats-effacer', 'filtres']
    .map((id) => document.getElementById(id).getBoundingClientRect().toJSON()));
  const [criteres, changer, effacer, filtres] = boites;
  for (const b of [changer, effacer]) {
    assert.ok(b.top >= criteres.bottom && b.bottom < 800, `dans le premier écran, sous les critères : ${JSON.stringify(b)}`);
    assert.ok(b.height >= 44 && b.width >= 44, `cible du pouce : ${JSON.stringify(b)}`);
  }
  assert.ok(filtres.top > 800, 'les filtres sont loin, après la liste');
  await axe(page, '/lieux/ filtrée, avec « Modifier les critères »');

  // Au clavier : « Modifier les critères » ouvre les filtres et y met le focus, à l'écran.
  assert.equal(await page.$eval('.filtres-panneau', (d) => d.open), false);
  await page.focus('#resultats-changer');
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('.filtres-panneau', (d) => d.open), true);
  assert.equal(await page.evaluate(() => document.activeElement.matches('.filtres-panneau > summary')), true);
  const summary = await page.$eval('.filtres-panneau > summary', (s) => s.getBoundingClientRect().toJSON());
  assert.ok(summary.top >= 0 && summary.bottom <= 800, `les filtres sont à l'écran : ${JSON.stringify(summary)}`);
  // Un critère changé là s'applique comme d'habitude.
  await page.selectOption('#f-commune', 'villeurbanne');
  await page.waitForFunction(() => /commune=villeurbanne/.test(location.search));
  await page.fermer();

  // « Effacer » : tous les lieux, l'adresse sans critère, le titre d'origine, le focus dessus.
  const autre = await ouvrir(`/lieux/?besoin=${DEMARCHES}&gratuit=1`);
  await vue(autre);
  await autre.click('#resultats-effacer');
  await autre.waitForFunction(() => location.search === '' && !document.getElementById('liste-complete').hidden);
  assert.equal(await autre.isHidden('#resultats'), true);
  assert.equal(await autre.textContent('h1'), 'Tous les lieux');
  assert.equal(await autre.title(), 'Tous les lieux – Rés\'IN');
  assert.equal(await autre.evaluate(() => document.activeElement === document.querySelector('h1')), true);
  assert.equal(await autre.isChecked('#f-gratuit'), false);
  await autre.fermer();

  // Sans JavaScript, rien de cela n'apparaît : ni boutons, ni formulaire, la liste complète.
  const sansJs = await ouvrir(`/lieux/?besoin=${DEMARCHES}&gratuit=1`, { js: false });
  assert.equal(await sansJs.isHidden('#resultats-changer'), true);
  assert.equal(await sansJs.isHidden('#resultats-effacer'), true);
  assert.equal(await sansJs.isVisible('#liste-complete'), true);
  await sansJs.fermer();
});

test('/lieux/ filtré : le h1 et le titre de la page disent ce qui est montré, et reviennent sans critère', async () => {
  const page = await ouvrir(`/lieux/?besoin=${DEMARCHES}&gratuit=1`);
  const v = await vue(page);
  assert.equal(v.h1, 'Lieux : démarches en ligne, gratuits');
  assert.equal(v.title, `Lieux : démarches en ligne, gratuits — ${lieux(demarchesGratuits.length)} – Rés'IN`);
  assert.equal(await page.locator('h1').count(), 1);
  // Ni le h1 ni le titre des résultats ne sont dans une zone annoncée : seul le nombre l'est.
  assert.equal(await page.evaluate(() => !!document.querySelector('h1').closest('[aria-live], [role=status]')), false);
  assert.equal(await page.evaluate(() => !!document.getElementById('resultats-titre').closest('[aria-live], [role=status]')), false);
  assert.equal(v.annonce, `${lieux(demarchesGratuits.length)} trouvés`);
  // Plus de trois critères : les trois premiers, et combien d'autres.
  await page.click('#resultats-changer');
  await page.check('#f-samedi');
  await page.check('#f-rdv');
  await page.waitForFunction(() => /rdv=1/.test(location.search));
  assert.match(await page.textContent('h1'), /^Lieux : démarches en ligne, gratuits, ouverts le samedi et un autre critère$/);
  // « Voir les lieux » met le focus sur le nombre de résultats, qui le dit : l'annonce se tait
  // (sinon le nombre serait dit deux fois).
  await page.uncheck('#f-rdv');
  await page.focus('#filtres button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'resultats-titre');
  await page.waitForTimeout(200);
  assert.equal(await page.textContent('#resultats-annonce'), '');
  // Sans critère, le titre d'origine revient (retour arrière jusqu'à l'adresse sans critère).
  await page.click('#filtres button[type=reset]');
  await page.waitForFunction(() => location.search === '');
  assert.equal(await page.textContent('h1'), 'Tous les lieux');
  assert.equal(await page.title(), 'Tous les lieux – Rés\'IN');
  await page.goBack();
  await page.waitForFunction(() => /samedi=1/.test(location.search));
  assert.equal(await page.textContent('h1'), 'Lieux : démarches en ligne, gratuits, ouverts le samedi');
  await page.fermer();
});

test('/carte/ : le nombre de lieux en tête et l’annonce suivent les critères, de la carte nationale ou de l’annuaire', async () => {
  for (const chemin of ['/carte/?services=Aide aux démarches administratives&frais_a_charge=Gratuit',
    `/carte/?besoin=${DEMARCHES}&gratuit=1`]) {
    const page = await ouvrir(chemin);
    const v = await vue(page);
    const n = demarchesGratuits.length;
    assert.equal(v.total, `${lieux(n)} sur ${TOTAL}`, chemin);
    assert.equal(v.titre, `${lieux(n)} sur ${TOTAL} correspondent à votre recherche`, chemin);
    assert.match(v.annonce, new RegExp(`^${lieux(n)} trouvés`), chemin);
    assert.equal(v.title, `Carte : démarches en ligne, gratuits — ${lieux(n)} – Rés'IN`, chemin);
    // Un critère de plus : le nombre suit, et l'annonce le dit.
    await page.click('#filtres summary');
    await page.uncheck('#f-gratuit');
    await page.waitForFunction((t) => document.getElementById('carte-total').textContent === t, `${lieux(demarches.length)} sur ${TOTAL}`);
    await page.waitForFunction((t) => document.getElementById('resultats-annonce').textContent === t, `${lieux(demarches.length)} trouvés`);
    // Tout effacé : le nombre de tous les lieux, comme sans JavaScript.
    await page.click('#resultats-effacer');
    await page.waitForFunction((t) => document.getElementById('carte-total').textContent === t, lieux(TOTAL));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'resultats-titre');
    assert.equal(await page.isHidden('#resultats-modifier'), true, 'plus rien à modifier');
    await page.fermer();
  }
});

test('des valeurs inconnues de l’annuaire dans un lien : chacune est dite, les autres critères gardés', async () => {
  // Rien de connu : tous les lieux, et pourquoi.
  let page = await ouvrir('/lieux/?commune=paris&besoin=zzz');
  let v = await vue(page);
  assert.deepEqual(v.notes, [
    'Le lien demandait « zzz » pour le besoin : aucun besoin de ce nom dans l’annuaire.',
    'Le lien demandait « paris » pour la commune : aucune commune de ce nom dans l’annuaire.',
    'Voici tous les lieux.',
  ]);
  assert.equal(v.titre, lieux(TOTAL));
  assert.equal(v.h1, 'Tous les lieux');
  assert.equal(v.adresse, '/lieux/', 'l’adresse ne garde que ce qui s’applique');
  // Annoncé une fois, avec le nombre de lieux, dans la zone polie des résultats.
  assert.equal(v.annonce, `${lieux(TOTAL)} trouvés. ${v.notes.join(' ')}`);
  assert.equal(await page.getAttribute('#resultats-annonce', 'aria-live'), 'polite');
  await axe(page, '/lieux/ d’un lien aux valeurs inconnues');
  await page.fermer();

  // Le besoin connu est gardé, la commune inconnue est dite ; une commune écrite comme son nom
  // (« Villeurbanne ») ou une case écrite « oui » sont comprises, sans rien dire.
  page = await ouvrir(`/lieux/?besoin=${DEMARCHES}&commune=paris&public=licornes&gratuit=oui&depuis=Villeurbanne`);
  v = await vue(page);
  assert.deepEqual(v.notes, [
    'Le lien demandait « paris » pour la commune : aucune commune de ce nom dans l’annuaire.',
    'Le lien demandait « licornes » pour le public : aucun public de ce nom dans l’annuaire.',
    'Les autres critères sont repris ci-dessous.',
  ]);
  assert.match(v.criteres, /^Critères : Faire mes démarches en ligne \(CAF, impôts, santé…\) · gratuits · du plus proche au plus loin de Villeurbanne\.$/);
  assert.equal(v.adresse, `/lieux/?besoin=${DEMARCHES}&gratuit=1&depuis=villeurbanne`);
  assert.equal(v.noms, Math.min(30, demarchesGratuits.length));
  // Le premier changement de l'habitant : la page ne parle plus du lien ; retour : elle en reparle.
  await page.click('#resultats-changer');
  await page.uncheck('#f-gratuit');
  await page.waitForFunction(() => !/gratuit/.test(location.search));
  assert.equal(await page.isHidden('#resultats-lien'), true);
  await page.goBack();
  await page.waitForFunction(() => /gratuit=1/.test(location.search));
  assert.equal(await page.isVisible('#resultats-lien'), true);
  assert.match(await page.textContent('#resultats-lien'), /« paris »/);
  // « Effacer » les efface avec les critères.
  await page.click('#resultats-effacer');
  await page.waitForFunction(() => location.search === '');
  assert.equal(await page.isHidden('#resultats'), true);
  assert.equal(await page.locator('#resultats-lien p').count(), 0);
  await page.fermer();

  // Une valeur inconnue d'une case, d'un type de lieu.
  page = await ouvrir('/lieux/?type=mobile&samedi=peut-etre');
  v = await vue(page);
  assert.deepEqual(v.notes, [
    'Le lien demandait « mobile » pour le type de lieu : aucun type de lieu de ce nom dans l’annuaire.',
    'Le lien demandait « peut-etre » pour « ouverts le samedi » : valeur inconnue de l’annuaire.',
    'Voici tous les lieux.',
  ]);
  await page.fermer();
});

test('un lien de la carte nationale le dit une fois, et dit ce qu’il n’a pas pu reprendre', async () => {
  let page = await ouvrir('/lieux/?services=Aide aux démarches administratives&frais_a_charge=Gratuit');
  let v = await vue(page);
  assert.deepEqual(v.notes, ['Lien de la carte nationale des lieux d’inclusion numérique : critères repris ci-dessous.']);
  assert.equal(v.criteres, 'Critères : Faire mes démarches en ligne (CAF, impôts, santé…) · gratuits.');
  assert.equal(v.annonce, `${lieux(demarchesGratuits.length)} trouvés. ${v.notes[0]}`);
  // Dit une fois : ni dans le titre, ni dans le résumé des filtres.
  const fois = await page.evaluate(() => document.getElementById('resultats').innerText.split('carte nationale').length - 1);
  assert.equal(fois, 1);
  assert.doesNotMatch(await page.title(), /nationale/);
  await page.fermer();

  page = await ouvrir('/lieux/?services=Aide aux démarches administratives,Cueillette&publics_specifiquement_adresses=Licornes'
    + '&besoin=zzz');
  v = await vue(page);
  assert.deepEqual(v.notes, [
    'Lien de la carte nationale des lieux d’inclusion numérique : critères repris ci-dessous. Non appliqué ici : '
      + '« Cueillette » (besoin : aucun lieu de ce site) ; « Licornes » (public : aucun lieu de ce site).',
    'Le lien demandait « zzz » pour le besoin : aucun besoin de ce nom dans l’annuaire.',
  ]);
  assert.equal(v.h1, 'Lieux : démarches en ligne');
  assert.equal(v.noms, Math.min(30, demarches.length));
  await page.fermer();

  // Rien de repris : la page le dit, et montre tous les lieux.
  page = await ouvrir('/carte/?services=Cueillette');
  v = await vue(page);
  assert.deepEqual(v.notes, [
    'Lien de la carte nationale des lieux d’inclusion numérique. Non appliqué ici : « Cueillette » (besoin : aucun lieu de ce site).',
    'Voici tous les lieux.',
  ]);
  assert.equal(v.total, lieux(TOTAL));
  assert.equal(v.criteres, '', 'pas de « Critères : . » vide');
  await page.fermer();
});
