// Ce que les tests du navigateur ont en commun : le site construit servi en local, Chromium,
// une page de téléphone à heure fixe qui note les erreurs de la console, et axe-core.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { servir, TUILE } from './serveur.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const SITE = process.env.RESIN_SITE;
if (!SITE) throw new Error('RESIN_SITE : dossier du site construit (voir l’en-tête des fichiers de test)');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Mercredi 25 novembre 2026, 10 h à Paris (9 h UTC).
export const MERCREDI_10H = new Date('2026-11-25T09:00:00Z');

/** Le site servi et Chromium lancé : `{ base, browser, fermer() }`. */
export async function lancer() {
  const server = await servir(SITE);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  return {
    base: server.base,
    browser,
    fermer: async () => { await browser.close(); server.close(); },
  };
}

/** Une page de téléphone (375 px) de `nav`, à l'heure `quand`, qui note les erreurs de la
 * console et les adresses demandées ; les tuiles du plan sont servies sur place. */
export async function ouvrir(nav, chemin, { quand = MERCREDI_10H, js = true, contexte = {} } = {}) {
  const context = await nav.browser.newContext({
    viewport: { width: 375, height: 800 }, javaScriptEnabled: js, locale: 'fr-FR', ...contexte,
  });
  await context.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TUILE }));
  const page = await context.newPage();
  page.erreurs = [];
  page.requetes = [];
  page.on('console', (m) => { if (m.type() === 'error') page.erreurs.push(m.text()); });
  page.on('pageerror', (e) => page.erreurs.push(String(e)));
  page.on('request', (r) => page.requetes.push(r.url()));
  if (js) await page.clock.setFixedTime(quand);
  await page.goto(nav.base + chemin);
  page.fermer = async () => {
    assert.deepEqual(page.erreurs, [], `erreurs de la console sur ${chemin}`);
    await context.close();
  };
  return page;
}

// axe-core (WCAG 2.1 A et AA) sur l'état où est la page : aucune violation. Évalué par le
// navigateur de test, hors de la politique de sécurité des pages (qui refuse tout script en ligne).
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
export async function axe(page, etat) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe sur ${etat}`);
}
