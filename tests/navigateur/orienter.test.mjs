// Tests dans Chromium de « Orienter une personne » (/orienter/) sur l'exemple construit : le cas
// du ticket au clavier seul, la liste et ses raisons, la fiche imprimée sur une page (compte
// des pages du PDF par pdfinfo), les liens SMS et e-mail, le lien à partager, le formulaire
// sans JavaScript, les erreurs annoncées, axe, et rien d'envoyé ailleurs qu'au site.
//
// Lancés par `cargo test` (tests/integration/navigateur.rs). À la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/site && RESIN_SITE=/tmp/site npm test
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lancer, ouvrir as ouvrirPage, axe } from './outils.mjs';

let nav, dossier;

before(async () => {
  nav = await lancer();
  dossier = mkdtempSync(join(tmpdir(), 'resin-fiche-'));
});

after(async () => {
  await nav?.fermer();
  rmSync(dossier, { recursive: true, force: true });
});

const ouvrir = (chemin, options) => ouvrirPage(nav, chemin, options);

// Le cas du ticket : une démarche CAF, à Vénissieux, libre le mardi matin, parle arabe. Les
// réponses sont après « # » : le navigateur ne les envoie pas au site.
const REPONSES = 'demande=faire-une-demarche-caf&depuis=venissieux&jour=ma&moment=matin'
  + '&accompagnement=langues-etrangeres-autres&langue=arabe';
const CAS = `/orienter/#${REPONSES}`;

// La liste affichée par orienter.js : nom, raisons et liens de chaque lieu.
async function liste(page) {
  await page.waitForSelector('#selection:not([hidden])');
  return page.$$eval('#selection-liste > li', (lis) => lis.map((li) => ({
    nom: li.querySelector('h3 a').textContent,
    pourquoi: li.querySelector('.pourquoi').textContent,
    texte: li.textContent,
    liens: Array.from(li.querySelectorAll('.actions-orientation a')).map((a) => a.getAttribute('href')),
  })));
}

// Tab jusqu'à l'élément `selecteur` (au plus 80 fois) : il s'atteint au clavier.
async function tabJusqua(page, selecteur) {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selecteur)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${selecteur} ne s'atteint pas au clavier`);
}

