/* orienter/fiche.js : la fiche à imprimer d'un lieu (ou « facile à lire »), qui a son entrée d'historique. */
(function (o) {
  if (!o) return;
  var commun = window.resinCommun, ouverture = window.resinOuverture;
  var el = commun.el, ajouter = commun.ajouter;
  var form = o.form, $ = o.$, actuel = o.actuel;
  var section = $('selection'), fiche = $('fiche'), page = $('fiche-page'), falc = $('fiche-falc');

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
    var absente = function () { if (!manque) { manque = true; figure.hidden = true; } };
    for (var tx = Math.floor((x - L / 2) / 256); tx <= Math.floor((x + L / 2) / 256); tx++) {
      for (var ty = Math.floor((y - H / 2) / 256); ty <= Math.floor((y + H / 2) / 256); ty++) {
        var img = ajouter(centre, el('img'));
        img.alt = '';
        img.width = 256;
        img.height = 256;
        img.style.left = Math.round(tx * 256 - x) + 'px';
        img.style.top = Math.round(ty * 256 - y) + 'px';
        img.onerror = absente;
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
    var l = r.lieu, simple = falc.checked, t = actuel.t, demande = actuel.resultat.demande;
    var sourde = o.sourde(actuel.etat);
    page.textContent = '';
    page.className = 'fo-page' + (simple ? ' fo-simple' : '');
    var aujourdhui = ouverture ? o.dateEnMots(ouverture.rang(t.index.debut), true).replace(/^\S+ /, '') : '';
    ajouter(page, el('p', 'fo-entete', form.getAttribute('data-titre') + ' · ' +
      (simple ? 'Où trouver de l\u2019aide' : 'Fiche d\u2019orientation') + (aujourdhui ? ' · ' + aujourdhui : '')));
    var pour = ajouter(page, el('p', 'fo-pour', simple ? 'Vous avez besoin d\u2019aide pour ' : 'Pour : '));
    ajouter(pour, el('strong', null, simple ? o.enPhrase(demande.l) + '.' : demande.l));
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
    var courriel = o.courrielUtile(r);
    if (l.tel || courriel) {
      var contact = bloc(corps, simple ? (l.tel ? 'Le numéro de téléphone' : 'L\u2019adresse e-mail') : 'Contact');
      if (l.tel) ajouter(contact, el('p', 'fo-tel', l.tel[0]));
      if (courriel) ajouter(contact, el('p', 'fo-courriel', (simple && l.tel ? 'Par e-mail : ' : '') + courriel));
    }
    var h = o.horaires(l);
    var quand = bloc(corps, simple ? 'Quand y aller ?' : 'Horaires');
    if (h.length) listeDans(quand, 'fo-horaires', simple ? h.map(horaireSimple) : h);
    else ajouter(quand, el('p', null, simple ? 'Appelez pour savoir quand c\u2019est ouvert.' : 'Horaires non renseignés : appelez avant d\u2019y aller.'));
    var creneau = o.prochainCreneau(r);
    if (creneau && simple) creneau = creneau.replace(/, ([^,]+) – ([^,]+)$/, ', de $1 à $2');
    if (creneau) ajouter(quand, el('p', 'fo-creneau', (simple ? 'Vous pouvez y aller ' : 'Prochain moment qui vous convient : ') + creneau + '.'));
    var modes = o.acces(r);
    var comment = [];
    if (modes.indexOf('Se présenter') >= 0) comment.push(simple ? 'Vous pouvez venir sans rendez-vous.' : 'Accueil sans rendez-vous.');
    if (modes.indexOf('Téléphoner') >= 0 && l.tel && !sourde) comment.push(simple ? 'Vous pouvez appeler avant de venir.' : 'Rendez-vous par téléphone.');
    if ((modes.indexOf('Contacter par mail') >= 0 || sourde) && courriel) comment.push(simple ? 'Vous pouvez écrire un e-mail avant de venir.' : 'Rendez-vous par e-mail.');
    if (modes.indexOf('Prendre un RDV en ligne') >= 0) comment.push(simple ? 'Vous pouvez prendre rendez-vous sur internet.' : 'Rendez-vous en ligne (page du lieu).');
    if (modes.indexOf('Envoyer un mail avec une fiche de prescription') >= 0) comment.push(simple ? 'La personne qui vous aide peut écrire au lieu pour vous.' : 'Sur orientation d\u2019un professionnel (e-mail au lieu).');
    if (comment.length) listeDans(bloc(corps, simple ? 'Comment faire ?' : 'Comment venir'), null, comment);
    var pieces = o.aApporter(r);
    if (pieces.length) listeDans(bloc(corps, simple ? 'Qu\u2019est-ce que je dois apporter ?' : 'À apporter'), 'fo-pieces', pieces);
    var cout = l.f ? l.f.map(function (k) { return t.index.frais[k]; }) : [];
    if (cout.length) {
      var prix = bloc(corps, simple ? 'Combien ça coûte ?' : 'Coût');
      ajouter(prix, el('p', null, simple && cout.length === 1 && cout[0] === 'Gratuit' ? 'C\u2019est gratuit.' : cout.join(', ')));
    }
    // Les langues parlées au lieu, celle de la personne d'abord : souvent la raison du choix.
    var parlees = (l.l || []).slice();
    var sienne = parlees.indexOf(actuel.resultat.langue);
    if (sienne > 0) parlees.unshift(parlees.splice(sienne, 1)[0]);
    if (parlees.length) {
      var noms = parlees.map(function (k) { return t.langues[k][0]; }).join(', ');
      ajouter(bloc(corps, simple ? 'Dans quelle langue ?' : 'Langues parlées'),
        el('p', 'fo-langues', simple ? 'On y parle français et aussi : ' + noms + '.' : 'Français, ' + noms + '.'));
    }
    var utiles = r.offres.filter(function (x) { return x.convient; });
    if (utiles.length && !simple) {
      listeDans(bloc(corps, 'Activités utiles'), null, utiles.slice(0, 3).map(function (x) {
        return x.offre.n + (x.offre.h.length ? ' — ' + x.offre.h.join(' ; ') : '');
      }));
    }
    ajouter(page, el('p', 'fo-pied', o.adresseAbsolue(l.u)));
  }

  // La fiche a son entrée d'historique : « retour » sur le téléphone ramène à la liste.
  o.montrerFiche = function (r, depuis) {
    actuel.fiche = { r: r, bouton: depuis, empilee: false };
    remplirFiche(r);
    form.hidden = true;
    section.hidden = true;
    fiche.hidden = false;
    if (document.body.className.indexOf('impression-fiche') < 0) document.body.className += ' impression-fiche';
    if (window.history && history.pushState) {
      history.pushState({ fiche: true }, '', location.href);
      actuel.fiche.empilee = true;
    }
    $('fiche-titre').focus();
    window.scrollTo(0, fiche.offsetTop);
  };

  o.cacherFiche = function (rendreFocus) {
    if (fiche.hidden) return;
    fiche.hidden = true;
    form.hidden = false;
    section.hidden = !actuel.resultat;
    document.body.className = document.body.className.replace(/ ?impression-fiche/g, '');
    if (rendreFocus && actuel.fiche && actuel.fiche.bouton) actuel.fiche.bouton.focus();
  };

  // Revenir à la liste : par l'historique quand la fiche y a son entrée (popstate la ferme).
  o.revenir = function () {
    var ouverte = actuel.fiche;
    if (ouverte && ouverte.empilee && history.state && history.state.fiche) history.back();
    else o.cacherFiche(true);
  };

  o.refaireFiche = function () {
    if (actuel.fiche) remplirFiche(actuel.fiche.r);
  };

  o.ficheOuverte = function () {
    return !fiche.hidden;
  };
})(window.resinOrienter);
