/* resin : filtres, recherche, « près de moi », carte et sélection à imprimer de l'annuaire,
   static/annuaire.js, que resin assemble des parties de static/annuaire/ dans cet ordre :
   national.js (les liens de la cartographie nationale), page.js (la page).
   Les lieux viennent de l'index écrit à la construction (lieux/recherche.json, décrit dans
   src/render/search.rs). L'état des filtres est dans l'adresse de la page (?besoin=…&commune=…),
   si bien qu'un lien redonne la même sélection et que le bouton « retour » fonctionne.
   Sans JavaScript, le formulaire reste caché : la liste et les pages par besoin, commune et
   public mènent partout. Rien de ce que contient l'index n'est inséré comme HTML.
   S'appuie sur commun.js (et ouverture.js pour « ouvert maintenant ») ; sur /carte/, sur
   cartes.js pour charger Leaflet. */
/* Les liens et les intégrations de la cartographie nationale des lieux d'inclusion numérique
   (ANCT) : ses paramètres d'adresse (?services=…&frais_a_charge=Gratuit&territoires=69029…),
   avec les valeurs du standard, séparées par des virgules (l'une ou l'autre dans un paramètre,
   toutes les conditions d'un paramètre à l'autre), traduits dans les critères de l'annuaire.
   `traduire` ne touche pas à la page (testée dans Node, tests/navigateur/parametres-nationaux). */
