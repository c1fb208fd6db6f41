// Le format des fiches de l'éditeur en ligne (themes/resin/admin/resin-format.js) écrit le
// style de `resin fmt` (src/format/) : chaque fiche d'exemple, formatée par resin, relue puis
// réécrite par l'éditeur, redonne les mêmes octets ; les textes suivent les mêmes règles de
// guillemets (tests/fixtures/format/textes.json, lu aussi par les tests de Rust).
//
// Lancés par `cargo test` (tests/integration/format.rs), qui construit le site d'exemple et
// donne son dossier dans RESIN_SITE. À la main :
//   RESIN_DATE=2026-11-25 cargo run -- build --output /tmp/exemple \
//     && RESIN_SITE=/tmp/exemple node --test tests/format/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const format = require('../../themes/resin/admin/resin-format.js');
const jsyaml = require('js-yaml');
const SITE = process.env.RESIN_SITE;
if (!SITE) throw new Error('RESIN_SITE : dossier du site d’exemple construit (voir l’en-tête de ce fichier)');
const RACINE = join(import.meta.dirname, '..', '..');
const CONFIG = jsyaml.safeLoad(readFileSync(join(SITE, 'admin/config.yml'), 'utf8'));
const MODELES = format.modele(CONFIG);
const SCHEMA = format.schema(jsyaml);

test('chaque collection est au format « resin »', () => {
  assert.ok(CONFIG.collections.length >= 8);
  for (const c of CONFIG.collections) assert.equal(c.format, 'resin', c.name);
});

test('les textes suivent les règles de guillemets de resin fmt', () => {
  const cas = JSON.parse(readFileSync(join(RACINE, 'tests/fixtures/format/textes.json'), 'utf8'));
  for (const [texte, attendu] of cas) assert.equal(format.texte(texte), attendu, JSON.stringify(texte));
});

test('chaque fiche d’exemple relue et réécrite par l’éditeur redonne les mêmes octets', () => {
  let fiches = 0;
  for (const collection of CONFIG.collections) {
    const cles = collection.fields.map((f) => f.name);
    const dossier = join(RACINE, collection.folder);
    for (const nom of readdirSync(dossier).filter((n) => n.endsWith('.md')).sort()) {
      const texte = readFileSync(join(dossier, nom), 'utf8');
      const donnees = format.lire(texte, jsyaml, SCHEMA);
      assert.equal(format.ecrire(donnees, cles, MODELES), texte, `${collection.folder}/${nom}`);
      fiches += 1;
    }
  }
  assert.ok(fiches > 100, `${fiches} fiches`);
});

test('une valeur seule dans un champ liste devient une liste ; les champs inconnus restent, après', () => {
  const cles = CONFIG.collections.find((c) => c.name === 'lieux').fields.map((f) => f.name);
  const texte = '---\nzeta: 1\ndate_maj: 2026-01-02\nsite_web: https://a.fr/\nnom: A\nalpha: "10:00"\n---\nCorps\n';
  const donnees = format.lire(texte, jsyaml, SCHEMA);
  assert.equal(
    format.ecrire(donnees, cles, MODELES),
    '---\nnom: A\nsite_web:\n  - https://a.fr/\ndate_maj: 2026-01-02\nzeta: 1\nalpha: "10:00"\n---\nCorps\n',
  );
});

test('resin et l’éditeur lisent les mêmes valeurs (YAML 1.2)', () => {
  const lu = format.lire(
    '---\na: 10:00\nb: yes\nc: 012\nd: 0o12\ne: 1.\nf: ~\ng: True\nh: 2026-11-25\ni: 1_000\nj: -.inf\n---\n',
    jsyaml,
    SCHEMA,
  );
  assert.deepEqual(
    { ...lu },
    { a: '10:00', b: 'yes', c: '012', d: 10, e: 1, f: null, g: true, h: '2026-11-25', i: '1_000', j: -Infinity, body: '' },
  );
});

test('les séances et les fermetures : une clé par ligne, dans l’ordre du modèle', () => {
  const cles = CONFIG.collections.find((c) => c.name === 'offres').fields.map((f) => f.name);
  const donnees = { titre: 'T', seances: [{ fin: '12:00', debut: '10:00', date: '2027-02-24' }], body: '' };
  assert.equal(
    format.ecrire(donnees, cles, MODELES),
    '---\ntitre: T\nseances:\n  - date: 2027-02-24\n    debut: "10:00"\n    fin: "12:00"\n---\n',
  );
});
