/* resin : la petite carte d'une fiche de lieu. Elle ne se charge que sur demande (bouton), pour
   ne pas dépenser les données mobiles en images de carte : l'adresse écrite et les liens
   d'itinéraire suffisent à qui n'en veut pas, ou n'a pas JavaScript.
   Il donne aussi à annuaire.js (page /carte/) le chargeur de Leaflet (window.resinCharger) et
   le fond commun des cartes (window.resinFond). */
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

  var boite = document.getElementById('carte-lieu');
  if (!boite || !document.querySelector) return;
  var bouton = boite.querySelector('button');
  boite.hidden = false;

  function dessiner() {
    var p = boite.getAttribute('data-position').split(',');
    var nom = boite.getAttribute('data-nom');
    var div = document.createElement('div');
    div.className = 'carte-petite';
    div.setAttribute('role', 'region');
    div.setAttribute('aria-label', 'Carte : ' + nom);
    boite.replaceChild(div, bouton);
    // Leaflet trouve ses icônes grâce à sa feuille de style, qui peut arriver après le script.
    L.Icon.Default.imagePath = boite.getAttribute('data-leaflet') + 'images/';
    var carte = L.map(div, { zoomControl: false, attributionControl: false, scrollWheelZoom: false })
      .setView([+p[0], +p[1]], 16);
    window.resinFond(carte, boite);
    L.marker([+p[0], +p[1]], { alt: nom, title: nom, keyboard: false }).addTo(carte);
    div.focus();
  }

  bouton.addEventListener('click', function () {
    if (window.L) return dessiner();
    var dossier = boite.getAttribute('data-leaflet');
    bouton.disabled = true;
    bouton.textContent = 'Chargement de la carte…';
    window.resinCharger([dossier + 'leaflet.css', dossier + 'leaflet.js'], dessiner, function () {
      bouton.disabled = false;
      bouton.textContent = 'La carte n\u2019a pas pu être chargée : réessayer';
    });
  });
})();
