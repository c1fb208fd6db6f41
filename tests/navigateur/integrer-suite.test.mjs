// Suite de /integrer/ (ticket 24), dans Chromium : le menu principal écrit une fois (replié sur
// un téléphone, sur une ligne sur un grand écran), les vues intégrées (le nom d'un lieu dit qu'il
// ouvre un nouvel onglet ; le premier lieu se voit dans un cadre de 600 pixels sur un téléphone),
// /integrer/ sans JavaScript (des codes prêts à copier) et /orienter/, qui redit la langue comme
// la table des langues l'écrit.
//
// Lancés par `cargo test` (tests/integration/navigateur.rs). À la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/site \
//     && RESIN_SITE=/tmp/site node --test tests/navigateur/integrer-suite.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { lancer, ouvrir as ouvrirPage, axe } from './outils.mjs';

let nav;

before(async () => {
  nav = await lancer();
});

after(async () => {
  await nav?.fermer();
});

const ouvrir = (chemin, options) => ouvrirPage(nav, chemin, options);
const ECRAN = { viewport: { width: 1280, height: 800 } };

// Ce que montre le menu : les liens visibles et le bouton « Menu ».
async function menu(page) {
  return page.evaluate(() => {
    // checkVisibility : ni display: none, ni le contenu d'un <details> fermé (content-visibility).
    const visible = (e) => !!e && e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true });
    const liens = [...document.querySelectorAll('.entete .menu a')];
    return {
      navs: document.querySelectorAll('nav[aria-label="Menu principal"]').length,
      liens: liens.length,
      visibles: liens.filter(visible).length,
      bouton: visible(document.querySelector('.menu-replie > summary')),
      hauteurs: liens.filter(visible).map((a) => a.getBoundingClientRect().height),
      // Les liens sur une ligne : tous à la même hauteur dans la page.
      lignes: new Set(liens.filter(visible).map((a) => Math.round(a.getBoundingClientRect().top))).size,
    };
  });
}

test('le menu principal est écrit une fois : replié derrière « Menu » sur un téléphone, sur une ligne sur un grand écran', async () => {
  const telephone = await ouvrir('/lieux/');
  let m = await menu(telephone);
  assert.equal(m.navs, 1, 'un seul menu pour un lecteur d’écran');
  assert.ok(m.liens >= 5, `${m.liens} liens`);
  assert.equal(m.visibles, 0, 'replié');
  assert.ok(m.bouton, 'le bouton « Menu »');
  await telephone.click('.menu-replie > summary');
  m = await menu(telephone);
  assert.equal(m.visibles, m.liens, 'ouvert');
  assert.equal(m.lignes, m.liens, 'un lien par ligne');
  for (const h of m.hauteurs) assert.ok(h >= 44, `un lien de ${h} px`);
  await axe(telephone, 'le menu ouvert sur un téléphone');
  await telephone.fermer();

  const ecran = await ouvrir('/lieux/', { contexte: ECRAN });
  m = await menu(ecran);
  assert.equal(m.navs, 1);
  assert.equal(m.visibles, m.liens, 'tous les liens, sans cliquer');
  assert.equal(m.bouton, false, 'pas de bouton « Menu »');
  assert.equal(m.lignes, 1, 'sur une ligne');
  for (const h of m.hauteurs) assert.ok(h >= 44, `un lien de ${h} px`);
  assert.equal(await ecran.getAttribute('.menu a[aria-current="page"]', 'href'), '/lieux/');
  await axe(ecran, 'le menu sur un grand écran');
  // Le menu se parcourt au clavier sans passer par un bouton caché.
  await ecran.keyboard.press('Tab'); // « Aller au contenu »
  await ecran.keyboard.press('Tab'); // le nom du site
  await ecran.keyboard.press('Tab');
  assert.equal(await ecran.evaluate(() => document.activeElement.textContent), 'Accueil');
  await ecran.fermer();

  // Sans JavaScript, pareil.
  const sans = await ouvrir('/lieux/', { js: false });
  m = await menu(sans);
  assert.equal(m.visibles, 0);
  await sans.click('.menu-replie > summary');
  assert.equal((await menu(sans)).visibles, m.liens);
  await sans.fermer();
});

