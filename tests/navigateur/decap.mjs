// Ce que les tests de l'éditeur en ligne (Decap CMS, /admin/) ont en commun : un onglet de
// l'éditeur à heure fixe, le dépôt en mémoire de Decap à la place de la forge, et les gestes
// d'une animatrice (trouver un champ par son libellé, choisir dans une liste, publier).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TUILE } from './serveur.mjs';

// Le jour des tests (TODAY de tests/integration/support.rs), 10 h à Paris : l'éditeur date du
// jour ce qu'il enregistre, que `resin check` vérifie ensuite à ce jour-là.
export const JOUR = '2026-11-25';
export const ORDINATEUR = { width: 1280, height: 900 };
export const TELEPHONE = { width: 375, height: 812 };

// Le config.yml du site avec, à la place de la forge, le dépôt en mémoire de Decap (test-repo)
// rempli avec `fichiers` (window.repoFiles) ; sans relecture (publish_mode) si `relecture` est faux.
async function depotEnMemoire(context, fichiers, relecture) {
  await context.addInitScript((f) => { window.repoFiles = f; }, fichiers);
  await context.route('**/admin/config.yml', async (route) => {
    let yaml;
    try {
      yaml = await (await route.fetch()).text();
    } catch {
      return; // le test est fini, la page fermée
    }
    let memoire = yaml.replace(/^backend:\n(?: {2}.*\n)+/m, 'backend:\n  name: test-repo\n');
    assert.notEqual(memoire, yaml, 'config.yml a un bloc backend');
    if (!relecture) memoire = memoire.replace(/^publish_mode: .*\n/m, '');
    await route.fulfill({ body: memoire, contentType: 'text/yaml' });
  });
}

/**
 * Ferme `context` sans l'attendre plus de 5 s : l'éditeur de l'aperçu, rechargé par resin après un
 * enregistrement, retient parfois sa page une minute ou plus (son flux d'événements), et le test
 * resterait suspendu.
 */
export async function fermerContexte(context) {
  await Promise.race([context.close(), new Promise((r) => setTimeout(r, 5000))]);
}

/**
 * Un onglet de l'éditeur de `browser`, ouvert à `adresse`/admin/ (le site construit servi, ou
 * l'aperçu), à la taille `ecran`, au jour `jour` à 10 h. `fichiers` : le dépôt en mémoire à la
 * place de la forge (`relecture` : avec les modifications en attente de site.yaml). La page
 * note les erreurs (`page.erreurs`, sauf celles des tuiles du plan, qui viennent d'Internet) et
 * les adresses demandées (`page.requetes`) ; `page.fermer()` vérifie qu'il n'y a pas d'erreur.
 */
export async function ouvrirEditeur(browser, adresse, {
  ecran = ORDINATEUR, js = true, fichiers = null, relecture = false, jour = JOUR,
} = {}) {
  const context = await browser.newContext({ viewport: ecran, javaScriptEnabled: js, locale: 'fr-FR' });
  await context.route(/^https:\/\/tile\.openstreetmap\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TUILE }));
  if (fichiers) await depotEnMemoire(context, fichiers, relecture);
  const page = await context.newPage();
  if (js) await page.clock.setFixedTime(new Date(`${jour}T09:00:00Z`));
  Object.assign(page, { erreurs: [], requetes: [] });
  page.on('request', (r) => page.requetes.push(r.url()));
  page.on('pageerror', (e) => page.erreurs.push(String(e)));
  page.on('console', (m) => {
    const tuile = /tile\.openstreetmap/.test(m.location()?.url ?? '') || m.text().includes('ERR_NAME_NOT_RESOLVED');
    if (m.type() === 'error' && !tuile) page.erreurs.push(m.text());
  });
  page.fermer = async () => {
    assert.deepEqual(page.erreurs, [], 'erreurs de la console');
    await fermerContexte(context);
  };
  page.contexte = context;
  await page.goto(`${adresse}/admin/`);
  return page;
}

/** Se connecter (le dépôt en mémoire le demande ; l'aperçu ouvre l'éditeur sans connexion),
 * jusqu'à la liste des rubriques. */
export async function seConnecter(page) {
  const connexion = page.getByRole('button', { name: 'Se connecter' });
  const lieux = page.getByRole('link', { name: 'Lieux', exact: true });
  await connexion.or(lieux).first().waitFor();
  if (await connexion.isVisible()) await connexion.click();
  await lieux.waitFor();
}

/** Le contrôle d'un champ, par son libellé. */
export async function champ(page, libelle) {
  const pour = await page.locator('label', { hasText: libelle }).first().getAttribute('for');
  return page.locator(`[id="${pour}"]`);
}

/** Choisir `valeur` dans la liste déroulante du champ `libelle`, en tapant comme une animatrice. */
export async function choisir(page, libelle, valeur) {
  const liste = await champ(page, libelle);
  await liste.click();
  await liste.fill(valeur);
  await page.getByText(valeur, { exact: true }).last().click();
}

/** « Publier », puis « Publier maintenant » ; `enregistre` : attendre que Decap dise que c'est fait. */
export async function publier(page, { enregistre = false } = {}) {
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').click();
  if (enregistre) await page.getByText('Modifications enregistrées', { exact: false }).first().waitFor();
}

/** Une capture de l'écran dans $RESIN_CAPTURES (à regarder), nommée `nom-<largeur>.png`. */
export async function capture(page, nom) {
  const dossier = process.env.RESIN_CAPTURES;
  if (!dossier) return;
  await mkdir(dossier, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dossier, `${nom}-${page.viewportSize().width}.png`) });
}
