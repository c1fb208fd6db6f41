// Tests dans Chromium (celui de Debian, piloté par playwright-core) de l'annuaire construit :
// filtres, adresse de la page, recherche sans accents, « ouvert maintenant » à heure fixe,
// carte, clavier seul, sans JavaScript, « près de moi », sélection à imprimer, petite carte.
//
// Lancés par `cargo test` (tests/integration/navigateur.rs), qui construit l'exemple au
// 25 novembre 2026 et donne son dossier dans RESIN_SITE. À la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/site && RESIN_SITE=/tmp/site npm test
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SITE, lancer, ouvrir as ouvrirPage, axe } from './outils.mjs';

// Dimanche 29 novembre 2026, 15 h à Paris.
const DIMANCHE_15H = new Date('2026-11-29T14:00:00Z');

let nav, base;

before(async () => {
  nav = await lancer();
  base = nav.base;
});

after(async () => {
  await nav?.fermer();
});

// Une page de téléphone (375 px), à l'heure `quand`, qui note les erreurs de la console.
const ouvrir = (chemin, options) => ouvrirPage(nav, chemin, options);

// Les résultats affichés par annuaire.js une fois l'index chargé.
async function resultats(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById('resultats');
    return s && !s.hidden && document.getElementById('resultats-annonce').textContent !== '';
  });
  return page.$$eval('#resultats-liste > li', (lis) => lis.map((li) => ({
    nom: li.querySelector('h3').textContent,
    href: li.querySelector('h3 a').getAttribute('href'),
    texte: li.textContent,
  })));
}

// La carte de /carte/ ne se charge que sur demande : le bouton, puis les groupes de lieux.
async function afficherCarte(page) {
  await page.click('#carte-lanceur button');
  await page.waitForSelector('#carte .leaflet-marker-icon');
}

// Le premier lieu seul sur la carte, une fois immobile : les groupes se défont en s'animant,
// et un clic pendant l'animation tombe à côté.
async function premierLieu(page) {
  const marqueur = page.locator('#carte img.leaflet-marker-icon').first();
  await marqueur.waitFor();
  await page.waitForFunction(() => {
    const icone = document.querySelector('#carte img.leaflet-marker-icon');
    return !document.querySelector('.leaflet-cluster-anim') && getComputedStyle(icone).opacity === '1';
  });
  return marqueur;
}

async function titre(page) {
  return page.textContent('#resultats-titre');
}

const INDEX = JSON.parse(await readFile(join(SITE, 'lieux/recherche.json'), 'utf8'));
const TOTAL = INDEX.lieux.length;
const DEMARCHES = 'aide-aux-demarches-administratives';

