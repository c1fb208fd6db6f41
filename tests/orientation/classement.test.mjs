// Tests unitaires du classement de « Orienter une personne » (themes/resin/static/orientation.js)
// sur l'annuaire d'essai tests/fixtures/orientation (son README dit à quoi sert chaque lieu).
//
// Lancés par `cargo test` (tests/integration/orientation.rs), qui construit l'annuaire d'essai
// au 25 novembre 2026 (un mercredi) et donne son dossier dans RESIN_SITE. À la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --root tests/fixtures/orientation --output /tmp/essai \
//     && RESIN_SITE=/tmp/essai node --test tests/orientation/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const api = require('../../themes/resin/static/orientation.js');
const SITE = process.env.RESIN_SITE;
if (!SITE) throw new Error('RESIN_SITE : dossier de l’annuaire d’essai construit (voir l’en-tête de ce fichier)');
const lire = (chemin) => JSON.parse(readFileSync(join(SITE, chemin), 'utf8'));
const INDEX = lire('lieux/recherche.json');
const DONNEES = lire('orienter/donnees.json');
const t = api.preparer(INDEX, DONNEES);

function centre(texte) {
  const [k] = api.communesDe(t, texte);
  return [INDEX.communes[k][1], INDEX.communes[k][2]];
}

const noms = (r) => r.lieux.map((x) => x.lieu.n);

// Le cas du ticket : démarche CAF, habite Vénissieux, libre le mardi matin, parle arabe.
const CAF_VENISSIEUX = {
  demande: 'faire-une-demarche-caf',
  position: null,
  jours: ['ma'],
  moments: ['matin'],
  accompagnement: ['langues-etrangeres-autres'],
};

function resume(resultat) {
  return resultat.lieux.map((r) => [r.lieu.n, r.points]);
}

test('démarche CAF, Vénissieux, mardi matin, autre langue : l’ordre, les points et les raisons', () => {
  const r = api.classer(t, { ...CAF_VENISSIEUX, position: centre('69200') });
  assert.deepEqual(resume(r), [
    // 30 disponible + 15 gratuit + (30 − 3 × 0,2 km) + 10 sans rendez-vous + 20 besoin
    ['Alpha France Services', 104.4],
    // itinérant : gardé (rien n'exige un lieu fixe), avec un avertissement
    ['Thêta Bus', 92.1],
    // 30 + 15 + (30 − 3 × 2,8) + 5 sur simple appel + 20
    ['Bêta Centre social', 91.6],
    // horaires inconnus : 10 au lieu de 30 ; gratuit sous condition : 8
    ['Delta Association', 77.1],
    // ex aequo : « Éta » avant « Zêta » (ordre sans accents)
    ['Éta Permanence', 71.8],
    ['Zêta Permanence', 71.8],
  ]);
  const [alpha, theta, beta, delta] = r.lieux;
  assert.deepEqual(alpha.raisons, [
    'ouvert le mardi matin', 'gratuit', 'à 200\u00a0m', 'accueil dans d\'autres langues', 'sans rendez-vous',
    'propose : Permanence CAF',
  ]);
  assert.deepEqual(alpha.avertissements, []);
  assert.deepEqual(alpha.offres.map((o) => o.offre.n), ['Permanence CAF'], 'l’atelier smartphone ne répond pas à ce besoin');
  assert.equal(alpha.prescription, true, 'Alpha prend les fiches de prescription, à son adresse');
  assert.deepEqual(theta.avertissements, ['service itinérant : vérifiez où et quand il passe']);
  assert.deepEqual(beta.raisons, [
    'ouvert le mardi matin', 'gratuit', 'à 2,8\u00a0km', 'accueil dans d\'autres langues', 'sur simple appel',
  ]);
  assert.deepEqual(delta.avertissements, ['horaires non renseignés : appelez avant d’y aller']);
  // Le prochain mardi matin d'Alpha : le 1er décembre (6e jour après le mercredi 25 novembre).
  assert.deepEqual(alpha.creneaux.map((c) => [c.i, c.p, c.jour]), [[6, [540, 720], 'ma'], [13, [540, 720], 'ma']]);
  // Écartés par une seule condition : Gamma (fermé le mardi matin), Epsilon (pas d'autre langue) ;
  // Iota ne propose pas le besoin : il n'est pas compté.
  assert.deepEqual(r.ecartes, { disponibilites: 1, accompagnement: 1 });
});

