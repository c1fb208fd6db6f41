// « Intégrer l'annuaire sur votre site » (/integrer/) et ses vues intégrées, dans Chromium : le
// partenaire choisit ses filtres, voit l'aperçu, copie le code ; ce code, collé tel quel dans une
// page d'une autre origine (un second serveur, sur un autre port), montre les lieux choisis, mène
// au site complet dans un nouvel onglet, ne dépose aucun cookie, ne garde rien sur l'appareil et
// ne demande rien à un autre site que celui de l'annuaire (et les tuiles du plan, servies ici).
//
// Lancés par `cargo test` (tests/integration/navigateur.rs). À la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/site \
//     && RESIN_SITE=/tmp/site node --test tests/navigateur/integrer.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE, lancer, ouvrir as ouvrirPage, axe, MERCREDI_10H } from './outils.mjs';
import { TUILE } from './serveur.mjs';

const INDEX = JSON.parse(readFileSync(join(SITE, 'lieux/recherche.json'), 'utf8'));
// L'adresse publique du site d'exemple (site.yaml), que le code donne.
const PUBLIQUE = 'https://resin.exemple.fr/';

let nav, hote, hoteBase, hotePage = '';

before(async () => {
  nav = await lancer();
  // La page du partenaire, sur une autre origine : le code collé dans son corps.
  hote = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hotePage);
  });
  await new Promise((ok) => hote.listen(0, '127.0.0.1', ok));
  hoteBase = `http://127.0.0.1:${hote.address().port}`;
});

after(async () => {
  await nav?.fermer();
  hote?.close();
});

// Les noms des lieux d'une liste intégrée, sans « (nouvel onglet) » que chacun dit.
async function nomsDe(cadre) {
  const noms = await cadre.locator('#resultats-liste > li h3').allTextContents();
  return noms.map((n) => n.replace(/ \(nouvel onglet\)$/, ''));
}

// Le code que donne /integrer/ après ces choix (la page ouverte, le formulaire rempli).
async function codeDe(page, { vue = 'liste', besoin = '', commune = '', gratuit = false } = {}) {
  await page.check(`#i-vue-${vue}`);
  if (besoin) await page.selectOption('#i-besoin', besoin);
  if (commune) await page.selectOption('#i-commune', commune);
  if (gratuit) await page.check('#f-gratuit');
  return page.inputValue('#integrer-code');
}

// Les lieux de l'index qui ont ce besoin, dans cette commune, gratuits.
function attendus(besoin, commune) {
  const s = INDEX.services.findIndex((v) => v[3] === besoin);
  const c = INDEX.communes.findIndex((v) => v[3] === commune);
  const g = INDEX.frais.indexOf('Gratuit');
  return INDEX.lieux.filter((l) => (l.s || []).includes(s) && l.c === c && (l.f || []).includes(g)).map((l) => l.n).sort();
}

// Le code collé dans une page d'une autre origine : ce que Chromium demande, les lieux du cadre.
async function chezLePartenaire(code) {
  // Le code vise l'adresse publique du site ; ici, le site est servi en local.
  hotePage = '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mairie de Bron</title></head>'
    + `<body><main><h1>Se faire aider avec le numérique</h1>${code.split(PUBLIQUE).join(nav.base + '/')}</main></body></html>`;
  const context = await nav.browser.newContext({ viewport: { width: 375, height: 900 }, locale: 'fr-FR' });
  const requetes = [];
  context.on('request', (r) => requetes.push(r.url()));
  await context.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TUILE }));
  const page = await context.newPage();
  const erreurs = [];
  page.on('pageerror', (e) => erreurs.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') erreurs.push(m.text()); });
  await page.clock.setFixedTime(MERCREDI_10H);
  await page.goto(hoteBase + '/');
  const cadre = page.frameLocator('iframe');
  await cadre.locator('#resultats-liste > li').first().waitFor();
  return { context, page, cadre, requetes, erreurs };
}

