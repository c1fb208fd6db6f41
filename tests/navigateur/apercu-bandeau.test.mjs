// Le bandeau d'erreurs de l'aperçu (`resin serve`) sur un téléphone et sur un ordinateur
// (issue 23) : replié, une seule ligne en bas de l'écran, assez haute pour le doigt ; un toucher
// le déplie sur un tiers de l'écran au plus, un autre le replie ; son chevron reste à la hauteur
// du texte de sa ligne. L'aperçu est celui d'un contenu avec un fichier cassé
// (RESIN_APERCU_CASSE, l'adresse d'un `resin serve`, donnée par tests/integration/navigateur.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { axe } from './outils.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const APERCU = (process.env.RESIN_APERCU_CASSE || '').replace(/\/$/, '');

let browser;

before(async () => {
  if (APERCU) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
});

// Où sont le bandeau, sa ligne de titre, son texte et son chevron.
function mesurer(page) {
  return page.evaluate(() => {
    const details = document.getElementById('resin-erreurs');
    const summary = details.querySelector('summary');
    const titre = summary.querySelector('.resin-titre');
    const chevron = summary.querySelector('.resin-chevron');
    const texte = document.createRange();
    texte.selectNodeContents(titre);
    const ligne = texte.getClientRects()[0];
    const c = chevron.getBoundingClientRect();
    const b = details.getBoundingClientRect();
    const s = summary.getBoundingClientRect();
    return {
      ouvert: details.open,
      haut: b.top, bas: b.bottom, hauteur: b.height,
      titre: { haut: s.top, hauteur: s.height },
      lignes: new Set([...texte.getClientRects()].map((r) => Math.round(r.top))).size,
      coupe: titre.scrollWidth > titre.clientWidth,
      milieuTexte: (ligne.top + ligne.bottom) / 2,
      milieuChevron: (c.top + c.bottom) / 2,
      chevronAvant: c.right <= ligne.left,
      fenetre: innerHeight,
    };
  });
}

for (const [largeur, hauteur, toucher] of [[375, 812, true], [1280, 800, false], [320, 640, true]]) {
  test(`le bandeau d’erreurs de l’aperçu se replie sur une ligne à ${largeur} px, son chevron à la hauteur du texte`,
    { skip: !APERCU && 'RESIN_APERCU_CASSE absent' }, async () => {
      const context = await browser.newContext({
        viewport: { width: largeur, height: hauteur }, hasTouch: toucher, isMobile: toucher, locale: 'fr-FR',
      });
      const page = await context.newPage();
      const erreurs = [];
      page.on('pageerror', (e) => erreurs.push(String(e)));
      await page.goto(`${APERCU}/lieux/mediatheque-du-bachut/`);
      const appuyer = () => (toucher ? page.tap('#resin-erreurs summary') : page.click('#resin-erreurs summary'));

      const replie = await mesurer(page);
      assert.equal(replie.ouvert, false, 'replié d’abord');
      assert.ok(Math.abs(replie.bas - replie.fenetre) < 1, `en bas de l’écran : ${JSON.stringify(replie)}`);
      assert.ok(replie.hauteur <= 52, `une ligne : ${replie.hauteur} px`);
      assert.ok(replie.titre.hauteur >= 44, `assez haut pour le doigt : ${replie.titre.hauteur} px`);
      assert.equal(replie.lignes, 1, 'le titre tient sur une ligne');
      // « Site pas à jour : 6 erreurs à corriger » en entier sur un téléphone ; plus étroit, coupé par « … ».
      if (largeur >= 375) assert.equal(replie.coupe, false, 'le titre n’est pas coupé');
      assert.ok(replie.chevronAvant, 'le chevron avant le texte');
      assert.ok(Math.abs(replie.milieuChevron - replie.milieuTexte) <= 2,
        `chevron à ${replie.milieuChevron}, texte à ${replie.milieuTexte}`);

      await appuyer();
      const ouvert = await mesurer(page);
      assert.equal(ouvert.ouvert, true, 'un toucher le déplie');
      assert.ok(ouvert.hauteur <= ouvert.fenetre / 3 + 1, `un tiers de l’écran au plus : ${ouvert.hauteur} px`);
      assert.ok(Math.abs(ouvert.titre.haut - ouvert.haut - 4) < 1, 'sa ligne de titre en haut du bandeau');
      assert.ok(Math.abs(ouvert.milieuChevron - ouvert.milieuTexte) <= 2, 'chevron tourné, toujours aligné');
      assert.match(await page.textContent('#resin-erreurs pre'), /zz-fiche-cassee\.md/);
      await axe(page, `l’aperçu avec le bandeau déplié à ${largeur} px`);

      await appuyer();
      const referme = await mesurer(page);
      assert.equal(referme.ouvert, false, 'un autre toucher le replie');
      assert.ok(Math.abs(referme.hauteur - replie.hauteur) < 1);
      assert.deepEqual(erreurs, []);
      await context.close();
    });
}
