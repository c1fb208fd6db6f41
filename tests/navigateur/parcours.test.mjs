// Le parcours d'un habitant sur un téléphone (375 × 812), mardi 1er décembre 2026 à 10 h :
// trois touchers (le besoin, la commune, le lieu) sans faire défiler l'écran ; le haut de chaque
// page (le titre près du haut, l'en-tête au plus un quart de l'écran, à 200 % aussi) ; la taille
// des cibles (24 px au moins, 44 px pour les numéros de téléphone et les actions principales).
//
// Lancés par `cargo test` (tests/integration/navigateur.rs) ; à la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/site && RESIN_SITE=/tmp/site node --test tests/navigateur/parcours.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancer, ouvrir as ouvrirPage } from './outils.mjs';

// Mardi 1er décembre 2026, 10 h à Paris (9 h UTC) : six jours après la construction.
const MARDI_10H = new Date('2026-12-01T09:00:00Z');
const TELEPHONE = { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true };

let nav;
before(async () => { nav = await lancer(); });
after(async () => { await nav?.fermer(); });

const ouvrir = (chemin, options = {}) =>
  ouvrirPage(nav, chemin, { quand: MARDI_10H, contexte: TELEPHONE, ...options });

// Touche `cible` sans faire défiler : elle doit être entière dans le premier écran.
async function toucher(page, cible, quoi) {
  const locator = page.locator(cible).first();
  await locator.waitFor();
  const y = await page.evaluate(() => window.scrollY);
  const boite = await locator.boundingBox();
  assert.ok(boite, `${quoi} : visible`);
  assert.ok(boite.y >= 0 && boite.y + boite.height <= 812,
    `${quoi} est dans le premier écran (de ${Math.round(boite.y)} à ${Math.round(boite.y + boite.height)} px, défilement ${y})`);
  await locator.tap();
}

test('en trois touchers sans faire défiler : besoin, commune, puis un lieu gratuit, ouvert maintenant, dans la commune', async () => {
  const page = await ouvrir('/');
  let touchers = 0;
  // 1. Le besoin, dans le premier écran de l'accueil.
  await toucher(page, '.besoins a:has-text("Faire mes démarches en ligne")', 'le besoin');
  touchers += 1;
  await page.waitForURL(/\/services\/aide-aux-demarches-administratives\/$/);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  // 2. La commune, dans le premier écran de la page du besoin (avec « Près de moi »).
  await page.waitForSelector('.pres-de-moi:not([hidden])');
  const pres = await page.locator('.pres-de-moi a').boundingBox();
  assert.ok(pres.y + pres.height <= 812, '« Près de moi » est dans le premier écran');
  await toucher(page, '.choix-communes a:text-is("Vénissieux")', 'la commune');
  touchers += 1;
  await page.waitForURL(/\/lieux\/\?besoin=aide-aux-demarches-administratives&commune=venissieux$/);
  await page.waitForFunction(() => document.querySelectorAll('#resultats-liste > li').length > 0);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  // Les lieux d'abord, ouverts en tête ; les filtres repliés après eux.
  assert.equal(await page.$eval('.filtres-panneau', (d) => d.open), false, 'les filtres sont repliés');
  const cartes = await page.$$eval('#resultats-liste > li', (lis) => lis.map((li) => li.textContent));
  assert.ok(cartes.every((t) => t.includes('Vénissieux')), cartes.join('\n'));
  const ouverts = cartes.map((t) => t.includes('Ouvert maintenant'));
  assert.deepEqual(ouverts, [...ouverts].sort((a, b) => b - a), 'les lieux ouverts sont en tête');
  const rang = cartes.findIndex((t) => /Ouvert maintenant · ferme à/.test(t) && /Gratuit/.test(t));
  assert.ok(rang >= 0, 'un lieu gratuit et ouvert maintenant');
  // 3. Le lieu, dans le premier écran de la liste.
  await toucher(page, `#resultats-liste > li:nth-child(${rang + 1}) h3 a`, 'le lieu');
  touchers += 1;
  await page.waitForURL(/\/lieux\/[^/?]+\/$/);
  assert.equal(touchers, 3);
  // La fiche : ouvert maintenant, gratuit, dans la commune ; l'état, les horaires du jour, le
  // bouton d'appel et l'adresse avec « Y aller » dans le premier écran.
  assert.match(await page.textContent('.etat-fiche'), /^Ouvert maintenant · ferme à /);
  assert.match(await page.textContent('.etat-fiche + .aujourdhui'), /^Aujourd’hui : \d/);
  assert.match(await page.textContent('address'), /Vénissieux/);
  assert.match(await page.textContent('main'), /Gratuit/);
  for (const [cible, quoi] of [['h1', 'le nom'], ['.etat-fiche', 'l’état'], ['.bouton-appel', 'le bouton d’appel'],
    ['.aujourdhui', 'les horaires du jour'], ['address', 'l’adresse'], ['.y-aller', '« Y aller »']]) {
    const boite = await page.locator(cible).boundingBox();
    assert.ok(boite && boite.y + boite.height <= 812, `${quoi} est dans le premier écran`);
  }
  assert.ok((await page.locator('.bouton-appel').boundingBox()).height >= 44, 'le bouton d’appel fait 44 px');
  assert.match(await page.getAttribute('.bouton-appel', 'href'), /^tel:/);
  await page.fermer();
});