test('gratuit, sans rendez-vous, lieu fixe, sans commune ni disponibilités : égalités départagées par le nom', () => {
  const r = api.classer(t, { demande: 'faire-une-demarche-caf', gratuit: true, sansRdv: true, fixe: true });
  assert.deepEqual(resume(r), [
    ['Alpha France Services', 45],
    ['Epsilon Espace numérique', 45],
    ['Gamma Médiathèque', 45],
  ]);
  assert.deepEqual(r.lieux[0].raisons, ['gratuit', 'sans rendez-vous', 'propose : Permanence CAF']);
  // Delta n'est que gratuit sous condition, Bêta demande d'appeler, Thêta est itinérant ; Éta et
  // Zêta manquent deux conditions : ils ne sont pas comptés.
  assert.deepEqual(r.ecartes, { gratuit: 1, sansRdv: 1, fixe: 1 });
});

test('une activité du lieu suffit à répondre au besoin, pour une partie des points', () => {
  const r = api.classer(t, { demande: 'apprendre-a-utiliser-son-telephone', position: centre('Vénissieux') });
  // 15 gratuit + (30 − 3 × 0,2 km) + 10 sans rendez-vous + 10 (un des deux services du besoin)
  assert.deepEqual(resume(r), [['Alpha France Services', 64.4]]);
  assert.deepEqual(r.lieux[0].offres.map((o) => o.offre.n), ['Atelier smartphone']);
  assert.ok(r.lieux[0].raisons.includes('propose : Atelier smartphone'));
});

test('un lieu qui ne répond au besoin que par une activité est disponible aux heures de l’activité', () => {
  // L'atelier smartphone d'Alpha a lieu le mardi de 14 h à 16 h ; Alpha ouvre le mardi matin.
  const matin = api.classer(t, { demande: 'apprendre-a-utiliser-son-telephone', jours: ['ma'], moments: ['matin'] });
  assert.deepEqual(noms(matin), [], 'l’atelier n’est pas le matin');
  assert.deepEqual(matin.ecartes, { disponibilites: 1 });
  const apresMidi = api.classer(t, { demande: 'apprendre-a-utiliser-son-telephone', jours: ['ma'], moments: ['apres-midi'] });
  assert.deepEqual(noms(apresMidi), ['Alpha France Services']);
  const [alpha] = apresMidi.lieux;
  assert.equal(alpha.raisons[0], 'ouvert le mardi après-midi');
  // Le prochain moment est celui de l'atelier : mardi 1er décembre, 14 h – 16 h.
  assert.deepEqual(alpha.creneaux.map((c) => [c.i, c.p]), [[6, [840, 960]], [13, [840, 960]]]);
  // Pour la démarche CAF, la permanence du mardi matin convient ; l'atelier ne répond pas au besoin.
  const caf = api.classer(t, { demande: 'faire-une-demarche-caf', jours: ['ma'], moments: ['matin'] });
  const alphaCaf = caf.lieux.find((x) => x.lieu.n === 'Alpha France Services');
  assert.deepEqual(alphaCaf.offres.map((o) => [o.offre.n, o.convient]), [['Permanence CAF', true]]);
  const soir = api.classer(t, { demande: 'faire-une-demarche-caf', jours: ['ma'], moments: ['soir'] });
  assert.ok(!soir.lieux.some((x) => x.lieu.n === 'Alpha France Services'), 'Alpha n’ouvre pas le soir');
});

test('le même classement, dans quelque ordre que soient les lieux de l’index', () => {
  const criteres = { ...CAF_VENISSIEUX, position: centre('69200') };
  const attendu = resume(api.classer(t, criteres));
  const ordre = INDEX.lieux.map((_, k) => k).reverse();
  const inverse = api.preparer(
    { ...INDEX, lieux: ordre.map((k) => INDEX.lieux[k]) },
    { ...DONNEES, lieux: ordre.map((k) => DONNEES.lieux[k]) },
  );
  assert.deepEqual(resume(api.classer(inverse, criteres)), attendu);
  assert.deepEqual(resume(api.classer(t, criteres)), attendu, 'deux fois de suite, la même liste');
});

test('disponibilités : les jours seuls, les moments seuls, et une heure au moins dans le moment', () => {
  // Gamma ouvre le mercredi 14 h – 18 h : l'après-midi, pas le soir (0 h dans le soir après 18 h).
  const mercredi = api.classer(t, { demande: 'faire-une-demarche-caf', jours: ['me'] });
  assert.deepEqual(mercredi.lieux.map((r) => r.lieu.n), ['Gamma Médiathèque', 'Delta Association']);
  assert.equal(mercredi.lieux[0].raisons[0], 'ouvert le mercredi');
  const soir = api.classer(t, { demande: 'faire-une-demarche-caf', moments: ['soir'] });
  assert.deepEqual(soir.lieux.map((r) => r.lieu.n), ['Delta Association'], 'seul le lieu sans horaires reste');
  const apresMidi = api.classer(t, { demande: 'faire-une-demarche-caf', moments: ['apres-midi'] });
  assert.equal(apresMidi.lieux[0].raisons[0], 'ouvert l’après-midi');
  // Éta et Zêta ouvrent 10 h – 12 h : deux heures du matin, donc le matin.
  assert.deepEqual(api.creneaux(INDEX.debut, [[[600, 720]]], { moments: ['matin'] }).map((c) => c.moments), [['matin']]);
  // 11 h 30 – 13 h : une demi-heure le matin (toute la période n'y est pas) : l'après-midi seulement.
  assert.deepEqual(api.creneaux(INDEX.debut, [[[690, 780]]], {}).map((c) => c.moments), [['apres-midi']]);
});

