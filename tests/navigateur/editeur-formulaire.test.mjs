// Le formulaire de l'éditeur en ligne (/admin/, Decap CMS) dans Chromium : la commune remplit
// le code postal et le code INSEE, un numéro ou un code postal que `resin check` refuserait
// l'est avant l'enregistrement avec les mots de resin, un nouveau lieu s'enregistre du premier
// coup avec la date du jour, les champs techniques sont repliés, les listes montrent leurs
// valeurs. Le dépôt en mémoire de Decap (test-repo) remplace la forge, comme dans
// admin.test.mjs ; les copies d'écran vont dans RESIN_CAPTURES (si donné).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lancer } from './outils.mjs';
import { capture, champ, choisir, JOUR as AUJOURDHUI, ORDINATEUR, ouvrirEditeur, publier, seConnecter, TELEPHONE } from './decap.mjs';

const CONTENU = process.env.RESIN_CONTENU || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content');

let nav;
before(async () => { nav = await lancer(); });
after(() => nav?.fermer());

// L'éditeur, avec le dépôt en mémoire `fichiers` à la place de la forge, ouvert à `chemin`.
async function editeur(fichiers, chemin, ecran = ORDINATEUR) {
  const page = await ouvrirEditeur(nav.browser, nav.base, { ecran, fichiers });
  await seConnecter(page);
  await page.goto(`${nav.base}/admin/#/collections/${chemin}`);
  await page.locator('label', { hasText: 'Nom' }).first().waitFor();
  return page;
}

test('la commune choisie remplit le code postal et le code INSEE', async () => {
  const page = await editeur({ content: { lieux: {} } }, 'lieux/new');
  const postal = await champ(page, 'Code postal');
  const insee = await champ(page, 'Code INSEE');
  await choisir(page, 'Commune', 'Vaulx-en-Velin');
  await page.getByText('Rempli d\'après la commune (Vaulx-en-Velin).').first().waitFor();
  assert.equal(await postal.inputValue(), '69120');
  assert.equal(await insee.inputValue(), '69256');
  assert.equal(await insee.getAttribute('readonly'), '', 'le code INSEE de la commune se lit, il ne se tape pas');
  // Une commune de plusieurs codes postaux : on choisit le sien parmi eux.
  await choisir(page, 'Commune', 'Oullins-Pierre-Bénite');
  const choix = await champ(page, 'Code postal');
  await page.getByText('Les codes postaux de Oullins-Pierre-Bénite : choisissez celui du lieu.').waitFor();
  assert.deepEqual(await choix.locator('option').allTextContents(), ['Choisissez…', '69310', '69600']);
  assert.equal(await choix.inputValue(), '', 'le code de Vaulx-en-Velin n’est pas gardé');
  assert.equal(await insee.inputValue(), '69149');
  await choix.selectOption('69600');
  await page.fermer();
});

test('un numéro ou un code postal que resin refuserait est refusé avant l’enregistrement, en français', async () => {
  const lieu = 'mediatheque-du-bachut.md';
  const original = await readFile(join(CONTENU, 'lieux', lieu), 'utf8');
  for (const [viewport, taille] of [[ORDINATEUR, 'ordinateur'], [TELEPHONE, 'telephone']]) {
    const fichiers = { content: { lieux: { [lieu]: { content: original } } } };
    const page = await editeur(fichiers, 'lieux/entries/mediatheque-du-bachut', viewport);
    await (await champ(page, 'Téléphone')).fill('04 78');
    await (await champ(page, 'Code postal')).fill('69100');
    await publier(page);
    const telephone = page.getByText('Écrivez un numéro français à 10 chiffres, par exemple 04 78 00 00 00 ou +33 4 78 00 00 00.');
    await telephone.waitFor();
    await page.getByText('Le code postal de Lyon 8e Arrondissement est 69008 : corrigez la commune ou le code.').waitFor();
    // Une phrase, comme resin l'écrit, et non en capitales.
    assert.equal(await telephone.evaluate((e) => getComputedStyle(e).textTransform), 'none');
    // À côté du champ : dans le même bloc que son libellé.
    const bloc = telephone.locator('xpath=ancestor::*[.//label][1]');
    assert.match(await bloc.locator('label').first().innerText(), /Téléphone/i);
    await telephone.scrollIntoViewIfNeeded();
    await capture(page, `erreur-${taille}`);
    const enregistre = await page.evaluate((f) => window.repoFiles.content.lieux[f].content, lieu);
    assert.equal(enregistre, original, 'rien n’est enregistré');
    // Decap écrit dans la console qu'il a refusé d'enregistrer : attendu.
    page.erreurs.length = 0;
    await page.fermer();
  }
});