// La fiche, imprimée en PDF : son nombre de pages selon pdfinfo.
async function pagesImprimees(page, nom) {
  const fichier = join(dossier, `${nom}.pdf`);
  await page.emulateMedia({ media: 'print' });
  writeFileSync(fichier, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [fichier], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
}

test('au clavier seul sur un téléphone : démarche CAF, Vénissieux, mardi matin, arabe → la liste, puis la fiche', async () => {
  const page = await ouvrir('/orienter/');
  await page.waitForSelector('#o-dispo:not([hidden])');
  await tabJusqua(page, '#o-besoin');
  await page.keyboard.type('Faire une d');
  assert.equal(await page.$eval('#o-besoin', (s) => s.options[s.selectedIndex].dataset.demande), 'faire-une-demarche-caf');
  await tabJusqua(page, '#o-adresse');
  await page.keyboard.type('12 rue Paul-Bert, 69200 Vénissieux');
  await tabJusqua(page, '#o-jour-ma');
  await page.keyboard.press('Space');
  await tabJusqua(page, '#o-moment-matin');
  await page.keyboard.press('Space');
  await tabJusqua(page, '#o-acc-langues-etrangeres-autres');
  await page.keyboard.press('Space');
  // Sa langue : les lieux où on la parle (leur champ `langues`) passent en premier.
  await tabJusqua(page, '#o-langue');
  await page.keyboard.type('arabe');
  await tabJusqua(page, '#orienter button[type=submit]');
  await page.keyboard.press('Enter');
  const lieux = await liste(page);
  // Le focus va au titre de la liste, qui dit combien de lieux conviennent.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'selection-titre');
  assert.match(await page.textContent('#selection-titre'), /^\d+ lieux conviennent/);
  assert.equal(lieux[0].nom, 'France Services Vénissieux');
  assert.equal(lieux[0].pourquoi, 'Pourquoi ce lieu : on y parle arabe, ouvert le mardi matin, gratuit, à 800\u00a0m, accueil dans d\'autres langues, sans rendez-vous.');
  // Son activité pour ce besoin a lieu le mercredi : elle est dite, mais pas comme une raison.
  assert.match(lieux[0].texte, /Coup de pouce numérique sans rendez-vous — Mercredi : 14\u00a0h – 17\u00a0h \(pas aux moments où elle est libre\)/);
  // Des lieux disent parler arabe : pas besoin de rappeler de le demander.
  assert.doesNotMatch(await page.textContent('#selection-criteres'), /demandez si l’on y parle/);
  assert.match(lieux[0].texte, /Prochain moment qui lui convient : mardi 1er décembre, 8\u00a0h\u00a030 – 12\u00a0h\./);
  assert.match(lieux[0].texte, /Ouvert maintenant · ferme à 12\u00a0h/);
  // Chaque lieu proposé a ses raisons, et tous accueillent dans d'autres langues.
  for (const l of lieux) assert.match(l.pourquoi, /accueil dans d'autres langues/, l.nom);
  // L'adresse de la page redonne la sélection : c'est le lien à partager. L'adresse tapée n'y
  // est pas, seulement la commune trouvée ; et tout est après « # ».
  assert.equal(new URL(page.url()).search, '');
  assert.equal(new URL(page.url()).hash, `#${REPONSES}`);
  assert.equal(await page.getAttribute('#selection-lien', 'href'), page.url());
  // La fiche du premier lieu, au clavier ; Échap ramène à la liste, sur le même bouton.
  await tabJusqua(page, '#selection-liste > li:first-child .actions-orientation button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#fiche:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'fiche-titre');
  const fiche = await page.textContent('#fiche-page');
  for (const attendu of ['Pour : Faire une démarche CAF', 'France Services Vénissieux', '4 rue Gaspard-Picard', '04 72 21 44 00',
    'Numéro d\'allocataire CAF', 'Vos identifiants (CAF, Ameli, impots.gouv) si vous les avez', 'Accueil sans rendez-vous.', 'Gratuit',
    'Langues parléesFrançais, arabe, turc, arménien.']) {
    assert.ok(fiche.includes(attendu), `la fiche dit « ${attendu} » : ${fiche}`);
  }
  assert.equal(fiche.match(/pièce d'identité/gi).length, 1, 'ce qui est à apporter, une fois chaque chose');
  assert.equal(await page.$eval('.fo-qr img', (i) => i.complete && i.naturalWidth > 0), true, 'le QR code de la page du lieu');
  assert.equal(await pagesImprimees(page, 'clavier'), 1);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#fiche', { state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Fiche à imprimer');
  assert.equal(new URL(page.url()).hash, `#${REPONSES}`, 'la même liste');
  await page.fermer();
});

test('le lien partagé redonne la même liste ; SMS, e-mail et fiche de prescription portent le bon texte', async () => {
  const page = await ouvrir(CAS);
  const lieux = await liste(page);
  assert.equal(lieux[0].nom, 'France Services Vénissieux');
  assert.equal(await page.inputValue('#o-depuis'), 'venissieux', 'le formulaire reprend les réponses');
  assert.ok(await page.isChecked('#o-jour-ma'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'selection-titre', 'le lien mène à la liste');
  const [sms, mail, prescription] = lieux[0].liens;
  assert.ok(sms.startsWith('sms:?&body='), sms);
  const texteSms = decodeURIComponent(sms.slice('sms:?&body='.length));
  assert.equal(texteSms.split('\n')[0], 'Pour faire une démarche CAF, allez à : France Services Vénissieux');
  for (const attendu of ['4 rue Gaspard-Picard, 69200 Vénissieux', 'Tél. 04 72 21 44 00', 'Sans rendez-vous.',
    'Prochain moment pour vous : mardi 1er décembre, 8\u00a0h\u00a030 – 12\u00a0h',
    'À apporter : Numéro d\'allocataire CAF ; ', 'https://resin.exemple.fr/lieux/france-services-venissieux/']) {
    assert.ok(texteSms.includes(attendu), `SMS : « ${attendu} » dans ${texteSms}`);
  }
  assert.ok(!texteSms.includes('Fermé'), 'le SMS ne dit que les heures d’ouverture');
  const courriel = new URL(mail);
  assert.equal(courriel.protocol, 'mailto:');
  assert.equal(courriel.pathname, '', 'à la personne : son adresse, l’aidant la tape');
  assert.equal(courriel.searchParams.get('subject'), 'Où vous faire aider : France Services Vénissieux');
  assert.ok(courriel.searchParams.get('body').startsWith('Bonjour,\r\n\r\nPour faire une démarche CAF'));
  const orientation = new URL(prescription);
  assert.equal(orientation.pathname, 'franceservices@venissieux.exemple.fr');
  assert.equal(orientation.searchParams.get('subject'), 'Orientation : Faire une démarche CAF');
  const corps = orientation.searchParams.get('body');
  for (const attendu of [
    'Je vous oriente une personne qui a besoin d’aide pour : faire une démarche CAF.',
    'Nom et téléphone de la personne : (à compléter)',
    'Ses disponibilités : le mardi, le matin',
    'Ses besoins particuliers : parle arabe (peu ou pas français)',
    'Sa commune : Vénissieux',
    'Votre fiche sur Rés\'IN : https://resin.exemple.fr/lieux/france-services-venissieux/',
  ]) {
    assert.ok(corps.includes(attendu), `fiche de prescription : « ${attendu} » dans ${corps}`);
  }
  // Seuls les lieux qui prennent une fiche de prescription ont ce lien.
  assert.ok(lieux.slice(1).every((l) => !l.liens.some((h) => h.startsWith('mailto:') && !h.startsWith('mailto:?'))));
  await page.fermer();
});

test('chaque fiche de la liste tient sur une page A4, en mots simples aussi, en noir et blanc', async () => {
  const page = await ouvrir(CAS);
  const lieux = await liste(page);
  for (let k = 0; k < lieux.length; k++) {
    await page.click(`#selection-liste > li:nth-child(${k + 1}) .actions-orientation button`);
    await page.waitForSelector('#fiche:not([hidden])');
    if (await page.isChecked('#fiche-falc')) await page.uncheck('#fiche-falc');
    assert.equal(await pagesImprimees(page, `fiche-${k}`), 1, `fiche de ${lieux[k].nom}`);
    await page.check('#fiche-falc');
    const simple = await page.textContent('#fiche-page');
    assert.ok(simple.includes('Vous avez besoin d’aide pour faire une démarche CAF.'), simple);
    assert.ok(simple.includes('Quand y aller ?'), simple);
    assert.equal(await pagesImprimees(page, `fiche-simple-${k}`), 1, `fiche en mots simples de ${lieux[k].nom}`);
    // Du noir sur du blanc ; le plan en gris.
    const couleurs = await page.$eval('#fiche-page', (f) => [getComputedStyle(f).color, getComputedStyle(f).backgroundColor]);
    assert.deepEqual(couleurs, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await page.click('#fiche-retour');
  }
  // En mots simples, les horaires se lisent en phrases.
  await page.click('#selection-liste > li:first-child .actions-orientation button');
  assert.match(await page.textContent('#fiche-page'), /Du lundi au mercredi : de 8\u00a0h\u00a030 à 12\u00a0h, puis de 13\u00a0h\u00a030 à 17\u00a0h/);
  await page.fermer();
});

test('sans JavaScript, le formulaire ouvre l’annuaire filtré, trié depuis la commune', async () => {
  const sansJs = await ouvrir('/orienter/', { js: false });
  assert.ok(await sansJs.isHidden('#o-dispo'), 'les disponibilités demandent JavaScript : cachées');
  await sansJs.selectOption('#o-besoin', { label: 'Faire une démarche CAF (prime d\'activité, APL, RSA…)' });
  await sansJs.selectOption('#o-depuis', 'venissieux');
  await sansJs.check('#o-acc-langues-etrangeres-autres');
  await sansJs.check('#o-gratuit');
  await sansJs.click('#orienter button[type=submit]');
  await sansJs.waitForURL(/\/lieux\//);
  const adresse = new URL(sansJs.url());
  assert.equal(adresse.pathname, '/lieux/');
  assert.equal(adresse.search, '?besoin=aide-aux-demarches-administratives&depuis=venissieux&accompagnement=langues-etrangeres-autres&gratuit=1&type=');
  await sansJs.fermer();
  // Ouverte là où JavaScript marche, cette adresse est l'annuaire filtré.
  const page = await ouvrir(adresse.pathname + adresse.search);
  await page.waitForFunction(() => document.getElementById('resultats-annonce').textContent !== '');
  const cartes = await page.$$eval('#resultats-liste > li', (lis) => lis.map((li) => li.textContent));
  assert.ok(cartes.length >= 3, `${cartes.length} lieux`);
  assert.match(await page.textContent('#resultats-titre'), /correspond/);
  assert.match(cartes[0], /France Services Vénissieux/);
  assert.match(cartes[0], /à 800\u00a0m/, 'du plus proche au plus loin de Vénissieux');
  for (const carte of cartes) assert.match(carte, /Démarches en ligne/);
  await page.fermer();
});

test('les erreurs sont dites, reliées au champ, et le focus y va', async () => {
  const page = await ouvrir('/orienter/');
  await page.waitForSelector('#o-dispo:not([hidden])');
  await page.click('#orienter button[type=submit]');
  await page.waitForSelector('#orienter-erreurs:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'orienter-erreurs');
  assert.match(await page.textContent('#orienter-erreurs'), /Choisissez le besoin de la personne\./);
  assert.equal(await page.getAttribute('#o-besoin', 'aria-invalid'), 'true');
  assert.equal(await page.textContent('#o-besoin-erreur'), 'Choisissez le besoin de la personne.');
  assert.ok((await page.getAttribute('#o-besoin', 'aria-describedby')).includes('o-besoin-erreur'));
  // Le lien du résumé mène au champ.
  await page.click('#orienter-erreurs a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'o-besoin');
  await axe(page, '/orienter/ avec une erreur');
  await page.selectOption('#o-besoin', { index: 1 });
  await page.fill('#o-adresse', 'saint fons');
  await page.click('#orienter button[type=submit]');
  await liste(page);
  assert.ok(await page.isHidden('#orienter-erreurs'));
  assert.equal(await page.getAttribute('#o-besoin', 'aria-invalid'), null, 'le besoin, corrigé, n’est plus marqué');
  assert.match(await page.textContent('#selection-criteres'), /depuis Saint-Fons/);
  // Après une première liste, une adresse hors du territoire : l'ancienne liste disparaît, le
  // focus va à l'erreur.
  await page.fill('#o-adresse', '75011 Paris');
  await page.click('#orienter button[type=submit]');
  assert.match(await page.textContent('#o-adresse-erreur'), /« 75011 Paris » : ni code postal ni commune du territoire/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'orienter-erreurs');
  assert.equal(await page.getAttribute('#orienter-erreurs', 'role'), 'alert');
  assert.ok(await page.isHidden('#selection'), 'plus de liste sous une réponse fausse');
  // Un code postal de plusieurs communes : elles sont nommées.
  await page.fill('#o-adresse', '69250');
  await page.click('#orienter button[type=submit]');
  assert.match(await page.textContent('#o-adresse-erreur'), /Le code postal plusieurs communes possibles \(Albigny-sur-Saône, .*\)/);
  await page.fill('#o-adresse', '69250 Neuville-sur-Saône');
  await page.click('#orienter button[type=submit]');
  await liste(page);
  assert.match(await page.textContent('#selection-criteres'), /depuis Neuville-sur-Saône/);
  // Choisir une commune dans la liste efface le code postal tapé.
  await page.selectOption('#o-depuis', 'bron');
  assert.equal(await page.inputValue('#o-adresse'), '');
  await page.fermer();
});

test('un lien ancien ou modifié : une erreur dite, pas une page cassée', async () => {
  const page = await ouvrir('/orienter/#demande=besoin-retire&jour=xx&accompagnement=inconnu');
  await page.waitForSelector('#orienter-erreurs:not([hidden])');
  assert.match(await page.textContent('#o-besoin-erreur'), /Choisissez le besoin de la personne/);
  assert.ok(await page.isHidden('#selection'));
  // Les valeurs que le formulaire ne propose pas sont laissées de côté.
  const ok = await ouvrir('/orienter/#demande=faire-une-demarche-caf&jour=xx&accompagnement=inconnu');
  await liste(ok);
  assert.doesNotMatch(await ok.textContent('#selection-criteres'), /xx|inconnu/);
  assert.match(await ok.textContent('#selection-titre'), /^\d+ lieux conviennent/);
  // Un lien de l'ancienne forme (« ?… ») marche encore, et devient un lien en « #… » sans l'adresse tapée.
  const ancien = await ouvrir('/orienter/?demande=faire-une-demarche-caf&cp=69200&jour=ma');
  await liste(ancien);
  assert.equal(new URL(ancien.url()).search, '');
  assert.equal(new URL(ancien.url()).hash, '#demande=faire-une-demarche-caf&depuis=venissieux&jour=ma');
  for (const p of [page, ok, ancien]) await p.fermer();
});

test('« retour » : de la fiche à la liste, puis à la recherche d’avant', async () => {
  const page = await ouvrir('/orienter/');
  await page.waitForSelector('#o-dispo:not([hidden])');
  await page.selectOption('#o-besoin', { index: 1 });
  await page.selectOption('#o-depuis', 'venissieux');
  await page.click('#orienter button[type=submit]');
  const lieux = await liste(page);
  const adresseListe = page.url();
  await page.click('#selection-liste > li:first-child .actions-orientation button');
  await page.waitForSelector('#fiche:not([hidden])');
  await page.goBack();
  await page.waitForSelector('#fiche', { state: 'hidden' });
  assert.equal(page.url(), adresseListe);
  assert.deepEqual((await liste(page)).map((l) => l.nom), lieux.map((l) => l.nom));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Fiche à imprimer');
  // Encore « retour » : le formulaire vide d'avant, sans liste.
  await page.goBack();
  await page.waitForSelector('#selection', { state: 'hidden' });
  assert.equal(await page.$eval('#o-besoin', (s) => s.selectedIndex), 0);
  assert.equal(await page.title(), 'Orienter une personne – Rés\'IN');
  await page.fermer();
});

test('« pour élargir » retire une condition d’un bouton', async () => {
  const page = await ouvrir(CAS);
  await liste(page);
  const avant = Number(/^(\d+)/.exec(await page.textContent('#selection-titre'))[1]);
  await page.getByRole('button', { name: 'retirer l’accueil adapté' }).click();
  await liste(page);
  assert.ok(!(await page.isChecked('#o-acc-langues-etrangeres-autres')));
  const apres = Number(/^(\d+)/.exec(await page.textContent('#selection-titre'))[1]);
  assert.ok(apres > avant, `${apres} > ${avant}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'selection-titre');
  await page.fermer();
});

test('une personne sourde : l’e-mail du lieu plutôt que le téléphone', async () => {
  const page = await ouvrir('/orienter/#demande=apprendre-a-utiliser-son-telephone-ou-sa-tablette&accompagnement=surdite');
  const lieux = await liste(page);
  assert.ok(lieux.length > 0);
  const sms = decodeURIComponent(lieux[0].liens[0].slice('sms:?&body='.length));
  assert.match(sms, /\nE-mail : [^@\s]+@[^@\s]+\n/, sms);
  await page.click('#selection-liste > li:first-child .actions-orientation button');
  const fiche = await page.textContent('#fiche-page');
  assert.match(fiche, /Rendez-vous par e-mail\./);
  assert.doesNotMatch(fiche, /Rendez-vous par téléphone/);
  await page.fermer();
});

test('les noms venus des données restent du texte dans la liste et sur la fiche', async () => {
  const page = await ouvrir('/a-propos/');
  await page.route('**/lieux/recherche.json', async (route) => {
    const reponse = await route.fetch();
    const index = await reponse.json();
    for (const l of index.lieux) l.n = '<img src=x onerror="window.piege=1">' + l.n;
    await route.fulfill({ response: reponse, json: index });
  });
  await page.goto(nav.base + CAS);
  const lieux = await liste(page);
  assert.ok(lieux[0].nom.startsWith('<img src=x'), 'le nom s’affiche tel quel');
  await page.click('#selection-liste > li:first-child .actions-orientation button');
  assert.ok((await page.textContent('#fiche-page')).includes('<img src=x'));
  assert.equal(await page.evaluate(() => document.querySelectorAll('#selection img, .fo-nom img, .carte-titre img').length), 0);
  assert.equal(await page.evaluate(() => window.piege), undefined);
  await page.fermer();
});

test('axe sur le formulaire, la liste et la fiche ; rien ne part ailleurs que vers le site', async () => {
  const page = await ouvrir('/orienter/');
  await page.waitForSelector('#o-dispo:not([hidden])');
  await axe(page, '/orienter/');
  await page.goto(nav.base + CAS);
  await liste(page);
  await axe(page, '/orienter/ et sa liste');
  const avantFiche = page.requetes.filter((u) => !u.startsWith(nav.base));
  assert.deepEqual(avantFiche, [], 'ni mesure d’audience ni service extérieur : tout se calcule dans le navigateur');
  // Au site lui-même, rien de ce qui a été répondu : les réponses sont après « # ».
  assert.ok(page.requetes.every((u) => !/arabe|venissieux|demande=/.test(u)), page.requetes.join('\n'));
  await page.click('#selection-liste > li:first-child .actions-orientation button');
  await page.waitForSelector('#fiche:not([hidden])');
  await axe(page, 'la fiche à imprimer');
  // Seul le petit plan de la fiche vient du serveur de cartes : il montre le lieu, pas la personne.
  const ailleurs = page.requetes.filter((u) => !u.startsWith(nav.base));
  assert.ok(ailleurs.length > 0 && ailleurs.every((u) => u.startsWith('https://tile.openstreetmap.org/16/')), ailleurs.join('\n'));
  assert.ok(ailleurs.every((u) => !/69200|nissieux|arabe/.test(u)), 'aucune réponse dans les adresses demandées');
  await page.fermer();
});