var resinNational = (function (commun) {
  'use strict';
  if (!commun) return null;
  // Paramètre national → [clé des lieux dans l'index, liste de l'index, champ de l'annuaire].
  var LISTES = {
    services: ['s', 'services', 'besoin'],
    publics_specifiquement_adresses: ['p', 'publics', 'public'],
    prise_en_charge_specifique: ['e', 'prises', 'accompagnement'],
    frais_a_charge: ['f', 'frais', null],
    dispositif_programmes_nationaux: ['d', 'dispositifs', null],
    formations_labels: ['fl', 'labels', null],
    autres_formations_labels: ['al', 'autres_labels', null]
  };
  var NOMS = {
    services: 'besoin', publics_specifiquement_adresses: 'public', prise_en_charge_specifique: 'accompagnement',
    frais_a_charge: 'frais', dispositif_programmes_nationaux: 'dispositif national', formations_labels: 'label',
    autres_formations_labels: 'label', prise_rdv: 'rendez-vous', territoires: 'territoire'
  };
  var PARAMETRES = Object.keys(LISTES).concat(['prise_rdv', 'territoire_type', 'territoires', 'latitude', 'longitude', 'zoom']);

  // Une valeur comparée sans casse, accents, espaces ni ponctuation : « Aide aux démarches
  // administratives » = « aide-aux-demarches-administratives » (le slug des filtres).
  function cle(texte) {
    return commun.plier(texte).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  // Les positions dans `liste` (de l'index) de la valeur `v` : la valeur exacte ; sinon, avec
  // `prefixe`, celles qu'elle commence (« Langues étrangères » : « (anglais) » et « (autres) »).
  // Ailleurs, un début ne vaut rien : « Aide » n'est pas toutes les « Aide … ».
  function positions(liste, v, colonne, prefixe) {
    var c = cle(v), exactes = [], debuts = [];
    (liste || []).forEach(function (x, k) {
      var y = colonne === null ? cle(x) : cle(x[colonne]);
      if (y === c) exactes.push(k);
      else if (prefixe && c && y.indexOf(c + '-') === 0) debuts.push(k);
    });
    return exactes.length ? exactes : debuts;
  }

  // La colonne comparée : le slug du standard (services : 3, publics et prises : 1), le mot (frais).
  var COLONNE = { services: 3, publics: 1, prises: 1 };

  // Les communes de l'index (leurs positions) que désigne un code : commune (5 caractères) ou
  // département (2 ou 3) ; `type` : communes, departements, regions ou rien.
  function communesDe(index, code, type) {
    code = String(code).trim().toUpperCase();
    var departement = type === 'departements' || (!type && code.length <= 3);
    var trouvees = [];
    index.communes.forEach(function (c, k) {
      var insee = c[4] ? String(c[4]).toUpperCase() : '';
      if (departement ? insee && insee.indexOf(code) === 0 && (code.length === 3 || !/^97/.test(insee)) : insee === code) {
        trouvees.push(k);
      }
    });
    return trouvees;
  }

  // `texte` : la partie « ?… » d'une adresse ; `index` : lieux/recherche.json. Rend null sans
  // paramètre national, sinon :
  //   etat      les critères de l'annuaire (besoin, commune, public, accompagnement, gratuit, rdv),
  //             quand un paramètre n'a qu'une valeur que le formulaire sait dire ;
  //   filtres   les autres ({ cle, valeurs, mots }) : un lieu en a une des valeurs, pour chacun ;
  //   position  { lat, lon, zoom } d'après latitude, longitude, zoom ;
  //   inconnus  ce qui n'a pas pu être appliqué, en mots ;
  //   restes    ces filtres et cette position en paramètres nationaux, pour l'adresse.
  function traduire(texte, index) {
    var brut = commun.lireParametres(texte);
    var present = PARAMETRES.some(function (p) { return Object.prototype.hasOwnProperty.call(brut, p); });
    if (!present) return null;
    var r = { etat: {}, filtres: [], position: null, inconnus: [], restes: [] };
    var valeurs = function (nom) {
      return String(brut[nom] || '').split(',').map(function (v) { return v.trim(); }).filter(Boolean);
    };
    var garder = function (nom, liste) {
      r.restes.push(nom + '=' + liste.map(function (v) { return encodeURIComponent(v).replace(/%20/g, '+'); }).join(','));
    };
    Object.keys(LISTES).forEach(function (nom) {
      var regle = LISTES[nom], liste = index[regle[1]] || [], colonne = COLONNE[regle[1]];
      var trouvees = [], connues = [];
      valeurs(nom).forEach(function (v) {
        var k = positions(liste, v, colonne === undefined ? null : colonne, nom === 'prise_en_charge_specifique');
        if (!k.length) r.inconnus.push('« ' + v + ' » (' + NOMS[nom] + ' : aucun lieu de ce site)');
        else { connues.push(v); k.forEach(function (x) { if (trouvees.indexOf(x) < 0) trouvees.push(x); }); }
      });
      if (!trouvees.length) return;
      var mot = function (k) { var x = liste[k]; return typeof x === 'string' ? x : x[regle[1] === 'services' ? 1 : 0]; };
      if (regle[2] && trouvees.length === 1) {
        r.etat[regle[2]] = liste[trouvees[0]][colonne];
      } else if (nom === 'frais_a_charge' && trouvees.length === 1 && liste[trouvees[0]] === 'Gratuit') {
        r.etat.gratuit = '1';
      } else {
        r.filtres.push({ cle: regle[0], valeurs: trouvees, mots: trouvees.map(mot).join(' ou ') });
        garder(nom, connues);
      }
    });
    // prise_rdv=true (ou toute autre valeur que false, 0, non) : avec rendez-vous en ligne.
    if (valeurs('prise_rdv').some(function (v) { return !/^(false|0|non|no)$/i.test(v); })) r.etat.rdv = '1';
    territoires(index, valeurs('territoires'), String(brut.territoire_type || '').trim().toLowerCase(), r, garder);
    var lat = parseFloat(brut.latitude), lon = parseFloat(brut.longitude), zoom = parseInt(brut.zoom, 10);
    if (isFinite(lat) && isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      r.position = { lat: lat, lon: lon, zoom: zoom >= 0 && zoom <= 20 ? zoom : null };
      r.restes.push('latitude=' + lat, 'longitude=' + lon);
      if (r.position.zoom !== null) r.restes.push('zoom=' + zoom);
    } else if (brut.latitude || brut.longitude) {
      r.inconnus.push('la position (latitude et longitude attendues en degrés)');
    }
    r.restes = r.restes.join('&');
    return r;
  }

  function territoires(index, codes, type, r, garder) {
    if (!codes.length) return;
    if (type === 'regions') {
      r.inconnus.push('le filtre par région (ce site montre ses communes, par commune ou par département)');
      return;
    }
    var trouvees = [], connus = [];
    codes.forEach(function (code) {
      var k = communesDe(index, code, type);
      if (!k.length) r.inconnus.push('« ' + code + ' » (territoire : aucune commune de ce site n\u2019a ce code INSEE)');
      else { connus.push(code); k.forEach(function (x) { if (trouvees.indexOf(x) < 0) trouvees.push(x); }); }
    });
    if (!trouvees.length) return;
    if (trouvees.length === 1) {
      r.etat.commune = index.communes[trouvees[0]][3];
      return;
    }
    trouvees.sort(function (a, b) { return a - b; });
    var noms = trouvees.map(function (k) { return index.communes[k][0]; });
    r.filtres.push({ cle: 'c', valeurs: trouvees, mots: 'à ' + (noms.length > 4 ? noms.length + ' communes' : noms.join(' ou ')) });
    if (type) r.restes.push('territoire_type=' + encodeURIComponent(type));
    garder('territoires', connus);
  }

  // Le lieu `l` de l'index passe-t-il le filtre `f` ?
  function garde(f, l) {
    var v = l[f.cle];
    if (v === undefined) return false;
    if (typeof v === 'number') return f.valeurs.indexOf(v) >= 0;
    for (var i = 0; i < v.length; i++) if (f.valeurs.indexOf(v[i]) >= 0) return true;
    return false;
  }

  return { traduire: traduire, garde: garde, cle: cle, PARAMETRES: PARAMETRES };
})(typeof window === 'object' && window.resinCommun ? window.resinCommun
  : typeof require === 'function' ? require('../commun.js') : null);
if (typeof module === 'object' && module.exports) module.exports = resinNational;
