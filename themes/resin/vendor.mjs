// Recopie dans le thème les bibliothèques installées par npm aux versions épinglées de
// package.json / package-lock.json, avec leurs licences : le site ne charge rien d'un CDN.
//   npm ci && npm run vendor
// Un test (tests/integration/vendor.rs) vérifie que les copies sont identiques aux paquets.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const racine = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cible = join(racine, 'themes', 'resin', 'static', 'vendor');
export const FICHIERS = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'vendor.json'), 'utf8'));

for (const [depuis, vers] of Object.entries(FICHIERS)) {
  const destination = join(cible, vers);
  mkdirSync(dirname(destination), { recursive: true });
  writeFileSync(destination, readFileSync(join(racine, 'node_modules', depuis)), { mode: 0o644 });
  console.log(`${depuis} -> themes/resin/static/vendor/${vers}`);
}
