/* orienter/liste.js : la liste proposée, cinq lieux à la fois, les conditions à retirer, les erreurs du formulaire. */
(function (o) {
  if (!o) return;
  var commun = window.resinCommun, api = window.resinOrientation;
  var el = commun.el, ajouter = commun.ajouter;
  var form = o.form, $ = o.$, actuel = o.actuel;
  var section = $('selection'), liste = $('selection-liste'), titre = $('selection-titre');
  var annonce = $('selection-annonce'), criteresEl = $('selection-criteres'), ecartesEl = $('selection-ecartes');
  var plus = $('selection-plus'), lien = $('selection-lien'), erreurs = $('orienter-erreurs');
  var PAS = 5;
  var lots = commun.lots(liste, plus, PAS, function (r, i) { return proposition(r, i + 1); },
    { verbe: 'Voir', lot: PAS + ' autres lieux' });

  // --- Les erreurs : un résumé en tête du formulaire, chaque champ marqué, le focus au résumé.
  o.signaler = function (problemes) {
    ['o-besoin', 'o-adresse'].forEach(function (id) {
      $(id).removeAttribute('aria-invalid');
      $(id + '-erreur').hidden = true;
    });
    erreurs.textContent = '';
    erreurs.hidden = !problemes.length;
    if (!problemes.length) return;
    ajouter(erreurs, el('p', 'erreurs-titre', problemes.length > 1 ? 'Deux réponses sont à corriger :' : 'Une réponse est à corriger :'));
    var ul = ajouter(erreurs, el('ul'));
    problemes.forEach(function (e) {
      var champ = $(e.id);
      champ.setAttribute('aria-invalid', 'true');
      var message = $(e.id + '-erreur');
      message.textContent = e.texte;
      message.hidden = false;
      var a = el('a', null, e.texte);
      a.href = '#' + e.id;
      a.addEventListener('click', function (ev) { ev.preventDefault(); champ.focus(); });
      ajouter(ajouter(ul, el('li')), a);
    });
    erreurs.focus();
  };

  function action(actions, nom, texte, classe, nomAccessible) {
    var e = ajouter(ajouter(actions, el('li')), el(nom, classe, texte));
    e.setAttribute('aria-label', texte + ' : ' + nomAccessible);
    return e;
  }

  function proposition(r, rang) {
    var l = r.lieu;
    var li = el('li', 'carte proposition');
    var h = ajouter(li, el('h3', 'carte-titre'));
    ajouter(h, el('span', 'rang', rang + '. '));
    var a = ajouter(h, el('a', null, l.n));
    a.href = l.u;
    var type = ajouter(li, el('p', 'carte-type', l.t));
    if (l.i) { type.appendChild(document.createTextNode(' ')); ajouter(type, el('span', 'badge', 'Itinérant')); }
    ajouter(li, el('p', null, l.a + ', ' + l.v));
    var pourquoi = ajouter(li, el('p', 'pourquoi'));
    ajouter(pourquoi, el('span', 'etiquette', 'Pourquoi ce lieu :'));
    pourquoi.appendChild(document.createTextNode(' ' + r.raisons.join(', ') + '.'));
    r.avertissements.forEach(function (w) { ajouter(li, el('p', 'a-verifier', 'À vérifier : ' + w + '.')); });
    var ouvert = commun.ligneOuverture(actuel.t.index, l);
    if (ouvert) ajouter(li, ouvert);
    var creneau = o.prochainCreneau(r);
    if (creneau) ajouter(li, el('p', null, 'Prochain moment qui lui convient : ' + creneau + '.'));
    if (r.offres.length) {
      ajouter(li, el('p', 'etiquette', r.offres.length > 1 ? 'Activités qui répondent à son besoin :' : 'Activité qui répond à son besoin :'));
      var ul = ajouter(li, el('ul', 'offres-lieu'));
      r.offres.forEach(function (x) {
        var item = ajouter(ul, el('li'));
        var lienOffre = ajouter(item, el('a', null, x.offre.n));
        lienOffre.href = x.offre.u;
        if (x.offre.h.length) item.appendChild(document.createTextNode(' — ' + x.offre.h.join(' ; ')));
        if (!x.convient) item.appendChild(document.createTextNode(' (pas aux moments où elle est libre)'));
      });
    }
    var courriel = o.courrielUtile(r);
    if (l.tel || courriel) {
      var p = ajouter(li, el('p'));
      if (l.tel) {
        ajouter(p, el('span', 'etiquette', 'Tél.'));
        p.appendChild(document.createTextNode(' '));
        ajouter(p, el('a', null, l.tel[0])).href = l.tel[1];
      }
      if (l.tel && courriel) p.appendChild(document.createTextNode(' · '));
      if (courriel) {
        ajouter(p, el('span', 'etiquette', 'E-mail'));
        p.appendChild(document.createTextNode(' '));
        ajouter(p, el('a', null, r.plus.c)).href = o.mailto(r.plus.c, '', '').replace(/\?subject=&body=$/, '');
      }
    }
    var actions = ajouter(li, el('ul', 'actions-orientation'));
    var bouton = action(actions, 'button', 'Fiche à imprimer', 'bouton', l.n);
    bouton.type = 'button';
    bouton.addEventListener('click', function () { o.montrerFiche(r, bouton); });
    action(actions, 'a', 'Envoyer par SMS', 'bouton-secondaire', l.n).href = 'sms:?&body=' + encodeURIComponent(o.messagePersonne(r, false));
    action(actions, 'a', 'Envoyer par e-mail', 'bouton-secondaire', l.n).href = o.mailto('', 'Où vous faire aider : ' + l.n, o.messagePersonne(r, true));
    if (r.prescription) {
      action(actions, 'a', 'Écrire au lieu pour l\u2019orienter', 'bouton-secondaire', l.n).href =
        o.mailto(r.plus.c, 'Orientation : ' + actuel.resultat.demande.l.split(' (')[0], o.messageLieu(r));
    }
    if (r.plus.w) action(actions, 'a', 'Formulaire ou rendez-vous du lieu', 'bouton-secondaire', l.n).href = r.plus.w;
    return li;
  }

  // --- La liste.
  o.annoncer = function (texte) {
    annonce.textContent = '';
    setTimeout(function () { annonce.textContent = texte; }, 50);
  };

  // Retirer une condition, d'un bouton sous le titre de la liste.
  var RETIRER = {
    accompagnement: function () { Array.prototype.forEach.call(form.querySelectorAll('input[name=accompagnement]'), function (c) { c.checked = false; }); o.montrerLangue(); },
    gratuit: function () { form.elements.gratuit.checked = false; },
    sansRdv: function () { form.elements.sansrdv.checked = false; },
    fixe: function () { form.elements.type.value = ''; },
    disponibilites: function () { Array.prototype.forEach.call(form.querySelectorAll('input[name=jour], input[name=moment]'), function (c) { c.checked = false; }); }
  };

  function montrerEcartes() {
    var resultat = actuel.resultat;
    ecartesEl.textContent = '';
    var n = resultat.lieux.length;
    var conditions = api.CONDITIONS.filter(function (c) { return resultat.ecartes[c[0]]; });
    if (!conditions.length) {
      if (n === 0) ecartesEl.textContent = 'Aucun lieu de l\u2019annuaire ne propose ce besoin pour l\u2019instant.';
      return;
    }
    ajouter(ecartesEl, el('span', null, n === 0 ? 'Pour trouver des lieux, retirez une condition : ' : 'Pour élargir : '));
    conditions.forEach(function (c, k) {
      var nombre = resultat.ecartes[c[0]];
      var b = ajouter(ecartesEl, el('button', 'lien-bouton', 'retirer ' + c[1]));
      b.type = 'button';
      b.addEventListener('click', function () {
        RETIRER[c[0]]();
        if (o.proposer(o.lireFormulaire(), 'ajouter')) titre.focus();
      });
      ecartesEl.appendChild(document.createTextNode(' (' + (nombre > 1 ? nombre + ' lieux de plus)' : '1 lieu de plus)') + (k < conditions.length - 1 ? ' ; ' : '.')));
    });
  }

  o.montrerListe = function (etat) {
    var resultat = actuel.resultat;
    lien.href = location.href;
    $('selection-copie').textContent = '';
    var n = resultat.lieux.length;
    titre.textContent = n === 0 ? 'Aucun lieu ne convient à toutes ses réponses'
      : n === 1 ? 'Un lieu convient' : n + ' lieux conviennent, les mieux placés d\u2019abord';
    criteresEl.textContent = 'Recherche : ' + o.criteresEnMots(etat, resultat.demande) + '.';
    if (etat.langue && resultat.langue < 0 && (etat.accompagnement || []).indexOf('langues-etrangeres-autres') >= 0) {
      criteresEl.textContent += ' Les lieux disent seulement accueillir « dans d\u2019autres langues » : demandez si l\u2019on y parle ' + o.langueEnMots(etat) + '.';
    }
    montrerEcartes();
    lots.recommencer(resultat.lieux);
    section.hidden = false;
    document.title = 'Orienter : ' + o.enPhrase(resultat.demande.l) + ' – ' + o.titreInitial;
  };

  o.cacherListe = function () {
    actuel.resultat = null;
    section.hidden = true;
    document.title = 'Orienter une personne – ' + o.titreInitial;
  };

  o.plusDeLieux = lots.suivants;
})(window.resinOrienter);
