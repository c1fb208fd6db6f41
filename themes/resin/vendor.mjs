// Recopie dans le thème les bibliothèques installées par npm aux versions épinglées de
// package.json / package-lock.json, avec leurs licences : le site ne charge rien d'un CDN.
//   npm ci && npm run vendor
// vendor.json associe un fichier de node_modules/ à sa copie sous themes/resin/ ; une clé
// `dossier/*.suffixe` copie tous les fichiers du dossier qui finissent ainsi dans le dossier
// indiqué (les morceaux de Decap CMS, chargés à la demande).
// Un test (tests/integration/directory.rs) vérifie que les copies sont identiques aux paquets.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const theme = dirname(fileURLToPath(import.meta.url));
const modules = join(theme, '..', '..', 'node_modules');
const FICHIERS = JSON.parse(readFileSync(join(theme, 'vendor.json'), 'utf8'));

/** Les paires (source sous node_modules/, copie sous themes/resin/) d'une entrée de vendor.json. */
function paires(depuis, vers) {
  const etoile = depuis.lastIndexOf('/*');
  if (etoile < 0) return [[depuis, vers]];
  const dossier = depuis.slice(0, etoile);
  const suffixe = depuis.slice(etoile + 2);
  return readdirSync(join(modules, dossier))
    .filter((nom) => nom.endsWith(suffixe))
    .sort()
    .map((nom) => [`${dossier}/${nom}`, `${vers}${nom}`]);
}

for (const [motif, cible] of Object.entries(FICHIERS)) {
  for (const [depuis, vers] of paires(motif, cible)) {
    const destination = join(theme, vers);
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(destination, readFileSync(join(modules, depuis)), { mode: 0o644 });
    console.log(`${depuis} -> themes/resin/${vers}`);
  }
}