test('les filtres réduisent la liste et se lisent dans l’adresse ; recharger la page les redonne', async () => {
  const page = await ouvrir('/lieux/');
  await page.waitForSelector('#filtres:not([hidden])');
  assert.ok(await page.isVisible('#liste-complete'), 'sans critère, la liste complète reste');
  await page.selectOption('#f-besoin', DEMARCHES);
  let liste = await resultats(page);
  const attendus = INDEX.lieux.filter((l) => (l.s || []).includes(INDEX.services.findIndex((s) => s[3] === DEMARCHES)));
  assert.ok(attendus.length > 0 && attendus.length < TOTAL);
  assert.equal(await titre(page), `${attendus.length} lieux sur ${TOTAL} correspondent à votre recherche`);
  assert.equal(liste.length, Math.min(30, attendus.length));
  assert.ok(liste.every((l) => l.texte.includes('Démarches en ligne')));
  assert.ok(await page.isHidden('#liste-complete'));
  assert.match(page.url(), new RegExp(`\\?besoin=${DEMARCHES}$`));

  // Parcourir une liste au clavier n'empile qu'une entrée d'historique.
  const avantFleches = await page.evaluate(() => history.length);
  await page.focus('#f-commune');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => history.length), avantFleches + 1);
  await page.selectOption('#f-commune', '');
  await page.check('#f-gratuit');
  await page.selectOption('#f-commune', 'villeurbanne');
  liste = await resultats(page);
  assert.ok(liste.length >= 1, 'au moins un lieu gratuit de démarches à Villeurbanne');
  assert.ok(liste.every((l) => l.texte.includes('69100 Villeurbanne') && /Gratuit/.test(l.texte)));
  assert.equal(new URL(page.url()).search, `?besoin=${DEMARCHES}&commune=villeurbanne&gratuit=1`);
  assert.equal(await page.textContent('#resultats-annonce'), `${liste.length} lieu${liste.length > 1 ? 'x trouvés' : ' trouvé'}`);
  await axe(page, '/lieux/ filtrée');

  await page.reload();
  const rechargee = await resultats(page);
  assert.deepEqual(rechargee.map((l) => l.href), liste.map((l) => l.href));
  assert.equal(await page.inputValue('#f-besoin'), DEMARCHES);
  assert.equal(await page.inputValue('#f-commune'), 'villeurbanne');
  assert.ok(await page.isChecked('#f-gratuit'));

  // Le bouton « retour » revient à la sélection précédente.
  await page.goBack();
  await page.waitForFunction(() => location.search.indexOf('commune') < 0);
  assert.equal(await page.inputValue('#f-commune'), '');
  assert.ok(await page.isChecked('#f-gratuit'));
  const avant = await resultats(page);
  assert.ok(avant.length > liste.length, 'la sélection d’avant, plus large');
  await page.fermer();
});

test('la recherche ignore les accents et les majuscules', async () => {
  const page = await ouvrir('/lieux/?q=VENISSIEUX');
  const liste = await resultats(page);
  const attendus = INDEX.lieux.filter((l) => l.v.includes('Vénissieux'));
  assert.ok(attendus.length > 0);
  assert.deepEqual(liste.map((l) => l.href).sort(), attendus.map((l) => l.u).sort());
  // Les besoins aussi : « caf » trouve les lieux qui aident aux démarches (CAF, impôts…). Les
  // résultats d'abord : le champ est dans les filtres repliés après eux.
  assert.equal(await page.isVisible('#f-q'), false);
  await page.click('.filtres-panneau > summary');
  await page.fill('#f-q', 'caf');
  await page.waitForFunction(() => location.search === '?q=caf');
  const demarches = INDEX.services.findIndex((s) => s[3] === DEMARCHES);
  assert.equal((await resultats(page)).length, Math.min(30, INDEX.lieux.filter((l) => (l.s || []).includes(demarches)).length));
  await page.fill('#f-q', 'mediatheque');
  await page.waitForFunction(() => location.search === '?q=mediatheque');
  const mediatheques = await resultats(page);
  assert.ok(mediatheques.length > 0);
  assert.ok(mediatheques.every((l) => /médiathèque/i.test(l.texte)), 'chaque résultat dit « médiathèque »');
  await page.fermer();
});

test('« ouvert maintenant » suit l’heure de Paris', async () => {
  const ouvertsMercredi = await (async () => {
    const page = await ouvrir('/lieux/?ouvert=1');
    const liste = await resultats(page);
    assert.ok(liste.every((l) => l.texte.includes('Ouvert maintenant')));
    await page.fermer();
    return liste.length;
  })();
  const page = await ouvrir('/lieux/?ouvert=1', { quand: DIMANCHE_15H });
  const dimanche = await resultats(page);
  assert.ok(ouvertsMercredi > dimanche.length, `${ouvertsMercredi} ouverts le mercredi à 10 h, ${dimanche.length} le dimanche`);
  await page.fermer();

  // La fiche : mercredi 10 h, puis 12 h 30 (Centre social des Essarts : 9 h – 12 h le mercredi).
  const fiche = await ouvrir('/lieux/centre-social-des-essarts/');
  assert.equal(await fiche.textContent('.etat-ouverture'), 'Ouvert maintenant · ferme à 12\u00a0h');
  await fiche.fermer();
  const midi = await ouvrir('/lieux/centre-social-des-essarts/', { quand: new Date('2026-11-25T11:30:00Z') });
  assert.equal(await midi.textContent('.etat-ouverture'), 'Fermé · ouvre demain à 9\u00a0h');
  await midi.fermer();

  // Une permanence (lundi et mercredi, 9 h – 12 h) a lieu, elle n'ouvre pas.
  const permanence = await ouvrir('/offres/permanence-demarches-part-dieu/');
  assert.equal(await permanence.textContent('.etat-ouverture'), 'En ce moment · jusqu’à 12\u00a0h');
  await permanence.fermer();
  const apres = await ouvrir('/offres/permanence-demarches-part-dieu/', { quand: new Date('2026-11-25T12:00:00Z') });
  assert.equal(await apres.textContent('.etat-ouverture'), 'Prochaine fois : lundi à 9\u00a0h');
  await apres.fermer();
});

