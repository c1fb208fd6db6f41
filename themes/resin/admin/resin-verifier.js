// Les problèmes de la fiche ouverte, dans le formulaire (aperçu `resin serve` seulement) :
// pendant la saisie (après 600 ms sans frappe), la fiche est envoyée à resin
// (l'adresse de vérification de l'aperçu), qui répond ce que `resin check` dirait d'elle, en français, champ par
// champ. Chaque problème s'affiche sous son champ (bordure rouge, texte lié au champ), et un
// résumé en haut du formulaire les compte, avec un lien vers chaque champ. Après un
// enregistrement d'une fiche qui a encore des problèmes, un message dit tout de suite que le
// fichier est enregistré mais que l'aperçu (et le site) garde la dernière version correcte.
// Sur le site publié (la forge, sans resin), rien de tout cela : la vérification a lieu dans
// la chaîne d'intégration.
//
// Decap ne signale pas les frappes : le contrôle du texte (« markdown »), présent dans chaque
// collection, est enveloppé pour recevoir `getEntry`, qui lit la fiche ouverte ; les frappes
// sont écoutées sur la page.
// Chargé après decap-cms.js, qui fournit CMS, createClass et h.
(function () {
  'use strict';
  const { CMS, createClass, h } = window;
  if (!CMS) return;
  const ATTENTE = 600;
  const ROUGE = '#b3261e';

  // L'éditeur écrit-il par l'aperçu ? Oui quand config.yml, réécrit par `resin serve`, a un
  // bloc `local_backend` : son adresse (l'API locale, « …/decap ») donne celle de la
  // vérification, à côté (« …/verifier ») ; sinon `null`.
  let local = null;
  function adresse() {
    if (!local) {
      const lien = document.querySelector('link[rel="cms-config-url"]');
      const config = lien ? lien.href : new URL('config.yml', document.baseURI).href;
      local = fetch(config, { cache: 'no-store' })
        .then((r) => r.text())
        .then((texte) => {
          const api = texte.match(/^local_backend:\n {2}url: (\S+)\/decap$/m);
          return api ? `${api[1]}/verifier` : null;
        })
        .catch(() => null);
    }
    return local;
  }

  let source = null; // { lire, collection } : la fiche ouverte, lue à la demande
  let courant = null; // { entry, collection } : la dernière fiche vérifiée
  let minuteur = null;
  let modifiee = false; // des frappes depuis le dernier enregistrement
  let derniere = ''; // la dernière fiche envoyée, pour ne pas la renvoyer
  let publication = false; // « Publier » cliqué depuis l'ouverture de la fiche

  // Ce qu'une fiche nouvelle n'a pas encore : l'éditeur ne le reproche pas avant que la personne
  // ait voulu publier (une fiche vide n'a pas « 5 problèmes » dès son ouverture).
  const A_REMPLIR = new Set(['champ-manquant', 'offre-horaires-seances']);

  const cle = (collection, entry) => `resin-enregistree:${collection.get('name')}/${entry.get('slug') || ''}`;
  const pluriel = (n, un, plusieurs) => `${n} ${n > 1 ? plusieurs : un}`;

  // La vérification, 600 ms après la dernière frappe.
  function planifier() {
    clearTimeout(minuteur);
    minuteur = setTimeout(() => {
      const entry = source && source.lire();
      if (!entry) return;
      courant = { entry, collection: source.collection };
      verifier();
    }, ATTENTE);
  }

  async function demander(entry, collection) {
    const data = entry.get('data');
    const corps = JSON.stringify({
      collection: collection.get('name'),
      slug: entry.get('newRecord') ? '' : entry.get('slug') || '',
      data: data && data.toJS ? data.toJS() : {},
    });
    const reponse = await fetch(await adresse(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: corps,
    });
    if (!reponse.ok) return null;
    return reponse.json();
  }

  async function verifier() {
    if (!courant || !(await adresse())) return;
    const { entry, collection } = courant;
    const envoi = JSON.stringify([collection.get('name'), entry.get('slug'), entry.get('data')]);
    if (envoi === derniere) return;
    derniere = envoi;
    let reponse;
    try {
      reponse = await demander(entry, collection);
    } catch {
      return; // l'aperçu est arrêté : rien à dire de plus
    }
    if (!reponse || !courant || courant.entry !== entry) return;
    afficher(reponse.problemes || [], collection, entry);
  }

  // Le conteneur du champ `nom` dans le formulaire : celui de son étiquette.
  function etiquette(collection, nom) {
    const champ = collection.get('fields').find((f) => f.get('name') === nom);
    if (!champ) return null;
    const libelle = champ.get('label') || nom;
    return Array.from(document.querySelectorAll('label[for]'))
      .find((l) => l.textContent.trim().toLowerCase().startsWith(libelle.toLowerCase())) || null;
  }

  function effacer() {
    for (const n of document.querySelectorAll('.resin-probleme')) n.remove();
    for (const n of document.querySelectorAll('[data-resin-invalide]')) {
      n.removeAttribute('aria-invalid');
      n.removeAttribute('data-resin-invalide');
      n.style.outline = '';
      const decrit = (n.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.startsWith('resin-probleme-'));
      if (decrit.length) n.setAttribute('aria-describedby', decrit.join(' '));
      else n.removeAttribute('aria-describedby');
    }
  }

  function resume() {
    let boite = document.getElementById('resin-verification');
    if (boite && document.contains(boite)) return boite;
    const premier = document.querySelector('label[for]');
    if (!premier || !premier.parentElement || !premier.parentElement.parentElement) return null;
    boite = document.createElement('div');
    boite.id = 'resin-verification';
    boite.setAttribute('aria-live', 'polite');
    boite.lang = 'fr';
    boite.style.cssText = 'margin:0 0 16px;font:15px/1.45 system-ui,sans-serif;overflow-wrap:anywhere';
    premier.parentElement.parentElement.insertBefore(boite, premier.parentElement);
    return boite;
  }

  function paragraphe(texte, style) {
    const p = document.createElement('p');
    p.textContent = texte;
    p.style.cssText = `margin:0 0 8px;${style || ''}`;
    return p;
  }

  function afficher(tous, collection, entry) {
    const attendre = entry.get('newRecord') && !publication;
    const problemes = attendre ? tous.filter((p) => !A_REMPLIR.has(p.code)) : tous;
    effacer();
    const boite = resume();
    if (!boite) return;
    boite.textContent = '';
    const erreurs = problemes.filter((p) => p.niveau === 'erreur');
    problemes.forEach((p, i) => {
      const label = p.champ && etiquette(collection, p.champ);
      if (!label || !label.parentElement) return;
      const id = `resin-probleme-${i}`;
      const message = document.createElement('div');
      message.className = 'resin-probleme';
      message.id = id;
      const grave = p.niveau === 'erreur';
      message.style.cssText = `display:block;box-sizing:border-box;width:100%;margin:6px 0 0;padding:8px 10px;border-left:4px solid ${grave ? ROUGE : '#8a5a00'};` +
        `background:${grave ? '#fdecea' : '#fff4e0'};color:#1e1e1e;font:15px/1.45 system-ui,sans-serif;overflow-wrap:anywhere`;
      message.textContent = `${grave ? '' : 'À vérifier : '}${p.message}${p.aide ? ` ${p.aide}` : ''}`;
      const controle = document.getElementById(label.getAttribute('for'));
      // Sous le contrôle du champ (entre lui et l'aide de Decap) : sous le bloc entier du
      // contrôle quand il est fait de plusieurs éléments (une liste de choix), pas dedans.
      let bloc = controle || label;
      while (bloc.parentElement && !bloc.parentElement.contains(label)) bloc = bloc.parentElement;
      bloc.insertAdjacentElement('afterend', message);
      if (controle) {
        controle.setAttribute('data-resin-invalide', '');
        if (grave) controle.setAttribute('aria-invalid', 'true');
        // Le cadre rouge autour du bloc entier (la liste de choix, pas son seul champ de saisie).
        bloc.setAttribute('data-resin-invalide', '');
        bloc.style.outline = `2px solid ${grave ? ROUGE : '#8a5a00'}`;
        const decrit = controle.getAttribute('aria-describedby');
        controle.setAttribute('aria-describedby', decrit ? `${decrit} ${id}` : id);
      }
      message.dataset.controle = controle ? controle.id : '';
    });

    const note = sessionStorage.getItem(cle(collection, entry));
    if (note && erreurs.length) boite.appendChild(paragraphe(note, `font-weight:700;color:${ROUGE}`));
    else if (note) sessionStorage.removeItem(cle(collection, entry));
    if (!problemes.length) return;
    boite.style.padding = '12px';
    boite.style.border = `2px solid ${erreurs.length ? ROUGE : '#8a5a00'}`;
    boite.style.borderRadius = '4px';
    boite.style.background = '#fff';
    boite.style.color = '#1e1e1e';
    const titre = erreurs.length
      ? `Cette fiche a ${pluriel(erreurs.length, 'problème', 'problèmes')} à corriger avant d’être publiée :`
      : `Cette fiche a ${pluriel(problemes.length, 'point', 'points')} à vérifier :`;
    boite.appendChild(paragraphe(titre, 'font-weight:700'));
    const liste = document.createElement('ul');
    liste.style.cssText = 'margin:0;padding-left:20px';
    for (const [i, p] of problemes.entries()) {
      const item = document.createElement('li');
      const message = document.getElementById(`resin-probleme-${i}`);
      const controle = message && message.dataset.controle && document.getElementById(message.dataset.controle);
      if (controle) {
        const lien = document.createElement('a');
        lien.href = '#';
        lien.textContent = p.message;
        lien.style.color = ROUGE;
        lien.addEventListener('click', (e) => {
          e.preventDefault();
          controle.scrollIntoView({ block: 'center' });
          controle.focus();
        });
        item.appendChild(lien);
      } else {
        item.textContent = `${p.message}${p.aide ? ` ${p.aide}` : ''}`;
      }
      liste.appendChild(item);
    }
    boite.appendChild(liste);
  }

  // Après l'enregistrement : dire tout de suite si l'aperçu et le site montreront la fiche.
  CMS.registerEventListener({
    name: 'postSave',
    handler: async ({ entry }) => {
      modifiee = false;
      publication = true;
      if (!courant || !(await adresse())) return;
      const { collection } = courant;
      let reponse;
      try {
        reponse = await demander(entry, collection);
      } catch {
        return;
      }
      const erreurs = (reponse && reponse.problemes || []).filter((p) => p.niveau === 'erreur');
      const saved = cle(collection, entry);
      if (!erreurs.length) {
        sessionStorage.removeItem(saved);
        return;
      }
      const n = pluriel(erreurs.length, 'problème', 'problèmes');
      const tant = erreurs.length > 1 ? 'tant qu’ils ne sont pas corrigés' : 'tant qu’il n’est pas corrigé';
      const note = reponse.montree
        ? `Le fichier est enregistré, mais il a ${n} : l’aperçu (et le site) continue de montrer la dernière version correcte de la fiche ${tant}.`
        : `Le fichier est enregistré, mais il a ${n} : la fiche n’apparaît ni dans l’aperçu ni sur le site ${tant}.`;
      sessionStorage.setItem(saved, note);
      // Say the problems themselves, under their fields and in the summary, not only how many:
      // the list shown before saving (a new entry's empty fields) is out of date.
      derniere = '';
      afficher(reponse.problemes, collection, entry);
    },
  });

  // Une frappe : la fiche a des changements non enregistrés. L'aperçu ne recharge pas alors la
  // page (le rechargement ferait perdre la saisie) : il la vérifie à nouveau.
  document.addEventListener('click', (e) => {
    const bouton = e.target.closest && e.target.closest('button, [role="button"]');
    if (bouton && /^Publier/.test(bouton.textContent.trim()) && !publication) {
      publication = true;
      derniere = '';
    }
  }, true);
  for (const type of ['input', 'change', 'click', 'keyup']) {
    document.addEventListener(type, (e) => {
      if (type === 'input') modifiee = true;
      if (source && !(e.target.closest && e.target.closest('#resin-verification'))) planifier();
    }, true);
  }
  window.addEventListener('resin:recharger', (e) => {
    if (modifiee) {
      e.preventDefault();
      derniere = '';
      planifier();
    }
  });

  // Le contrôle du texte, présent dans toutes les collections, donne la fiche ouverte : Decap
  // lui passe `getEntry`, qui lit la fiche telle qu'elle est à l'instant.
  const texte = CMS.getWidget('markdown');
  if (!texte) return;
  const Controle = texte.control;
  const Observe = createClass({
    componentDidMount() {
      const { getEntry, entry, collection } = this.props;
      source = { lire: () => (getEntry ? getEntry() : entry), collection };
      derniere = '';
      publication = false;
      planifier();
    },
    componentWillUnmount() {
      source = null;
      courant = null;
    },
    render() {
      return h(Controle, this.props);
    },
  });
  CMS.registerWidget('markdown', Observe, texte.preview);
})();