test('dans la liste intégrée, le nom d’un lieu dit qu’il ouvre un nouvel onglet, et le premier se voit dans un cadre de 600 pixels', async () => {
  // Le cadre d'un partenaire sur un téléphone : 375 × 600.
  for (const chemin of ['/integrer/liste/', '/integrer/liste/?besoin=aide-aux-demarches-administratives&commune=bron&gratuit=1', '/integrer/carte/']) {
    const page = await ouvrir(chemin, { contexte: { viewport: { width: 375, height: 600 } } });
    await page.waitForSelector('#resultats-liste > li h3 a');
    const premier = await page.$eval('#resultats-liste > li h3 a', (a) => ({
      texte: a.textContent, rel: a.rel, cible: a.target || document.querySelector('base').target,
      bas: a.getBoundingClientRect().bottom,
    }));
    assert.match(premier.texte, /\(nouvel onglet\)$/, chemin);
    assert.equal(premier.rel, 'noopener', chemin);
    assert.equal(premier.cible, '_blank', chemin);
    // La liste : de la marge pour le titre plus long d'un autre site ou un nom sur deux lignes ;
    // la carte : sous le bouton « Afficher la carte ».
    const limite = chemin.includes('carte') ? 600 : 450;
    assert.ok(premier.bas <= limite, `${chemin} : le nom du premier lieu finit à ${premier.bas} px`);
    // Le nom accessible du lien le dit aussi.
    const nom = await page.getByRole('link', { name: /\(nouvel onglet\)/ }).first().textContent();
    assert.match(nom, /nouvel onglet/);
    await axe(page, chemin);
    await page.fermer();
  }
  // Sur le site complet, le nom seul.
  const lieux = await ouvrir('/lieux/?gratuit=1');
  await lieux.waitForSelector('#resultats-liste > li h3 a');
  assert.doesNotMatch(await lieux.textContent('#resultats-liste > li h3 a'), /onglet/);
  await lieux.fermer();
});

test('/integrer/ sans JavaScript donne des codes prêts à copier, qui marchent collés sur un autre site', async () => {
  const page = await ouvrir('/integrer/', { js: false });
  assert.ok(await page.isVisible('.integrer-sans-script'), 'les codes prêts à copier');
  assert.equal(await page.isVisible('#integrer'), false, 'le formulaire, qui a besoin du script, reste caché');
  const codes = await page.$$eval('.integrer-prets dd code', (cs) => cs.map((c) => c.textContent));
  assert.ok(codes.length >= 3, `${codes.length} codes`);
  await page.fermer();

  // Le code de la carte, collé tel quel dans la page d'une autre origine (l'adresse publique
  // remplacée par celle du site servi ici) : la carte des lieux s'y affiche.
  const carte = codes.find((c) => c.includes('/integrer/carte/'));
  assert.ok(carte, codes.join('\n'));
  const hote = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CCAS</title></head><body><h1>Se faire aider</h1>${carte.replace('https://resin.exemple.fr/', nav.base + '/')}</body></html>`);
  });
  await new Promise((ok) => hote.listen(0, '127.0.0.1', ok));
  const partenaire = await ouvrir('/', {});
  await partenaire.goto(`http://127.0.0.1:${hote.address().port}/`);
  const cadre = partenaire.frameLocator('iframe');
  await cadre.locator('#resultats-liste > li').first().waitFor();
  assert.match(await cadre.locator('.integre-titre').textContent(), /Carte des lieux/);
  await partenaire.fermer();
  hote.close();
});

test('/orienter/ redit la langue comme la table l’écrit : « AR » ou « Arabe » tapé, « parle arabe »', async () => {
  for (const tape of ['Arabe', 'AR']) {
    const page = await ouvrir(`/orienter/#demande=faire-une-demarche-caf&depuis=bron&langue=${tape}`);
    await page.waitForSelector('#selection:not([hidden])');
    const criteres = await page.textContent('#selection-criteres');
    assert.match(criteres, /parle arabe/, tape);
    assert.doesNotMatch(criteres, new RegExp(`parle ${tape}`), tape);
    assert.equal(await page.inputValue('#o-langue'), tape, 'le champ garde ce qui a été tapé');
    await page.fermer();
  }
  // Avec la case « autre langue » : « parle arabe (peu ou pas français) ».
  const page = await ouvrir('/orienter/#demande=faire-une-demarche-caf&depuis=bron&accompagnement=langues-etrangeres-autres&langue=ARABE');
  await page.waitForSelector('#selection:not([hidden])');
  assert.match(await page.textContent('#selection-criteres'), /parle arabe \(peu ou pas français\)/);
  await page.fermer();
});