test('pendant une fermeture, le lieu n’est pas « ouvert maintenant », et sa fiche l’annonce', async () => {
  // La médiathèque de Montchat (ouverte le mardi de 13 h à 19 h) ferme du 1er au 5 décembre.
  const MARDI_1ER_15H = new Date('2026-12-01T14:00:00Z');
  const MARDI_8_15H = new Date('2026-12-08T14:00:00Z');
  const fiche = await ouvrir('/lieux/mediatheque-de-montchat/', { quand: MARDI_1ER_15H });
  // Elle rouvre dans une semaine jour pour jour : « mardi prochain » (« mardi » serait aujourd'hui).
  assert.equal(await fiche.textContent('.etat-ouverture'), 'Fermé · ouvre mardi prochain à 13\u00a0h');
  const avis = fiche.getByRole('status');
  assert.ok(await avis.isVisible(), 'l’avis se voit');
  assert.equal((await avis.textContent()).trim(), 'Fermé du 1er au 5 décembre\u00a0: inventaire des collections.');
  assert.ok(await fiche.evaluate(() => {
    const a = document.querySelector('.avis-fermeture');
    return a.compareDocumentPosition(document.querySelector('address')) & Node.DOCUMENT_POSITION_FOLLOWING;
  }), 'l’avis vient avant l’adresse');
  await axe(fiche, 'une fiche avec un avis de fermeture');
  await fiche.fermer();
  const apres = await ouvrir('/lieux/mediatheque-de-montchat/', { quand: MARDI_8_15H });
  assert.equal(await apres.textContent('.etat-ouverture'), 'Ouvert maintenant · ferme à 19\u00a0h');
  await apres.fermer();
  // Le soir du 8, dernier jour des données (site construit le 25 novembre) : fermé, sans dire
  // « en ce moment » ni quand il rouvre, que la page ne sait pas.
  const soir = await ouvrir('/lieux/mediatheque-de-montchat/', { quand: new Date('2026-12-08T20:00:00Z') });
  assert.equal(await soir.textContent('.etat-ouverture'), 'Fermé');
  await soir.fermer();

  // La liste « ouvert maintenant » : sans elle le 1er décembre, avec elle le 8.
  const noms = async (quand) => {
    const page = await ouvrir('/lieux/?ouvert=1', { quand });
    const liste = await resultats(page);
    await page.fermer();
    return liste.map((l) => l.nom);
  };
  assert.ok(!(await noms(MARDI_1ER_15H)).includes('Médiathèque de Montchat'), 'fermée le 1er décembre');
  assert.ok((await noms(MARDI_8_15H)).includes('Médiathèque de Montchat'), 'ouverte le 8 décembre');
});

