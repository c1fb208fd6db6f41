/* orienter/page.js, la dernière partie : charge les données et branche les événements. */
(function (o) {
  var api = window.resinOrientation, commun = window.resinCommun;
  if (!o || !o.montrerFiche || !api || !commun || !window.XMLHttpRequest || !document.querySelector || !window.JSON) return;
  var form = o.form, $ = o.$, actuel = o.actuel;
  var titre = $('selection-titre');

  // Calcule et montre la liste de l'état `etat`. `historique` : 'ajouter', 'remplacer' ou rien.
  // Rend false quand une réponse est à corriger (le focus est alors sur les erreurs).
  o.proposer = function (etat, historique) {
    var pos = o.trouverPosition(etat);
    var problemes = [];
    if (!etat.demande) problemes.push({ id: 'o-besoin', texte: 'Choisissez le besoin de la personne.' });
    else if (!Object.prototype.hasOwnProperty.call(actuel.t.parDemande, etat.demande)) problemes.push({ id: 'o-besoin', texte: 'Ce besoin n\u2019est plus proposé : choisissez-en un dans la liste.' });
    if (pos && pos.erreur) problemes.push({ id: 'o-adresse', texte: pos.erreur });
    o.cacherFiche(false);
    if (problemes.length) {
      o.cacherListe();
      o.signaler(problemes);
      return false;
    }
    o.signaler([]);
    actuel.position = pos;
    // Dans l'adresse, la commune trouvée à la place de ce qui a été tapé.
    var partage = {};
    o.CHAMPS.forEach(function (nom) { if (etat[nom]) partage[nom] = etat[nom]; });
    if (actuel.position) partage.depuis = actuel.position.slug;
    actuel.etat = etat;
    actuel.resultat = api.classer(actuel.t, o.criteres(etat));
    if (historique && window.history && history.pushState) {
      var url = o.adresse(partage);
      if (url !== location.pathname + location.search + location.hash) history[historique === 'ajouter' ? 'pushState' : 'replaceState'](null, '', url);
    }
    o.montrerListe(etat);
    return true;
  };

  // --- Les événements.
  function preparer() {
    $('o-dispo').hidden = false;
    $('o-dispo').disabled = false;
    $('o-adresse-champ').hidden = false;
    form.elements.cp.disabled = false;
    $('o-sansrdv-case').hidden = false;
    form.elements.sansrdv.disabled = false;
    Array.prototype.forEach.call(form.querySelectorAll('.etape-js'), function (e) { e.hidden = false; });
    Array.prototype.forEach.call(form.querySelectorAll('.etape-sans-js'), function (e) { e.hidden = true; });
    form.noValidate = true;
    form.addEventListener('change', function (e) {
      if (e.target.name === 'accompagnement') o.montrerLangue();
      // Une commune choisie remplace le code postal tapé, et inversement.
      if (e.target.name === 'depuis' && e.target.value) form.elements.cp.value = '';
    });
    form.elements.cp.addEventListener('input', function () {
      if (form.elements.cp.value.trim()) form.elements.depuis.value = '';
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (o.proposer(o.lireFormulaire(), 'ajouter')) titre.focus();
    });
    $('selection-plus').addEventListener('click', o.plusDeLieux);
    $('selection-copier').addEventListener('click', function () {
      var fait = function () { $('selection-copie').textContent = 'Lien copié.'; };
      var echec = function () { $('selection-copie').textContent = 'Copie impossible : sélectionnez le lien, ou copiez l\u2019adresse de la page.'; };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(location.href).then(fait, echec);
      else echec();
    });
    $('fiche-falc').addEventListener('change', o.refaireFiche);
    $('fiche-imprimer').addEventListener('click', function () { window.print(); });
    $('fiche-retour').addEventListener('click', o.revenir);
    // Échap, où que soit le focus, ramène de la fiche à la liste.
    document.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && o.ficheOuverte()) o.revenir();
    });
    window.addEventListener('popstate', function () {
      // De la fiche, « retour » revient à la même liste.
      if (o.ficheOuverte() && !(history.state && history.state.fiche)) {
        o.cacherFiche(true);
        return;
      }
      var etat = o.lireAdresse();
      o.remplir(etat);
      if (etat.demande) {
        o.proposer(o.lireFormulaire());
        o.annoncer(titre.textContent);
      } else {
        o.cacherFiche(false);
        o.signaler([]);
        o.cacherListe();
      }
    });
    // Un lien vers une sélection : la liste, sous le formulaire rempli ; le focus y va.
    // Un lien ancien en « ?… » est remplacé par le même en « #… ».
    var etat = o.lireAdresse();
    o.remplir(etat);
    if (etat.demande && o.proposer(o.lireFormulaire(), location.search ? 'remplacer' : null)) titre.focus();
  }

  // --- Les données (les deux fichiers avant de commencer).
  var recus = {}, attendus = 2;
  function charger(cle, url) {
    var requete = new XMLHttpRequest();
    requete.open('GET', url);
    requete.onload = function () {
      if (requete.status !== 200) return;
      try { recus[cle] = JSON.parse(requete.responseText); } catch (e) { return; }
      if (--attendus === 0) {
        actuel.t = api.preparer(recus.index, recus.donnees);
        preparer();
      }
    };
    requete.send();
  }
  charger('index', form.getAttribute('data-index'));
  charger('donnees', form.getAttribute('data-donnees'));
})(window.resinOrienter);
