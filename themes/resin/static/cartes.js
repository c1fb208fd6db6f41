/* resin : ce que partagent les cartes, la petite carte d'une fiche (carte-lieu.js) et celle de
   l'annuaire (annuaire.js, page /carte/) : le chargeur de Leaflet, qui ne vient que sur
   demande (window.resinCharger), et le fond commun des cartes (window.resinFond). Chargé
   seulement par les pages qui ont une carte, avant le script qui s'en sert. */
(function () {
  'use strict';

  // Charge des feuilles de style et des scripts (dans l'ordre), puis appelle `fini` ; `echec`
  // si l'un d'eux ne vient pas. Un fichier déjà chargé ne l'est pas une seconde fois (nouvel
  // essai après un échec).
  var charges = {};
  window.resinCharger = function (fichiers, fini, echec) {
    var scripts = [];
    fichiers.forEach(function (f) {
      if (charges[f]) return;
      if (/\.css$/.test(f)) {
        charges[f] = true;
        var css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = f;
        document.head.appendChild(css);
      } else {
        scripts.push(f);
      }
    });
    (function suivant(i) {
      if (i === scripts.length) return fini();
      var script = document.createElement('script');
      script.src = scripts[i];
      script.onload = function () { charges[scripts[i]] = true; suivant(i + 1); };
      script.onerror = function () { script.parentNode.removeChild(script); echec(); };
      document.head.appendChild(script);
    })(0);
  };

  // L'adresse des pages du site, d'après celle de ce script (…/static/cartes.js).
  var ceScript = document.currentScript;
  var racine = ceScript && ceScript.src ? ceScript.src.replace(/static\/cartes\.js(\?.*)?$/, '') : '/';

  // Le fond d'une carte : commandes en français, attribution de `source` (data-attribution,
  // échappée : Leaflet l'insère comme HTML) et tuiles de data-tuiles (réglages de site.yaml).
  // `repli` : ce que la page offre quand le fond ne se charge pas ({ texte, lien, titre } ; par
  // défaut la liste des lieux, avec les mêmes filtres).
  window.resinFond = function (carte, source, repli) {
    var attribution = String(source.getAttribute('data-attribution')).replace(/[&<>"']/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
    L.control.zoom({ zoomInTitle: 'Zoomer', zoomOutTitle: 'Dézoomer' }).addTo(carte);
    L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
      .addAttribution(attribution).addTo(carte);
    var tuiles = L.tileLayer(source.getAttribute('data-tuiles'), { maxZoom: 19 }).addTo(carte);
    surveiller(carte, tuiles, repli || {
      texte: 'Les lieux restent dans la liste',
      lien: racine + 'lieux/' + location.search,
      titre: 'voir la liste des lieux'
    });
  };

  // Les tuiles ne viennent pas (hors connexion, bloquées par un réseau ou un filtre) : la carte
  // reste grise. La page le dit, au-dessus de la carte et non dedans, dans une zone annoncée aux
  // lecteurs d'écran (role="status", présente avant le message), et renvoie à ce qui reste.
  // Leaflet annonce chaque tuile chargée (tileload) ou en échec (tileerror), par vagues
  // (loading… load) : le message vient quand la plupart des tuiles d'une vague échouent, et s'en
  // va quand une vague se charge sans échec (la connexion revenue).
  function surveiller(carte, tuiles, repli) {
    var boite = carte.getContainer();
    // Sur /carte/, la carte et la liste sont côte à côte : le message va au-dessus des deux.
    var avant = /\bcarte-et-liste\b/.test(boite.parentNode.className) ? boite.parentNode : boite;
    var zone = document.createElement('div');
    zone.className = 'carte-sans-fond';
    zone.setAttribute('role', 'status');
    avant.parentNode.insertBefore(zone, avant);
    var echecs = 0, chargees = 0;
    function dire() {
      if (zone.firstChild) return;
      var p = document.createElement('p');
      p.className = 'alerte';
      p.appendChild(document.createTextNode('Le fond de carte ne se charge pas. ' + repli.texte +
        (repli.lien ? ' : ' : '.')));
      if (repli.lien) {
        var a = document.createElement('a');
        a.href = repli.lien;
        a.textContent = repli.titre;
        p.appendChild(a);
        p.appendChild(document.createTextNode('.'));
      }
      zone.appendChild(p);
    }
    tuiles.on('loading', function () { echecs = 0; chargees = 0; });
    tuiles.on('tileload', function () { chargees++; });
    tuiles.on('tileerror', function () {
      echecs++;
      if (echecs >= 2 && echecs > chargees) dire();
    });
    tuiles.on('load', function () {
      if (echecs > chargees) dire();
      else if (!echecs && chargees) zone.textContent = '';
    });
  }
})();
