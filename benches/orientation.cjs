// Le temps du classement de « Orienter une personne » (themes/resin/static/orientation.js) sur
// un site construit : préparation des données, puis médiane de 11 classements pour une démarche,
// depuis Vénissieux (69200), le mardi matin, gratuit.
//   cargo run --release --example generate -- 10000 /tmp/corpus
//   RESIN_DATE=2026-11-25 cargo run --release -- build --root /tmp/corpus --output /dev/shm/out
//   node benches/orientation.cjs /dev/shm/out
const api = require('../themes/resin/static/orientation.js');
const fs = require('fs');
const dossier = process.argv[2];
if (!dossier) throw new Error('usage : node benches/orientation.cjs DOSSIER_DU_SITE_CONSTRUIT');
const lire = (chemin) => JSON.parse(fs.readFileSync(`${dossier}/${chemin}`, 'utf8'));
const index = lire('lieux/recherche.json');
const donnees = lire('orienter/donnees.json');
const ms = (debut) => Number(process.hrtime.bigint() - debut) / 1e6;
let debut = process.hrtime.bigint();
const t = api.preparer(index, donnees);
const preparation = ms(debut);
const [k] = api.communesDe(t, '69200');
const criteres = {
  demande: donnees.demandes[0].id, position: [index.communes[k][1], index.communes[k][2]],
  jours: ['ma'], moments: ['matin'], gratuit: true,
};
const temps = [];
let resultat;
for (let i = 0; i < 11; i++) {
  debut = process.hrtime.bigint();
  resultat = api.classer(t, criteres);
  temps.push(ms(debut));
}
temps.sort((a, b) => a - b);
const poids = (chemin) => fs.statSync(`${dossier}/${chemin}`).size;
console.log(`${index.lieux.length} lieux, ${donnees.offres.length} offres : préparation ${preparation.toFixed(1)} ms, `
  + `classement ${temps[5].toFixed(1)} ms (médiane de 11), ${resultat.lieux.length} lieux proposés ; `
  + `recherche.json ${poids('lieux/recherche.json')} o, donnees.json ${poids('orienter/donnees.json')} o`);
