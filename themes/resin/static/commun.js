/* resin : ce qui sert à la fois à l'annuaire (annuaire.js) et à « Orienter une personne »
   (orientation.js, orienter.js) : texte sans accents, listes, distances, éléments de page,
   paramètres d'une adresse, ouverture d'un lieu, liste par lots. Dans le navigateur :
   window.resinCommun ; dans Node (tests) : require('./commun.js'). */
(function (racine, fabrique) {
  var api = fabrique();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else racine.resinCommun = api;
})(this, function () {
  'use strict';

  // Texte sans accents ni majuscules, pour comparer et chercher.
  function plier(texte) {
    texte = String(texte).toLowerCase();
    if (texte.normalize) texte = texte.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return texte.replace(/[\u2019'’-]/g, ' ').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
  }

  function contient(liste, valeur) {
    return !!liste && liste.indexOf(valeur) >= 0;
  }

  // Distance à vol d'oiseau, en km, entre deux points [latitude, longitude].
  function distance(a, b) {
    var r = Math.PI / 180, la1 = a[0] * r, la2 = b[0] * r;
    var dla = la2 - la1, dlo = (b[1] - a[1]) * r;
    var h = Math.sin(dla / 2) * Math.sin(dla / 2) + Math.cos(la1) * Math.cos(la2) * Math.sin(dlo / 2) * Math.sin(dlo / 2);
    return 12742 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
  }

  // « à 750 m », « à 1,2 km », « à 23 km ».
  function texteDistance(km) {
    if (km < 1) return 'à ' + Math.max(50, Math.round(km * 20) * 50) + '\u00a0m';
    return 'à ' + (km < 10 ? km.toFixed(1).replace('.', ',') : Math.round(km)) + '\u00a0km';
  }

  // Un élément de page ; le texte est toujours du texte, jamais du HTML.
  function el(nom, classe, texte) {
    var e = document.createElement(nom);
    if (classe) e.className = classe;
    if (texte !== undefined && texte !== null) e.textContent = texte;
    return e;
  }

  // Ajoute `enfant` à `parent` et le rend.
  function ajouter(parent, enfant) {
    parent.appendChild(enfant);
    return enfant;
  }

  // { ouvert, texte } (« Ouvert maintenant · ferme à 18 h ») du lieu `l` de l'index, ou null
  // sans horaires ou sans ouverture.js (navigateur trop ancien).
  function etatOuverture(index, l) {
    var ouverture = typeof window === 'object' ? window.resinOuverture : null;
    if (l.h === undefined || !ouverture) return null;
    return ouverture.etat({ debut: index.debut, jours: index.horaires[l.h].o });
  }

  // Sa ligne dans une carte de lieu, ou null.
  function ligneOuverture(index, l) {
    var o = etatOuverture(index, l);
    return o ? el('p', 'etat-ouverture ' + (o.ouvert ? 'ouvert' : 'ferme'), o.texte) : null;
  }

  // Une liste de lieux montrée `pas` à la fois ; `carte(element, i)` fait l'élément de liste.
  // Le bouton `plus` dit `mots.verbe` + `mots.lot` : « Afficher 30 lieux de plus » (l'annuaire,
  // dont le bouton d'envoi dit déjà « Voir les 23 lieux »), « Voir 5 autres lieux ».
  function lots(liste, plus, pas, carte, mots) {
    var vue = { elements: [], montres: 0 };

    // Montre jusqu'au n-ième ; rend le rang du premier ajouté.
    vue.afficherJusqua = function (n) {
      var debut = vue.montres;
      vue.montres = Math.min(n, vue.elements.length);
      for (var i = debut; i < vue.montres; i++) liste.appendChild(carte(vue.elements[i], i));
      var reste = vue.elements.length - vue.montres;
      plus.hidden = reste <= 0;
      plus.textContent = reste > pas ? mots.verbe + ' ' + mots.lot + ' (il en reste ' + reste + ')'
        : reste === 1 ? mots.verbe + ' le dernier lieu' : mots.verbe + ' les ' + reste + ' derniers lieux';
      return debut;
    };

    // Vide la liste, montre les n premiers (un lot par défaut).
    vue.recommencer = function (elements, n) {
      vue.elements = elements;
      vue.montres = 0;
      liste.textContent = '';
      return vue.afficherJusqua(n || pas);
    };

    // Un lot de plus ; le focus va au premier lieu ajouté.
    vue.suivants = function () {
      var premier = vue.afficherJusqua(vue.montres + pas);
      var lien = liste.children[premier] && liste.children[premier].querySelector('a');
      if (lien) lien.focus();
    };

    return vue;
  }

  // « a=1&b=x+y&c=1&c=2 » → { a: '1', b: 'x y', c: ['1', '2'] } pour les noms de `multiples` ;
  // un autre nom répété garde sa première valeur.
  function lireParametres(texte, multiples) {
    var etat = {};
    String(texte).replace(/^[?#]/, '').split('&').forEach(function (paire) {
      if (!paire) return;
      var kv = paire.split('='), k, v;
      try { k = decodeURIComponent(kv[0]); v = decodeURIComponent((kv[1] || '').replace(/\+/g, ' ')); } catch (e) { return; }
      if (multiples && multiples.indexOf(k) >= 0) (etat[k] = etat[k] || []).push(v);
      else if (!Object.prototype.hasOwnProperty.call(etat, k)) etat[k] = v;
    });
    return etat;
  }

  // L'inverse, dans l'ordre de `champs`, sans les valeurs vides : « a=1&c=1&c=2 ».
  function ecrireParametres(etat, champs) {
    var parts = [];
    champs.forEach(function (nom) {
      [].concat(etat[nom] || []).forEach(function (v) {
        if (v !== '') parts.push(nom + '=' + encodeURIComponent(v).replace(/%20/g, '+'));
      });
    });
    return parts.join('&');
  }

  return {
    plier: plier, contient: contient, distance: distance, texteDistance: texteDistance, el: el,
    ajouter: ajouter, etatOuverture: etatOuverture, ligneOuverture: ligneOuverture, lots: lots,
    lireParametres: lireParametres, ecrireParametres: ecrireParametres
  };
});