test('un nouveau lieu s’enregistre du premier coup, daté du jour, les champs techniques repliés', async () => {
  for (const [viewport, taille] of [[ORDINATEUR, 'ordinateur'], [TELEPHONE, 'telephone']]) {
    const page = await editeur({ content: { lieux: {} } }, 'lieux/new', viewport);
    await (await champ(page, 'Nom')).fill('Point numérique du Tonkin');
    await (await champ(page, 'Adresse')).fill('3 rue du Tonkin');
    await choisir(page, 'Commune', 'Villeurbanne');
    await (await champ(page, 'Téléphone')).fill('04 72 00 00 00');
    // La carte s'appelle carte ; les champs techniques sont repliés sous un bouton.
    await page.locator('label', { hasText: 'Position sur la carte' }).waitFor();
    const bouton = page.getByRole('button', { name: /Champs techniques/ });
    assert.equal(await bouton.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('label', { hasText: 'SIRET ou RNA' }).isVisible(), false);
    await capture(page, `formulaire-${taille}`);
    await bouton.focus();
    await page.keyboard.press('Enter');
    assert.equal(await bouton.getAttribute('aria-expanded'), 'true');
    await page.locator('label', { hasText: 'SIRET ou RNA' }).waitFor();
    const date = await champ(page, 'Date de mise à jour');
    assert.equal(await date.getAttribute('readonly'), '', 'la date se lit');
    await bouton.scrollIntoViewIfNeeded();
    await capture(page, `techniques-${taille}`);

    await publier(page);
    await page.getByText('Modifications enregistrées', { exact: false }).first().waitFor();
    const enregistre = await page.evaluate(() => window.repoFiles.content.lieux['point-numerique-du-tonkin.md'].content);
    assert.match(enregistre, new RegExp(`^date_maj: ${AUJOURDHUI}$`, 'm'));
    assert.match(enregistre, /^code_postal: "69100"$/m);
    assert.match(enregistre, /^code_insee: "69266"$/m);
    assert.match(enregistre, /^telephone: 04 72 00 00 00$/m);
    await page.fermer();
  }
});

test('les listes montrent leurs valeurs, au singulier comme au pluriel, et « Voir en direct » ouvre la fiche', async () => {
  const lieu = 'mediatheque-du-bachut.md';
  const original = await readFile(join(CONTENU, 'lieux', lieu), 'utf8');
  const page = await editeur({ content: { lieux: { [lieu]: { content: original } } } }, 'lieux/entries/mediatheque-du-bachut');
  const courriel = /courriels: \[(.+?)\]/.exec(original)?.[1] ?? /courriels:\n {2}- (.+)/.exec(original)[1];
  // Le courriel se lit dans son champ, sans boîte « Valeur » à ouvrir.
  await page.getByRole('textbox', { name: 'Courriel', exact: true }).first().waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Courriel', exact: true }).first().inputValue(), courriel);
  await page.getByText('1 courriel', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Ajouter un courriel' }).waitFor();
  await page.getByRole('button', { name: 'Ajouter un site web' }).waitFor();
  const direct = page.getByRole('link', { name: /Voir en direct/ });
  assert.match(await direct.getAttribute('href'), /\/lieux\/mediatheque-du-bachut\/$/);
  await page.fermer();
});
