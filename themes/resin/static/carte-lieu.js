/* resin : la petite carte d'une fiche de lieu. Elle ne se charge que sur demande (bouton), pour
   ne pas dépenser les données mobiles en images de carte : l'adresse écrite et les liens
   d'itinéraire suffisent à qui n'en veut pas, ou n'a pas JavaScript. */
(function () {
  'use strict';
  var boite = document.getElementById('carte-lieu');
  if (!boite || !document.querySelector) return;
  var bouton = boite.querySelector('button');
  boite.hidden = false;

  function echapper(texte) {
    return String(texte).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }

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
    L.control.zoom({ zoomInTitle: 'Zoomer', zoomOutTitle: 'Dézoomer' }).addTo(carte);
    L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
      .addAttribution(echapper(boite.getAttribute('data-attribution'))).addTo(carte);
    L.tileLayer(boite.getAttribute('data-tuiles'), { maxZoom: 19 }).addTo(carte);
    L.marker([+p[0], +p[1]], { alt: nom, title: nom, keyboard: false }).addTo(carte);
    div.focus();
  }

  bouton.addEventListener('click', function () {
    if (window.L) return dessiner();
    var dossier = boite.getAttribute('data-leaflet');
    bouton.disabled = true;
    bouton.textContent = 'Chargement de la carte…';
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = dossier + 'leaflet.css';
    document.head.appendChild(css);
    var script = document.createElement('script');
    script.src = dossier + 'leaflet.js';
    script.onload = dessiner;
    script.onerror = function () {
      bouton.disabled = false;
      bouton.textContent = 'La carte n\u2019a pas pu être chargée : réessayer';
    };
    document.head.appendChild(script);
  });
})();
