/* resin, page d'accueil : montre le formulaire « Trouver un lieu », qui mène à /lieux/?… où
   annuaire.js filtre. Les besoins mènent à leurs pages, qui proposent ensuite sa commune.
   Sans JavaScript, le formulaire reste caché. */
(function () {
  'use strict';
  var form = document.getElementById('filtres');
  if (form) form.hidden = false;
})();