test('la carte ne se charge que sur demande, et ce choix est retenu sur l’appareil', async () => {
  const page = await ouvrir('/carte/');
  await resultats(page);
  assert.ok(await page.isVisible('#carte-lanceur button'));
  assert.ok(await page.isHidden('#carte'));
  assert.ok(!page.requetes.some((u) => /leaflet/.test(u)), 'Leaflet n’est pas chargé d’avance');
  await axe(page, '/carte/ avant la carte');
  await afficherCarte(page);
  assert.ok(await page.isHidden('#carte-lanceur'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'carte', 'le focus va sur la carte');
  // La fois suivante, sur cet appareil, la carte s'affiche d'elle-même…
  await page.reload();
  await page.waitForSelector('#carte .leaflet-marker-icon');
  assert.ok(await page.isHidden('#carte-lanceur'));
  // …jusqu'à ce qu'on revienne sur ce choix.
  await page.click('#carte-oublier button');
  assert.match(await page.textContent('#carte-oublier'), /la prochaine fois, la carte attendra/);
  await page.reload();
  await resultats(page);
  assert.ok(await page.isVisible('#carte-lanceur button'));
  assert.ok(await page.isHidden('#carte'));
  await page.fermer();
});

test('si la carte ne se charge pas, le bouton le dit, garde le focus et permet de réessayer', async () => {
  const page = await ouvrir('/carte/');
  await resultats(page);
  let bloque = true;
  await page.route('**/leaflet.markercluster.js', (route) => (bloque ? route.abort() : route.continue()));
  await page.focus('#carte-lanceur button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /n’a pas pu être chargée/.test(document.getElementById('carte-etat').textContent));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Réessayer d’afficher la carte');
  bloque = false;
  await page.keyboard.press('Enter');
  await page.waitForSelector('#carte .leaflet-marker-icon');
  const leaflets = await page.evaluate(() => document.querySelectorAll('script[src$="leaflet/leaflet.js"]').length);
  assert.equal(leaflets, 1, 'Leaflet n’est chargé qu’une fois');
  // L'échec du premier essai est dans la console (ressource refusée) : attendu ici.
  page.erreurs = page.erreurs.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e));
  await page.fermer();
});

test('la carte regroupe les lieux et ses bulles mènent aux bonnes fiches', async () => {
  const page = await ouvrir('/carte/');
  await afficherCarte(page);
  await page.waitForSelector('#carte .grappe');
  const grappes = await page.$$eval('#carte .grappe', (g) => g.map((e) => e.textContent));
  assert.ok(grappes.length > 0 && grappes.every((t) => /^\d+\d* lieux : zoomer$/.test(t)), grappes.join(' | '));
  assert.equal((await resultats(page)).length, Math.min(30, TOTAL), 'la liste est à côté de la carte');
  // Les commandes en français.
  assert.equal(await page.getAttribute('.leaflet-control-zoom-in', 'aria-label'), 'Zoomer');
  assert.equal(await page.getAttribute('.leaflet-control-zoom-out', 'aria-label'), 'Dézoomer');

  // Les filtres sont repliés sous la carte… dépliés, une commune : la carte s'y resserre et
  // montre ses lieux un par un.
  assert.ok(await page.isHidden('#f-commune'));
  await page.click('.filtres-panneau > summary');
  await page.selectOption('#f-commune', 'villeurbanne');
  assert.match(await page.textContent('#filtres-resume'), /Villeurbanne/);
  await resultats(page);
  const marqueur = await premierLieu(page);
  const nom = await marqueur.getAttribute('alt');
  await marqueur.click();
  const lien = page.locator('.leaflet-popup .bulle-nom');
  await lien.waitFor();
  assert.equal(await lien.textContent(), nom);
  const lieu = INDEX.lieux.find((l) => l.n === nom);
  assert.equal(await lien.getAttribute('href'), lieu.u);
  assert.match(await page.textContent('.leaflet-popup'), /Aujourd’hui : |Fermé aujourd’hui|Horaires non renseignés/);
  assert.equal(await page.getAttribute('.leaflet-popup-close-button', 'aria-label'), 'Fermer');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1');
  await axe(page, '/carte/ avec une bulle ouverte');
  // Échap ferme la bulle et rend le focus au lieu sur la carte.
  await page.waitForFunction(() => document.activeElement.classList.contains('bulle-nom'));
  await page.keyboard.press('Escape');
  await page.waitForSelector('.leaflet-popup', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('alt')), nom);
  // Espace ouvre la bulle du lieu qui a le focus, comme Entrée.
  await page.keyboard.press('Space');
  await lien.waitFor();
  await lien.click();
  await page.waitForURL(base + lieu.u);
  await page.fermer();
});

