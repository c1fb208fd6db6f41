// Tests dans Chromium des cartes quand le fond de carte ne se charge pas (hors connexion, bloqué :
// issue 23) : la page le dit, hors de la carte, aux lecteurs d'écran aussi, et renvoie à la liste
// des lieux (/carte/) ou à l'adresse (fiche d'un lieu) ; et la taille des commandes de Leaflet.
//
// Lancés par `cargo test` (tests/integration/navigateur.rs), comme annuaire.test.mjs. À la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/site && RESIN_SITE=/tmp/site \
//   node --test tests/navigateur/carte-tuiles.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancer, ouvrir as ouvrirPage, axe } from './outils.mjs';

let nav;

before(async () => {
  nav = await lancer();
});

after(async () => {
  await nav?.fermer();
});

const TUILES = /^https:\/\/tile\.openstreetmap\.org\//;

// Une page de téléphone dont les tuiles du plan ne viennent pas : la demande échoue, comme hors
// connexion. Chromium note chaque échec dans la console ; ces lignes-là sont attendues.
async function ouvrirSansTuiles(chemin) {
  const page = await ouvrirPage(nav, chemin);
  await page.route(TUILES, (route) => route.abort('internetdisconnected'));
  const fermer = page.fermer;
  page.fermer = async () => {
    page.erreurs = page.erreurs.filter((e) => !/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(e));
    await fermer();
  };
  return page;
}

// Le message d'une carte sans fond : son texte, son lien, et où il est dans la page.
async function message(page) {
  await page.waitForSelector('.carte-sans-fond .alerte');
  return page.evaluate(() => {
    const zone = document.querySelector('.carte-sans-fond');
    const lien = zone.querySelector('a');
    const carte = document.querySelector('.leaflet-container');
    const r = zone.getBoundingClientRect();
    return {
      role: zone.getAttribute('role'),
      texte: zone.textContent,
      lien: lien && lien.getAttribute('href'),
      titre: lien && lien.textContent,
      dansLaCarte: carte.contains(zone),
      avantLaCarte: !!(zone.compareDocumentPosition(carte) & Node.DOCUMENT_POSITION_FOLLOWING),
      visible: r.height > 0 && r.width > 0,
    };
  });
}

test('sur /carte/, sans fond de carte, la page le dit et renvoie à la liste des lieux', async () => {
  const page = await ouvrirSansTuiles('/carte/');
  assert.equal(await page.locator('.carte-sans-fond').count(), 0, 'rien avant la carte');
  await page.click('#carte-lanceur button');
  await page.waitForSelector('#carte .leaflet-marker-icon');
  const dit = await message(page);
  assert.equal(dit.role, 'status', 'annoncé aux lecteurs d’écran');
  assert.equal(dit.texte, 'Le fond de carte ne se charge pas. Les lieux restent dans la liste : voir la liste des lieux.');
  assert.match(dit.lien, /\/lieux\/$/);
  assert.ok(!dit.dansLaCarte && dit.avantLaCarte && dit.visible, JSON.stringify(dit));
  // Les lieux restent sur la carte et dans la liste d'à côté.
  assert.ok(await page.locator('#resultats-liste > li').count() > 0);
  await axe(page, '/carte/ sans fond de carte');
  // La connexion revenue, les tuiles suivantes se chargent : le message s'en va.
  await page.unroute(TUILES);
  await page.click('#carte .leaflet-control-zoom-in');
  await page.waitForFunction(() => !document.querySelector('.carte-sans-fond .alerte'));
  assert.equal(await page.getAttribute('.carte-sans-fond', 'role'), 'status', 'la zone reste, vide');
  await page.goto(dit.lien);
  await page.waitForURL(/\/lieux\/$/);
  await page.fermer();
});

test('sur une fiche, sans fond de carte, la page le dit et renvoie à l’adresse', async () => {
  const page = await ouvrirSansTuiles('/lieux/centre-social-des-essarts/');
  await page.click('#carte-lieu button');
  await page.waitForSelector('#carte-lieu .leaflet-marker-icon');
  const dit = await message(page);
  assert.equal(dit.role, 'status');
  assert.equal(dit.texte, 'Le fond de carte ne se charge pas. L’adresse et «\u00a0Y aller\u00a0» restent en haut de cette fiche : voir l’adresse.');
  assert.ok(!dit.dansLaCarte && dit.avantLaCarte && dit.visible, JSON.stringify(dit));
  assert.equal(await page.locator(dit.lien).evaluate((e) => e.tagName), 'ADDRESS');
  await axe(page, 'une fiche sans fond de carte');
  await page.click('.carte-sans-fond a');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'ADDRESS', 'le lien mène à l’adresse');
  await page.fermer();
});

test('avec son fond, la carte ne dit rien de plus ; ses boutons font 44 px, ses lieux au moins 24', async () => {
  const page = await ouvrirPage(nav, '/carte/');
  await page.click('#carte-lanceur button');
  await page.waitForSelector('#carte .grappe');
  await page.waitForFunction(() => document.querySelectorAll('#carte .leaflet-tile-loaded').length > 0);
  const tailles = await page.evaluate(() => {
    const boite = (e) => { const r = e.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; };
    return {
      zoom: [...document.querySelectorAll('#carte .leaflet-control-zoom a')].map(boite),
      grappes: [...document.querySelectorAll('#carte .grappe')].map(boite),
    };
  });
  assert.equal(tailles.zoom.length, 2);
  for (const [l, h] of tailles.zoom) assert.ok(l >= 44 && h >= 44, `bouton de zoom ${l} × ${h}`);
  assert.ok(tailles.grappes.length > 0);
  for (const [l, h] of tailles.grappes) assert.ok(l >= 24 && h >= 24, `groupe ${l} × ${h}`);
  assert.equal(await page.locator('.carte-sans-fond .alerte').count(), 0, 'pas de message quand les tuiles viennent');
  await page.fermer();

  const fiche = await ouvrirPage(nav, '/lieux/centre-social-des-essarts/');
  await fiche.click('#carte-lieu button');
  await fiche.waitForSelector('#carte-lieu .leaflet-marker-icon');
  const [marqueur, ...zoom] = await Promise.all(['#carte-lieu .leaflet-marker-icon', '#carte-lieu .leaflet-control-zoom-in',
    '#carte-lieu .leaflet-control-zoom-out'].map((s) => fiche.locator(s).boundingBox()));
  assert.ok(marqueur.width >= 24 && marqueur.height >= 24, JSON.stringify(marqueur));
  for (const b of zoom) assert.ok(b.width >= 44 && b.height >= 44, JSON.stringify(b));
  await fiche.fermer();
});