test('la commune d’un code postal ou d’une adresse, sans service extérieur', () => {
  const communes = (texte) => api.communesDe(t, texte).map((k) => INDEX.communes[k][0]);
  assert.deepEqual(communes('69200'), ['Vénissieux']);
  // Le plus précis d'abord : 69008 est Lyon 8e avant d'être Lyon.
  assert.deepEqual(communes('12 rue Paul-Bert, 69008 Lyon'), ['Lyon 8e Arrondissement']);
  assert.deepEqual(communes('4 place de la Mairie, saint fons'), ['Saint-Fons']);
  assert.deepEqual(communes('St Fons'), ['Saint-Fons'], '« St » pour « Saint »');
  assert.deepEqual(communes('VENISSIEUX'), ['Vénissieux']);
  assert.deepEqual(communes('Vénis'), ['Vénissieux'], 'le début d’un nom');
  assert.deepEqual(communes('75011 Paris'), []);
  assert.deepEqual(communes('Paris'), []);
  assert.deepEqual(communes('Ly'), [], 'trop court pour deviner');
});

test('un code postal de plusieurs communes les donne toutes, sauf si l’adresse nomme la sienne', () => {
  // Le même annuaire, avec un code 69999 partagé par Saint-Fons et Vénissieux (pour l'essai).
  const postaux = { ...DONNEES.postaux, 69999: [...DONNEES.postaux['69190'], ...DONNEES.postaux['69200']] };
  const t2 = api.preparer(INDEX, { ...DONNEES, postaux });
  const communes = (texte) => api.communesDe(t2, texte).map((k) => INDEX.communes[k][0]);
  assert.deepEqual(communes('69999'), ['Saint-Fons', 'Vénissieux']);
  assert.deepEqual(communes('2 rue X, 69999 Vénissieux'), ['Vénissieux']);
});

test('un besoin inconnu (lien ancien) ne donne pas de liste', () => {
  assert.equal(api.classer(t, { demande: 'besoin-retire' }), null);
  assert.equal(api.classer(t, { demande: '__proto__' }), null);
});

test('les données de la page : un besoin par ligne de site.yaml, un complément par lieu de l’index', () => {
  assert.deepEqual(DONNEES.demandes.map((d) => d.id), ['faire-une-demarche-caf', 'apprendre-a-utiliser-son-telephone']);
  assert.equal(DONNEES.lieux.length, INDEX.lieux.length);
  const alpha = DONNEES.lieux[INDEX.lieux.findIndex((l) => l.n === 'Alpha France Services')];
  assert.equal(alpha.c, 'alpha@exemple.fr', 'l’adresse des fiches de prescription');
  const beta = DONNEES.lieux[INDEX.lieux.findIndex((l) => l.n === 'Bêta Centre social')];
  assert.equal(beta.c, undefined);
  // Les heures des activités, sur les 14 jours de l'index : l'atelier du mardi 14 h – 16 h.
  const atelier = DONNEES.offres.find((o) => o.n === 'Atelier smartphone');
  assert.deepEqual(atelier.o, [[6, 840, 960], [13, 840, 960]]);
});

test('la langue tapée est redite comme la table l’écrit : « Arabe », « AR », « ara » → « arabe »', () => {
  for (const tape of ['Arabe', ' ARABE ', 'ar', 'AR', 'ara']) assert.equal(api.nomLangue(t, tape), 'arabe', tape);
  // Une langue qu'aucun lieu de l'annuaire d'essai ne parle : la table entière la nomme.
  assert.ok(!(t.langues || []).some((l) => l[1] === 'wo'), 'aucun lieu d’essai ne parle wolof');
  assert.equal(api.nomLangue(t, 'WOLOF'), 'wolof');
  assert.equal(api.nomLangue(t, 'LSF'), 'langue des signes française (LSF)');
  assert.equal(api.nomLangue(t, 'Berbère'), 'berbère (tamazight)');
  // Hors de la table : le texte tapé, en minuscules.
  assert.equal(api.nomLangue(t, 'Klingon'), 'klingon');
  assert.equal(api.nomLangue(t, '  '), '');
});
