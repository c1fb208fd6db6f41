/* resin, page d'accueil : montre le formulaire « Trouver un lieu », qui mène à /lieux/?… où
   annuaire.js filtre, et fait mener les besoins à /lieux/?besoin=… pour choisir ensuite sa
   commune et voir qui est ouvert et gratuit. Sans JavaScript, le formulaire reste caché et les
   besoins mènent à leurs pages. */
(function () {
  'use strict';
  var form = document.getElementById('filtres');
  if (!form || !document.querySelectorAll) return;
  form.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll('.besoins a'), function (a) {
    var besoin = /\/services\/([^/]+)\/$/.exec(a.getAttribute('href'));
    if (besoin) a.setAttribute('href', form.getAttribute('action') + '?besoin=' + besoin[1]);
  });
})();
