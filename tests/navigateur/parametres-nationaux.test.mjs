// Les liens de la cartographie nationale des lieux d'inclusion numérique (ANCT) sur /lieux/ et
// /carte/ : ses paramètres (services, frais_a_charge, territoires, dispositif_programmes_nationaux…,
// valeurs du standard séparées par des virgules) donnent les mêmes lieux que les paramètres de
// l'annuaire ; ce qui ne peut pas s'appliquer est dit sur la page. La traduction
// (resinNational.traduire, dans static/annuaire/national.js) est aussi testée seule, dans Node.
//
// Lancés par `cargo test` (tests/integration/navigateur.rs). À la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/site \
//     && RESIN_SITE=/tmp/site node --test tests/navigateur/parametres-nationaux.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { SITE, lancer, ouvrir as ouvrirPage } from './outils.mjs';

const require = createRequire(import.meta.url);
const national = require('../../themes/resin/static/annuaire/national.js');
const INDEX = JSON.parse(readFileSync(join(SITE, 'lieux/recherche.json'), 'utf8'));

let nav;
before(async () => { nav = await lancer(); });
after(async () => { await nav?.fermer(); });

// Les lieux listés (tous : « Afficher plus » jusqu'au bout), le titre des résultats, l'adresse.
async function liste(chemin) {
  const page = await ouvrirPage(nav, chemin);
  await page.waitForFunction(() => {
    const s = document.getElementById('resultats');
    return s && !s.hidden && document.getElementById('resultats-annonce').textContent !== '';
  });
  while (await page.isVisible('#resultats-plus')) await page.click('#resultats-plus');
  const vue = {
    noms: await page.$$eval('#resultats-liste > li h3', (h) => h.map((x) => x.textContent)),
    titre: await page.textContent('#resultats-titre'),
    criteres: await page.textContent('#resultats-criteres'),
    adresse: await page.evaluate(() => location.pathname + location.search),
    national: await page.evaluate(() => {
      const p = document.getElementById('resultats-national');
      return p && !p.hidden ? p.textContent : '';
    }),
  };
  return { page, vue };
}

test('traduire : une valeur du standard devient le critère de l’annuaire, sans casse ni accents', () => {
  const r = national.traduire('?services=aide+aux+DEMARCHES%20administratives&frais_a_charge=gratuit&prise_rdv=Prise+de+RDV+en+ligne', INDEX);
  assert.deepEqual(r.etat, { besoin: 'aide-aux-demarches-administratives', gratuit: '1', rdv: '1' });
  assert.deepEqual(r.filtres, []);
  assert.deepEqual(r.inconnus, []);
  assert.equal(r.restes, '');
  assert.equal(national.traduire('?besoin=x&commune=bron', INDEX), null, 'sans paramètre national : rien');
  // Le début d'un service n'en vaut pas plusieurs : « Aide » est dit, pas appliqué.
  const aide = national.traduire('?services=Aide', INDEX);
  assert.deepEqual([aide.etat, aide.filtres, aide.inconnus.length], [{}, [], 1]);
  // prise_rdv=false ne demande pas le rendez-vous en ligne.
  assert.deepEqual(national.traduire('?prise_rdv=false', INDEX).etat, {});
});

test('traduire : plusieurs valeurs, l’une ou l’autre ; communes et départements par code INSEE ; valeurs inconnues dites', () => {
  const r = national.traduire('?services=Aide aux démarches administratives,Loisirs et créations numériques'
    + '&territoire_type=communes&territoires=69029,69259,99999&dispositif_programmes_nationaux=France Services,Inconnu'
    + '&prise_en_charge_specifique=Langues étrangères&latitude=45.75&longitude=4.85&zoom=13', INDEX);
  const services = r.filtres.find((f) => f.cle === 's');
  assert.deepEqual(services.valeurs.map((k) => INDEX.services[k][3]),
    ['aide-aux-demarches-administratives', 'loisirs-et-creations-numeriques']);
  const communes = r.filtres.find((f) => f.cle === 'c');
  assert.deepEqual(communes.valeurs.map((k) => INDEX.communes[k][0]), ['Bron', 'Vénissieux']);
  assert.deepEqual(r.filtres.find((f) => f.cle === 'd').valeurs.map((k) => INDEX.dispositifs[k]), ['France Services']);
  // « Langues étrangères » (la carte nationale) : les deux valeurs du standard qui commencent ainsi.
  assert.deepEqual(r.filtres.find((f) => f.cle === 'e').valeurs.map((k) => INDEX.prises[k][1]),
    ['langues-etrangeres-anglais', 'langues-etrangeres-autres']);
  assert.deepEqual(r.position, { lat: 45.75, lon: 4.85, zoom: 13 });
  assert.equal(r.inconnus.length, 2, r.inconnus.join(' ; '));
  assert.match(r.inconnus.join(' '), /« 99999 ».*« Inconnu »|« Inconnu ».*« 99999 »/);
  // Un seul département : toutes ses communes ; une seule commune : le critère de l'annuaire.
  const rhone = national.traduire('?territoire_type=departements&territoires=69', INDEX);
  assert.equal(rhone.filtres[0].valeurs.length, INDEX.communes.filter((c) => /^69/.test(c[4] || '')).length);
  assert.deepEqual(national.traduire('?territoire_type=communes&territoires=69029', INDEX).etat, { commune: 'bron' });
  assert.match(national.traduire('?territoire_type=regions&territoires=84', INDEX).inconnus[0], /région/);
});

