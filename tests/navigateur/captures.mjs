// Captures d'écran du parcours d'un habitant, pour les regarder : l'accueil, un besoin avec sa
// commune choisie, une fiche et /donnees/, à 375 px (téléphone) et 1280 px (ordinateur), le
// premier écran et la page entière, mardi 1er décembre 2026 à 10 h. `.ci/run` les écrit à côté
// de celles de l'audit (target/ci/audit/parcours/).
//   RESIN_SITE=<site construit> node tests/navigateur/captures.mjs <dossier>
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lancer, ouvrir } from './outils.mjs';

const SORTIE = process.argv[2];
if (!SORTIE) throw new Error('usage : RESIN_SITE=<site> node tests/navigateur/captures.mjs <dossier>');
const MARDI_10H = new Date('2026-12-01T09:00:00Z');
const PAGES = {
  accueil: '/',
  besoin: '/services/aide-aux-demarches-administratives/',
  'besoin-commune': '/lieux/?besoin=aide-aux-demarches-administratives&commune=venissieux',
  fiche: '/lieux/france-services-venissieux/',
  donnees: '/donnees/',
};

await mkdir(SORTIE, { recursive: true });
const nav = await lancer();
try {
  for (const [largeur, hauteur] of [[375, 812], [1280, 800]]) {
    for (const [nom, chemin] of Object.entries(PAGES)) {
      const page = await ouvrir(nav, chemin, { quand: MARDI_10H, contexte: { viewport: { width: largeur, height: hauteur } } });
      await page.waitForLoadState('load');
      if (chemin.includes('?')) await page.waitForSelector('#resultats-liste > li');
      await page.screenshot({ path: join(SORTIE, `${nom}-${largeur}.png`) });
      await page.screenshot({ path: join(SORTIE, `${nom}-${largeur}-page.png`), fullPage: true });
      await page.fermer();
    }
  }
} finally {
  await nav.fermer();
}
console.log(`captures du parcours : ${SORTIE}`);
