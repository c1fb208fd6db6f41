/* resin, page d'accueil : montre le formulaire « Trouver un lieu », qui mène à /lieux/?… où
   annuaire.js filtre. Les besoins mènent à leurs pages, qui proposent ensuite sa commune.
   Sans JavaScript, le formulaire reste caché. */
(function () {
  'use strict';
  var form = document.getElementById('filtres');
  if (form) form.hidden = false;
  // « Votre commune n'est pas dans la liste ? » : /lieux/ trie depuis elle.
  var depuis = document.querySelector && document.querySelector('.depuis-commune');
  if (depuis && window.XMLHttpRequest) depuis.hidden = false;
})();
