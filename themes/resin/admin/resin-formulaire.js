// L'éditeur en ligne de resin : le formulaire d'une fiche, vérifié avant l'enregistrement avec
// les règles de `resin check`, et rempli dans l'ordre où l'on pense.
// Aucune règle n'est écrite ici : config.yml (écrit par resin d'après son modèle de contenu)
// donne à chaque champ son motif (`motif`, une expression régulière) et la phrase à afficher
// quand une valeur n'y répond pas (`message`, l'aide de `resin check`).
// - les champs texte vérifient leur motif avant l'enregistrement ;
// - la commune choisie remplit le code postal et le code INSEE (`resin-code-postal`,
//   `resin-code-insee`), et un code postal d'une autre commune est refusé ;
// - la date de mise à jour (`resin-date-du-jour`) est celle du jour, à chaque enregistrement ;
// - les champs techniques (`technique: true`) sont repliés sous un bouton « Champs techniques » ;
// - les listes disent « Ajouter un courriel » (`ajouter`) ;
// - les messages d'erreur s'écrivent comme des phrases (Decap les met en capitales).
// Chargé après decap-cms.js, qui fournit CMS, createClass et h.
(function () {
  'use strict';
  const { CMS, createClass, h } = window;
  if (!CMS) return;

  const texte = (v) => (v === null || v === undefined ? '' : String(v));
  const erreur = (message) => ({ error: { type: 'CUSTOM', message } });

  // Le motif d'un champ, lu avec le drapeau `u` comme les schémas JSON ; une valeur vide est
  // laissée à la vérification des champs obligatoires.
  function verifier(field, value) {
    const motif = field.get('motif');
    const valeur = texte(value);
    if (!motif || valeur === '') return true;
    return new RegExp(motif, 'u').test(valeur) ? true : erreur(field.get('message') || 'Valeur refusée.');
  }

  // Les champs texte de Decap, avec la vérification de leur motif avant l'enregistrement.
  function avecMotif(Widget) {
    return createClass({
      isValid() {
        const interne = this.interne?.isValid ? this.interne.isValid() : true;
        return interne === true ? verifier(this.props.field, this.props.value) : interne;
      },
      render() {
        return h(Widget, { ...this.props, ref: (c) => { this.interne = c; } });
      },
    });
  }
  for (const nom of ['string', 'text']) {
    const widget = CMS.getWidget(nom);
    if (widget) CMS.registerWidget(nom, avecMotif(widget.control), widget.preview, widget.schema);
  }

  // Les listes : le bouton dit « Ajouter un courriel » quand config.yml le donne (Decap écrit
  // « Ajouter » suivi du nom d'un élément, sans article).
  function avecBouton(Widget) {
    return createClass({
      isValid() {
        return this.interne?.isValid ? this.interne.isValid() : true;
      },
      render() {
        const { field, t } = this.props;
        const ajouter = field.get('ajouter');
        const traduire = (cle, valeurs) => (ajouter && cle === 'editor.editorWidgets.list.add' ? ajouter : t(cle, valeurs));
        return h(Widget, { ...this.props, t: traduire, ref: (c) => { this.interne = c; } });
      },
    });
  }
  const liste = CMS.getWidget('list');
  if (liste) CMS.registerWidget('list', avecBouton(liste.control), liste.preview, liste.schema);

  // Ce que les champs ont appris de config.yml, par collection, pour l'enregistrement (preSave
  // ne reçoit que la fiche) : les champs de date du jour, les tables des communes.
  const collections = new Map();
  function retenir(collection, champ, quoi) {
    const nom = collection?.get?.('name');
    if (!nom) return;
    if (!collections.has(nom)) {
      const techniques = collection.get('fields').filter((f) => f.get('technique')).map((f) => f.get('name'));
      collections.set(nom, { dates: new Set(), communes: new Map(), techniques: new Set(techniques) });
    }
    const c = collections.get(nom);
    if (quoi === 'date') c.dates.add(champ.get('name'));
    else c.communes.set(champ.get('name'), champ.get('communes'));
  }

  // Les listes de choix disent à la page quand on y choisit : les codes suivent la commune
  // (Decap ne redessine pas un champ quand un autre change).
  const select = CMS.getWidget('select');
  if (select) {
    const Select = select.control;
    CMS.registerWidget('select', createClass({
      isValid() {
        return this.interne?.isValid ? this.interne.isValid() : true;
      },
      render() {
        const { field, onChange } = this.props;
        const signaler = (valeur, ...reste) => {
          onChange(valeur, ...reste);
          window.dispatchEvent(new CustomEvent('resin-choix', { detail: { champ: field.get('name'), valeur } }));
        };
        return h(Select, { ...this.props, onChange: signaler, ref: (c) => { this.interne = c; } });
      },
    }), select.preview, select.schema);
  }

  // La commune de la fiche en cours (le champ que config.yml nomme `suit`).
  const communeDe = (props) => texte((props.getEntry?.() ?? props.entry)?.getIn(['data', props.field.get('suit')]));
  // Les codes de la commune (ceux de config.yml), ou rien pour une commune hors de la liste.
  const codesDe = (field, commune) => field.getIn(['communes', commune, 'codes'])?.toJS?.() ?? null;

  // Un code rempli d'après la commune : le code postal (à choisir quand la commune en a
  // plusieurs) ou le code INSEE (lu seulement, sauf pour une commune hors de la liste).
  function codeDeCommune(postal) {
    return createClass({
      componentDidMount() {
        retenir(this.props.collection, this.props.field, 'communes');
        this.commune = communeDe(this.props);
        this.ecouter = (e) => {
          if (e.detail.champ === this.props.field.get('suit')) this.suivre(texte(e.detail.valeur));
        };
        window.addEventListener('resin-choix', this.ecouter);
      },
      componentWillUnmount() {
        window.removeEventListener('resin-choix', this.ecouter);
      },
      shouldComponentUpdate() {
        return true;
      },
      // La commune a changé : le code suit.
      suivre(commune) {
        if (commune === this.commune) return;
        this.commune = commune;
        const codes = codesDe(this.props.field, commune);
        this.forceUpdate();
        if (!codes) return;
        const valeur = texte(this.props.value);
        if (codes.length === 1 || !postal) {
          if (valeur !== codes[0]) this.rempli(codes[0]);
        } else if (!codes.includes(valeur)) {
          this.rempli('');
        }
      },
      rempli(code) {
        this.auto = code !== '';
        this.props.onChange(code);
      },
      isValid() {
        const { field, value } = this.props;
        const forme = verifier(field, value);
        if (forme !== true) return forme;
        const codes = codesDe(field, this.commune);
        const valeur = texte(value);
        if (valeur === '' || !codes || codes.includes(valeur)) return true;
        return erreur(field.getIn(['communes', this.commune, 'message']));
      },
      render() {
        const { forID, classNameWrapper, value, field, setActiveStyle, setInactiveStyle } = this.props;
        const commune = this.commune ?? communeDe(this.props);
        const codes = codesDe(field, commune);
        const valeur = texte(value);
        const focus = { onFocus: setActiveStyle, onBlur: setInactiveStyle };
        let controle;
        if (postal && codes && codes.length > 1) {
          const choix = codes.includes(valeur) || valeur === '' ? codes : [valeur, ...codes];
          controle = h('select', { id: forID, className: classNameWrapper, value: valeur, ...focus,
            onChange: (e) => { this.auto = false; this.props.onChange(e.target.value); } },
          h('option', { value: '' }, 'Choisissez…'),
          ...choix.map((code) => h('option', { key: code, value: code }, code)));
        } else {
          const lu = !postal && codes !== null;
          controle = h('input', { id: forID, className: classNameWrapper, type: 'text', inputMode: lu ? undefined : 'numeric',
            readOnly: lu, value: valeur, ...focus,
            onChange: (e) => { this.auto = false; this.props.onChange(e.target.value); } });
        }
        let note = '';
        if (codes && postal && codes.length > 1) note = `Les codes postaux de ${commune} : choisissez celui du lieu.`;
        else if (codes && (this.auto || !postal)) note = `Rempli d'après la commune (${commune}).`;
        else if (!commune) note = 'Choisissez d\'abord la commune : le code se remplit tout seul.';
        return h('div', null, controle, h('p', { className: 'resin-note', 'aria-live': 'polite' }, note));
      },
    });
  }
  const Code = createClass({ render() { return h('p', null, texte(this.props.value)); } });
  CMS.registerWidget('resin-code-postal', codeDeCommune(true), Code);
  CMS.registerWidget('resin-code-insee', codeDeCommune(false), Code);

  // La date de la dernière vérification : celle du jour, écrite à chaque enregistrement.
  const aujourdhui = () => {
    const d = new Date();
    const deux = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${deux(d.getMonth() + 1)}-${deux(d.getDate())}`;
  };
  const DateDuJour = createClass({
    componentDidMount() {
      retenir(this.props.collection, this.props.field, 'date');
    },
    render() {
      const { forID, classNameWrapper, value } = this.props;
      const valeur = texte(value);
      return h('input', { id: forID, className: classNameWrapper, type: 'text', readOnly: true,
        value: valeur === '' ? `${aujourdhui()} (à l'enregistrement)` : valeur });
    },
  });
  CMS.registerWidget('resin-date-du-jour', DateDuJour, Code);

  // Avant d'enregistrer : la date du jour, et le code INSEE de la commune même quand on ne l'a
  // pas changée (une fiche qui n'en avait pas).
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      let data = entry.get('data');
      const c = collections.get(entry.get('collection'));
      if (!c) return data;
      for (const nom of c.dates) data = data.set(nom, aujourdhui());
      const insee = c.communes.get('code_insee')?.getIn([texte(data.get('commune')), 'codes', 0]);
      if (insee) data = data.set('code_insee', insee);
      return data;
    },
  });

  // Les champs techniques repliés sous un bouton, qu'on ouvre au clavier comme à la souris ; un
  // lecteur d'écran entend « Champs techniques, bouton, réduit ». Decap ne connaît pas de
  // groupe de champs qui n'en soit pas un dans le fichier : le bouton est posé devant le premier
  // champ technique de la fiche ouverte, et ces champs sont cachés tant qu'il est fermé.
  let ouverts = false;
  function replier() {
    const collection = /#\/collections\/([^/]+)\//.exec(location.hash)?.[1];
    const noms = collections.get(collection)?.techniques;
    const conteneurs = [];
    for (const etiquette of noms?.size ? document.querySelectorAll('label[for]') : []) {
      const nom = etiquette.htmlFor.replace(/-field-\d+$/, '');
      const conteneur = etiquette.parentElement?.parentElement;
      if (noms.has(nom) && conteneur) conteneurs.push(conteneur);
    }
    let bouton = document.getElementById('resin-techniques');
    if (!conteneurs.length) {
      bouton?.remove();
      return;
    }
    if (!bouton || bouton.nextElementSibling !== conteneurs[0]) {
      bouton?.remove();
      bouton = document.createElement('button');
      bouton.id = 'resin-techniques';
      bouton.type = 'button';
      bouton.className = 'resin-techniques';
      bouton.addEventListener('click', () => { ouverts = !ouverts; replier(); });
      conteneurs[0].before(bouton);
    }
    const texteBouton = `Champs techniques (${conteneurs.length}) ${ouverts ? '▾' : '▸'}`;
    if (bouton.textContent !== texteBouton) bouton.textContent = texteBouton;
    if (bouton.getAttribute('aria-expanded') !== String(ouverts)) bouton.setAttribute('aria-expanded', String(ouverts));
    for (const c of conteneurs) {
      if (c.hasAttribute('data-resin-replie') === ouverts) c.toggleAttribute('data-resin-replie', !ouverts);
    }
  }
  let prevu = false;
  new MutationObserver(() => {
    if (prevu) return;
    prevu = true;
    requestAnimationFrame(() => { prevu = false; replier(); });
  }).observe(document.body, { childList: true, subtree: true });

  // Les phrases de resin en minuscules comme elles sont écrites, à gauche sous le champ ; les
  // champs repliés ; le bouton des champs techniques.
  const style = document.createElement('style');
  style.textContent = `
    [class*="ControlErrorsList"] { text-transform: none; text-align: left; font-size: 15px; font-weight: 600; }
    [data-resin-replie] { display: none !important; }
    .resin-note { margin: 0.25rem 0 0; font-size: 14px; }
    .resin-techniques { display: block; margin: 1.5rem 0 1rem; min-height: 44px; padding: 0.5rem 1rem; font: inherit;
      font-weight: 600; border: 2px solid currentColor; border-radius: 6px; background: #fff; cursor: pointer; }
  `;
  document.head.append(style);
})();
