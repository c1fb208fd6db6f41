/* resin : « Intégrer l'annuaire sur votre site » (/integrer/) et les vues intégrées
   (/integrer/liste/, /integrer/carte/).
   Sur /integrer/ : le formulaire (caché sans JavaScript : le code par défaut reste lisible et
   sélectionnable) fait le code <iframe> à copier et l'aperçu, avec les paramètres de l'annuaire.
   Dans une vue intégrée : le lien « Voir sur … » mène à la page complète avec les mêmes critères
   que la vue (que annuaire.js garde dans l'adresse). */
(function () {
  'use strict';
  if (!document.querySelector) return;

  // --- Une vue intégrée : le lien vers le site complet suit les critères.
  var complet = document.getElementById('integre-complet');
  if (complet) {
    var suivre = function () { complet.href = complet.getAttribute('data-chemin') + location.search; };
    suivre();
    ['mousedown', 'focus', 'click', 'touchstart'].forEach(function (e) { complet.addEventListener(e, suivre); });
  }

  // --- /integrer/ : le code et l'aperçu.
  var form = document.getElementById('integrer');
  var code = document.getElementById('integrer-code');
  var apercu = document.getElementById('integrer-apercu');
  var copier = document.getElementById('integrer-copier');
  var copie = document.getElementById('integrer-copie');
  if (!form || !code || !apercu) return;
  form.hidden = false;
  var CHAMPS = ['besoin', 'commune', 'public', 'accompagnement', 'langue', 'gratuit', 'rdv'];

  function echapper(texte) {
    return String(texte).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  }

  // Le même code que celui de la page sans JavaScript (src/render/page/embed.rs, `snippet`).
  function extrait(src, titre, hauteur) {
    return '<iframe src="' + echapper(src) + '" title="' + echapper(titre) + '" width="100%" height="' + hauteur +
      '" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>';
  }

  function mettreAJour() {
    var parties = [];
    CHAMPS.forEach(function (nom) {
      var champ = form.elements[nom];
      if (!champ) return;
      var valeur = champ.type === 'checkbox' ? (champ.checked ? '1' : '') : champ.value;
      if (valeur) parties.push(nom + '=' + encodeURIComponent(valeur));
    });
    var carte = form.elements.vue[1] && form.elements.vue[1].checked;
    var src = form.getAttribute(carte ? 'data-carte' : 'data-liste') + (parties.length ? '?' + parties.join('&') : '');
    var hauteur = form.elements.hauteur.value;
    code.value = extrait(src, form.getAttribute('data-titre'), hauteur);
    // L'aperçu : la même vue, sur ce site-ci.
    var chemin = src.replace(/^https?:\/\/[^/]+/, '');
    if (apercu.getAttribute('src') !== chemin) apercu.setAttribute('src', chemin);
    apercu.setAttribute('height', hauteur);
    if (copie) copie.textContent = '';
  }

  form.addEventListener('change', mettreAJour);
  form.addEventListener('submit', function (e) { e.preventDefault(); });

  function copierAutrement() {
    code.focus();
    code.select();
    var fait = false;
    try { fait = document.execCommand('copy'); } catch (e) { fait = false; }
    copie.textContent = fait ? 'Code copié : collez-le dans votre page.'
      : 'Le code est sélectionné : copiez-le avec Ctrl+C (ou Cmd+C), puis collez-le dans votre page.';
  }

  if (copier && copie) {
    copier.hidden = false;
    copier.addEventListener('click', function () {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code.value).then(function () {
          copie.textContent = 'Code copié : collez-le dans votre page.';
        }, copierAutrement);
      } else {
        copierAutrement();
      }
    });
  }
  mettreAJour();
})();
