/* resin : la page « Orienter une personne » (/orienter/).
   Sans JavaScript, le formulaire ouvre l'annuaire avec ses critères (/lieux/?besoin=…). Avec,
   il propose une liste classée (orientation.js), une fiche à imprimer, des messages prêts à
   envoyer par SMS ou par e-mail, et un lien qui redonne la même liste. Tout se calcule ici :
   rien de ce qui est saisi n'est envoyé au site. Les réponses vont dans l'adresse de la page
   après « # », partie que le navigateur n'envoie jamais au serveur, et l'adresse tapée n'y va
   pas : seule la commune trouvée y est. Rien de ce que contiennent les données n'est inséré
   comme HTML. */
(function () {
  'use strict';
  var form = document.getElementById('orienter');
  var api = window.resinOrientation, commun = window.resinCommun;
  if (!form || !api || !commun || !window.XMLHttpRequest || !document.querySelector || !window.JSON) return;
  var $ = function (id) { return document.getElementById(id); };
  var el = commun.el;
  var ouverture = window.resinOuverture;
  var section = $('selection'), liste = $('selection-liste'), titre = $('selection-titre');
  var annonce = $('selection-annonce'), criteresEl = $('selection-criteres'), ecartesEl = $('selection-ecartes');
  var plus = $('selection-plus'), lien = $('selection-lien'), erreurs = $('orienter-erreurs');
  var fiche = $('fiche'), page = $('fiche-page'), falc = $('fiche-falc');
  var PAS = 5;
  var CHAMPS = ['demande', 'depuis', 'jour', 'moment', 'accompagnement', 'langue', 'gratuit', 'sansrdv', 'type'];
  var MULTIPLES = ['jour', 'moment', 'accompagnement'];
  var NOMS_MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  var NOMS_JOURS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
  var titreInitial = document.title.replace(/^Orienter une personne – /, '');

  var t = null, resultat = null, montres = 0, etatCourant = null, position = null;
  // La fiche ouverte : son lieu, le bouton d'où elle vient, et si elle a son entrée d'historique.
  var ficheDe = null;

  function ajouter(parent, enfant) { parent.appendChild(enfant); return enfant; }

  // « Faire une démarche CAF (APL…) » → « faire une démarche CAF » (au fil d'une phrase).
  function enPhrase(libelle) {
    var court = libelle.split(' (')[0];
    return court.charAt(0).toLowerCase() + court.slice(1);
  }

  // --- L'état : l'adresse de la page <-> le formulaire. Un lien ancien en « ?… » est encore lu.
  function lireAdresse() {
    var etat = commun.lireParametres(location.search, MULTIPLES);
    var ancre = commun.lireParametres(location.hash, MULTIPLES);
    return ancre.demande ? ancre : etat;
  }

  function adresse(etat) {
    return location.pathname + location.search.replace(/^\?.*$/, '') + '#' + commun.ecrireParametres(etat, CHAMPS);
  }

  function remplir(etat) {
    var besoin = form.elements.besoin;
    besoin.selectedIndex = 0;
    for (var i = 0; i < besoin.options.length; i++) {
      var o = besoin.options[i];
      if (etat.demande && o.getAttribute('data-demande') === etat.demande) { besoin.selectedIndex = i; break; }
      if (!etat.demande && etat.besoin && o.value === etat.besoin) { besoin.selectedIndex = i; break; }
    }
    form.elements.depuis.value = etat.depuis || '';
    if (form.elements.depuis.value !== (etat.depuis || '')) form.elements.depuis.value = '';
    form.elements.cp.value = etat.cp || '';
    if (form.elements.langue) form.elements.langue.value = etat.langue || '';
    form.elements.gratuit.checked = etat.gratuit === '1';
    form.elements.sansrdv.checked = etat.sansrdv === '1';
    form.elements.type.value = etat.type === 'fixe' ? 'fixe' : '';
    Array.prototype.forEach.call(form.querySelectorAll('input[type=checkbox]'), function (c) {
      if (MULTIPLES.indexOf(c.name) >= 0) c.checked = (etat[c.name] || []).indexOf(c.value) >= 0;
    });
    montrerLangue();
  }

  // Ce que dit le formulaire (seules les valeurs qu'il propose).
  function lireFormulaire() {
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
      if (MULTIPLES.indexOf(c.name) >= 0) (etat[c.name] = etat[c.name] || []).push(c.value);
    });
    if (!(etat.accompagnement || []).some(function (s) { return /^langues/.test(s); })) delete etat.langue;
    return etat;
  }

  // Le champ « sa langue » ne sert que si une langue est cochée.
  function montrerLangue() {
    var champ = $('o-langue-champ');
    if (!champ) return;
    var coche = !!form.querySelector('input[name=accompagnement][value^=langues]:checked');
    champ.hidden = !coche;
    form.elements.langue.disabled = !coche;
  }

  // --- Les erreurs : un résumé en tête du formulaire, chaque champ marqué, le focus au résumé.
  function signaler(problemes) {
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
  }

  // La position de la personne : le centre de la commune du code postal ou de l'adresse tapée,
  // sinon de la commune choisie. { erreur } quand le texte tapé ne donne pas une seule commune.
  function trouverPosition(etat) {
    var k = -1;
    if (etat.cp) {
      var communes = api.communesDe(t, etat.cp);
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
  }

  function criteres(etat) {
    return {
      demande: etat.demande,
      position: position ? position.g : null,
      jours: etat.jour || [],
      moments: etat.moment || [],
      accompagnement: etat.accompagnement || [],
      gratuit: etat.gratuit === '1',
      sansRdv: etat.sansrdv === '1',
      fixe: etat.type === 'fixe'
    };
  }

  // --- Les mots.
  function listeEnMots(mots) {
    return mots.length > 1 ? mots.slice(0, -1).join(', ') + ' et ' + mots[mots.length - 1] : (mots[0] || '');
  }

  function disponibilitesEnMots(etat) {
    var jours = [], moments = [];
    api.JOURS.forEach(function (j) { if ((etat.jour || []).indexOf(j[0]) >= 0) jours.push('le ' + j[2]); });
    api.MOMENTS.forEach(function (m) {
      if ((etat.moment || []).indexOf(m[0]) >= 0) moments.push((m[0] === 'apres-midi' ? 'l\u2019' : 'le ') + m[3]);
    });
    return [listeEnMots(jours), listeEnMots(moments)].filter(Boolean).join(', ');
  }

  function sourde(etat) {
    return (etat.accompagnement || []).indexOf('surdite') >= 0;
  }

  function accompagnementEnMots(etat) {
    return (etat.accompagnement || []).map(function (slug) {
      var case_ = $('o-acc-' + slug);
      var texte = case_ && case_.labels && case_.labels[0] ? case_.labels[0].textContent : slug;
      // « Parle une autre langue (arabe, espagnol…) » : la langue tapée, sinon sans les exemples.
      if (slug === 'langues-etrangeres-autres') texte = etat.langue ? 'Parle ' + etat.langue + ' (peu ou pas français)' : texte.split(' (')[0] + ' que le français';
      return texte.charAt(0).toLowerCase() + texte.slice(1);
    });
  }

  function criteresEnMots(etat, demande) {
    var mots = [demande.l];
    if (position) mots.push('depuis ' + position.nom);
    var dispo = disponibilitesEnMots(etat);
    if (dispo) mots.push('disponible ' + dispo);
    mots = mots.concat(accompagnementEnMots(etat));
    if (etat.gratuit) mots.push('gratuit');
    if (etat.sansrdv) mots.push('sans rendez-vous');
    if (etat.type === 'fixe') mots.push('lieu fixe');
    return mots.join(' · ');
  }

  // « mardi 1er décembre » (avec l'année : « mardi 1er décembre 2026 »).
  function dateEnMots(i, annee) {
    var date = api.dateDe(t.index.debut, i), n = date.getUTCDate();
    return NOMS_JOURS[date.getUTCDay()] + ' ' + (n === 1 ? '1er' : n) + ' ' + NOMS_MOIS[date.getUTCMonth()] +
      (annee ? ' ' + date.getUTCFullYear() : '');
  }

  function plage(p) {
    return ouverture.heure(p[0]) + ' – ' + ouverture.heure(p[1]);
  }

  // Le prochain créneau qui convient à la personne, à partir d'aujourd'hui (null si l'index est
  // trop ancien pour le dire).
  function prochainCreneau(r) {
    if (!ouverture || !r.creneaux.length) return null;
    var n = ouverture.rang(t.index.debut);
    for (var k = 0; k < r.creneaux.length; k++) {
      var c = r.creneaux[k];
      if (c.i >= n) return (c.i === n ? 'aujourd\u2019hui' : c.i === n + 1 ? 'demain, ' + dateEnMots(c.i) : dateEnMots(c.i)) + ', ' + plage(c.p);
    }
    return null;
  }

  function etatOuverture(l) {
    if (l.h === undefined || !ouverture) return null;
    return ouverture.etat({ debut: t.index.debut, jours: t.index.horaires[l.h].o });
  }

  // L'adresse publique d'une page du site (celle du code QR), même depuis un aperçu local.
  function adresseAbsolue(chemin) {
    try { return new URL(chemin, form.getAttribute('data-url')).href; } catch (e) { return location.protocol + '//' + location.host + chemin; }
  }

  // Ce que demandent le besoin, le lieu et ses activités, chaque chose une fois
  // (« Une pièce d'identité » et « Pièce d'identité » sont la même).
  function aApporter(r) {
    var pieces = [], vues = [];
    [resultat.demande.k || [], r.plus.k || []].concat(r.offres.map(function (o) { return o.offre.k || []; })).forEach(function (l) {
      l.forEach(function (p) {
        var cle = commun.plier(p).replace(/^(une?|des|les?|la|l |vos|votre|ses|son|sa) /, '').replace(/\s+/g, ' ').trim();
        if (vues.indexOf(cle) < 0) { vues.push(cle); pieces.push(p); }
      });
    });
    return pieces;
  }

  function horaires(l) {
    return l.h === undefined ? [] : t.index.horaires[l.h].r;
  }

  function acces(r) {
    return (r.plus.m || []).map(function (k) { return t.donnees.acces[k]; });
  }

  // L'e-mail du lieu se donne à qui ne peut pas téléphoner, ou quand le lieu n'a pas de téléphone.
  function courrielUtile(r) {
    return r.plus.c && (sourde(etatCourant) || !r.lieu.tel) ? r.plus.c : null;
  }

  // --- Les messages.
  function messagePersonne(r, long) {
    var l = r.lieu, lignes = [];
    lignes.push('Pour ' + enPhrase(resultat.demande.l) + ', allez à : ' + l.n);
    lignes.push(l.a + (r.plus.ca ? ', ' + r.plus.ca : '') + ', ' + l.v);
    if (l.tel) lignes.push('Tél. ' + l.tel[0]);
    if (courrielUtile(r)) lignes.push('E-mail : ' + r.plus.c);
    var creneau = prochainCreneau(r);
    if (creneau) lignes.push('Prochain moment pour vous : ' + creneau);
    var h = horaires(l).filter(function (ligne) { return !/^Fermé/.test(ligne); });
    if (h.length) lignes.push('Horaires : ' + h.join(' ; '));
    if (acces(r).indexOf('Se présenter') >= 0) lignes.push('Sans rendez-vous.');
    else if (l.tel) lignes.push('Appelez avant d\u2019y aller.');
    var pieces = aApporter(r);
    if (pieces.length) lignes.push('À apporter : ' + pieces.join(' ; ') + '.');
    lignes.push(adresseAbsolue(l.u));
    if (long) {
      lignes.unshift('Bonjour,', '');
      lignes.push('', 'Message préparé avec ' + form.getAttribute('data-titre') + ', l\u2019annuaire de l\u2019aide au numérique.');
    }
    return lignes.join(long ? '\r\n' : '\n');
  }

  function messageLieu(r) {
    var etat = etatCourant, lignes = ['Bonjour,', ''];
    lignes.push('Je vous oriente une personne qui a besoin d\u2019aide pour : ' + enPhrase(resultat.demande.l) + '.');
    lignes.push('');
    lignes.push('Nom et téléphone de la personne : (à compléter)');
    lignes.push('Ses disponibilités : ' + (disponibilitesEnMots(etat) || 'à convenir'));
    var besoins = accompagnementEnMots(etat);
    if (besoins.length) lignes.push('Ses besoins particuliers : ' + besoins.join(' ; '));
    if (position) lignes.push('Sa commune : ' + position.nom);
    lignes.push('');
    lignes.push('Pouvez-vous la recevoir, ou me dire comment prendre rendez-vous ?');
    lignes.push('');
    lignes.push('Merci d\u2019avance,');
    lignes.push('(votre nom, votre structure, votre téléphone)');
    lignes.push('');
    lignes.push('--');
    lignes.push('Votre fiche sur ' + form.getAttribute('data-titre') + ' : ' + adresseAbsolue(r.lieu.u));
    return lignes.join('\r\n');
  }

  function mailto(a, sujet, corps) {
    return 'mailto:' + (a ? encodeURIComponent(a).replace(/%40/g, '@') : '') +
      '?subject=' + encodeURIComponent(sujet) + '&body=' + encodeURIComponent(corps);
  }

  function action(actions, nom, texte, classe, nomAccessible) {
    var e = ajouter(ajouter(actions, el('li')), el(nom, classe, texte));
    e.setAttribute('aria-label', texte + ' : ' + nomAccessible);
    return e;
  }

  // --- La liste.
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
    var o = etatOuverture(l);
    if (o) ajouter(li, el('p', 'etat-ouverture ' + (o.ouvert ? 'ouvert' : 'ferme'), o.texte));
    var creneau = prochainCreneau(r);
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
    if (l.tel || courrielUtile(r)) {
      var p = ajouter(li, el('p'));
      if (l.tel) {
        ajouter(p, el('span', 'etiquette', 'Tél.'));
        p.appendChild(document.createTextNode(' '));
        ajouter(p, el('a', null, l.tel[0])).href = l.tel[1];
      }
      if (l.tel && courrielUtile(r)) p.appendChild(document.createTextNode(' · '));
      if (courrielUtile(r)) {
        ajouter(p, el('span', 'etiquette', 'E-mail'));
        p.appendChild(document.createTextNode(' '));
        ajouter(p, el('a', null, r.plus.c)).href = mailto(r.plus.c, '', '').replace(/\?subject=&body=$/, '');
      }
    }
    var actions = ajouter(li, el('ul', 'actions-orientation'));
    var bouton = action(actions, 'button', 'Fiche à imprimer', 'bouton', l.n);
    bouton.type = 'button';
    bouton.addEventListener('click', function () { montrerFiche(r, bouton); });
    action(actions, 'a', 'Envoyer par SMS', 'bouton-secondaire', l.n).href = 'sms:?&body=' + encodeURIComponent(messagePersonne(r, false));
    action(actions, 'a', 'Envoyer par e-mail', 'bouton-secondaire', l.n).href = mailto('', 'Où vous faire aider : ' + l.n, messagePersonne(r, true));
    if (r.prescription) {
      action(actions, 'a', 'Écrire au lieu pour l\u2019orienter', 'bouton-secondaire', l.n).href =
        mailto(r.plus.c, 'Orientation : ' + resultat.demande.l.split(' (')[0], messageLieu(r));
    }
    if (r.plus.w) action(actions, 'a', 'Formulaire ou rendez-vous du lieu', 'bouton-secondaire', l.n).href = r.plus.w;
    return li;
  }

  function afficherJusqua(n) {
    var debut = montres;
    montres = Math.min(n, resultat.lieux.length);
    for (var i = debut; i < montres; i++) ajouter(liste, proposition(resultat.lieux[i], i + 1));
    var reste = resultat.lieux.length - montres;
    plus.hidden = reste <= 0;
    plus.textContent = reste > PAS ? 'Voir ' + PAS + ' autres lieux (il en reste ' + reste + ')'
      : reste === 1 ? 'Voir le dernier lieu' : 'Voir les ' + reste + ' derniers lieux';
    return debut;
  }

  function annoncer(texte) {
    annonce.textContent = '';
    setTimeout(function () { annonce.textContent = texte; }, 50);
  }

  // Retirer une condition, d'un bouton sous le titre de la liste.
  var RETIRER = {
    accompagnement: function () { Array.prototype.forEach.call(form.querySelectorAll('input[name=accompagnement]'), function (c) { c.checked = false; }); montrerLangue(); },
    gratuit: function () { form.elements.gratuit.checked = false; },
    sansRdv: function () { form.elements.sansrdv.checked = false; },
    fixe: function () { form.elements.type.value = ''; },
    disponibilites: function () { Array.prototype.forEach.call(form.querySelectorAll('input[name=jour], input[name=moment]'), function (c) { c.checked = false; }); }
  };

  function montrerEcartes() {
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
        if (proposer(lireFormulaire(), 'ajouter')) titre.focus();
      });
      ecartesEl.appendChild(document.createTextNode(' (' + (nombre > 1 ? nombre + ' lieux de plus)' : '1 lieu de plus)') + (k < conditions.length - 1 ? ' ; ' : '.')));
    });
  }

  function cacherListe() {
    resultat = null;
    section.hidden = true;
    document.title = 'Orienter une personne – ' + titreInitial;
  }

  // Calcule et montre la liste de l'état `etat`. `historique` : 'ajouter', 'remplacer' ou rien.
  // Rend false quand une réponse est à corriger (le focus est alors sur les erreurs).
  function proposer(etat, historique) {
    var pos = trouverPosition(etat);
    var problemes = [];
    if (!etat.demande) problemes.push({ id: 'o-besoin', texte: 'Choisissez le besoin de la personne.' });
    else if (!Object.prototype.hasOwnProperty.call(t.parDemande, etat.demande)) problemes.push({ id: 'o-besoin', texte: 'Ce besoin n\u2019est plus proposé : choisissez-en un dans la liste.' });
    if (pos && pos.erreur) problemes.push({ id: 'o-adresse', texte: pos.erreur });
    cacherFiche(false);
    if (problemes.length) {
      cacherListe();
      signaler(problemes);
      return false;
    }
    signaler([]);
    position = pos;
    // Dans l'adresse, la commune trouvée à la place de ce qui a été tapé.
    var partage = {};
    CHAMPS.forEach(function (nom) { if (etat[nom]) partage[nom] = etat[nom]; });
    if (position) partage.depuis = position.slug;
    etatCourant = etat;
    resultat = api.classer(t, criteres(etat));
    if (historique && window.history && history.pushState) {
      var url = adresse(partage);
      if (url !== location.pathname + location.search + location.hash) history[historique === 'ajouter' ? 'pushState' : 'replaceState'](null, '', url);
    }
    lien.href = location.href;
    $('selection-copie').textContent = '';
    var n = resultat.lieux.length;
    titre.textContent = n === 0 ? 'Aucun lieu ne convient à toutes ses réponses'
      : n === 1 ? 'Un lieu convient' : n + ' lieux conviennent, les mieux placés d\u2019abord';
    criteresEl.textContent = 'Recherche : ' + criteresEnMots(etat, resultat.demande) + '.';
    if (etat.langue && (etat.accompagnement || []).indexOf('langues-etrangeres-autres') >= 0) {
      criteresEl.textContent += ' Les lieux disent seulement accueillir « dans d\u2019autres langues » : demandez si l\u2019on y parle ' + etat.langue + '.';
    }
    montrerEcartes();
    liste.textContent = '';
    montres = 0;
    afficherJusqua(PAS);
    section.hidden = false;
    document.title = 'Orienter : ' + enPhrase(resultat.demande.l) + ' – ' + titreInitial;
    return true;
  }

  // --- La fiche à imprimer.
  function tuile(modele, z, x, y) {
    return modele.replace('{s}', 'a').replace('{r}', '').replace('{z}', z).replace('{x}', x).replace('{y}', y);
  }

  // Un petit plan centré sur le lieu : quatre à six images du serveur de cartes, et un repère
  // noir et blanc au centre. Caché si une image manque (hors ligne) : l'adresse suffit.
  function plan(g) {
    var modele = form.getAttribute('data-tuiles');
    if (!g || !modele) return null;
    var z = 16, L = 300, H = 180, n = Math.pow(2, z);
    var x = (g[1] + 180) / 360 * n * 256;
    var rad = g[0] * Math.PI / 180;
    var y = (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n * 256;
    var figure = el('figure', 'fo-plan');
    var cadre = ajouter(figure, el('div', 'fo-plan-cadre'));
    cadre.setAttribute('aria-hidden', 'true');
    // Les images sont placées par rapport au centre du cadre : un cadre plus étroit (petit
    // écran) garde le lieu au milieu.
    var centre = ajouter(cadre, el('div', 'fo-plan-centre'));
    var manque = false;
    for (var tx = Math.floor((x - L / 2) / 256); tx <= Math.floor((x + L / 2) / 256); tx++) {
      for (var ty = Math.floor((y - H / 2) / 256); ty <= Math.floor((y + H / 2) / 256); ty++) {
        var img = ajouter(centre, el('img'));
        img.alt = '';
        img.width = 256;
        img.height = 256;
        img.style.left = Math.round(tx * 256 - x) + 'px';
        img.style.top = Math.round(ty * 256 - y) + 'px';
        img.onerror = function () { if (!manque) { manque = true; figure.hidden = true; } };
        img.src = tuile(modele, z, tx, ty);
      }
    }
    ajouter(cadre, el('span', 'fo-repere'));
    ajouter(figure, el('figcaption', null, 'Plan : ' + form.getAttribute('data-attribution')));
    return figure;
  }

  // « Lundi au vendredi : 9 h – 12 h et 14 h – 17 h » → « Du lundi au vendredi : de 9 h à 12 h,
  // puis de 14 h à 17 h ».
  function horaireSimple(ligne) {
    var parts = ligne.split(' : ');
    if (parts.length < 2) return ligne;
    var jours = parts[0].toLowerCase();
    jours = / au /.test(jours) ? 'Du ' + jours : 'Le ' + jours.replace(/ et /g, ' et le ').replace(/, /g, ', le ');
    var heures = parts.slice(1).join(' : ').split(' et ').map(function (p) { return 'de ' + p.replace(' – ', ' à '); });
    return jours + ' : ' + heures.join(', puis ');
  }

  function listeDans(parent, classe, lignes) {
    var ul = ajouter(parent, el('ul', classe));
    lignes.forEach(function (ligne) { ajouter(ul, el('li', null, ligne)); });
    return ul;
  }

  function bloc(parent, titreBloc) {
    var s = ajouter(parent, el('div', 'fo-bloc'));
    ajouter(s, el('h3', null, titreBloc));
    return s;
  }

  function remplirFiche(r) {
    var l = r.lieu, simple = falc.checked;
    page.textContent = '';
    page.className = 'fo-page' + (simple ? ' fo-simple' : '');
    var aujourdhui = ouverture ? dateEnMots(ouverture.rang(t.index.debut), true).replace(/^\S+ /, '') : '';
    ajouter(page, el('p', 'fo-entete', form.getAttribute('data-titre') + ' · ' +
      (simple ? 'Où trouver de l\u2019aide' : 'Fiche d\u2019orientation') + (aujourdhui ? ' · ' + aujourdhui : '')));
    var pour = ajouter(page, el('p', 'fo-pour', simple ? 'Vous avez besoin d\u2019aide pour ' : 'Pour : '));
    ajouter(pour, el('strong', null, simple ? enPhrase(resultat.demande.l) + '.' : resultat.demande.l));
    if (simple) ajouter(page, el('p', 'fo-allez', 'Allez à :'));
    ajouter(page, el('p', 'fo-nom', l.n));
    var adr = ajouter(page, el('p', 'fo-adresse'));
    [l.a, r.plus.ca, l.v].filter(Boolean).forEach(function (ligne, k) {
      if (k) ajouter(adr, el('br'));
      adr.appendChild(document.createTextNode(ligne));
    });
    if (l.i) ajouter(page, el('p', 'fo-alerte', simple ? 'Attention : c\u2019est un service qui se déplace. Appelez avant pour savoir où il est.' : 'Service itinérant : appelez pour savoir où et quand il passe.'));
    var visuels = ajouter(page, el('div', 'fo-visuels'));
    var carte = plan(l.g);
    if (carte) ajouter(visuels, carte);
    var qr = ajouter(visuels, el('figure', 'fo-qr'));
    var img = ajouter(qr, el('img'));
    img.src = l.u + 'qr.svg';
    img.alt = '';
    ajouter(qr, el('figcaption', null, simple ? 'Avec un téléphone, prenez ce carré en photo : vous verrez la page du lieu.' : 'La page du lieu : scannez ce code avec l\u2019appareil photo d\u2019un téléphone.'));
    var corps = ajouter(page, el('div', 'fo-corps'));
    var courriel = courrielUtile(r);
    if (l.tel || courriel) {
      var contact = bloc(corps, simple ? (l.tel ? 'Le numéro de téléphone' : 'L\u2019adresse e-mail') : 'Contact');
      if (l.tel) ajouter(contact, el('p', 'fo-tel', l.tel[0]));
      if (courriel) ajouter(contact, el('p', 'fo-courriel', (simple && l.tel ? 'Par e-mail : ' : '') + courriel));
    }
    var h = horaires(l);
    var quand = bloc(corps, simple ? 'Quand y aller ?' : 'Horaires');
    if (h.length) listeDans(quand, 'fo-horaires', simple ? h.map(horaireSimple) : h);
    else ajouter(quand, el('p', null, simple ? 'Appelez pour savoir quand c\u2019est ouvert.' : 'Horaires non renseignés : appelez avant d\u2019y aller.'));
    var creneau = prochainCreneau(r);
    if (creneau && simple) creneau = creneau.replace(/, ([^,]+) – ([^,]+)$/, ', de $1 à $2');
    if (creneau) ajouter(quand, el('p', 'fo-creneau', (simple ? 'Vous pouvez y aller ' : 'Prochain moment qui vous convient : ') + creneau + '.'));
    var modes = acces(r);
    var comment = [];
    if (modes.indexOf('Se présenter') >= 0) comment.push(simple ? 'Vous pouvez venir sans rendez-vous.' : 'Accueil sans rendez-vous.');
    if (modes.indexOf('Téléphoner') >= 0 && l.tel && !sourde(etatCourant)) comment.push(simple ? 'Vous pouvez appeler avant de venir.' : 'Rendez-vous par téléphone.');
    if ((modes.indexOf('Contacter par mail') >= 0 || sourde(etatCourant)) && courriel) comment.push(simple ? 'Vous pouvez écrire un e-mail avant de venir.' : 'Rendez-vous par e-mail.');
    if (modes.indexOf('Prendre un RDV en ligne') >= 0) comment.push(simple ? 'Vous pouvez prendre rendez-vous sur internet.' : 'Rendez-vous en ligne (page du lieu).');
    if (modes.indexOf('Envoyer un mail avec une fiche de prescription') >= 0) comment.push(simple ? 'La personne qui vous aide peut écrire au lieu pour vous.' : 'Sur orientation d\u2019un professionnel (e-mail au lieu).');
    if (comment.length) listeDans(bloc(corps, simple ? 'Comment faire ?' : 'Comment venir'), null, comment);
    var pieces = aApporter(r);
    if (pieces.length) listeDans(bloc(corps, simple ? 'Qu\u2019est-ce que je dois apporter ?' : 'À apporter'), 'fo-pieces', pieces);
    var cout = l.f ? l.f.map(function (k) { return t.index.frais[k]; }) : [];
    if (cout.length) {
      var prix = bloc(corps, simple ? 'Combien ça coûte ?' : 'Coût');
      ajouter(prix, el('p', null, simple && cout.length === 1 && cout[0] === 'Gratuit' ? 'C\u2019est gratuit.' : cout.join(', ')));
    }
    var utiles = r.offres.filter(function (x) { return x.convient; });
    if (utiles.length && !simple) {
      listeDans(bloc(corps, 'Activités utiles'), null, utiles.slice(0, 3).map(function (x) {
        return x.offre.n + (x.offre.h.length ? ' — ' + x.offre.h.join(' ; ') : '');
      }));
    }
    ajouter(page, el('p', 'fo-pied', adresseAbsolue(l.u)));
  }

  // La fiche a son entrée d'historique : « retour » sur le téléphone ramène à la liste.
  function montrerFiche(r, depuis) {
    ficheDe = { r: r, bouton: depuis, empilee: false };
    remplirFiche(r);
    form.hidden = true;
    section.hidden = true;
    fiche.hidden = false;
    if (document.body.className.indexOf('impression-fiche') < 0) document.body.className += ' impression-fiche';
    if (window.history && history.pushState) {
      history.pushState({ fiche: true }, '', location.href);
      ficheDe.empilee = true;
    }
    $('fiche-titre').focus();
    window.scrollTo(0, fiche.offsetTop);
  }

  function cacherFiche(rendreFocus) {
    if (fiche.hidden) return;
    fiche.hidden = true;
    form.hidden = false;
    section.hidden = !resultat;
    document.body.className = document.body.className.replace(/ ?impression-fiche/g, '');
    if (rendreFocus && ficheDe && ficheDe.bouton) ficheDe.bouton.focus();
  }

  // Revenir à la liste : par l'historique quand la fiche y a son entrée (popstate la ferme).
  function revenir() {
    if (ficheDe && ficheDe.empilee && history.state && history.state.fiche) history.back();
    else cacherFiche(true);
  }

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
      if (e.target.name === 'accompagnement') montrerLangue();
      // Une commune choisie remplace le code postal tapé, et inversement.
      if (e.target.name === 'depuis' && e.target.value) form.elements.cp.value = '';
    });
    form.elements.cp.addEventListener('input', function () {
      if (form.elements.cp.value.trim()) form.elements.depuis.value = '';
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (proposer(lireFormulaire(), 'ajouter')) titre.focus();
    });
    plus.addEventListener('click', function () {
      var premier = afficherJusqua(montres + PAS);
      var a = liste.children[premier] && liste.children[premier].querySelector('a');
      if (a) a.focus();
    });
    $('selection-copier').addEventListener('click', function () {
      var fait = function () { $('selection-copie').textContent = 'Lien copié.'; };
      var echec = function () { $('selection-copie').textContent = 'Copie impossible : sélectionnez le lien, ou copiez l\u2019adresse de la page.'; };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(location.href).then(fait, echec);
      else echec();
    });
    falc.addEventListener('change', function () { if (ficheDe) remplirFiche(ficheDe.r); });
    $('fiche-imprimer').addEventListener('click', function () { window.print(); });
    $('fiche-retour').addEventListener('click', revenir);
    // Échap, où que soit le focus, ramène de la fiche à la liste.
    document.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && !fiche.hidden) revenir();
    });
    window.addEventListener('popstate', function () {
      // De la fiche, « retour » revient à la même liste.
      if (!fiche.hidden && !(history.state && history.state.fiche)) {
        cacherFiche(true);
        return;
      }
      var etat = lireAdresse();
      remplir(etat);
      if (etat.demande) {
        proposer(lireFormulaire());
        annoncer(titre.textContent);
      } else {
        cacherFiche(false);
        signaler([]);
        cacherListe();
      }
    });
    // Un lien vers une sélection : la liste, sous le formulaire rempli ; le focus y va.
    // Un lien ancien en « ?… » est remplacé par le même en « #… ».
    var etat = lireAdresse();
    remplir(etat);
    if (etat.demande && proposer(lireFormulaire(), location.search ? 'remplacer' : null)) titre.focus();
  }

  var recus = {}, attendus = 2;
  function charger(cle, url) {
    var requete = new XMLHttpRequest();
    requete.open('GET', url);
    requete.onload = function () {
      if (requete.status !== 200) return;
      try { recus[cle] = JSON.parse(requete.responseText); } catch (e) { return; }
      if (--attendus === 0) {
        t = api.preparer(recus.index, recus.donnees);
        preparer();
      }
    };
    requete.send();
  }
  charger('index', form.getAttribute('data-index'));
  charger('donnees', form.getAttribute('data-donnees'));
})();
