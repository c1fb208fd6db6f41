// Le type d'une offre dans l'éditeur en ligne, au téléphone comme à l'ordinateur : une
// animatrice ouvre une offre qui ne dit pas son type, choisit « Formation » dans « Type
// d'offre » (les quatre valeurs sont proposées, avec ce qu'elles veulent dire), publie ; le
// fichier gagne la seule ligne `type: Formation`, juste sous le titre, là où `resin fmt` la met.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lancer } from './outils.mjs';
import { capture, champ, ORDINATEUR, ouvrirEditeur, publier, seConnecter, TELEPHONE } from './decap.mjs';

const CONTENU = process.env.RESIN_CONTENU || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content');
const OFFRE = 'atelier-smartphone-bachut';

let nav;
before(async () => { nav = await lancer(); });
after(() => nav?.fermer());

for (const [taille, ecran] of [['ordinateur', ORDINATEUR], ['telephone', TELEPHONE]]) {
  test(`le type d’une offre se choisit dans une liste et s’écrit sous le titre (${taille})`, async () => {
    const exemple = await readFile(join(CONTENU, 'offres', `${OFFRE}.md`), 'utf8');
    const sansType = exemple.replace(/^type: .*\n/m, '');
    assert.notEqual(sansType, exemple, 'l’offre d’exemple dit son type');
    const page = await ouvrirEditeur(nav.browser, nav.base, {
      ecran, fichiers: { content: { offres: { [`${OFFRE}.md`]: { content: sansType } } } },
    });
    await seConnecter(page);
    await page.goto(`${nav.base}/admin/#/collections/offres/entries/${OFFRE}`);
    await page.getByText('Type d\'offre', { exact: false }).first().waitFor();
    // L'aide dit ce que veut dire chaque valeur.
    await page.getByText(/Permanence \(aide individuelle/).first().waitFor();
    const liste = await champ(page, 'Type d\'offre');
    await liste.click();
    // Les mots du site ; le fichier garde la valeur (`type: Formation`).
    for (const valeur of ['Atelier collectif', 'Permanence : aide individuelle', 'Formation', 'Accès libre au matériel']) {
      await page.getByText(valeur, { exact: true }).last().waitFor();
    }
    await page.getByText('Formation', { exact: true }).last().click();
    await capture(page, `type-offre-${taille}`);
    await publier(page, { enregistre: true });
    const enregistre = await page.evaluate((nom) => window.repoFiles.content.offres[`${nom}.md`].content, OFFRE);
    const lignes = (texte) => texte.split('\n').filter((l) => !l.startsWith('date_maj: '));
    assert.deepEqual(lignes(enregistre), lignes(exemple.replace(/^type: .*$/m, 'type: Formation')), enregistre);
    await page.fermer();
  });
}
