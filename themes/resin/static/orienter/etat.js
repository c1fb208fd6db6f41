/* resin : la page « Orienter une personne » (/orienter/), static/orienter.js, que resin assemble
   des parties de static/orienter/ dans cet ordre : etat.js, mots.js, liste.js, fiche.js, page.js.
   Sans JavaScript, le formulaire ouvre l'annuaire avec ses critères (/lieux/?besoin=…). Avec,
   il propose une liste classée (orientation.js), une fiche à imprimer, des messages prêts à
   envoyer par SMS ou par e-mail, et un lien qui redonne la même liste. Tout se calcule ici :
   rien de ce qui est saisi n'est envoyé au site. Les réponses vont dans l'adresse de la page
   après « # », partie que le navigateur n'envoie jamais au serveur, et l'adresse tapée n'y va
   pas : seule la commune trouvée y est. Rien de ce que contiennent les données n'est inséré
   comme HTML.
   Script classique différé, après commun.js et orientation.js. Chaque partie ajoute ses
   fonctions à window.resinOrienter ; celle-ci le crée, avec ce que montre la page (actuel) et
   l'adresse de la page <-> le formulaire ; page.js charge les données et branche les
   événements. Le 'use strict' qui suit vaut pour tout le fichier. */
'use strict';
(function () {
  var form = document.getElementById('orienter');
  var commun = window.resinCommun;
  if (!form || !commun || !document.querySelector) return;
  var $ = function (id) { return document.getElementById(id); };

  var o = window.resinOrienter = {
    form: form,
    $: $,
    // Les réponses que garde l'adresse de la page, dans cet ordre.
    CHAMPS: ['demande', 'depuis', 'jour', 'moment', 'accompagnement', 'langue', 'gratuit', 'sansrdv', 'type'],
    // Celles qui ont plusieurs valeurs (cases à cocher).
    MULTIPLES: ['jour', 'moment', 'accompagnement'],
    // Le titre du site, sans celui de la page.
    titreInitial: document.title.replace(/^Orienter une personne – /, ''),
    // Les données préparées (orientation.js), la liste, ses réponses, la position trouvée, et
    // la fiche ouverte (son lieu, son bouton, si elle a son entrée d'historique).
    actuel: { t: null, resultat: null, etat: null, position: null, fiche: null }
  };
  var actuel = o.actuel;

  // --- L'état : l'adresse de la page <-> le formulaire. Un lien ancien en « ?… » est encore lu.
  o.lireAdresse = function () {
    var etat = commun.lireParametres(location.search, o.MULTIPLES);
    var ancre = commun.lireParametres(location.hash, o.MULTIPLES);
    return ancre.demande ? ancre : etat;
  };

  o.adresse = function (etat) {
    return location.pathname + location.search.replace(/^\?.*$/, '') + '#' + commun.ecrireParametres(etat, o.CHAMPS);
  };

  o.remplir = function (etat) {
    var besoin = form.elements.besoin;
    besoin.selectedIndex = 0;
    for (var i = 0; i < besoin.options.length; i++) {
      var option = besoin.options[i];
      if (etat.demande && option.getAttribute('data-demande') === etat.demande) { besoin.selectedIndex = i; break; }
      if (!etat.demande && etat.besoin && option.value === etat.besoin) { besoin.selectedIndex = i; break; }
    }
    form.elements.depuis.value = etat.depuis || '';
    if (form.elements.depuis.value !== (etat.depuis || '')) form.elements.depuis.value = '';
    form.elements.cp.value = etat.cp || '';
    if (form.elements.langue) form.elements.langue.value = etat.langue || '';
    form.elements.gratuit.checked = etat.gratuit === '1';
    form.elements.sansrdv.checked = etat.sansrdv === '1';
    form.elements.type.value = etat.type === 'fixe' ? 'fixe' : '';
    Array.prototype.forEach.call(form.querySelectorAll('input[type=checkbox]'), function (c) {
      if (o.MULTIPLES.indexOf(c.name) >= 0) c.checked = (etat[c.name] || []).indexOf(c.value) >= 0;
    });
    o.montrerLangue();
  };

  // Ce que dit le formulaire (seules les valeurs qu'il propose).
  o.lireFormulaire = function () {
    var etat = {};
    var besoin = form.elements.besoin;
    var option = besoin.options[besoin.selectedIndex];
    if (option && option.getAttribute('data-demande')) etat.demande = option.getAttribute('data-demande');
    ['depuis', 'cp', 'langue', 'type'].forEach(function (nom) {
      var champ = form.elements[nom];
      if (champ && !champ.disabled && champ.value.trim()) etat[nom] = champ.value.trim();
    });
    ['gratuit', 'sansrdv'].forEach(function (nom) { if (form.elements[nom].checked) etat[nom] = '1'; });
    Array.prototype.forEach.call(form.querySelectorAll('input[type=checkbox]:checked'), function (c) {
      if (o.MULTIPLES.indexOf(c.name) >= 0) (etat[c.name] = etat[c.name] || []).push(c.value);
    });
    return etat;
  };

  // Le champ « sa langue » (caché sans script, qui seul sait classer par langue) : les lieux où
  // on la parle passent en premier, cases cochées ou non.
  o.montrerLangue = function () {
    var champ = $('o-langue-champ');
    if (!champ) return;
    champ.hidden = false;
    form.elements.langue.disabled = false;
  };

  // La position de la personne : le centre de la commune du code postal ou de l'adresse tapée,
  // sinon de la commune choisie. { erreur } quand le texte tapé ne donne pas une seule commune.
  o.trouverPosition = function (etat) {
    var t = actuel.t, k = -1;
    if (etat.cp) {
      var communes = window.resinOrientation.communesDe(t, etat.cp);
      var noms = communes.map(function (c) { return t.index.communes[c][0]; });
      if (!communes.length) {
        return { erreur: '« ' + etat.cp + ' » : ni code postal ni commune du territoire. Vérifiez-le, ou choisissez la commune dans la liste.' };
      }
      if (communes.length > 1) {
        return { erreur: (/\d{5}/.test(etat.cp) ? 'Le code postal ' : '« ' + etat.cp + ' » : ') + 'plusieurs communes possibles (' + noms.join(', ') + '). Écrivez aussi le nom de la commune, ou choisissez-la dans la liste.' };
      }
      k = communes[0];
    } else if (etat.depuis) {
      k = t.parCommune[etat.depuis];
      if (k === undefined) k = -1;
    }
    var c = t.index.communes[k];
    return c && c[1] !== null ? { g: [c[1], c[2]], nom: c[0], slug: c[3] } : null;
  };

  // Les critères du classement (orientation.js) pour les réponses `etat`.
  o.criteres = function (etat) {
    return {
      demande: etat.demande,
      position: actuel.position ? actuel.position.g : null,
      jours: etat.jour || [],
      moments: etat.moment || [],
      accompagnement: etat.accompagnement || [],
      langue: etat.langue || '',
      gratuit: etat.gratuit === '1',
      sansRdv: etat.sansrdv === '1',
      fixe: etat.type === 'fixe'
    };
  };
})();