test('sans JavaScript, les mêmes trois touchers mènent au lieu par des liens', async () => {
  const page = await ouvrir('/', { js: false });
  await toucher(page, '.besoins a:has-text("Faire mes démarches en ligne")', 'le besoin');
  await page.waitForURL(/\/services\/aide-aux-demarches-administratives\/$/);
  assert.equal(await page.isVisible('.pres-de-moi'), false, '« Près de moi » demande JavaScript');
  await toucher(page, '.choix-communes a:text-is("Vénissieux")', 'la commune');
  await page.waitForURL(/#c-venissieux$/);
  // La commune en haut de l'écran, ses lieux dessous.
  const groupe = await page.locator('#c-venissieux').boundingBox();
  assert.ok(groupe.y >= 0 && groupe.y < 100, `le titre de la commune en haut (${groupe.y})`);
  await toucher(page, '#c-venissieux + ul.cartes h4 a', 'le lieu');
  await page.waitForURL(/\/lieux\/[^/]+\/$/);
  assert.match(await page.textContent('address'), /Vénissieux/);
  await page.fermer();
});

test('« Près de moi » sur la page d’un besoin trie ses lieux du plus proche au plus loin', async () => {
  const page = await ouvrir('/services/aide-aux-demarches-administratives/', {
    contexte: { ...TELEPHONE, geolocation: { latitude: 45.6975, longitude: 4.8868 }, permissions: ['geolocation'] },
  });
  await toucher(page, '.pres-de-moi a', '« Près de moi »');
  await page.waitForFunction(() => /plus proche/.test(document.getElementById('resultats-criteres').textContent));
  assert.doesNotMatch(page.url(), /position=/, 'la position ne reste pas dans l’adresse');
  const premier = await page.textContent('#resultats-liste > li:first-child');
  assert.match(premier, /Vénissieux/, premier);
  await page.fermer();
});

// Les pages dont on mesure le haut et les cibles.
const PAGES = ['/', '/services/aide-aux-demarches-administratives/', '/lieux/',
  '/lieux/?besoin=aide-aux-demarches-administratives&commune=venissieux', '/communes/villeurbanne/',
  '/lieux/france-services-venissieux/', '/carte/', '/orienter/', '/donnees/', '/offres/'];

test('le titre commence près du haut : l’en-tête et le bandeau prennent au plus un quart de l’écran, à 200 % aussi', async () => {
  // 375 × 812 (téléphone), 1280 × 800 (ordinateur) et 640 × 400 (le même à 200 %).
  for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 800 }, { width: 640, height: 400 }]) {
    for (const chemin of PAGES) {
      const page = await ouvrir(chemin, { contexte: { viewport } });
      await page.waitForLoadState('load');
      const { entete, titre } = await page.evaluate(() => ({
        entete: document.querySelector('.entete').getBoundingClientRect().bottom,
        titre: document.querySelector('h1').getBoundingClientRect().top,
      }));
      const ou = `${chemin} à ${viewport.width} × ${viewport.height}`;
      assert.ok(entete <= viewport.height / 4, `${ou} : l’en-tête finit à ${entete} px`);
      assert.ok(titre <= viewport.height * 0.4, `${ou} : le titre commence à ${titre} px`);
      await page.fermer();
    }
  }
});