test('au clavier seul, on atteint chaque filtre et chaque résultat', async () => {
  const page = await ouvrir('/lieux/?besoin=' + DEMARCHES);
  await resultats(page);
  // Les résultats d'abord, les filtres repliés après eux : ils s'ouvrent au clavier.
  assert.equal(await page.$eval('.filtres-panneau', (d) => d.open), false);
  await page.focus('.filtres-panneau > summary');
  await page.keyboard.press('Enter');
  assert.ok(await page.isVisible('#f-q'));
  await page.evaluate(() => document.activeElement.blur());
  const atteints = new Set();
  for (let i = 0; i < 160; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const e = document.activeElement;
      if (e.tagName === 'SUMMARY') return e.parentNode.classList.contains('plus-criteres') ? 'plus-criteres' : 'panneau';
      if (e.closest('#resultats-liste')) return 'resultat:' + e.getAttribute('href');
      return e.id || e.type || e.tagName;
    });
    atteints.add(id);
  }
  for (const attendu of ['panneau', 'f-q', 'f-besoin', 'f-commune', 'f-gratuit', 'f-ouvert', 'f-samedi', 'f-rdv', 'plus-criteres',
    'f-position', 'f-depuis', 'submit', 'reset', 'resultats-imprimer']) {
    assert.ok(atteints.has(attendu), `${attendu} atteint au clavier (atteints : ${[...atteints].join(', ')})`);
  }
  assert.ok([...atteints].some((a) => a.startsWith('resultat:/lieux/')), 'un résultat atteint au clavier');

  // Un critère choisi au clavier, puis « Voir les lieux » : le focus va sur le nombre de résultats.
  await page.focus('#f-gratuit');
  await page.keyboard.press('Space');
  await page.focus('.filtres button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'resultats-titre');
  assert.match(page.url(), /gratuit=1/);
  // Les critères avancés s'ouvrent au clavier.
  await page.focus('.plus-criteres summary');
  await page.keyboard.press('Enter');
  assert.ok(await page.isVisible('#f-public'));
  await page.fermer();
});

test('sans JavaScript, la liste et les pages par besoin, commune et public mènent partout', async () => {
  const page = await ouvrir('/lieux/', { js: false });
  assert.ok(await page.isHidden('#filtres'));
  assert.ok(await page.isVisible('#liste-complete'));
  assert.equal(await page.locator('#liste-complete .cartes > li').count(), Math.min(TOTAL, 100));
  for (const href of ['/services/', '/communes/', '/publics/']) {
    assert.ok(await page.isVisible(`.parcourir a[href="${href}"]`), href);
  }
  await page.click('.parcourir a[href="/services/"]');
  await page.click(`a[href="/services/${DEMARCHES}/"]`);
  assert.ok(await page.locator('.cartes > li').count() > 0);
  await page.fermer();

  const carte = await ouvrir('/carte/', { js: false });
  assert.ok(await carte.isHidden('#carte'));
  assert.match(await carte.textContent('main'), /La carte a besoin de JavaScript/);
  assert.ok(await carte.isVisible('.parcourir a[href="/lieux/"]'));
  await carte.fermer();

  const fiche = await ouvrir('/lieux/centre-social-des-essarts/', { js: false });
  assert.ok(await fiche.isHidden('#carte-lieu'));
  assert.ok(await fiche.isVisible('address'));
  assert.ok(await fiche.isVisible('a[href^="https://www.openstreetmap.org/directions?to="]'));
  assert.ok(await fiche.isVisible('a[href^="geo:"]'));
  await fiche.fermer();
});

