/* resin, page d'un besoin (/services/…/) : le premier écran propose sa commune. Sans
   JavaScript, chaque commune mène à ses lieux, plus bas dans la page. Avec, elle mène à
   /lieux/?besoin=…&commune=…, où annuaire.js montre d'abord les lieux ouverts et dit qui est
   gratuit ; « Près de moi » et « votre commune n'est pas dans la liste » apparaissent aussi. */
(function () {
  'use strict';
  var choix = document.querySelector && document.querySelector('.choix-commune');
  if (!choix || !window.XMLHttpRequest) return;
  var lieux = choix.getAttribute('data-lieux'), besoin = choix.getAttribute('data-besoin');
  Array.prototype.forEach.call(choix.querySelectorAll('a[data-commune]'), function (a) {
    a.setAttribute('href', lieux + '?besoin=' + encodeURIComponent(besoin) + '&commune=' + encodeURIComponent(a.getAttribute('data-commune')));
  });
  // « Près de moi » demande la position une fois sur /lieux/ ; elle reste sur l'appareil.
  var pres = choix.querySelector('.pres-de-moi');
  if (pres && navigator.geolocation) pres.hidden = false;
  var depuis = choix.querySelector('.depuis-commune');
  if (depuis) depuis.hidden = false;
})();