// Les cibles visibles trop petites de la page : moins de 24 × 24 px (WCAG 2.2, 2.5.8), sauf un
// lien dans une phrase ; moins de 44 px de haut pour un numéro de téléphone ou une action
// principale (boutons, besoins, communes).
function petitesCibles() {
  const PRINCIPALES = 'a[href^="tel:"], .bouton, .bouton-secondaire, .besoins a, .choix-communes a, .leaflet-control-zoom a';
  const bloc = (el) => el.closest('p, li, td, dd, figcaption, label, h1, h2, h3, h4, div');
  const dansUnePhrase = (el) => {
    if (el.tagName !== 'A') return false;
    const parent = bloc(el);
    return !!parent && parent.textContent.replace(/\s+/g, '').length > el.textContent.replace(/\s+/g, '').length;
  };
  const trop = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')) {
    if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('.evitement')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= 0) continue;
    const nom = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} « ${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 40)} » ${Math.round(r.width)}×${Math.round(r.height)}`;
    if (el.matches(PRINCIPALES) && r.height < 44) trop.push(`${nom} : moins de 44 px de haut`);
    else if (!dansUnePhrase(el) && (r.width < 24 || r.height < 24)) trop.push(`${nom} : moins de 24 × 24 px`);
  }
  return trop;
}

test('chaque cible fait au moins 24 × 24 px, les numéros de téléphone et les actions principales 44 px', async () => {
  for (const width of [375, 1280]) {
    for (const chemin of PAGES) {
      const page = await ouvrir(chemin, { contexte: { viewport: { width, height: 812 } } });
      await page.waitForLoadState('load');
      if (chemin === '/carte/') {
        await page.click('#carte-lanceur button');
        await page.waitForSelector('#carte .leaflet-control-zoom a');
      }
      if (chemin.startsWith('/lieux/?')) await page.waitForSelector('#resultats-liste > li');
      // Les panneaux repliés ouverts : leurs champs comptent aussi.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      assert.deepEqual(await page.evaluate(petitesCibles), [], `${chemin} à ${width} px`);
      await page.fermer();
    }
  }
});

test('chaque liste de lieux dit, sur chaque lieu, s’il est ouvert maintenant', async () => {
  for (const chemin of ['/lieux/', '/communes/villeurbanne/', '/services/aide-aux-demarches-administratives/', '/publics/seniors/']) {
    const page = await ouvrir(chemin);
    await page.waitForLoadState('load');
    const { cartes, etats } = await page.evaluate(() => ({
      cartes: document.querySelectorAll('#liste-complete .carte, main > .cartes > .carte, main .groupe + .cartes > .carte').length,
      etats: [...document.querySelectorAll('.carte [data-ouverture]')].map((e) => (e.hidden ? '' : e.textContent)),
    }));
    assert.ok(etats.length >= 3 && etats.length <= cartes, `${chemin} : ${etats.length} états pour ${cartes} lieux`);
    for (const etat of etats) assert.match(etat, /^(Ouvert maintenant|Fermé)/, chemin);
    assert.ok(etats.some((e) => e.startsWith('Ouvert maintenant')), `${chemin} : un lieu ouvert le mardi à 10 h`);
    await page.fermer();
  }
});