test('près de moi : la position trie par distance ; refusée, une commune la remplace', async () => {
  // À Bron, près du Centre social des Essarts.
  const page = await ouvrir('/lieux/', {
    contexte: { permissions: ['geolocation'], geolocation: { latitude: 45.7285, longitude: 4.915 } },
  });
  await page.waitForSelector('#filtres:not([hidden])');
  await page.click('#f-position');
  const liste = await resultats(page);
  assert.equal(liste[0].href, '/lieux/centre-social-des-essarts/');
  assert.match(liste[0].texte, /à 50\u00a0m/);
  const km = liste.map((l) => l.texte.match(/à ([\d,]+)\u00a0(k?m)/)).filter(Boolean)
    .map((m) => parseFloat(m[1].replace(',', '.')) * (m[2] === 'm' ? 0.001 : 1));
  assert.deepEqual(km, [...km].sort((a, b) => a - b), 'du plus proche au plus loin');
  assert.doesNotMatch(page.url(), /45\.7|4\.91/, 'la position ne va pas dans l’adresse');
  await page.fermer();

  const refus = await ouvrir('/lieux/', { contexte: { permissions: [] } });
  await refus.waitForSelector('#filtres:not([hidden])');
  await refus.evaluate(() => {
    navigator.geolocation.getCurrentPosition = (_, erreur) => setTimeout(() => erreur({ code: 1 }), 10);
  });
  await refus.click('#f-position');
  await refus.waitForFunction(() => document.activeElement.id === 'f-depuis');
  assert.match(await refus.textContent('#f-position-etat'), /choisissez votre commune/);
  await refus.selectOption('#f-depuis', 'bron');
  const depuisBron = await resultats(refus);
  assert.match(depuisBron[0].texte, /69500 Bron/);
  assert.match(depuisBron[0].texte, /à [\d,]+\u00a0k?m/);
  assert.match(refus.url(), /\?depuis=bron$/);
  await axe(refus, '/lieux/ triée depuis une commune');
  await refus.fermer();
});

test('« Afficher plus » puis « Imprimer cette sélection » : toute la liste choisie, avec les horaires', async () => {
  const gratuit = INDEX.frais.indexOf('Gratuit');
  const attendus = INDEX.lieux.filter((l) => (l.f || []).includes(gratuit)).length;
  assert.ok(attendus > 30, 'plus d’une tranche de 30 lieux');
  const page = await ouvrir('/lieux/?gratuit=1');
  const liste = await resultats(page);
  assert.equal(liste.length, 30);
  const reste = attendus - 30;
  assert.equal(await page.textContent('#resultats-plus'),
    reste > 30 ? `Afficher 30 lieux de plus (il en reste ${reste})` : reste === 1 ? 'Afficher le dernier lieu' : `Afficher les ${reste} derniers lieux`);
  await page.click('#resultats-plus');
  assert.equal(await page.locator('#resultats-liste > li').count(), Math.min(60, attendus));
  // Le focus va au premier lieu ajouté.
  assert.equal(await page.evaluate(() => document.activeElement.closest('li') === document.querySelector('#resultats-liste > li:nth-child(31)')), true);
  // Un lien vers une ancre (« Aller au contenu ») ne refait pas la liste.
  await page.focus('.evitement');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#contenu');
  assert.equal(await page.locator('#resultats-liste > li').count(), Math.min(60, attendus));
  await page.evaluate(() => { window.print = () => { window.imprime = true; }; });
  await page.click('#resultats-imprimer');
  assert.ok(await page.evaluate(() => window.imprime));
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isHidden('#filtres'));
  assert.ok(await page.isVisible('#resultats-criteres'));
  assert.equal(await page.locator('#resultats-liste > li').count(), attendus, 'toute la sélection est imprimée');
  assert.ok(await page.locator('#resultats-liste .etat-ouverture').first().isHidden(), 'pas d’« ouvert maintenant » sur papier');
  assert.ok(await page.locator('#resultats-liste .horaires-imprimes').first().isVisible());
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000);
  await page.fermer();
});

test('la petite carte d’une fiche ne charge Leaflet que sur demande', async () => {
  const page = await ouvrir('/lieux/centre-social-des-essarts/');
  await page.waitForSelector('#carte-lieu:not([hidden]) button');
  assert.ok(!page.requetes.some((u) => u.includes('leaflet')), 'rien de Leaflet avant le bouton');
  await page.click('#carte-lieu button');
  await page.waitForSelector('#carte-lieu .leaflet-marker-icon');
  assert.equal(await page.getAttribute('#carte-lieu .leaflet-marker-icon', 'alt'), 'Centre social des Essarts');
  await axe(page, 'une fiche avec sa petite carte');
  await page.fermer();
});

