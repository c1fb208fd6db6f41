/* resin : le classement de « Orienter une personne » (/orienter/).
   Des fonctions sans effet de bord, que orienter.js appelle dans le navigateur et que les
   tests appellent dans Node (tests/navigateur/orientation.test.mjs) : les mêmes données
   (lieux/recherche.json et orienter/donnees.json, décrits dans src/render/search.rs et
   src/render/orientation.rs) et les mêmes critères donnent toujours la même liste.

   Le classement, documenté aussi sur la page et dans le README :
   1. Sont écartés les lieux qui ne proposent aucun des services du besoin (eux-mêmes ou par
      une de leurs activités à venir), ceux qui ne
      remplissent pas une condition cochée (langue ou handicap, gratuit, sans rendez-vous,
      lieu fixe), et ceux dont les horaires connus ne tombent jamais aux moments où la
      personne est libre (sur les 14 jours des horaires de l'index).
   2. Chaque lieu restant reçoit des points :
      - disponibilités (si la personne en a donné) : 30 si le lieu est ouvert à un de ces
        moments, 10 si ses horaires ne sont pas connus ;
      - distance (si la commune est connue) : 30 sur place, 3 de moins par kilomètre
        (distance arrondie à 100 m), 0 à partir de 10 km ;
      - besoin : 20 si le lieu (ou ses activités) propose tous les services du besoin, 10 sinon ;
      - coût : 15 si gratuit, 8 si gratuit sous condition ;
      - accès : 10 si l'on peut s'y présenter sans rendez-vous, 5 s'il suffit de téléphoner.
   3. Si la personne a dit sa langue et qu'un lieu du site la parle (leur champ `langues`),
      les lieux où on la parle d'abord (« on y parle arabe ») ; puis du plus de points au
      moins ; à égalité, le plus proche, puis le nom (ordre alphabétique sans accents), puis
      l'adresse de la page. */