test('/lieux/ : le lien de la cartographie nationale liste les mêmes lieux que les critères de l’annuaire', async () => {
  const a = await liste('/lieux/?services=Aide aux démarches administratives&frais_a_charge=Gratuit');
  const b = await liste('/lieux/?besoin=aide-aux-demarches-administratives&gratuit=1');
  assert.ok(a.vue.noms.length > 0 && a.vue.noms.length < INDEX.lieux.length, a.vue.titre);
  assert.deepEqual(a.vue.noms, b.vue.noms);
  assert.equal(a.vue.titre, b.vue.titre);
  // Le formulaire montre les critères, et l'adresse est celle de l'annuaire.
  assert.equal(await a.page.inputValue('#f-besoin'), 'aide-aux-demarches-administratives');
  assert.ok(await a.page.isChecked('input[name=gratuit]'));
  assert.equal(a.vue.adresse, '/lieux/?besoin=aide-aux-demarches-administratives&gratuit=1');
  // Le lien le dit (tests/navigateur/liens-filtres.test.mjs), sans rien de « non appliqué ».
  assert.equal(a.vue.national, 'Lien de la carte nationale des lieux d’inclusion numérique : critères repris ci-dessous.');
  await a.page.fermer();
  await b.page.fermer();
});

test('/lieux/ : plusieurs valeurs et plusieurs communes, et ce qui ne s’applique pas est dit', async () => {
  const { page, vue } = await liste('/lieux/?services=Aide+aux+d%C3%A9marches+administratives,Loisirs+et+cr%C3%A9ations+num%C3%A9riques'
    + '&territoire_type=communes&territoires=69029,69259,99999&publics_specifiquement_adresses=Licornes');
  // Ce qu'attend la carte nationale : l'un ou l'autre besoin, et l'une ou l'autre commune.
  const s = ['aide-aux-demarches-administratives', 'loisirs-et-creations-numeriques'].map((x) => INDEX.services.findIndex((v) => v[3] === x));
  const c = ['Bron', 'Vénissieux'].map((x) => INDEX.communes.findIndex((v) => v[0] === x));
  const attendus = INDEX.lieux.filter((l) => (l.s || []).some((k) => s.includes(k)) && c.includes(l.c)).map((l) => l.n);
  assert.ok(attendus.length > 1);
  assert.deepEqual([...vue.noms].sort(), [...attendus].sort());
  assert.match(vue.criteres, /Bron ou Vénissieux/);
  assert.match(vue.national, /carte nationale.*Non appliqué ici : (« Licornes ».*« 99999 »|« 99999 ».*« Licornes »)/);
  // Les critères que le formulaire ne sait pas dire restent dans l'adresse, sous leur forme nationale.
  assert.match(vue.adresse, /territoires=69029,69259/);
  assert.doesNotMatch(vue.adresse, /99999|Licornes/);
  // « Effacer les critères » les efface aussi.
  await page.click('#filtres summary');
  await page.click('button[type=reset]');
  await page.waitForFunction(() => !/territoires/.test(location.search));
  assert.equal(await page.isVisible('#resultats-national'), false);
  await page.fermer();
  // Rien d'applicable : tous les lieux, et la raison.
  const seul = await liste('/lieux/?services=Cueillette+de+champignons');
  assert.equal(seul.vue.noms.length, INDEX.lieux.length);
  assert.match(seul.vue.national, /« Cueillette de champignons » \(besoin : aucun lieu de ce site\)/);
  await seul.page.fermer();
});

test('/carte/ : les mêmes lieux que les critères de l’annuaire, et la vue demandée', async () => {
  const a = await liste('/carte/?dispositif_programmes_nationaux=France%20Services&latitude=45.76&longitude=4.84&zoom=15');
  const d = INDEX.dispositifs.indexOf('France Services');
  const attendus = INDEX.lieux.filter((l) => (l.d || []).includes(d)).map((l) => l.n);
  assert.ok(attendus.length > 0);
  assert.deepEqual([...a.vue.noms].sort(), [...attendus].sort());
  // Trié depuis le point du lien ; la carte s'y ouvre, au zoom demandé.
  assert.match(a.vue.criteres, /plus proche au plus loin de l’endroit choisi par le lien/);
  await a.page.click('#carte-lanceur button');
  await a.page.waitForSelector('#carte .leaflet-tile');
  const zoom = await a.page.evaluate(() => document.querySelector('#carte .leaflet-tile').src.match(/\/(\d+)\/\d+\/\d+\.png/)[1]);
  assert.equal(zoom, '15');
  const b = await liste('/carte/?services=Aide aux démarches administratives');
  const c = await liste('/carte/?besoin=aide-aux-demarches-administratives');
  assert.deepEqual(b.vue.noms, c.vue.noms);
  for (const x of [a, b, c]) await x.page.fermer();
});