test('le formulaire de l’accueil mène à la liste filtrée', async () => {
  const page = await ouvrir('/');
  await page.waitForSelector('#filtres:not([hidden])');
  await page.selectOption('#f-besoin', DEMARCHES);
  await page.selectOption('#f-commune', 'villeurbanne');
  await page.check('#f-gratuit');
  await page.check('#f-ouvert');
  await page.click('#filtres button[type=submit]');
  await page.waitForURL(`${base}/lieux/?besoin=${DEMARCHES}&commune=villeurbanne&gratuit=1&ouvert=1`);
  const liste = await resultats(page);
  assert.ok(liste.length >= 1, 'un lieu gratuit, ouvert le mercredi à 10 h, pour les démarches à Villeurbanne');
  assert.ok(liste.every((l) => l.texte.includes('Ouvert maintenant')));
  await page.fermer();
});

test('en trois touchers sur un téléphone : besoin, commune, puis un lieu gratuit ouvert maintenant ; la fiche s’imprime', async () => {
  const page = await ouvrir('/');
  await page.waitForSelector('#filtres:not([hidden])'); // annuaire.js a préparé les liens
  // 1. Le besoin, sur l'accueil : sa page propose la commune.
  await page.click('.besoins a:has-text("Faire mes démarches en ligne")');
  await page.waitForURL(`${base}/services/${DEMARCHES}/`);
  // 2. La commune.
  await page.click('.choix-communes a:text-is("Villeurbanne")');
  await page.waitForURL(`${base}/lieux/?besoin=${DEMARCHES}&commune=villeurbanne`);
  const liste = await resultats(page);
  const choisi = liste.find((l) => l.texte.includes('Ouvert maintenant') && /Gratuit/.test(l.texte));
  assert.ok(choisi, 'un lieu gratuit et ouvert se voit dans la liste');
  const lien = new URL(page.url());
  // 3. Le lieu.
  await page.click(`#resultats-liste a[href="${choisi.href}"]`);
  await page.waitForURL(base + choisi.href);
  assert.match(await page.textContent('.etat-ouverture'), /^Ouvert maintenant/);
  assert.match(await page.textContent('main'), /Gratuit/);
  // Le lien de la sélection se partage : ouvert ailleurs, il redonne la même liste.
  const autre = await ouvrir(lien.pathname + lien.search);
  assert.deepEqual((await resultats(autre)).map((l) => l.href), liste.map((l) => l.href));
  await autre.fermer();
  // La fiche s'imprime sur une page A4, avec son code QR et la date de vérification de ses informations.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('.qr svg'));
  assert.match(await page.textContent('.verification'), /^Informations vérifiées le \d/);
  assert.ok(await page.isVisible('.verification'));
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) || []).length, 1, 'une seule page');
  await page.fermer();
});

test('les noms venus du contenu restent du texte dans la liste, la carte et ses bulles', async () => {
  const PIEGE = '<img src=x onerror="window.pirate=1">';
  for (const chemin of ['/lieux/?q=piege', '/carte/?q=piege']) {
    const page = await ouvrir(chemin, { quand: new Date() });
    await page.route('**/lieux/recherche.json', async (route) => {
      const index = JSON.parse(JSON.stringify(INDEX));
      index.lieux[0].n = 'piege ' + PIEGE;
      index.lieux[0].a = PIEGE;
      index.lieux[0].t = PIEGE;
      index.lieux[0].tel = [PIEGE, 'tel:' + PIEGE];
      index.services[0][1] = PIEGE;
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(index) });
    });
    await page.reload();
    const liste = await resultats(page);
    assert.equal(liste.length, 1);
    assert.ok(liste[0].texte.includes(PIEGE), 'le nom s’affiche tel quel');
    if (chemin.startsWith('/carte/')) {
      await afficherCarte(page);
      const marqueur = await premierLieu(page);
      assert.equal(await marqueur.getAttribute('alt'), 'piege ' + PIEGE);
      await marqueur.click();
      await page.locator('.leaflet-popup .bulle-nom').waitFor();
      assert.ok((await page.textContent('.leaflet-popup')).includes(PIEGE));
    }
    assert.equal(await page.evaluate(() => document.querySelectorAll('main img[src="x"]').length), 0);
    assert.equal(await page.evaluate(() => window.pirate), undefined);
    await page.fermer();
  }
});