test('/integrer/ : les choix font le code et l’aperçu ; le code se copie ; sans JavaScript, le code par défaut', async () => {
  const page = await ouvrirPage(nav, '/integrer/');
  const defaut = await page.inputValue('#integrer-code');
  assert.match(defaut, /^<iframe src="https:\/\/resin\.exemple\.fr\/integrer\/liste\/" title="Lieux d'aide au numérique – Rés'IN"/);
  const code = await codeDe(page, { besoin: 'aide-aux-demarches-administratives', commune: 'bron', gratuit: true });
  assert.equal(code, '<iframe src="https://resin.exemple.fr/integrer/liste/?besoin=aide-aux-demarches-administratives&amp;commune=bron&amp;gratuit=1"'
    + ' title="Lieux d\'aide au numérique – Rés\'IN" width="100%" height="600" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>');
  assert.equal(await page.getAttribute('#integrer-apercu', 'src'), '/integrer/liste/?besoin=aide-aux-demarches-administratives&commune=bron&gratuit=1');
  const apercu = page.frameLocator('#integrer-apercu');
  await apercu.locator('#resultats-liste > li').first().waitFor();
  await page.waitForFunction(() => /commune=bron/.test(document.getElementById('integrer-apercu').contentWindow.location.search));
  const noms = await nomsDe(apercu);
  assert.deepEqual(noms.sort(), attendus('aide-aux-demarches-administratives', 'bron'));
  await axe(page, '/integrer/ rempli');

  // Une langue parlée : la liste des lieux où l'on parle arabe, pour un CCAS.
  await page.selectOption('#i-besoin', '');
  await page.selectOption('#i-commune', '');
  await page.uncheck('#f-gratuit');
  await page.selectOption('#i-langue', 'ar');
  assert.match(await page.inputValue('#integrer-code'), /integrer\/liste\/\?langue=ar"/);
  const arabe = INDEX.langues.findIndex((l) => l[1] === 'ar');
  const parlent = INDEX.lieux.filter((l) => (l.l || []).includes(arabe)).map((l) => l.n).sort();
  assert.ok(parlent.length >= 1, 'un lieu de l’exemple parle arabe');
  // L'aperçu se recharge à chaque choix : attendre qu'il montre la dernière liste.
  let montres = [];
  for (let essai = 0; essai < 100 && JSON.stringify(montres) !== JSON.stringify(parlent); essai += 1) {
    await page.waitForTimeout(200);
    montres = (await nomsDe(apercu).catch(() => [])).sort();
  }
  assert.deepEqual(montres, parlent);
  assert.match(await page.getAttribute('#integrer-apercu', 'src'), /\?langue=ar$/);
  await page.fermer();

  // Le bouton copie le code.
  const context = await nav.browser.newContext({ locale: 'fr-FR' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: nav.base });
  const p = await context.newPage();
  await p.goto(nav.base + '/integrer/');
  const carte = await codeDe(p, { vue: 'carte', commune: 'venissieux' });
  assert.match(carte, /src="https:\/\/resin\.exemple\.fr\/integrer\/carte\/\?commune=venissieux"/);
  await p.click('#integrer-copier');
  await p.waitForFunction(() => document.getElementById('integrer-copie').textContent !== '');
  assert.equal(await p.evaluate(() => navigator.clipboard.readText()), carte);
  assert.match(await p.textContent('#integrer-copie'), /Code copié/);
  await context.close();

  // Sans JavaScript : le code par défaut se lit et se sélectionne ; le formulaire attend le script.
  const sans = await ouvrirPage(nav, '/integrer/', { js: false });
  assert.equal(await sans.inputValue('#integrer-code'), defaut);
  assert.equal(await sans.isVisible('#integrer'), false);
  assert.equal(await sans.isVisible('#integrer-copier'), false);
  await sans.fermer();
});

test('le code dans une page d’une autre origine : les lieux choisis, le lien vers le site, ni cookie ni autre site', async () => {
  const page = await ouvrirPage(nav, '/integrer/');
  const code = await codeDe(page, { besoin: 'aide-aux-demarches-administratives', commune: 'bron', gratuit: true });
  await page.fermer();
  const h = await chezLePartenaire(code);
  const noms = await nomsDe(h.cadre);
  assert.deepEqual(noms.sort(), attendus('aide-aux-demarches-administratives', 'bron'));
  assert.ok(noms.length > 0);
  // Ni l'en-tête ni le pied du site ; un titre et des repères pour les lecteurs d'écran.
  assert.equal(await h.cadre.locator('header.entete, footer.pied, nav').count(), 0);
  assert.equal(await h.page.getAttribute('iframe', 'title'), 'Lieux d\'aide au numérique – Rés\'IN');
  // « Voir sur Rés'IN » : la liste complète, mêmes critères, dans un nouvel onglet.
  const lien = h.cadre.locator('#integre-complet');
  assert.match(await lien.textContent(), /Voir sur Rés'IN.*nouvel onglet/);
  const [onglet] = await Promise.all([h.context.waitForEvent('page'), lien.click()]);
  await onglet.waitForLoadState();
  assert.equal(onglet.url(), nav.base + '/lieux/?besoin=aide-aux-demarches-administratives&commune=bron&gratuit=1');
  // Une fiche aussi s'ouvre dans un nouvel onglet, pas dans le cadre.
  const [fiche] = await Promise.all([h.context.waitForEvent('page'), h.cadre.locator('#resultats-liste > li h3 a').first().click()]);
  await fiche.waitForLoadState();
  assert.match(fiche.url(), /\/lieux\/[^/]+\/$/);
  assert.match(h.page.frames()[1].url(), /\/integrer\/liste\//, 'le cadre reste sur la liste');
  await onglet.close();
  await fiche.close();
  // Rien d'autre que la page du partenaire et le site de l'annuaire ; aucun cookie.
  const ailleurs = h.requetes.filter((u) => !u.startsWith(hoteBase + '/') && !u.startsWith(nav.base + '/'));
  assert.deepEqual(ailleurs, []);
  assert.deepEqual(await h.context.cookies(), []);
  assert.deepEqual(h.erreurs, []);
  await h.context.close();
});

test('la carte intégrée : les lieux, les tuiles seules viennent d’ailleurs, rien n’est gardé sur l’appareil', async () => {
  const page = await ouvrirPage(nav, '/integrer/');
  const code = await codeDe(page, { vue: 'carte', commune: 'venissieux' });
  await page.fermer();
  const h = await chezLePartenaire(code);
  const c = INDEX.communes.findIndex((v) => v[3] === 'venissieux');
  const noms = await nomsDe(h.cadre);
  assert.deepEqual(noms.sort(), INDEX.lieux.filter((l) => l.c === c).map((l) => l.n).sort());
  await h.cadre.locator('#carte-lanceur button').click();
  await h.cadre.locator('#carte .leaflet-marker-icon').first().waitFor();
  const ailleurs = h.requetes.filter((u) => !u.startsWith(hoteBase + '/') && !u.startsWith(nav.base + '/'));
  assert.ok(ailleurs.length > 0 && ailleurs.every((u) => u.startsWith('https://tile.openstreetmap.org/')), ailleurs.join('\n'));
  const garde = await h.page.frames()[1].evaluate(() => localStorage.length);
  assert.equal(garde, 0, 'le choix d’afficher la carte n’est pas gardé');
  assert.deepEqual(await h.context.cookies(), []);
  assert.deepEqual(h.erreurs, []);
  await h.context.close();
});

test('les vues intégrées passent axe', async () => {
  for (const chemin of ['/integrer/liste/?commune=bron', '/integrer/carte/?besoin=aide-aux-demarches-administratives']) {
    const page = await ouvrirPage(nav, chemin);
    await page.locator('#resultats-liste > li').first().waitFor();
    await axe(page, chemin);
    await page.fermer();
  }
});
