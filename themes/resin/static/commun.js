/* resin : ce qui sert à la fois à l'annuaire (annuaire.js) et à « Orienter une personne »
   (orientation.js, orienter.js) : texte sans accents, listes, distances, éléments de page,
   paramètres d'une adresse. Dans le navigateur : window.resinCommun ; dans Node (tests) :
   require('./commun.js'). */
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
    lireParametres: lireParametres, ecrireParametres: ecrireParametres
  };
});
