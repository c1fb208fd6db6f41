/* orienter/mots.js : les réponses en mots, le prochain moment qui convient, ce qu'il faut apporter, les messages. */
(function (o) {
  if (!o) return;
  var commun = window.resinCommun, api = window.resinOrientation, ouverture = window.resinOuverture;
  var form = o.form, $ = o.$, actuel = o.actuel;
  var NOMS_MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  var NOMS_JOURS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

  // « Faire une démarche CAF (APL…) » → « faire une démarche CAF » (au fil d'une phrase).
  o.enPhrase = function (libelle) {
    var court = libelle.split(' (')[0];
    return court.charAt(0).toLowerCase() + court.slice(1);
  };

  // --- Les réponses.
  function listeEnMots(mots) {
    return mots.length > 1 ? mots.slice(0, -1).join(', ') + ' et ' + mots[mots.length - 1] : (mots[0] || '');
  }

  o.disponibilitesEnMots = function (etat) {
    var jours = [], moments = [];
    api.JOURS.forEach(function (j) { if ((etat.jour || []).indexOf(j[0]) >= 0) jours.push('le ' + j[2]); });
    api.MOMENTS.forEach(function (m) {
      if ((etat.moment || []).indexOf(m[0]) >= 0) moments.push((m[0] === 'apres-midi' ? 'l\u2019' : 'le ') + m[3]);
    });
    return [listeEnMots(jours), listeEnMots(moments)].filter(Boolean).join(', ');
  };

  o.sourde = function (etat) {
    return (etat.accompagnement || []).indexOf('surdite') >= 0;
  };

  // Sa langue comme la table l'écrit : « Arabe » ou « AR » tapé → « arabe ».
  o.langueEnMots = function (etat) {
    return api.nomLangue(actuel.t, etat.langue);
  };

  o.accompagnementEnMots = function (etat) {
    return (etat.accompagnement || []).map(function (slug) {
      var case_ = $('o-acc-' + slug);
      var texte = case_ && case_.labels && case_.labels[0] ? case_.labels[0].textContent : slug;
      // « Parle une autre langue (arabe, espagnol…) » : la langue tapée, sinon sans les exemples.
      if (slug === 'langues-etrangeres-autres') texte = etat.langue ? 'Parle ' + o.langueEnMots(etat) + ' (peu ou pas français)' : texte.split(' (')[0] + ' que le français';
      return texte.charAt(0).toLowerCase() + texte.slice(1);
    });
  };

  o.criteresEnMots = function (etat, demande) {
    var mots = [demande.l];
    if (actuel.position) mots.push('depuis ' + actuel.position.nom);
    var dispo = o.disponibilitesEnMots(etat);
    if (dispo) mots.push('disponible ' + dispo);
    mots = mots.concat(o.accompagnementEnMots(etat));
    // Sa langue, quand aucune case « autre langue » ne la dit déjà.
    if (etat.langue && (etat.accompagnement || []).indexOf('langues-etrangeres-autres') < 0) mots.push('parle ' + o.langueEnMots(etat));
    if (etat.gratuit) mots.push('gratuit');
    if (etat.sansrdv) mots.push('sans rendez-vous');
    if (etat.type === 'fixe') mots.push('lieu fixe');
    return mots.join(' · ');
  };

  // « mardi 1er décembre » (avec l'année : « mardi 1er décembre 2026 »).
  o.dateEnMots = function (i, annee) {
    var date = api.dateDe(actuel.t.index.debut, i), n = date.getUTCDate();
    return NOMS_JOURS[date.getUTCDay()] + ' ' + (n === 1 ? '1er' : n) + ' ' + NOMS_MOIS[date.getUTCMonth()] +
      (annee ? ' ' + date.getUTCFullYear() : '');
  };

  function plage(p) {
    return ouverture.heure(p[0]) + ' – ' + ouverture.heure(p[1]);
  }

  // Le prochain créneau qui convient à la personne, à partir d'aujourd'hui (null si l'index est
  // trop ancien pour le dire).
  o.prochainCreneau = function (r) {
    if (!ouverture || !r.creneaux.length) return null;
    var n = ouverture.rang(actuel.t.index.debut);
    for (var k = 0; k < r.creneaux.length; k++) {
      var c = r.creneaux[k];
      if (c.i >= n) return (c.i === n ? 'aujourd\u2019hui' : c.i === n + 1 ? 'demain, ' + o.dateEnMots(c.i) : o.dateEnMots(c.i)) + ', ' + plage(c.p);
    }
    return null;
  };

  // L'adresse publique d'une page du site (celle du code QR), même depuis un aperçu local.
  o.adresseAbsolue = function (chemin) {
    try { return new URL(chemin, form.getAttribute('data-url')).href; } catch (e) { return location.protocol + '//' + location.host + chemin; }
  };

  // Ce que demandent le besoin, le lieu et ses activités, chaque chose une fois
  // (« Une pièce d'identité » et « Pièce d'identité » sont la même).
  o.aApporter = function (r) {
    var pieces = [], vues = [];
    [actuel.resultat.demande.k || [], r.plus.k || []].concat(r.offres.map(function (x) { return x.offre.k || []; })).forEach(function (l) {
      l.forEach(function (p) {
        var cle = commun.plier(p).replace(/^(une?|des|les?|la|l |vos|votre|ses|son|sa) /, '').replace(/\s+/g, ' ').trim();
        if (vues.indexOf(cle) < 0) { vues.push(cle); pieces.push(p); }
      });
    });
    return pieces;
  };

  o.horaires = function (l) {
    return l.h === undefined ? [] : actuel.t.index.horaires[l.h].r;
  };

  o.acces = function (r) {
    return (r.plus.m || []).map(function (k) { return actuel.t.donnees.acces[k]; });
  };

  // L'e-mail du lieu se donne à qui ne peut pas téléphoner, ou quand le lieu n'a pas de téléphone.
  o.courrielUtile = function (r) {
    return r.plus.c && (o.sourde(actuel.etat) || !r.lieu.tel) ? r.plus.c : null;
  };

  // --- Les messages.
  // À la personne, par SMS ou (`long`) par e-mail.
  o.messagePersonne = function (r, long) {
    var l = r.lieu, lignes = [];
    lignes.push('Pour ' + o.enPhrase(actuel.resultat.demande.l) + ', allez à : ' + l.n);
    lignes.push(l.a + (r.plus.ca ? ', ' + r.plus.ca : '') + ', ' + l.v);
    if (l.tel) lignes.push('Tél. ' + l.tel[0]);
    if (o.courrielUtile(r)) lignes.push('E-mail : ' + r.plus.c);
    var creneau = o.prochainCreneau(r);
    if (creneau) lignes.push('Prochain moment pour vous : ' + creneau);
    var h = o.horaires(l).filter(function (ligne) { return !/^Fermé/.test(ligne); });
    if (h.length) lignes.push('Horaires : ' + h.join(' ; '));
    if (o.acces(r).indexOf('Se présenter') >= 0) lignes.push('Sans rendez-vous.');
    else if (l.tel) lignes.push('Appelez avant d\u2019y aller.');
    var pieces = o.aApporter(r);
    if (pieces.length) lignes.push('À apporter : ' + pieces.join(' ; ') + '.');
    lignes.push(o.adresseAbsolue(l.u));
    if (long) {
      lignes.unshift('Bonjour,', '');
      lignes.push('', 'Message préparé avec ' + form.getAttribute('data-titre') + ', l\u2019annuaire de l\u2019aide au numérique.');
    }
    return lignes.join(long ? '\r\n' : '\n');
  };

  // Au lieu : la demande d'orientation, à compléter.
  o.messageLieu = function (r) {
    var etat = actuel.etat, lignes = ['Bonjour,', ''];
    lignes.push('Je vous oriente une personne qui a besoin d\u2019aide pour : ' + o.enPhrase(actuel.resultat.demande.l) + '.');
    lignes.push('');
    lignes.push('Nom et téléphone de la personne : (à compléter)');
    lignes.push('Ses disponibilités : ' + (o.disponibilitesEnMots(etat) || 'à convenir'));
    var besoins = o.accompagnementEnMots(etat);
    if (besoins.length) lignes.push('Ses besoins particuliers : ' + besoins.join(' ; '));
    if (actuel.position) lignes.push('Sa commune : ' + actuel.position.nom);
    lignes.push('');
    lignes.push('Pouvez-vous la recevoir, ou me dire comment prendre rendez-vous ?');
    lignes.push('');
    lignes.push('Merci d\u2019avance,');
    lignes.push('(votre nom, votre structure, votre téléphone)');
    lignes.push('');
    lignes.push('--');
    lignes.push('Votre fiche sur ' + form.getAttribute('data-titre') + ' : ' + o.adresseAbsolue(r.lieu.u));
    return lignes.join('\r\n');
  };

  o.mailto = function (a, sujet, corps) {
    return 'mailto:' + (a ? encodeURIComponent(a).replace(/%40/g, '@') : '') +
      '?subject=' + encodeURIComponent(sujet) + '&body=' + encodeURIComponent(corps);
  };
})(window.resinOrienter);