test('de retour d’une fiche, la liste montre autant de lieux qu’avant', async () => {
  const page = await ouvrir('/lieux/?gratuit=1');
  await resultats(page);
  await page.click('#resultats-plus');
  const montres = await page.locator('#resultats-liste > li').count();
  assert.ok(montres > 30);
  const dernier = page.locator('#resultats-liste > li:last-child h3 a');
  const href = await dernier.getAttribute('href');
  await dernier.click();
  await page.waitForURL(base + href);
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll('#resultats-liste > li').length === n, montres);
  assert.ok(await page.locator(`#resultats-liste a[href="${href}"]`).isVisible());
  await page.fermer();
});

test('les critères du territoire filtrent la liste : Pass numérique, permanence Mes Papiers', async () => {
  const page = await ouvrir('/lieux/');
  await page.waitForSelector('#filtres:not([hidden])');
  await page.click('.plus-criteres summary');
  await page.check('#f-x-pass-numerique');
  let liste = await resultats(page);
  const pass = INDEX.criteres.findIndex((c) => c[0] === 'x-pass-numerique');
  const attendus = INDEX.lieux.filter((l) => (l.x || []).includes(pass));
  assert.ok(attendus.length > 0 && attendus.length < TOTAL);
  assert.equal(liste.length, attendus.length);
  assert.deepEqual(liste.map((l) => l.href).sort(), attendus.map((l) => l.u).sort());
  assert.match(await page.textContent('#resultats-criteres'), /Accepte le Pass numérique/);
  assert.equal(new URL(page.url()).search, '?x-pass-numerique=1');
  await page.uncheck('#f-x-pass-numerique');
  await page.selectOption('#f-x-mes-papiers', 'sans-rendez-vous');
  liste = await resultats(page);
  const sans = INDEX.criteres.findIndex((c) => c[1] === 'sans-rendez-vous');
  assert.equal(liste.length, INDEX.lieux.filter((l) => (l.x || []).includes(sans)).length);
  assert.match(await page.textContent('#resultats-criteres'), /Permanence Mes Papiers : Sans rendez-vous/);
  await axe(page, '/lieux/ filtrée par un critère du territoire');
  // L'adresse redonne le critère, et ouvre « Plus de critères ».
  await page.reload();
  assert.equal((await resultats(page)).length, liste.length);
  assert.ok(await page.evaluate(() => document.querySelector('.plus-criteres').open));
  await page.fermer();
});

test('l’espace réseau se lit sans JavaScript et passe axe : accueil, listes, fiches, étiquettes', async () => {
  for (const chemin of [
    '/reseau/', '/reseau/appels-a-projets/', '/reseau/appels-a-projets/fonds-appui-demarches-en-ligne/',
    '/reseau/bonnes-pratiques/atelier-dejouer-les-arnaques/', '/reseau/bourse/', '/reseau/agenda/archives/',
    '/reseau/etiquettes/pix/', '/reseau/actualites/bilan-pass-numerique-premier-semestre/', '/criteres/pass-numerique/',
  ]) {
    const page = await ouvrir(chemin, { js: false });
    assert.equal(await page.locator('h1').count(), 1, chemin);
    const liens = await page.$$eval('main a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(liens.length > 0, chemin);
    await page.fermer();
    // axe a besoin de JavaScript : la même page, avec.
    const avecJs = await ouvrir(chemin);
    await axe(avecJs, chemin);
    await avecJs.fermer();
  }
});