(function (racine, fabrique) {
  if (typeof module === 'object' && module.exports) module.exports = fabrique(require('./commun.js'));
  else if (racine.resinCommun) racine.resinOrientation = fabrique(racine.resinCommun);
})(this, function (commun) {
  'use strict';
  var plier = commun.plier, contient = commun.contient;

  var POINTS = {
    disponible: 30, horairesInconnus: 10,
    distance: 30, parKm: 3,
    besoinComplet: 20, besoinPartiel: 10,
    gratuit: 15, gratuitSousCondition: 8,
    sansRdv: 10, telephone: 5
  };
  // Les moments de la journée, en minutes depuis minuit.
  var MOMENTS = [['matin', 0, 720, 'matin'], ['apres-midi', 720, 1080, 'après-midi'], ['soir', 1080, 1440, 'soir']];
  // Les jours, dans l'ordre de la semaine ; leur rang dans getUTCDay().
  var JOURS = [['lu', 1, 'lundi'], ['ma', 2, 'mardi'], ['me', 3, 'mercredi'], ['je', 4, 'jeudi'],
    ['ve', 5, 'vendredi'], ['sa', 6, 'samedi'], ['di', 0, 'dimanche']];
  // Une période compte pour un moment si elle en couvre au moins une heure (ou toute la période).
  var RECOUVREMENT = 60;
  var JOUR_MS = 86400000;
  // Les jours d'horaires que donne l'index (src/hours.rs, UPCOMING_DAYS).
  var JOURS_INDEX = 14;

  // Distance à vol d'oiseau en km, arrondie à 100 m : les points n'en gardent que ce qui se
  // calcule partout pareil.
  function distance(a, b) {
    if (!a || !b) return null;
    return Math.round(commun.distance(a, b) * 10) / 10;
  }

  // La date (à minuit UTC) du i-ième jour après `debut` (« 2026-11-25 »).
  function dateDe(debut, i) {
    var d = debut.split('-');
    return new Date(Date.UTC(+d[0], +d[1] - 1, +d[2]) + i * JOUR_MS);
  }

  // Le jour de la semaine (code « ma ») du i-ième jour après `debut`.
  function jourDe(debut, i) {
    var n = dateDe(debut, i).getUTCDay();
    for (var k = 0; k < JOURS.length; k++) if (JOURS[k][1] === n) return JOURS[k][0];
    return null;
  }

  // Les moments (codes) qu'une période [début, fin] couvre assez.
  function momentsDe(p) {
    var out = [];
    MOMENTS.forEach(function (m) {
      var commun = Math.min(p[1], m[2]) - Math.max(p[0], m[1]);
      if (commun >= Math.min(RECOUVREMENT, p[1] - p[0]) && commun > 0) out.push(m[0]);
    });
    return out;
  }

  // Les créneaux des 14 jours de l'index qui conviennent : [{ i, p, jour, moments }].
  function creneaux(debut, jours, criteres) {
    var voulusJours = criteres.jours || [], voulusMoments = criteres.moments || [];
    var out = [];
    jours.forEach(function (periodes, i) {
      var jour = jourDe(debut, i);
      if (voulusJours.length && voulusJours.indexOf(jour) < 0) return;
      periodes.forEach(function (p) {
        var moments = momentsDe(p).filter(function (m) { return !voulusMoments.length || voulusMoments.indexOf(m) >= 0; });
        if (moments.length) out.push({ i: i, p: p, jour: jour, moments: moments });
      });
    });
    return out;
  }

  // « ouvert le mardi matin et le jeudi matin » : les jours et moments voulus où le lieu est ouvert.
  function texteDisponible(trouves, criteres) {
    var paires = [];
    JOURS.forEach(function (j) {
      MOMENTS.forEach(function (m) {
        var ok = trouves.some(function (c) { return c.jour === j[0] && c.moments.indexOf(m[0]) >= 0; });
        if (ok) paires.push([j, m]);
      });
    });
    var avecJours = (criteres.jours || []).length > 0, avecMoments = (criteres.moments || []).length > 0;
    var mots = [];
    paires.forEach(function (pm) {
      var texte = avecJours && avecMoments ? 'le ' + pm[0][2] + ' ' + pm[1][3]
        : avecJours ? 'le ' + pm[0][2] : (pm[1][0] === 'apres-midi' ? 'l\u2019' : 'le ') + pm[1][3];
      if (mots.indexOf(texte) < 0) mots.push(texte);
    });
    if (mots.length > 3) mots = mots.slice(0, 3).concat(['d\u2019autres moments']);
    return 'ouvert ' + (mots.length > 1 ? mots.slice(0, -1).join(', ') + ' et ' + mots[mots.length - 1] : mots[0]);
  }

  // Tables de recherche d'un index, faites une fois.
  function preparer(index, donnees) {
    var par = function (liste, i) { var m = {}; liste.forEach(function (v, k) { m[v[i]] = k; }); return m; };
    // Les services de chaque lieu, en rangs de donnees.services (ceux du besoin et des activités).
    var services = index.lieux.map(function (l) {
      return (l.s || []).map(function (k) { return donnees.services.indexOf(index.services[k][2]); });
    });
    // Les heures des activités, jour par jour comme celles des lieux : [[[début, fin]], …].
    donnees.offres.forEach(function (o) {
      if (!o.o || o.jours) return;
      o.jours = [];
      for (var j = 0; j < JOURS_INDEX; j++) o.jours.push([]);
      o.o.forEach(function (p) { if (o.jours[p[0]]) o.jours[p[0]].push([p[1], p[2]]); });
    });
    // Le nombre de codes postaux de chaque commune : moins elle en a, plus elle est précise.
    var codes = index.communes.map(function () { return 0; });
    Object.keys(donnees.postaux).forEach(function (code) {
      donnees.postaux[code].forEach(function (k) { codes[k] += 1; });
    });
    return {
      index: index,
      donnees: donnees,
      services: services,
      codes: codes,
      parPrise: par(index.prises, 1),
      langues: index.langues || [],
      parCommune: par(index.communes, 3),
      parDemande: par(donnees.demandes.map(function (d) { return [d.id]; }), 0),
      gratuit: index.frais.indexOf('Gratuit'),
      sousCondition: index.frais.indexOf('Gratuit sous condition'),
      presenter: donnees.acces.indexOf('Se présenter'),
      telephoner: donnees.acces.indexOf('Téléphoner'),
      prescription: donnees.acces.indexOf('Envoyer un mail avec une fiche de prescription')
    };
  }

  // Les conditions, dans l'ordre où elles sont vérifiées, avec leurs mots.
  var CONDITIONS = [
    ['accompagnement', 'l\u2019accueil adapté'],
    ['gratuit', '« gratuits »'],
    ['sansRdv', '« sans rendez-vous »'],
    ['fixe', '« lieu fixe »'],
    ['disponibilites', 'les disponibilités']
  ];

  // Le classement. `criteres` : { demande: "id", position: [lat, lon] ou null, jours: ["ma"],
  // moments: ["matin"], accompagnement: ["langues-etrangeres-autres"], gratuit, sansRdv, fixe }.
  // Rend { demande, lieux: [...], ecartes: { condition: nombre de lieux écartés par elle seule } }.
  function classer(t, criteres) {
    var index = t.index, donnees = t.donnees;
    var demande = Object.prototype.hasOwnProperty.call(t.parDemande, criteres.demande)
      ? donnees.demandes[t.parDemande[criteres.demande]] : null;
    if (!demande) return null;
    var prises = (criteres.accompagnement || []).map(function (s) { return t.parPrise[s]; });
    var langue = langueDe(t, criteres.langue);
    var dispo = (criteres.jours || []).length > 0 || (criteres.moments || []).length > 0;
    var ecartes = {};
    var lieux = [];
    index.lieux.forEach(function (l, n) {
      var d = donnees.lieux[n] || {};
      // Les activités du lieu qui répondent au besoin : elles comptent comme le lieu lui-même
      // (un atelier smartphone fait d'une médiathèque un lieu où apprendre son téléphone), à
      // leurs propres horaires.
      var offres = (d.o || []).map(function (k) { return donnees.offres[k]; }).filter(function (o) {
        return demande.s.some(function (s) { return contient(o.s, s); });
      }).map(function (o) {
        var trouves = dispo && o.jours ? creneaux(index.debut, o.jours, criteres) : null;
        return { offre: o, creneaux: trouves, convient: !dispo || !o.jours || trouves.length > 0 };
      });
      var parLeLieu = demande.s.filter(function (s) { return contient(t.services[n], s); });
      var services = demande.s.filter(function (s) {
        return contient(parLeLieu, s) || offres.some(function (o) { return contient(o.offre.s, s); });
      });
      if (!services.length) return;
      // Les moments qui conviennent : ceux du lieu s'il répond lui-même au besoin, sinon ceux
      // de ses activités (null : inconnus).
      var trouves = null;
      if (dispo && parLeLieu.length && l.h !== undefined) {
        trouves = creneaux(index.debut, index.horaires[l.h].o, criteres);
      } else if (dispo && !parLeLieu.length && offres.some(function (o) { return o.creneaux; })) {
        trouves = [];
        offres.forEach(function (o) { if (o.creneaux) trouves = trouves.concat(o.creneaux); });
        trouves.sort(function (a, b) { return a.i - b.i || a.p[0] - b.p[0]; });
      }
      var manque = [];
      if (prises.some(function (p) { return !contient(l.e, p); })) manque.push('accompagnement');
      if (criteres.gratuit && !contient(l.f, t.gratuit)) manque.push('gratuit');
      if (criteres.sansRdv && !contient(d.m, t.presenter)) manque.push('sansRdv');
      if (criteres.fixe && l.i) manque.push('fixe');
      if (trouves && !trouves.length) manque.push('disponibilites');
      if (manque.length === 1) ecartes[manque[0]] = (ecartes[manque[0]] || 0) + 1;
      if (manque.length) return;

      var km = criteres.position ? distance(criteres.position, l.g) : null;
      var points = 0, raisons = [], avertissements = [];
      var parle = langue >= 0 && contient(l.l, langue);
      if (parle) raisons.push('on y parle ' + t.langues[langue][0]);
      if (dispo) {
        if (trouves) {
          points += POINTS.disponible;
          raisons.push(texteDisponible(trouves, criteres));
        } else {
          points += POINTS.horairesInconnus;
          avertissements.push('horaires non renseignés : appelez avant d\u2019y aller');
        }
      }
      if (contient(l.f, t.gratuit)) {
        points += POINTS.gratuit;
        raisons.push('gratuit');
      } else if (contient(l.f, t.sousCondition)) {
        points += POINTS.gratuitSousCondition;
        raisons.push('gratuit sous condition');
      }
      if (km !== null) {
        points += Math.max(0, Math.round((POINTS.distance - POINTS.parKm * km) * 10) / 10);
        raisons.push(commun.texteDistance(km));
      } else if (criteres.position) {
        avertissements.push('lieu sans coordonnées : distance inconnue');
      }
      prises.forEach(function (p) { raisons.push(donnees.raisons[p]); });
      if (contient(d.m, t.presenter)) {
        points += POINTS.sansRdv;
        raisons.push('sans rendez-vous');
      } else if (contient(d.m, t.telephoner)) {
        points += POINTS.telephone;
        raisons.push('sur simple appel');
      }
      points += services.length === demande.s.length ? POINTS.besoinComplet : POINTS.besoinPartiel;
      var utiles = offres.filter(function (o) { return o.convient; });
      if (utiles.length) raisons.push('propose : ' + utiles.map(function (o) { return o.offre.n; }).join(', '));
      if (l.i) avertissements.push('service itinérant : vérifiez où et quand il passe');
      lieux.push({
        lieu: l, plus: d, points: Math.round(points * 10) / 10, km: km, raisons: raisons, parle: parle,
        avertissements: avertissements, creneaux: trouves || [], offres: offres, cle: plier(l.n),
        prescription: contient(d.m, t.prescription) && !!d.c
      });
    });
    lieux.sort(function (a, b) {
      if (a.parle !== b.parle) return a.parle ? -1 : 1;
      if (a.points !== b.points) return b.points - a.points;
      var ka = a.km === null ? Infinity : a.km, kb = b.km === null ? Infinity : b.km;
      if (ka !== kb) return ka - kb;
      if (a.cle !== b.cle) return a.cle < b.cle ? -1 : 1;
      return a.lieu.u < b.lieu.u ? -1 : a.lieu.u > b.lieu.u ? 1 : 0;
    });
    return { demande: demande, lieux: lieux, ecartes: ecartes, langue: langue };
  }

  // La langue tapée (« arabe », « Arabe », « ar ») : son rang dans index.langues, les langues
  // que parle au moins un lieu ; -1 si aucun lieu ne la parle ou si rien n'est tapé.
  function langueDe(t, texte) {
    var plie = plier(texte || '').trim();
    if (!plie) return -1;
    if (plie === 'lsf') plie = 'fsl';
    for (var k = 0; k < t.langues.length; k++) {
      if (plier(t.langues[k][0]) === plie || t.langues[k][1] === plie) return k;
    }
    // Le début d'un nom : « langue des signes ».
    for (var n = 0; plie.length >= 4 && n < t.langues.length; n++) {
      if (plier(t.langues[n][0]).indexOf(plie) === 0) return n;
    }
    return -1;
  }

  // Le nom d'une langue tapée (« Arabe », « AR », « ara », « lsf »), en minuscules, comme la
  // table des langues de resin l'écrit (« arabe ») : ce que la page répète (« parle arabe »).
  // Une langue que la table n'a pas : le texte tapé, en minuscules.
  function nomLangue(t, texte) {
    var plie = plier(texte || '').trim();
    if (!plie) return '';
    if (plie === 'lsf') plie = 'fsl';
    var table = t.donnees.langues || t.langues;
    for (var k = 0; k < table.length; k++) {
      if (plier(table[k][0]) === plie || table[k][1] === plie || table[k][2] === plie) return table[k][0];
    }
    for (var n = 0; plie.length >= 4 && n < table.length; n++) {
      if (plier(table[n][0]).indexOf(plie) === 0) return table[n][0];
    }
    return String(texte).trim().toLowerCase();
  }

  // Les communes d'un code postal ou d'une adresse tapée (« 69200 », « 3 rue X, Vénissieux »,
  // « st priest ») : leurs rangs dans index.communes, la plus précise d'abord. Plusieurs quand
  // le code postal est celui de plusieurs communes (l'adresse peut alors dire laquelle) ; aucune
  // quand rien ne correspond. Le code postal d'abord, puis le nom de commune le plus long que
  // contient le texte, puis une commune dont le nom commence par le texte (« Oullins »).
  function communesDe(t, texte) {
    var connue = function (k) { return t.index.communes[k][1] !== null; };
    var mots = function (x) {
      return ' ' + plier(x).replace(/[^a-z0-9]+/g, ' ').replace(/ st /g, ' saint ').replace(/ ste /g, ' sainte ').trim() + ' ';
    };
    var plie = mots(' ' + texte + ' ');
    var noms = t.index.communes.map(function (c) { return mots(c[0]); });
    var dans = function (liste) {
      var trouve = -1, longueur = 0;
      liste.forEach(function (k) {
        if (connue(k) && plie.indexOf(noms[k]) >= 0 && noms[k].length > longueur) { trouve = k; longueur = noms[k].length; }
      });
      return trouve;
    };
    var code = /(?:^|\D)(\d{5})(?:\D|$)/.exec(texte);
    if (code) {
      // Les communes les plus précises du code (69008 : Lyon 8e, pas Lyon), puis, s'il en
      // reste plusieurs, celle que l'adresse nomme.
      var liste = (t.donnees.postaux[code[1]] || []).filter(connue);
      liste = liste.filter(function (k) { return t.codes[k] === t.codes[liste[0]]; });
      var nommee = liste.length > 1 ? dans(liste) : -1;
      return nommee >= 0 ? [nommee] : liste;
    }
    var toutes = t.index.communes.map(function (c, k) { return k; });
    var nommee2 = dans(toutes);
    if (nommee2 >= 0) return [nommee2];
    if (plie.trim().length < 3) return [];
    return toutes.filter(function (k) { return connue(k) && noms[k].indexOf(plie.replace(/ $/, '')) === 0; });
  }

  return {
    POINTS: POINTS, MOMENTS: MOMENTS, JOURS: JOURS, CONDITIONS: CONDITIONS,
    preparer: preparer, classer: classer, communesDe: communesDe, langueDe: langueDe, nomLangue: nomLangue, creneaux: creneaux, dateDe: dateDe
  };
});
