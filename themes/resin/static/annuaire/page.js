/* annuaire/page.js : le formulaire, l'adresse, les résultats, les liens, la carte, « près de moi ». */
/* global resinNational */
(function () {
  'use strict';
  var form = document.getElementById('filtres');
  var commun = window.resinCommun;
  if (!form || !commun || !window.XMLHttpRequest || !document.querySelector || !window.JSON) return;
  var plier = commun.plier, el = commun.el, contient = commun.contient;
  var mode = form.getAttribute('data-mode');
  form.hidden = false;

  var PAS = 30; // lieux affichés à la fois
  var CHAMPS = ['q', 'besoin', 'commune', 'public', 'accompagnement', 'langue', 'type', 'gratuit', 'ouvert', 'samedi', 'rdv', 'depuis'];
  // Les critères propres au territoire (site.yaml, « extensions ») : x-pass-numerique…
  var CRITERES = [];
  Array.prototype.forEach.call(form.elements, function (champ) {
    if (/^x-/.test(champ.name) && CRITERES.indexOf(champ.name) < 0) CRITERES.push(champ.name);
  });
  CHAMPS = CHAMPS.concat(CRITERES);
  var $ = function (id) { return document.getElementById(id); };
  var section = $('resultats'), liste = $('resultats-liste'), titre = $('resultats-titre');
  var annonce = $('resultats-annonce'), criteres = $('resultats-criteres'), plus = $('resultats-plus');
  var complete = $('liste-complete'), etatPosition = $('f-position-etat'), divCarte = $('carte');
  var ouverture = window.resinOuverture;
  var panneau = form.querySelector('.filtres-panneau');
  // Une vue intégrée au site d'un partenaire (/integrer/liste/, /integrer/carte/) : le nom d'un
  // lieu ouvre sa fiche sur le site complet, dans un nouvel onglet (<base target="_blank">), et
  // le dit, à l'œil comme au lecteur d'écran.
  var integre = /(^| )integre( |$)/.test(document.body.className);

  // Le lien vers la fiche du lieu `l`, avec la classe `classe`.
  function lienLieu(l, classe) {
    var a = el('a', classe, l.n);
    a.href = l.u;
    if (integre) {
      a.rel = 'noopener';
      a.appendChild(el('span', 'nouvel-onglet', ' (nouvel onglet)'));
    }
    return a;
  }

  // Le titre de /lieux/ (« Tous les lieux ») et le nombre de lieux de /carte/, qui suivent les critères.
  var h1 = $('titre-lieux'), h1Initial = h1 && Array.prototype.slice.call(h1.childNodes);
  var carteTotal = $('carte-total'), carteTotalInitial = carteTotal && carteTotal.textContent;
  var modifier = $('resultats-modifier');

  var index = null, resultats = [], position = null, carte = null, groupe = null;
  // Ce que disait un lien de la cartographie nationale (resinNational.traduire), ou null.
  var national = null;
  // Ce qu'un lien demandait et que l'annuaire n'a pas pu reprendre, dit au chargement (une fois,
  // avec le nombre de lieux) ; gardé dans l'historique (history.state.lien) pour le retour.
  var annonceLien = '';
  var lots = commun.lots(liste, plus, PAS, function (l) { return carteLieu(l); },
    { verbe: 'Afficher', lot: PAS + ' lieux de plus' });
  // Le dernier champ qui a ajouté une entrée à l'historique : changer plusieurs fois de suite le
  // même champ (flèches dans une liste) remplace cette entrée au lieu d'en empiler d'autres.
  var dernierChamp = null;
  // La partie « ?… » de l'adresse que montrent les résultats.
  var recherche = location.search;
  // Le titre de la page sans critères.
  var titreInitial = null;
  // L'annonce du nombre de résultats en attente (seule la dernière est lue).
  var attenteAnnonce = null;
  // Les horaires ne disent rien quand l'index a plus de 14 jours ou que le navigateur ne sait
  // pas l'heure de Paris : « ouverts maintenant » est alors désactivé, avec la raison.
  var heureConnue = false;

  // --- L'adresse de la page <-> le formulaire.
  function lireAdresse() {
    return commun.lireParametres(location.search);
  }

  // Les paramètres de la cartographie nationale de `texte` (après le chargement de l'index).
  function lireNational(texte) {
    national = resinNational && index ? resinNational.traduire(texte, index) : null;
    if (national && national.position && !(position && position.source === 'position')) {
      position = { lat: national.position.lat, lon: national.position.lon, nom: 'l\u2019endroit choisi par le lien', source: 'lien' };
    } else if (!national && position && position.source === 'lien') {
      position = null;
    }
  }

  // L'option de la liste `champ` que désigne `valeur` : sa valeur, ou la même aux majuscules,
  // accents et espaces près (« Villeurbanne », « Aide aux démarches administratives »).
  function optionDe(champ, valeur) {
    var c = resinNational ? resinNational.cle(valeur) : valeur;
    for (var i = 1; i < champ.options.length; i++) {
      var o = champ.options[i];
      if (o.value === valeur || o.value === c || (resinNational && resinNational.cle(o.text) === c)) return o.value;
    }
    return '';
  }

  // Remplit le formulaire ; rend ce qu'il n'a pas pu reprendre ([champ, valeur] : une commune
  // inconnue…) et, dans `ecartes.corrige`, si une valeur a été reprise sous une autre forme.
  function remplir(etat) {
    var ecartes = [];
    CHAMPS.forEach(function (nom) {
      var champ = form.elements[nom];
      if (!champ) return;
      var valeur = etat[nom] || '';
      if (champ.type === 'checkbox') {
        champ.checked = /^(1|oui|true|on)$/i.test(valeur);
        if (valeur && !champ.checked) ecartes.push([nom, valeur]);
      } else if (champ.tagName === 'SELECT') {
        champ.value = valeur && optionDe(champ, valeur);
        if (valeur && !champ.value) ecartes.push([nom, valeur]);
      } else {
        champ.value = valeur;
      }
      if (valeur && champ.value !== valeur && champ.type !== 'checkbox') ecartes.corrige = true;
      if (champ.checked && valeur !== '1') ecartes.corrige = true;
    });
    var avance = form.querySelector('.plus-criteres');
    var critere = CRITERES.some(function (nom) { return etat[nom]; });
    if (avance && (etat['public'] || etat.accompagnement || etat.langue || etat.type || critere)) avance.open = true;
    return ecartes;
  }

  // Ce qu'un lien demandait et que l'annuaire n'a pas : « … pour la commune : aucune commune de
  // ce nom dans l'annuaire » ; pour les cases et les critères du territoire, leur libellé.
  var INCONNUS = {
    besoin: 'le besoin|aucun besoin', commune: 'la commune|aucune commune', depuis: 'la commune de départ|aucune commune',
    'public': 'le public|aucun public', accompagnement: 'l’accompagnement|aucun accompagnement',
    langue: 'la langue|aucune langue', type: 'le type de lieu|aucun type de lieu'
  };

  // Les phrases qui disent d'où vient un lien et ce qui n'en a pas été repris (`ecartes`, de
  // remplir) ; `etat` : ce qui s'applique.
  function notesDuLien(ecartes, etat) {
    var notes = [];
    var repris = national && (national.filtres.length || national.position || Object.keys(national.etat).length);
    if (national) {
      notes.push('Lien de la carte nationale des lieux d’inclusion numérique' +
        (repris ? ' : critères repris ci-dessous.' : '.') +
        (national.inconnus.length ? ' Non appliqué ici : ' + national.inconnus.join(' ; ') + '.' : ''));
    }
    ecartes.forEach(function (e) {
      var champ = form.elements[e[0]], label = champ.labels && champ.labels[0] ? champ.labels[0].textContent : e[0];
      var mots = INCONNUS[e[0]] ? (INCONNUS[e[0]] + ' de ce nom dans l’annuaire').split('|')
        : ['« ' + label + ' »', 'valeur inconnue de l’annuaire'];
      notes.push('Le lien demandait « ' + e[1] + ' » pour ' + mots[0] + ' : ' + mots[1] + '.');
    });
    // Reste-t-il un critère qui choisit des lieux (la position ne fait que les trier) ?
    var reste = !!(national && national.filtres.length);
    for (var k in etat) if (k !== 'depuis') reste = true;
    if (!reste && (ecartes.length || (national && national.inconnus.length))) notes.push('Voici tous les lieux.');
    else if (reste && ecartes.length && !repris) notes.push('Les autres critères sont repris ci-dessous.');
    return notes;
  }

  // Les notes du lien de l'entrée d'historique où l'on est (voir annonceLien), ou null.
  function notesAffichees() {
    var etat = window.history && history.state;
    return etat && etat.lien && etat.lien.length ? etat.lien : null;
  }

  function montrerNotes(notes) {
    var zone = $('resultats-lien');
    if (!zone) {
      zone = el('div', 'alerte resultats-lien');
      zone.id = 'resultats-lien';
      criteres.parentNode.insertBefore(zone, criteres);
    }
    zone.hidden = !notes;
    zone.textContent = '';
    (notes || []).forEach(function (n) {
      var p = commun.ajouter(zone, el('p', null, n));
      if (/^Lien de la carte nationale/.test(n)) p.id = 'resultats-national';
    });
  }

  function lireFormulaire() {
    var etat = {};
    CHAMPS.forEach(function (nom) {
      var champ = form.elements[nom];
      if (!champ) return;
      var valeur = champ.type === 'checkbox' ? (champ.checked ? '1' : '') : champ.value.trim();
      if (valeur) etat[nom] = valeur;
    });
    return etat;
  }

  function adresse(etat) {
    var parametres = [commun.ecrireParametres(etat, CHAMPS), national ? national.restes : '']
      .filter(Boolean).join('&');
    return location.pathname + (parametres ? '?' + parametres : '') + location.hash;
  }

  // --- Ce que dit l'index.
  function preparer(donnees) {
    index = donnees;
    var n = ouverture ? ouverture.rang(index.debut) : -1;
    heureConnue = n >= 0 && n < (index.horaires.length ? index.horaires[0].o.length : 14);
    var ouvert = form.elements.ouvert;
    if (!heureConnue && ouvert) {
      ouvert.checked = false;
      ouvert.disabled = true;
      ouvert.parentNode.appendChild(el('span', 'discret', ' (indisponible : les horaires de ce site sont trop anciens ; consultez chaque fiche)'));
    }
    var slug = function (liste, i) { var m = {}; liste.forEach(function (v, k) { m[v[i]] = k; }); return m; };
    index.parBesoin = slug(index.services, 3);
    index.parPublic = slug(index.publics, 1);
    index.parPrise = slug(index.prises, 1);
    index.parLangue = slug(index.langues || [], 1);
    index.parCommune = slug(index.communes, 3);
    index.gratuit = index.frais.indexOf('Gratuit');
    index.lieux.forEach(function (l) {
      var commune = l.c !== undefined ? index.communes[l.c][0] : '';
      // Le nom, l'adresse, la commune, le type de lieu et les besoins (« CAF », « impôts »…).
      var besoins = (l.s || []).map(function (i) { return index.services[i].slice(0, 3).join(' '); });
      l.texte = plier([l.n, l.a, l.v, commune, l.t].concat(besoins).join(' '));
    });
  }

  function horairesDuJour(l) {
    if (l.h === undefined) return 'Horaires non renseignés';
    if (!heureConnue) return 'Horaires : voir la fiche';
    return ouverture.duJour({ debut: index.debut, jours: index.horaires[l.h].o });
  }

  function distance(l) {
    if (!position || !l.g) return null;
    return commun.distance([position.lat, position.lon], l.g);
  }

  function filtrer(etat) {
    var mots = etat.q ? plier(etat.q).split(/\s+/).filter(Boolean) : [];
    var besoin = index.parBesoin[etat.besoin], pub = index.parPublic[etat['public']];
    var prise = index.parPrise[etat.accompagnement], commune = index.parCommune[etat.commune];
    var langue = index.parLangue[etat.langue];
    // Chaque critère du territoire choisi, par sa place dans index.criteres (-1 : aucun lieu).
    var criteres = CRITERES.filter(function (nom) { return etat[nom]; }).map(function (nom) {
      for (var k = 0; k < (index.criteres || []).length; k++) {
        if (index.criteres[k][0] === nom && index.criteres[k][1] === etat[nom]) return k;
      }
      return -1;
    });
    return index.lieux.filter(function (l) {
      if (etat.besoin && !contient(l.s, besoin)) return false;
      if (etat.commune && l.c !== commune) return false;
      if (etat['public'] && !contient(l.p, pub)) return false;
      if (etat.accompagnement && !contient(l.e, prise)) return false;
      if (etat.langue && !contient(l.l, langue)) return false;
      if (etat.gratuit && !contient(l.f, index.gratuit)) return false;
      if (etat.rdv && !l.r) return false;
      if (etat.type === 'itinerant' && !l.i) return false;
      if (etat.type === 'fixe' && l.i) return false;
      if (etat.samedi && !(l.h !== undefined && index.horaires[l.h].sa)) return false;
      if (etat.ouvert) {
        var o = commun.etatOuverture(index, l);
        if (!o || !o.ouvert) return false;
      }
      for (var c = 0; c < criteres.length; c++) if (!contient(l.x, criteres[c])) return false;
      for (var n = 0; national && n < national.filtres.length; n++) if (!resinNational.garde(national.filtres[n], l)) return false;
      for (var i = 0; i < mots.length; i++) if (l.texte.indexOf(mots[i]) < 0) return false;
      return true;
    });
  }

  // Les critères en mots, pour l'en-tête des résultats et la sélection imprimée ; `court` : en
  // peu de mots (le besoin en bref, la position « près de … »), en liste, pour le titre.
  function enMots(etat, court) {
    var mots = [];
    var option = function (nom) {
      var champ = form.elements[nom];
      return champ && champ.selectedIndex > 0 ? champ.options[champ.selectedIndex].text : null;
    };
    if (etat.q) mots.push('« ' + etat.q + ' »');
    var besoin = court && index.services[index.parBesoin[etat.besoin]];
    if (etat.besoin) mots.push(besoin ? besoin[1] : option('besoin'));
    if (etat.commune) mots.push('à ' + option('commune'));
    if (etat['public']) mots.push('public : ' + option('public'));
    if (etat.accompagnement) mots.push('accompagnement : ' + option('accompagnement'));
    if (etat.langue) mots.push('on y parle ' + (option('langue') || etat.langue));
    if (etat.type) mots.push(option('type').toLowerCase());
    if (etat.gratuit) mots.push('gratuits');
    if (etat.ouvert) mots.push('ouverts maintenant');
    if (etat.samedi) mots.push('ouverts le samedi');
    if (etat.rdv) mots.push('avec rendez-vous en ligne');
    CRITERES.forEach(function (nom) {
      if (!etat[nom]) return;
      var champ = form.elements[nom];
      if (champ.type === 'checkbox') mots.push(champ.labels && champ.labels[0] ? champ.labels[0].textContent : nom);
      else mots.push((champ.labels && champ.labels[0] ? champ.labels[0].textContent + ' : ' : '') + option(nom));
    });
    if (national) national.filtres.forEach(function (f) { mots.push(f.mots); });
    if (position) mots.push((court ? 'près de ' : 'du plus proche au plus loin de ') + position.nom);
    mots = mots.filter(Boolean);
    return court ? mots : mots.join(' · ');
  }

  function actif(etat) {
    for (var k in etat) if (Object.prototype.hasOwnProperty.call(etat, k)) return true;
    // Un lien de la cartographie nationale montre ses lieux, même quand rien n'a pu s'appliquer.
    return !!position || !!national;
  }

  // --- Une carte de lieu dans la liste (même forme que celles construites par resin).
  function carteLieu(l) {
    var li = el('li', 'carte');
    var h = el('h3', 'carte-titre');
    h.appendChild(lienLieu(l, null));
    li.appendChild(h);
    var ouvert = commun.ligneOuverture(index, l);
    if (ouvert) li.appendChild(ouvert);
    var type = el('p', 'carte-type', l.t);
    if (l.i) { type.appendChild(document.createTextNode(' ')); type.appendChild(el('span', 'badge', 'Itinérant')); }
    li.appendChild(type);
    var lieu = el('p', null, l.a + ', ' + l.v);
    if (l.km !== null && l.km !== undefined) {
      lieu.appendChild(document.createTextNode(' · '));
      lieu.appendChild(el('strong', 'distance', commun.texteDistance(l.km)));
    }
    li.appendChild(lieu);
    if (l.s) {
      var pour = el('p');
      pour.appendChild(el('span', 'etiquette', 'Pour :'));
      pour.appendChild(document.createTextNode(' ' + l.s.map(function (i) { return index.services[i][1]; }).join(' · ')));
      li.appendChild(pour);
    }
    if (l.l) {
      var parle = el('p');
      parle.appendChild(el('span', 'etiquette', 'On y parle :'));
      parle.appendChild(document.createTextNode(' ' + l.l.map(function (i) { return index.langues[i][0]; }).join(', ')));
      li.appendChild(parle);
    }
    if (l.f || l.tel) {
      var p = el('p');
      if (l.f) p.appendChild(document.createTextNode(l.f.map(function (i) { return index.frais[i]; }).join(', ')));
      if (l.f && l.tel) p.appendChild(document.createTextNode(' · '));
      if (l.tel) {
        p.appendChild(el('span', 'etiquette', 'Tél.'));
        p.appendChild(document.createTextNode(' '));
        var t = el('a', null, l.tel[0]);
        t.href = l.tel[1];
        p.appendChild(t);
      }
      li.appendChild(p);
    }
    if (l.h !== undefined) {
      var semaine = el('ul', 'horaires-imprimes');
      index.horaires[l.h].r.forEach(function (ligne) { semaine.appendChild(el('li', null, ligne)); });
      li.appendChild(semaine);
    }
    return li;
  }

  // --- Appliquer les filtres. `historique` : 'ajouter', 'remplacer' ou rien.
  function appliquer(historique) {
    if (!index) return;
    var etat = lireFormulaire();
    if (etat.depuis && !(position && position.source === 'position')) {
      var c = index.communes[index.parCommune[etat.depuis]];
      position = c && c[1] !== null ? { lat: c[1], lon: c[2], nom: c[0], source: 'commune' } : null;
    } else if (!etat.depuis && position && position.source === 'commune') {
      position = null;
    }
    resultats = filtrer(etat);
    resultats.forEach(function (l) { l.km = distance(l); });
    if (position) {
      resultats.sort(function (a, b) {
        return (a.km === null ? Infinity : a.km) - (b.km === null ? Infinity : b.km);
      });
    } else if (heureConnue) {
      // Sans position, les lieux ouverts maintenant d'abord (l'ordre de l'annuaire ensuite).
      var ouverts = resultats.map(function (l) { var o = commun.etatOuverture(index, l); return !!(o && o.ouvert); });
      resultats = resultats.map(function (l, k) { return [l, k]; }).sort(function (a, b) {
        return (ouverts[b[1]] - ouverts[a[1]]) || (a[1] - b[1]);
      }).map(function (p) { return p[0]; });
    }
    var url = adresse(etat);
    if (historique && window.history && history.pushState && url !== location.pathname + location.search + location.hash) {
      history[historique === 'ajouter' ? 'pushState' : 'replaceState'](null, '', url);
    }
    recherche = location.search;
    var notes = notesAffichees();
    var montrer = mode === 'carte' || actif(etat) || !!notes;
    section.hidden = !montrer;
    montrerNotes(notes);
    // Sur /lieux/, une recherche déjà faite (lien, retour) montre ses lieux d'abord : les
    // filtres se replient après eux.
    if (mode === 'lieux' && !historique && panneau) panneau.open = !montrer;
    if (complete) complete.hidden = montrer;
    var n = resultats.length, total = index.lieux.length;
    var nombre = n === 0 ? 'Aucun lieu' : n === 1 ? '1 lieu' : n + ' lieux';
    var filtre = false;
    for (var k in etat) if (k !== 'depuis' && Object.prototype.hasOwnProperty.call(etat, k)) filtre = true;
    if (national && national.filtres.length) filtre = true;
    if (n === 0) titre.textContent = 'Aucun lieu ne correspond à votre recherche';
    else if (filtre) titre.textContent = nombre + ' sur ' + total + (n > 1 ? ' correspondent' : ' correspond') + ' à votre recherche';
    else titre.textContent = nombre + (position ? ', du plus proche au plus loin' : '');
    var mots = actif(etat) ? enMots(etat) : '';
    criteres.textContent = mots ? 'Critères : ' + mots + '.' : '';
    if (n === 0 && etat.ouvert) {
      criteres.textContent += ' À cette heure-ci, aucun de ces lieux n\u2019est ouvert : décochez « ouverts maintenant » pour voir quand ils ouvrent.';
    } else if (n === 0 && etat.q) {
      criteres.textContent += ' Essayez un autre mot, ou choisissez un besoin dans la liste.';
    } else if (n === 0) {
      criteres.textContent += ' Retirez un critère pour voir plus de lieux.';
    }
    var bouton = form.querySelector('button[type=submit]');
    if (bouton) bouton.textContent = n === 0 ? 'Aucun lieu' : n === 1 ? 'Voir le lieu' : 'Voir les ' + n + ' lieux';
    var resume = $('filtres-resume');
    if (resume) resume.textContent = filtre ? '(' + enMots(etat) + ')' : '';
    if (modifier) modifier.hidden = !(mots || notes);
    titrer(etat, n === 0 ? 'aucun lieu' : nombre, filtre);
    // Vidée puis remplie : un même nombre après un autre critère est annoncé de nouveau. Au
    // chargement, ce qu'un lien demandait sans que l'annuaire puisse le reprendre suit.
    annonce.textContent = '';
    var texteAnnonce = montrer ? nombre + (n > 1 ? ' trouvés' : ' trouvé') + (annonceLien ? '. ' + annonceLien : '') : '';
    annonceLien = '';
    clearTimeout(attenteAnnonce);
    attenteAnnonce = setTimeout(function () { annonce.textContent = texteAnnonce; }, 50);
    // De retour sur la page (bouton « retour ») : autant de lieux qu'avant.
    var etatPage = !historique && window.history && history.state;
    lots.recommencer(resultats, etatPage && etatPage.montres);
    if (etatPage && etatPage.y) window.scrollTo(0, etatPage.y);
    $('resultats-imprimer').hidden = n === 0;
    if (carte) dessiner();
  }

  // Le titre de la page (et le h1 de /lieux/) dit ce qui est montré, en peu de mots :
  // « Lieux : démarches en ligne, gratuits — 23 lieux » ; sur /carte/, le nombre de lieux suit.
  // Rien de tout cela n'est annoncé : seule la zone des résultats l'est (resultats-annonce).
  function titrer(etat, nombre, filtre) {
    if (!titreInitial) titreInitial = document.title;
    var mots = filtre || position ? enMots(etat, true).map(function (m) {
      return m.replace(/^[A-ZÀ-Ý](?=[a-zà-ÿ])/, function (x) { return x.toLowerCase(); });
    }) : [];
    var reste = mots.length - 3;
    var texte = mots.length ? (divCarte ? 'Carte' : 'Lieux') + ' : ' + mots.slice(0, 3).join(', ') +
      (reste > 0 ? ' et ' + (reste === 1 ? 'un autre critère' : reste + ' autres critères') : '') : '';
    var site = titreInitial.indexOf(' – ');
    document.title = texte ? texte + ' — ' + nombre + (site < 0 ? '' : titreInitial.slice(site)) : titreInitial;
    if (h1) {
      h1.textContent = texte;
      if (!texte) h1Initial.forEach(function (x) { h1.appendChild(x); });
    }
    if (carteTotal) carteTotal.textContent = filtre ? nombre.replace(/^a/, 'A') + ' sur ' + index.lieux.length : carteTotalInitial;
  }

  // Le focus sur le nombre de résultats, qui le dit : l'annonce en attente se tait.
  function lireTitre() {
    clearTimeout(attenteAnnonce);
    titre.focus();
  }

  // --- La carte (page /carte/ seulement). Leaflet (60 Ko compressés, puis les images du plan)
  // ne se charge que si on le demande ; le choix est retenu sur l'appareil.
  function proposerCarte() {
    var lanceur = $('carte-lanceur');
    if (!divCarte || !lanceur || !window.resinCharger) return;
    var bouton = lanceur.querySelector('button');
    var etat = $('carte-etat'), oublier = $('carte-oublier');
    lanceur.hidden = false;
    function charger(main) {
      bouton.setAttribute('aria-disabled', 'true');
      etat.textContent = 'Chargement de la carte\u2026';
      window.resinCharger(lanceur.getAttribute('data-fichiers').split(' '), function () {
        etat.textContent = '';
        lanceur.hidden = true;
        initCarte();
        if (carte) {
          dessiner();
          if (oublier) oublier.hidden = !retenue();
          if (main) divCarte.focus({ preventScroll: true });
        }
      }, function () {
        bouton.removeAttribute('aria-disabled');
        etat.textContent = 'La carte n\u2019a pas pu être chargée. Vérifiez votre connexion, puis réessayez.';
        bouton.textContent = 'Réessayer d\u2019afficher la carte';
        if (main) bouton.focus();
      });
    }
    bouton.addEventListener('click', function () {
      if (bouton.getAttribute('aria-disabled')) return;
      // Une vue intégrée dans le site d'un partenaire ne garde rien sur l'appareil.
      if (!lanceur.hasAttribute('data-sans-memoire')) {
        try { localStorage.setItem('resin-carte', 'oui'); } catch (e) { /* stockage refusé */ }
      }
      charger(true);
    });
    // Le choix retenu se défait : la carte ne s'affichera plus d'elle-même.
    if (oublier) {
      oublier.querySelector('button').addEventListener('click', function () {
        try { localStorage.removeItem('resin-carte'); } catch (e) { /* stockage refusé */ }
        oublier.querySelector('button').hidden = true;
        oublier.querySelector('p').textContent = 'C\u2019est noté : la prochaine fois, la carte attendra que vous la demandiez.';
      });
    }
    if (retenue()) charger(false);
  }

  function retenue() {
    try { return localStorage.getItem('resin-carte') === 'oui'; } catch (e) { return false; }
  }

  function bulle(l) {
    var div = el('div', 'bulle');
    div.appendChild(lienLieu(l, 'bulle-nom'));
    div.appendChild(el('p', null, l.a + ', ' + l.v));
    var ouvert = commun.ligneOuverture(index, l), jour = horairesDuJour(l);
    if (ouvert) div.appendChild(ouvert);
    div.appendChild(el('p', null, jour));
    return div;
  }

  function initCarte() {
    if (!divCarte || !window.L || !L.markerClusterGroup || !window.resinFond) return;
    divCarte.hidden = false;
    var modeEmploi = $('carte-mode-emploi');
    if (modeEmploi) modeEmploi.hidden = false;
    // Les lieux et les groupes sont des boutons : Espace les active comme Entrée.
    divCarte.addEventListener('keydown', function (e) {
      var cible = e.target;
      if ((e.key === ' ' || e.key === 'Spacebar') && cible.classList && cible.classList.contains('leaflet-marker-icon')) {
        e.preventDefault();
        cible.click();
      }
    });
    var centre = divCarte.getAttribute('data-centre').split(',');
    carte = L.map(divCarte, { zoomControl: false, attributionControl: false })
      .setView([+centre[0], +centre[1]], +divCarte.getAttribute('data-zoom'));
    window.resinFond(carte, divCarte);
    var calme = window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches;
    groupe = L.markerClusterGroup({
      showCoverageOnHover: false,
      animate: !calme,
      chunkedLoading: true,
      iconCreateFunction: function (grappe) {
        var n = grappe.getChildCount();
        return L.divIcon({
          html: '<span aria-hidden="true">' + n + '</span><span class="visuellement-cache">' + n + ' lieux : zoomer</span>',
          className: 'grappe',
          iconSize: L.point(40, 40)
        });
      }
    });
    carte.addLayer(groupe);
    carte.on('popupopen', function (e) {
      var fermer = e.popup.getElement().querySelector('.leaflet-popup-close-button');
      if (fermer) { fermer.setAttribute('aria-label', 'Fermer'); fermer.title = 'Fermer'; }
      // Le focus va dans la bulle (clavier, lecteur d'écran), sans faire défiler la carte
      // sous Leaflet ; Échap la ferme et rend le focus au lieu.
      var bulleEl = e.popup.getElement();
      var lien = bulleEl.querySelector('.bulle-nom');
      if (lien) setTimeout(function () { lien.focus({ preventScroll: true }); }, 0);
      if (!bulleEl.resinEchap) {
        bulleEl.resinEchap = true;
        bulleEl.addEventListener('keydown', function (k) {
          if (k.key === 'Escape' || k.key === 'Esc') carte.closePopup();
        });
      }
    });
    carte.on('popupclose', function (e) {
      var source = e.popup._source;
      var visible = source && groupe.getVisibleParent(source);
      var icone = visible && visible.getElement && visible.getElement();
      if (icone && bulleOuverteAuClavier(e.popup)) icone.focus({ preventScroll: true });
    });
  }

  // Le focus était dans la bulle : il revient au lieu sur la carte quand elle se ferme.
  function bulleOuverteAuClavier(popup) {
    var el = popup.getElement();
    return !!el && (el.contains(document.activeElement) || document.activeElement === document.body);
  }

  function dessiner() {
    groupe.clearLayers();
    var marqueurs = [], points = [];
    resultats.forEach(function (l) {
      if (!l.g) return;
      if (!l.marqueur) {
        l.marqueur = L.marker(l.g, { alt: l.n, title: l.n, keyboard: true });
        l.marqueur.bindPopup(function () { return bulle(l); }, { maxWidth: Math.min(280, divCarte.clientWidth - 60), autoPanPadding: [12, 12] });
      }
      marqueurs.push(l.marqueur);
      points.push(l.g);
    });
    groupe.addLayers(marqueurs);
    // La vue d'un lien de la cartographie nationale (latitude, longitude, zoom), la première fois ;
    // sinon, la carte montre tous les lieux trouvés.
    var vue = national && national.position;
    if (vue && !vue.vue) {
      vue.vue = true;
      carte.setView([vue.lat, vue.lon], vue.zoom === null ? +divCarte.getAttribute('data-zoom') : vue.zoom, { animate: false });
    } else if (points.length) carte.fitBounds(points, { padding: [30, 30], maxZoom: 16, animate: false });
  }

  // --- « Près de moi ».
  function positionner() {
    var choix = form.elements.depuis;
    if (!navigator.geolocation) {
      etatPosition.textContent = 'Votre appareil ne donne pas sa position : choisissez votre commune dans la liste.';
      if (panneau) panneau.open = true;
      choix.focus();
      return;
    }
    etatPosition.textContent = 'Recherche de votre position…';
    navigator.geolocation.getCurrentPosition(function (p) {
      position = { lat: p.coords.latitude, lon: p.coords.longitude, nom: 'votre position', source: 'position' };
      choix.value = '';
      etatPosition.textContent = 'Lieux triés du plus proche au plus loin de votre position (elle reste sur votre appareil).';
      appliquer('remplacer');
      titre.focus();
    }, function () {
      etatPosition.textContent = 'Position refusée ou indisponible : choisissez votre commune dans la liste pour trier les lieux par distance.';
      if (panneau) panneau.open = true;
      choix.focus();
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 });
  }

  // --- Les événements.
  var attente = null;
  form.addEventListener('change', function (e) {
    if (e.target.name === 'q') return;
    if (e.target.name === 'depuis' && position && position.source === 'position') position = null;
    var memeChamp = e.target.name === dernierChamp;
    dernierChamp = e.target.name;
    appliquer(memeChamp ? 'remplacer' : 'ajouter');
  });
  form.addEventListener('input', function (e) {
    if (e.target.name !== 'q') return;
    clearTimeout(attente);
    attente = setTimeout(function () { appliquer('remplacer'); }, 250);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    dernierChamp = null;
    clearTimeout(attente);
    appliquer('ajouter');
    lireTitre();
  });
  form.addEventListener('reset', function () {
    position = null;
    lireNational('');
    etatPosition.textContent = '';
    setTimeout(function () {
      appliquer('ajouter');
      // Ce que disait le lien s'efface avec ses critères.
      if (notesAffichees()) {
        history.replaceState(null, '', location.href);
        appliquer();
      }
    }, 0);
  });
  // À côté des critères : « Modifier ou effacer les critères » ouvre les filtres (après la liste,
  // sur /lieux/) et y met le focus ; « Effacer » revient à tous les lieux, le focus sur le titre
  // qui le dit (celui des résultats, ou sur /lieux/ « Tous les lieux »).
  if (modifier) {
    $('resultats-changer').addEventListener('click', function () {
      if (panneau) panneau.open = true;
      (panneau ? panneau.querySelector('summary') : form.elements[0]).focus();
      form.scrollIntoView(true);
    });
    $('resultats-effacer').addEventListener('click', function () {
      form.reset();
      setTimeout(function () {
        if (!section.hidden) return lireTitre();
        var cible = h1 || form.elements[0];
        if (cible === h1) h1.tabIndex = -1;
        cible.focus();
      }, 0);
    });
  }
  // « Retour » : la sélection d'avant. Un lien vers une ancre (« Aller au contenu ») change
  // aussi l'historique, sans changer la sélection : rien à refaire.
  window.addEventListener('popstate', function () {
    if (location.search === recherche) return;
    dernierChamp = null;
    lireNational(location.search);
    remplir(lireAdresse());
    appliquer();
  });
  $('f-position').addEventListener('click', positionner);
  plus.addEventListener('click', function () {
    lots.suivants();
    if (window.history && history.replaceState) history.replaceState({ montres: lots.montres, y: 0, lien: notesAffichees() }, '', location.href);
  });
  $('resultats-imprimer').addEventListener('click', function () {
    lots.afficherJusqua(resultats.length);
    document.body.className += ' impression-selection';
    window.print();
  });
  // En quittant la page, le nombre de lieux affichés et la position dans la page sont gardés
  // pour le retour.
  window.addEventListener('pagehide', function () {
    if (window.history && history.replaceState) {
      history.replaceState({ montres: lots.montres, y: window.pageYOffset, lien: notesAffichees() }, '', location.href);
    }
  });
  // Imprimer la page (Ctrl+P) imprime aussi toute la sélection.
  window.addEventListener('beforeprint', function () {
    if (index && !section.hidden) lots.afficherJusqua(resultats.length);
  });
  window.addEventListener('afterprint', function () {
    document.body.className = document.body.className.replace(/ ?impression-selection/g, '');
  });

  remplir(lireAdresse());
  var requete = new XMLHttpRequest();
  requete.open('GET', form.getAttribute('data-index'));
  requete.onload = function () {
    if (requete.status !== 200) return;
    try { preparer(JSON.parse(requete.responseText)); } catch (e) { return; }
    // Un lien de la cartographie nationale : ses critères dans le formulaire. Un lien qui demande
    // ce que l'annuaire n'a pas (?commune=paris) : les autres critères, et la page le dit. Puis
    // l'adresse dans la forme de l'annuaire, avec ces notes dans l'historique.
    lireNational(location.search);
    var ecartes = remplir(lireAdresse()), etat = lireFormulaire();
    if (national) {
      for (var k in national.etat) if (!etat[k]) etat[k] = national.etat[k];
      remplir(etat);
    }
    var notes = notesDuLien(ecartes, etat);
    if ((national || notes.length || ecartes.corrige) && window.history && history.replaceState) {
      history.replaceState(notes.length ? { lien: notes } : null, '', adresse(lireFormulaire()));
    }
    annonceLien = (notesAffichees() || []).join(' ');
    proposerCarte();
    appliquer();
    // « Près de moi » d'une page de besoin (?position=1) : la position est demandée une fois,
    // puis retirée de l'adresse (elle reste sur l'appareil).
    if (commun.lireParametres(location.search).position === '1') {
      if (window.history && history.replaceState) history.replaceState(history.state, '', adresse(lireFormulaire()));
      recherche = location.search;
      positionner();
    }
  };
  requete.send();
})();
