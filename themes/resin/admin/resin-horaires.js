// L'éditeur en ligne de resin : « resin-horaires », les horaires d'ouverture sans la syntaxe
// OpenStreetMap. Une grille de la semaine (des plages horaires par jour, « fermé » sans plage,
// « Fermé les jours fériés ») écrit la valeur OSM que resin lit (`Mo-Fr 09:00-12:00; PH off`) et
// la dit en français pendant la saisie. Une valeur existante revient dans la grille quand elle en
// a la forme ; sinon (semaines, mois, commentaires…) elle reste telle quelle, dans un champ
// « expert ». Une phrase en français (« du lundi au vendredi de 9h à 12h ») devient une
// proposition, qu'un bouton met dans la grille.
//
// Les règles restent dans resin : dans l'aperçu (`resin serve`), la lecture, le problème que
// `resin check` signalerait et la proposition viennent de resin (POST `horaires`, à côté de son API
// locale pour Decap). Sur le
// site publié, il n'y a pas de serveur resin : la grille marche seule (ce qu'elle écrit est juste
// par construction, sa lecture vient d'elle), et le texte libre est vérifié à la publication.
//
// Aussi : la liste des fermetures (`fermetures`) dit chaque fermeture en français et refuse
// avant l'enregistrement une fermeture qui finit avant de commencer.
// Chargé après decap-cms.js (CMS, createClass, h) et resin-cms.js (la liste qu'il enveloppe).
(function () {
  'use strict';
  const { CMS, createClass, h } = window;
  if (!CMS) return;

  const JOURS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];
  const OSM = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
  const ESPACE = '\u00a0';
  const minuscule = (jour) => jour.toLowerCase();
  const majuscule = (texte) => texte.charAt(0).toUpperCase() + texte.slice(1);

  // --- La grille : sept jours de plages { debut, fin } (« HH:MM », tel que saisi), et les fériés.

  const grilleVide = () => ({ jours: JOURS.map(() => []), feries: false });

  // Une heure comme on la tape (« 9 », « 9h30 », « 9:30 », « 0930 ») en minutes depuis minuit ;
  // null quand elle ne se lit pas. Une fin à minuit (« 0:00 », « 24:00 ») vaut 24 h.
  function minutes(texte, fin = false) {
    const t = String(texte ?? '').trim().toLowerCase();
    const m = /^(\d{1,2})(?:\s*[h:.,]\s*(\d{2})?)?$/.exec(t) || /^(\d{2})(\d{2})$/.exec(t);
    if (!m) return null;
    const [hh, mm] = [Number(m[1]), Number(m[2] ?? 0)];
    if (mm > 59 || hh > 24 || (hh === 24 && mm > 0)) return null;
    const total = hh * 60 + mm;
    if (fin && total === 0) return 24 * 60;
    return !fin && total === 24 * 60 ? null : total;
  }
  const horloge = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

  // Une valeur OSM de la forme que la grille écrit (jours, plages, « PH off »), lue dans la grille ;
  // null pour toute autre forme : elle sera gardée telle quelle. Comme dans OSM, une règle
  // remplace pour ses jours les règles qui la précèdent (`Mo-Fr 09:00-18:00; We 09:00-12:00`).
  function lireOsm(valeur) {
    const grille = grilleVide();
    const regles = String(valeur ?? '').split(';').map((r) => r.trim());
    if (regles.length > 1 && regles[regles.length - 1] === '') regles.pop();
    if (regles.length === 1 && regles[0] === '') return grille;
    for (const regle of regles) {
      if (regle === 'PH off' || regle === 'PH closed') {
        if (grille.feries) return null;
        grille.feries = true;
        continue;
      }
      const m = /^([A-Za-z,-]+) +(.+)$/.exec(regle);
      const jours = m && lireJours(m[1]);
      const plages = m && lirePlages(m[2]);
      if (!jours || !plages) return null;
      for (const jour of jours) grille.jours[jour] = plages.map((p) => ({ ...p }));
    }
    return grille;
  }

  function lireJours(texte) {
    const jours = [];
    for (const morceau of texte.split(',')) {
      const [debut, fin, trop] = morceau.split('-').map((j) => OSM.indexOf(j));
      if (trop !== undefined || debut < 0 || fin < 0 || (fin !== undefined && fin <= debut)) return null;
      for (let j = debut; j <= (fin ?? debut); j++) jours.push(j);
    }
    return jours;
  }

  function lirePlages(texte) {
    if (texte === 'off' || texte === 'closed') return [];
    const plages = [];
    for (const morceau of texte.split(',')) {
      const m = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(morceau.trim());
      if (!m) return null;
      const [debut, fin] = [minutes(m[1]), minutes(m[2], true)];
      if (debut === null || fin === null || debut >= fin) return null;
      plages.push({ debut: m[1], fin: m[2] });
    }
    return problemeDuJour(plages) ? null : plages;
  }

  // Les plages d'un jour en minutes, triées : [[540, 720], [840, 1020]].
  const plagesTriees = (plages) => plages.map((p) => [minutes(p.debut), minutes(p.fin, true)]).sort((a, b) => a[0] - b[0]);

  // Ce qui empêche d'écrire les plages d'un jour, en français ; null quand elles sont bonnes.
  function problemeDuJour(plages) {
    const lues = plagesTriees(plages);
    if (lues.some(([d, f]) => d === null || f === null)) {
      return 'indiquez l’heure d’ouverture et l’heure de fermeture de chaque plage, par exemple 9:00 et 12:00';
    }
    if (lues.some(([d, f]) => d >= f)) return 'une plage finit avant de commencer';
    if (lues.some(([d], i) => i > 0 && d < lues[i - 1][1])) return 'deux plages se chevauchent';
    return null;
  }

  // La valeur OSM de la grille, comme resin l'écrit (spoken_hours) : les jours aux mêmes plages
  // ensemble (trois jours qui se suivent ou plus : `Mo-We`), dans l'ordre de leur premier jour ;
  // `PH off` à la fin. Seules les plages complètes sont écrites (les autres sont refusées à
  // l'enregistrement, voir isValid).
  function ecrireOsm(grille) {
    const regles = [];
    grille.jours.forEach((plages, jour) => {
      if (problemeDuJour(plages)) return;
      const texte = plagesTriees(plages).map(([d, f]) => `${horloge(d)}-${horloge(f)}`).join(',');
      if (!texte) return;
      const meme = regles.find((r) => r.texte === texte);
      if (meme) meme.jours.push(jour);
      else regles.push({ jours: [jour], texte });
    });
    const morceaux = regles.map((r) => `${selecteur(r.jours)} ${r.texte}`);
    if (grille.feries) morceaux.push('PH off');
    return morceaux.join('; ');
  }

  function selecteur(jours) {
    const suites = [];
    for (const jour of jours) {
      const derniere = suites[suites.length - 1];
      if (derniere && derniere[1] + 1 === jour) derniere[1] = jour;
      else suites.push([jour, jour]);
    }
    return suites.map(([a, b]) => {
      if (a === b) return OSM[a];
      if (b === a + 1) return `${OSM[a]},${OSM[b]}`;
      return `${OSM[a]}-${OSM[b]}`;
    }).join(',');
  }

  // --- La lecture de la grille, dans les mots des pages de resin (hours.rs) : « Lundi au
  // vendredi : 9 h – 12 h et 14 h – 17 h », « Fermé le dimanche », « Fermé les jours fériés ».

  const heure = (m) => {
    if (m % (24 * 60) === 0) return 'minuit';
    const [hh, mm] = [Math.floor(m / 60) % 24, m % 60];
    return mm ? `${hh}${ESPACE}h${ESPACE}${String(mm).padStart(2, '0')}` : `${hh}${ESPACE}h`;
  };
  const etListe = (mots) => (mots.length < 2 ? mots.join('') : `${mots.slice(0, -1).join(', ')} et ${mots[mots.length - 1]}`);

  function lectureGrille(grille) {
    const textes = grille.jours.map((plages) => {
      if (problemeDuJour(plages)) return null;
      const t = plagesTriees(plages).map(([d, f]) => `${heure(d)} – ${heure(f)}`);
      return t.length ? etListe(t) : 'Fermé';
    });
    const groupes = [];
    textes.forEach((texte, jour) => {
      const dernier = groupes[groupes.length - 1];
      if (dernier && textes[dernier[1]] === texte) dernier[1] = jour;
      else groupes.push([jour, jour]);
    });
    const lignes = groupes.map(([a, b]) => {
      const texte = textes[a];
      const ferme = texte === 'Fermé';
      if (texte === null) return `${JOURS[a]} : à compléter`;
      if (ferme && b - a === 6) return 'Fermé toute la semaine';
      let jours;
      if (a === b) jours = ferme ? `le ${minuscule(JOURS[a])}` : JOURS[a];
      else if (b === a + 1) jours = ferme ? `le ${minuscule(JOURS[a])} et le ${minuscule(JOURS[b])}` : `${JOURS[a]} et ${minuscule(JOURS[b])}`;
      else jours = ferme ? `du ${minuscule(JOURS[a])} au ${minuscule(JOURS[b])}` : `${JOURS[a]} au ${minuscule(JOURS[b])}`;
      return ferme ? `Fermé ${jours}` : `${jours} : ${texte}`;
    });
    if (grille.feries) lignes.push('Fermé les jours fériés');
    return lignes;
  }

  // --- resin, dans l'aperçu : l'adresse de sa réponse, ou null sur le site publié.

  let apercu;
  function resinLocal() {
    if (apercu === undefined) {
      const lien = document.querySelector('link[rel="cms-config-url"]');
      // Dans l'aperçu, resin ajoute `local_backend` au config.yml qu'il sert, avec l'adresse de
      // son API locale pour Decap ; il répond aux horaires à côté (`horaires` au lieu de `decap`).
      apercu = !lien ? Promise.resolve(null) : fetch(lien.href, { cache: 'no-store' })
        .then((r) => (r.ok ? r.text() : ''))
        .then((yaml) => {
          const api = /^local_backend:\n\s+url: (\S+)/m.exec(yaml);
          return api ? new URL('horaires', api[1]).href : null;
        })
        .catch(() => null);
    }
    return apercu;
  }

  // Ce que resin dit d'un texte : { valide, lecture, probleme, proposition } ; null hors de
  // l'aperçu ou s'il ne répond pas.
  async function demander(texte) {
    const adresse = await resinLocal();
    if (!adresse) return null;
    try {
      const reponse = await fetch(adresse, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ texte }),
      });
      return reponse.ok ? await reponse.json() : null;
    } catch {
      return null;
    }
  }

  // --- L'apparence : des cibles d'au moins 44 px, sur un écran de 375 px.

  const STYLE = {
    jour: { border: '1px solid #c7ccd6', borderRadius: '6px', margin: '0 0 0.6rem', padding: '0.4rem 0.5rem 0.6rem' },
    legende: { fontWeight: 'bold', padding: '0 0.25rem' },
    plage: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.4rem 0.6rem', margin: '0.3rem 0' },
    heure: { minHeight: '44px', width: '4.5em', fontSize: '1rem', padding: '0 0.4rem', border: '1px solid #767676', borderRadius: '4px', boxSizing: 'border-box' },
    bouton: {
      minHeight: '44px', padding: '0.4rem 0.8rem', fontSize: '0.95rem', cursor: 'pointer',
      border: '1px solid #3a69c7', borderRadius: '4px', background: '#fff', color: '#1d4ba0',
    },
    case: { display: 'flex', alignItems: 'center', gap: '0.6rem', minHeight: '44px', fontSize: '1rem' },
    lecture: { background: '#eef3fb', color: '#1f2329', borderLeft: '4px solid #3a69c7', padding: '0.5rem 0.75rem', margin: '0.6rem 0' },
    probleme: { background: '#fdeeee', color: '#1f2329', borderLeft: '4px solid #b3261e', padding: '0.5rem 0.75rem', margin: '0.6rem 0' },
    texte: {
      width: '100%', boxSizing: 'border-box', minHeight: '44px', fontSize: '1rem', padding: '0.4rem',
      border: '1px solid #767676', borderRadius: '4px',
    },
    note: { color: '#4a4f59', fontSize: '0.9rem', margin: '0.3rem 0' },
  };

  const liste = (lignes) => h('ul', { style: { margin: '0.2rem 0 0', paddingLeft: '1.2rem' } },
    lignes.map((l, i) => h('li', { key: i }, l)));

  // --- Le widget.

  const Horaires = createClass({
    getInitialState() {
      return this.depuisValeur(this.props.value);
    },
    depuisValeur(valeur) {
      const texte = valeur === null || valeur === undefined ? '' : String(valeur);
      const grille = lireOsm(texte);
      return { expert: !grille, grille: grille || grilleVide(), texte, resin: null, phrase: '', proposition: undefined };
    },
    componentDidMount() {
      this.lire(this.state.expert ? this.state.texte : ecrireOsm(this.state.grille));
    },
    componentWillUnmount() {
      this.parti = true;
      clearTimeout(this.attente);
    },
    // Une valeur venue d'ailleurs (un brouillon restauré) : la grille repart d'elle.
    componentDidUpdate(avant) {
      const valeur = this.props.value ?? '';
      if (valeur !== (avant.value ?? '') && valeur !== this.ecrit) {
        this.setState(this.depuisValeur(valeur));
        this.lire(String(valeur));
      }
    },
    // Ce que resin dit de la valeur, un instant après la dernière frappe.
    lire(texte) {
      clearTimeout(this.attente);
      this.attente = setTimeout(async () => {
        const reponse = await demander(texte);
        if (!this.parti && this.valeurAffichee() === texte) this.setState({ resin: reponse, lu: texte });
      }, 200);
    },
    valeurAffichee() {
      return this.state.expert ? this.state.texte : ecrireOsm(this.state.grille);
    },
    ecrire(valeur) {
      this.ecrit = valeur;
      this.props.onChange(valeur);
      this.lire(valeur);
    },
    changerGrille(modifier, puis) {
      const grille = { jours: this.state.grille.jours.map((p) => p.map((x) => ({ ...x }))), feries: this.state.grille.feries };
      modifier(grille);
      this.setState({ grille, resin: null }, puis);
      this.ecrire(ecrireOsm(grille));
    },
    id(jour, suite) {
      return `${this.props.forID}-${OSM[jour]}-${suite}`;
    },
    ajouter(jour) {
      const plages = this.state.grille.jours[jour];
      // Une nouvelle plage commence où la précédente finit : 9:00–12:00, puis 14:00.
      const avant = plagesTriees(plages.filter((p) => minutes(p.debut) !== null && minutes(p.fin, true) !== null)).pop();
      const debut = avant ? horloge(Math.min(avant[1] + 120, 23 * 60)) : '09:00';
      const fin = horloge(Math.min(minutes(debut) + 180, 24 * 60 - 1));
      this.changerGrille((g) => g.jours[jour].push({ debut, fin }),
        () => document.getElementById(this.id(jour, `${plages.length}-debut`))?.focus());
    },
    retirer(jour, n) {
      this.changerGrille((g) => g.jours[jour].splice(n, 1), () => document.getElementById(this.id(jour, 'ajouter'))?.focus());
    },
    copierLundi() {
      this.changerGrille((g) => { for (let j = 1; j <= 4; j++) g.jours[j] = g.jours[0].map((p) => ({ ...p })); });
    },
    saisirTexte(texte) {
      this.setState({ texte, resin: null });
      this.ecrire(texte);
    },
    // Le texte libre ou la proposition d'une phrase, mis dans la grille.
    utiliser(valeur) {
      const grille = lireOsm(valeur);
      if (!grille) {
        this.setState({ expert: true, texte: valeur, resin: null });
      } else {
        this.setState({ expert: false, grille, texte: valeur, resin: null, phrase: '', proposition: undefined });
      }
      this.ecrire(valeur);
      setTimeout(() => document.getElementById(this.props.forID)?.focus(), 0);
    },
    // Une phrase en français : resin propose la valeur OSM (dans l'aperçu seulement).
    lirePhrase(phrase) {
      this.setState({ phrase, proposition: undefined });
      clearTimeout(this.attentePhrase);
      if (!phrase.trim()) return;
      this.attentePhrase = setTimeout(async () => {
        const reponse = await demander(phrase);
        if (this.parti || this.state.phrase !== phrase) return;
        this.setState({ proposition: reponse ? (reponse.proposition ?? (reponse.valide ? { valeur: phrase.trim(), lecture: reponse.lecture } : null)) : 'hors-apercu' });
      }, 250);
    },
    // Avant l'enregistrement : des plages complètes, et un texte libre que resin accepte.
    isValid() {
      if (this.state.expert) {
        const r = this.state.resin;
        if (r && this.state.lu === this.state.texte && !r.valide) return { error: { type: 'CUSTOM', message: `${majuscule(r.probleme)}.` } };
        return true;
      }
      for (const [jour, plages] of this.state.grille.jours.entries()) {
        const probleme = problemeDuJour(plages);
        if (probleme) return { error: { type: 'CUSTOM', message: `${JOURS[jour]} : ${probleme}.` } };
      }
      return true;
    },
    // Une heure, tapée comme on la dit (« 9h30 ») ; elle s'écrit 09:30 en quittant la case.
    renderHeure(jour, n, bout, nom) {
      const texte = this.state.grille.jours[jour][n][bout];
      return h('input', {
        id: this.id(jour, `${n}-${bout}`), type: 'text', value: texte, style: STYLE.heure, size: 5,
        placeholder: bout === 'debut' ? '9:00' : '12:00', autoComplete: 'off', 'aria-label': nom,
        onChange: (e) => { const v = e.target.value; this.changerGrille((g) => { g.jours[jour][n][bout] = v; }); },
        onBlur: () => {
          const m = minutes(texte, bout === 'fin');
          const propre = m === null ? texte : horloge(m);
          if (propre !== texte) this.changerGrille((g) => { g.jours[jour][n][bout] = propre; });
        },
      });
    },
    renderJour(plages, jour) {
      const nom = minuscule(JOURS[jour]);
      const probleme = problemeDuJour(plages);
      return h('fieldset', { key: jour, style: STYLE.jour },
        h('legend', { style: STYLE.legende }, JOURS[jour]),
        plages.length === 0 ? h('p', { style: { margin: '0.3rem 0' } }, 'Fermé') : null,
        plages.map((p, n) => h('div', { key: n, style: STYLE.plage },
          h('label', { htmlFor: this.id(jour, `${n}-debut`) }, 'De'),
          this.renderHeure(jour, n, 'debut', `De (plage ${n + 1} du ${nom})`),
          h('label', { htmlFor: this.id(jour, `${n}-fin`) }, 'à'),
          this.renderHeure(jour, n, 'fin', `à (plage ${n + 1} du ${nom})`),
          h('button', { type: 'button', style: STYLE.bouton, 'aria-label': `Retirer la plage ${n + 1} du ${nom}`, onClick: () => this.retirer(jour, n) }, 'Retirer'))),
        probleme && plages.length ? h('p', { style: { ...STYLE.note, color: '#b3261e' } }, `À corriger : ${probleme}.`) : null,
        h('div', { style: STYLE.plage },
          h('button', { id: this.id(jour, 'ajouter'), type: 'button', style: STYLE.bouton, 'aria-label': `Ajouter une plage le ${nom}`, onClick: () => this.ajouter(jour) }, '+ Ajouter une plage'),
          jour === 0 && plages.length ? h('button', { type: 'button', style: STYLE.bouton, onClick: () => this.copierLundi() }, 'Mêmes horaires du mardi au vendredi') : null));
    },
    // La lecture en français : celle de resin dans l'aperçu, sinon celle de la grille.
    renderLecture() {
      const { expert, grille, resin, texte } = this.state;
      if (expert) {
        if (!texte.trim()) return h('div', { style: STYLE.lecture, role: 'status' }, 'Aucun horaire.');
        if (!resin) {
          return h('div', { style: STYLE.lecture, role: 'status' },
            'Ce texte sera vérifié à la publication : resin le lit lors de la construction du site (dans l’aperçu de resin serve, il le lit dès la saisie).');
        }
        if (!resin.valide) return h('div', { style: STYLE.probleme, role: 'status' }, `${majuscule(resin.probleme)}. Corrigez le texte, ou remplissez la grille.`);
        return h('div', { style: STYLE.lecture, role: 'status' }, h('strong', null, 'En clair :'), liste(resin.lecture));
      }
      const lignes = resin?.valide && resin.lecture ? resin.lecture : lectureGrille(grille);
      const vide = grille.jours.every((p) => p.length === 0) && !grille.feries;
      return h('div', { style: STYLE.lecture, role: 'status' },
        h('strong', null, 'En clair :'), vide ? ' aucun horaire (le lieu sera dit « horaires non renseignés »).' : liste(lignes));
    },
    renderPhrase() {
      const { phrase, proposition } = this.state;
      const id = `${this.props.forID}-phrase`;
      let reponse = null;
      if (proposition === 'hors-apercu') {
        reponse = h('p', { style: STYLE.note, role: 'status' },
          'Ici, resin ne peut pas lire une phrase : remplissez la grille jour par jour. Dans l’aperçu (resin serve), resin lit la phrase et propose les horaires.');
      } else if (proposition === null) {
        reponse = h('p', { style: STYLE.note, role: 'status' },
          'resin n’a pas su lire cette phrase sans doute possible : remplissez la grille jour par jour.');
      } else if (proposition) {
        reponse = h('div', { style: STYLE.lecture, role: 'status' }, h('strong', null, 'resin comprend :'), liste(proposition.lecture),
          h('button', { type: 'button', style: { ...STYLE.bouton, marginTop: '0.4rem' }, onClick: () => this.utiliser(proposition.valeur) }, 'Utiliser ces horaires'));
      }
      return h('details', { style: { margin: '0.6rem 0' } },
        h('summary', { style: { minHeight: '44px', lineHeight: '44px', cursor: 'pointer' } }, 'Coller des horaires écrits en français'),
        h('label', { htmlFor: id, style: { display: 'block', margin: '0.3rem 0' } }, 'Les horaires en une phrase, par exemple « du lundi au vendredi de 9h à 12h et de 14h à 17h »'),
        h('textarea', { id, rows: 2, value: phrase, style: STYLE.texte, onChange: (e) => this.lirePhrase(e.target.value) }),
        reponse);
    },
    renderExpert() {
      const { texte, resin } = this.state;
      const grille = lireOsm(texte);
      const proposition = resin && !resin.valide ? resin.proposition : null;
      return h('div', null,
        h('label', { htmlFor: this.props.forID, style: { display: 'block', margin: '0.3rem 0' } },
          'Horaires en syntaxe OpenStreetMap (mode expert)'),
        h('input', { id: this.props.forID, type: 'text', value: texte, style: STYLE.texte, spellCheck: false, onChange: (e) => this.saisirTexte(e.target.value) }),
        grille || resin?.valide === false ? null : h('p', { style: STYLE.note }, 'Ces horaires ne tiennent pas dans la grille de la semaine (semaines, mois, jours du mois, commentaires…) : ils sont gardés tels quels.'),
        this.renderLecture(),
        proposition ? h('div', { style: STYLE.lecture }, h('strong', null, 'resin propose :'), liste(proposition.lecture),
          h('button', { type: 'button', style: { ...STYLE.bouton, marginTop: '0.4rem' }, onClick: () => this.utiliser(proposition.valeur) }, 'Utiliser ces horaires')) : null,
        grille ? h('button', { type: 'button', style: STYLE.bouton, onClick: () => this.utiliser(texte) }, 'Revenir à la grille') : null);
    },
    render() {
      const { classNameWrapper, forID } = this.props;
      if (this.state.expert) return h('div', { className: classNameWrapper }, this.renderExpert(), this.renderPhrase());
      const { grille } = this.state;
      return h('div', { className: classNameWrapper },
        h('div', { id: forID, tabIndex: -1, role: 'group', 'aria-label': 'Horaires de la semaine' },
          grille.jours.map((plages, jour) => this.renderJour(plages, jour))),
        h('label', { style: STYLE.case },
          h('input', {
            type: 'checkbox', checked: grille.feries, style: { width: '24px', height: '24px' },
            onChange: (e) => { const oui = e.target.checked; this.changerGrille((g) => { g.feries = oui; }); },
          }),
          'Fermé les jours fériés'),
        this.renderLecture(),
        this.renderPhrase(),
        h('button', {
          type: 'button', style: STYLE.bouton,
          onClick: () => this.setState({ expert: true, texte: ecrireOsm(grille) }, () => document.getElementById(forID)?.focus()),
        }, 'Écrire en syntaxe OpenStreetMap (expert)'));
    },
  });

  const Apercu = createClass({
    render() {
      const grille = lireOsm(this.props.value);
      return h('div', null, grille ? liste(lectureGrille(grille)) : String(this.props.value ?? ''));
    },
  });

  CMS.registerWidget('resin-horaires', Horaires, Apercu);

  // --- Les fermetures : chacune dite en français, et « au » jamais avant « du ».

  const dateLue = (texte) => {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(String(texte ?? ''));
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  };
  const JOUR_DATE = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const ANNEE = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  // « lundi 21 décembre », « vendredi 1er janvier » ; avec l'année quand elle n'est pas celle
  // d'aujourd'hui ou de la suivante.
  function enFrancais(date) {
    const ecart = date.getUTCFullYear() - new Date().getFullYear();
    const proche = ecart === 0 || ecart === 1;
    const texte = (proche ? JOUR_DATE : ANNEE).format(date);
    return texte.replace(/^(\S+) 1 /, '$1 1er ');
  }

  function resumeFermeture(f) {
    const [du, au] = [dateLue(f.du), dateLue(f.au)];
    if (!du) return 'Fermeture sans date de début (« Du ») : à compléter.';
    const periode = !au || f.au === f.du ? `le ${enFrancais(du)}` : `du ${enFrancais(du)} au ${enFrancais(au)}`;
    const horaires = String(f.horaires ?? '').trim();
    let texte;
    if (!horaires) texte = `Fermé ${periode}`;
    else {
      // Les jours ouverts seulement : les autres jours de la période sont fermés.
      const grille = lireOsm(horaires);
      const ouverts = grille ? lectureGrille({ ...grille, feries: false }).filter((l) => !l.startsWith('Fermé')) : [horaires];
      const lecture = ouverts.map((l) => l.charAt(0).toLowerCase() + l.slice(1)).join(' ; ');
      texte = lecture ? `Horaires réduits ${periode} (${lecture})` : `Fermé ${periode}`;
    }
    const motif = String(f.motif ?? '').trim();
    return motif ? `${texte} — ${motif}` : texte;
  }

  function problemeFermeture(f, n) {
    const [du, au] = [dateLue(f.du), dateLue(f.au)];
    if (du && au && au < du) {
      return `Fermeture ${n} : le dernier jour (« Au », ${enFrancais(au)}) est avant le premier (« Du », ${enFrancais(du)}) ; mettez les dates dans l’ordre.`;
    }
    return null;
  }

  const fermetures = (value) => {
    const v = value?.toJS ? value.toJS() : value;
    return Array.isArray(v) ? v.filter((f) => f && typeof f === 'object') : [];
  };

  // La liste de Decap (déjà enveloppée par resin-cms.js) : pour `fermetures`, un résumé en
  // français au-dessus des fiches, et la vérification des dates avant l'enregistrement.
  function avecResume(Widget) {
    return createClass({
      isValid() {
        if (this.props.field.get('name') === 'fermetures') {
          const probleme = fermetures(this.props.value).map((f, i) => problemeFermeture(f, i + 1)).find(Boolean);
          if (probleme) return { error: { type: 'CUSTOM', message: probleme } };
        }
        return this.interne?.isValid ? this.interne.isValid() : true;
      },
      render() {
        const interne = h(Widget, { ...this.props, ref: (c) => { this.interne = c; } });
        if (this.props.field.get('name') !== 'fermetures') return interne;
        const liste = fermetures(this.props.value);
        return h('div', null,
          liste.length ? h('div', { style: STYLE.lecture, role: 'status' }, h('strong', null, 'En clair :'),
            h('ul', { style: { margin: '0.2rem 0 0', paddingLeft: '1.2rem' } }, liste.map((f, i) => {
              const probleme = problemeFermeture(f, i + 1);
              return h('li', { key: i }, resumeFermeture(f), probleme ? h('strong', { style: { display: 'block', color: '#b3261e' } }, probleme) : null);
            }))) : null,
          interne);
      },
    });
  }
  const listeDecap = CMS.getWidget('list');
  if (listeDecap) CMS.registerWidget('list', avecResume(listeDecap.control), listeDecap.preview);
})();
