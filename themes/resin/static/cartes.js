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

  // Le fond d'une carte : commandes en français, attribution de `source` (data-attribution,
  // échappée : Leaflet l'insère comme HTML) et tuiles de data-tuiles (réglages de site.yaml).
  window.resinFond = function (carte, source) {
    var attribution = String(source.getAttribute('data-attribution')).replace(/[&<>"']/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
    L.control.zoom({ zoomInTitle: 'Zoomer', zoomOutTitle: 'Dézoomer' }).addTo(carte);
    L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
      .addAttribution(attribution).addTo(carte);
    L.tileLayer(source.getAttribute('data-tuiles'), { maxZoom: 19 }).addTo(carte);
  };
})();
