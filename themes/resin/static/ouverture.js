/* resin : « Ouvert maintenant · ferme à 17 h » / « Fermé · ouvre demain à 9 h ».
   Les périodes d'ouverture des jours qui viennent sont écrites dans la page à la construction
   (data-ouverture, en minutes depuis minuit, heure de Paris) ; ce script les compare à l'heure
   de Paris au moment où la page est lue. Sans JavaScript, le tableau de la semaine suffit.
   annuaire.js se sert des mêmes fonctions (window.resinOuverture) pour ses filtres et sa carte. */
(function () {
  'use strict';
  if (!window.Intl || !Intl.DateTimeFormat.prototype.formatToParts) return;
  var JOURS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
  var JOUR = 86400000;

  // La date et l'heure à Paris, quel que soit le fuseau du téléphone.
  var morceaux = {};
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  }).formatToParts(new Date()).forEach(function (m) { morceaux[m.type] = m.value; });
  var aujourdHui = Date.UTC(+morceaux.year, +morceaux.month - 1, +morceaux.day);
  var minute = (+morceaux.hour % 24) * 60 + (+morceaux.minute);

  function heure(m) {
    m = m % 1440;
    var h = Math.floor(m / 60), mn = m % 60;
    if (m === 0) return 'minuit';
    // Espaces insécables : « 18 h » ne se coupe pas en fin de ligne.
    return h + '\u00a0h' + (mn ? '\u00a0' + (mn < 10 ? '0' : '') + mn : '');
  }

  // Le rang d'aujourd'hui parmi les jours qui commencent à `debut` (« 2026-11-25 »).
  function rang(debut) {
    var d = debut.split('-');
    return Math.round((aujourdHui - Date.UTC(+d[0], +d[1] - 1, +d[2])) / JOUR);
  }

  function etat(donnees) {
    var d = donnees.debut.split('-');
    var debut = Date.UTC(+d[0], +d[1] - 1, +d[2]);
    var jours = donnees.jours;
    var n = rang(donnees.debut);
    if (n < 0 || n >= jours.length) return null; // construction trop ancienne : on ne dit rien
    // Ouvert : une période d'aujourd'hui, ou d'hier qui déborde après minuit.
    var fin = null;
    jours[n].forEach(function (p) { if (p[0] <= minute && minute < p[1]) fin = p[1]; });
    if (fin === null && n > 0) {
      jours[n - 1].forEach(function (p) { if (minute + 1440 < p[1]) fin = p[1] - 1440; });
    }
    if (fin !== null) {
      // Une période qui finit à minuit et reprend à minuit le lendemain continue.
      var suite = jours[n + 1];
      if (fin >= 1440 && suite) suite.forEach(function (p) { if (p[0] === 0) fin = 1440 + p[1]; });
      // Une offre (atelier, permanence) n'ouvre pas : elle a lieu.
      if (donnees.offre) return { ouvert: true, texte: fin >= 2880 ? 'En ce moment' : 'En ce moment · jusqu\u2019à ' + heure(fin) };
      return { ouvert: true, texte: fin >= 2880 ? 'Ouvert maintenant' : 'Ouvert maintenant · ferme à ' + heure(fin) };
    }
    var longtemps = { ouvert: false, texte: donnees.offre ? 'Pas de séance cette semaine' : 'Fermé en ce moment' };
    for (var i = n; i < jours.length; i++) {
      for (var j = 0; j < jours[i].length; j++) {
        var p = jours[i][j];
        if (i === n && p[0] <= minute) continue;
        var jour = JOURS[new Date(debut + i * JOUR).getUTCDay()];
        var quand = i === n ? 'aujourd\u2019hui' : i === n + 1 ? 'demain'
          : i - n < 7 ? jour : i - n === 7 ? jour + ' prochain' : null;
        if (!quand) return longtemps;
        if (donnees.offre) return { ouvert: false, texte: 'Prochaine fois : ' + quand + ' à ' + heure(p[0]) };
        return { ouvert: false, texte: 'Fermé · ouvre ' + quand + ' à ' + heure(p[0]) };
      }
    }
    // Rien d'ici la fin des données : « en ce moment » suppose une semaine connue.
    if (jours.length - n > 7) return longtemps;
    return donnees.offre ? null : { ouvert: false, texte: 'Fermé' };
  }

  // Les horaires d'aujourd'hui : « Aujourd'hui : 9 h – 12 h et 14 h – 18 h ».
  function duJour(donnees) {
    var jour = donnees.jours[rang(donnees.debut)];
    if (!jour) return null;
    if (!jour.length) return 'Fermé aujourd\u2019hui';
    return 'Aujourd\u2019hui : ' + jour.map(function (p) { return heure(p[0]) + ' – ' + heure(p[1]); }).join(' et ');
  }

  // data-ouverture : l'objet JSON de la fiche, ou la forme courte des listes de lieux
  // (« 2026-11-25|600-750,840-1080||… » : le premier jour, puis les périodes de chaque jour).
  function lire(texte) {
    if (texte.charAt(0) === '{') return JSON.parse(texte);
    var morceauxJours = texte.split('|');
    return {
      debut: morceauxJours[0],
      jours: morceauxJours.slice(1).map(function (j) {
        return j ? j.split(',').map(function (p) { return p.split('-').map(Number); }) : [];
      })
    };
  }

  window.resinOuverture = { etat: etat, heure: heure, rang: rang, duJour: duJour };

  Array.prototype.forEach.call(document.querySelectorAll('[data-ouverture]'), function (ligne) {
    var resultat, donnees;
    try { donnees = lire(ligne.getAttribute('data-ouverture')); resultat = etat(donnees); } catch (e) { return; }
    if (!resultat) return;
    ligne.textContent = resultat.texte;
    ligne.className += resultat.ouvert ? ' ouvert' : ' ferme';
    // La fiche d'un lieu dit aussi les horaires du jour, sous l'état.
    var jour = ligne.hasAttribute('data-aujourdhui') && duJour(donnees);
    if (jour) {
      var p = document.createElement('p');
      p.className = 'aujourdhui';
      p.textContent = jour;
      ligne.parentNode.insertBefore(p, ligne.nextSibling);
    }
    ligne.hidden = false;
  });
})();
