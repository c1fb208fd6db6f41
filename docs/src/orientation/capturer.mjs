// Les images de docs/src/orientation/ : la liste et la fiche d'orientation (imprimée, normale et
// en mots simples) pour le cas du ticket : une démarche CAF, à Vénissieux, libre le mardi
// matin, parle arabe ; le mercredi 25 novembre 2026 à 10 h.
//
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/site
//   RESIN_SITE=/tmp/site node docs/src/orientation/capturer.mjs
//
// Sans accès à Internet, les tuiles du petit plan sont remplacées par une image vide.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lancer, ouvrir } from '../../../tests/navigateur/outils.mjs';

const ICI = dirname(fileURLToPath(import.meta.url));
const CAS = '/orienter/?demande=faire-une-demarche-caf&cp=69200&jour=ma&moment=matin'
  + '&accompagnement=langues-etrangeres-autres&langue=arabe';

const nav = await lancer();
const page = await ouvrir(nav, CAS);
await page.waitForSelector('#selection:not([hidden])');
await page.locator('#selection').screenshot({ path: join(ICI, 'liste-venissieux.png') });
writeFileSync(join(ICI, 'liste-venissieux.txt'), (await page.innerText('#selection')).replace(/\n{2,}/g, '\n') + '\n');
await page.click('#selection-liste > li:first-child .actions-orientation button');
for (const [nom, simple] of [['fiche-venissieux', false], ['fiche-venissieux-mots-simples', true]]) {
  if (simple) await page.check('#fiche-falc');
  await page.emulateMedia({ media: 'print' });
  const pdf = join(ICI, `${nom}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  // La page imprimée, en PNG de 100 points par pouce (pdftoppm, de poppler-utils).
  execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', pdf, join(ICI, nom)]);
  execFileSync('rm', [pdf]);
}
await page.fermer();
await nav.fermer();
