/* resin : la petite carte d'une fiche de lieu. Elle ne se charge que sur demande (bouton), pour
   ne pas dépenser les données mobiles en images de carte : l'adresse écrite et les liens
   d'itinéraire suffisent à qui n'en veut pas, ou n'a pas JavaScript. Le chargeur de Leaflet
   et le fond de carte viennent de cartes.js, chargé avant. */
(function () {
  'use strict';

  var boite = document.getElementById('carte-lieu');
  if (!boite || !document.querySelector || !window.resinCharger) return;
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
    window.resinFond(carte, boite, repli());
    L.marker([+p[0], +p[1]], { alt: nom, title: nom, keyboard: false }).addTo(carte);
    div.focus();
  }

  // Sans fond de carte, la fiche renvoie à son adresse écrite, près de laquelle sont les liens
  // pour y aller.
  function repli() {
    var adresse = document.querySelector('main address');
    var texte = 'L\u2019adresse et \u00ab\u00a0Y aller\u00a0\u00bb restent en haut de cette fiche';
    if (!adresse) return { texte: texte };
    if (!adresse.id) adresse.id = 'adresse-lieu';
    adresse.setAttribute('tabindex', '-1');
    return { texte: texte, lien: '#' + adresse.id, titre: 'voir l\u2019adresse' };
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
