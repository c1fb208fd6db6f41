// L'éditeur en ligne de resin : « resin-position », la position d'un lieu, choisie sur une
// carte (Leaflet) ou saisie ; elle écrit `latitude` et `longitude`, deux champs du standard
// national. Pour un nouveau lieu, la carte va au centre de la commune choisie. Avant
// l'enregistrement, la position redevient deux nombres.
// Chargé après decap-cms.js, qui fournit CMS, createClass et h.
(function () {
  'use strict';
  const { CMS, createClass, h } = window;
  if (!CMS) return;

  const arrondi = (x) => Math.round(x * 1e6) / 1e6;
  const nombre = (v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    const texte = String(v ?? '').trim().replace(',', '.');
    if (!/^-?\d+(\.\d+)?$/.test(texte)) return null;
    return Number(texte);
  };
  const estImmutable = (v) => v !== null && typeof v === 'object' && typeof v.get === 'function';

  // La valeur du champ `latitude` tant que la fiche est ouverte : un objet { latitude,
  // longitude } qui garde le texte saisi (Decap ne laisse un champ écrire que lui-même) ; avant
  // l'enregistrement, elle redevient deux nombres (voir preSave plus bas).
  function saisie(latitude, longitude) {
    const valeurs = { latitude, longitude, resin: 'position' };
    return { get: (k) => valeurs[k], toJS: () => ({ ...valeurs }) };
  }
  const estSaisie = (v) => estImmutable(v) && v.get('resin') === 'position';
  const texte = (v) => (v === null || v === undefined ? '' : String(v));

  // Ce qui est affiché dans les deux cases : le texte saisi, ou les nombres de la fiche.
  function cases(value, entry) {
    if (estSaisie(value)) return { latitude: value.get('latitude'), longitude: value.get('longitude') };
    return { latitude: texte(value), longitude: texte(entry.getIn(['data', 'longitude'])) };
  }

  // Les deux nombres, ou null pour une case vide ou illisible.
  function nombres(value, entry) {
    const c = cases(value, entry);
    return { latitude: nombre(c.latitude), longitude: nombre(c.longitude) };
  }

  const Position = createClass({
    componentDidMount() {
      const { field, value, entry } = this.props;
      const L = window.L;
      if (!L || !this.carte) return;
      const centre = field.get('centre')?.toJS?.() ?? [46.6, 2.4];
      const p = nombres(value, entry);
      const ici = p.latitude !== null && p.longitude !== null ? [p.latitude, p.longitude] : null;
      this.map = L.map(this.carte, { scrollWheelZoom: false }).setView(ici ?? centre, ici ? 16 : field.get('zoom') ?? 11);
      L.tileLayer(field.get('tuiles'), { attribution: field.get('attribution'), maxZoom: 19 }).addTo(this.map);
      this.marker = ici ? L.marker(ici).addTo(this.map) : null;
      this.map.on('click', (e) => this.choisir(e.latlng.lat, e.latlng.lng));
      const regarder = () => this.regarder();
      this.carte.addEventListener('pointerenter', regarder);
      this.carte.addEventListener('focusin', regarder);
      this.vue = new IntersectionObserver((vus) => { if (vus.some((v) => v.isIntersecting)) regarder(); });
      this.vue.observe(this.carte);
    },
    // Un lieu sans position : la carte va au centre de la commune choisie quand on l'approche
    // (pointeur, clavier, défilement). Decap ne redessine pas ce champ quand un autre change :
    // la commune est lue dans la fiche en cours (getEntry).
    regarder() {
      if (!this.map || this.marker) return;
      const commune = this.props.getEntry?.()?.getIn(['data', 'commune']);
      if (!commune || commune === this.commune) return;
      this.commune = commune;
      const centre = this.props.field.getIn(['communes', commune])?.toJS?.();
      if (centre) this.map.setView(centre, 14, { animate: false });
    },
    // La valeur a changé (une saisie, un brouillon restauré) : le repère suit.
    componentDidUpdate() {
      const p = nombres(this.props.value, this.props.entry);
      if (!this.map) return;
      if (p.latitude === null || p.longitude === null) {
        this.marker?.remove();
        this.marker = null;
      } else if (this.marker) {
        this.marker.setLatLng([p.latitude, p.longitude]);
      } else {
        this.marker = window.L.marker([p.latitude, p.longitude]).addTo(this.map);
      }
    },
    componentWillUnmount() {
      this.vue?.disconnect();
      this.map?.remove();
    },
    // Decap demande si la valeur est bonne avant d'enregistrer : les deux cases, ou aucune.
    isValid() {
      const c = cases(this.props.value, this.props.entry);
      const p = nombres(this.props.value, this.props.entry);
      const vide = (t) => texte(t).trim() === '';
      for (const nom of ['latitude', 'longitude']) {
        if (!vide(c[nom]) && p[nom] === null) {
          return { error: { type: 'CUSTOM', message: `${nom} : un nombre en degrés décimaux, par exemple 45.7372` } };
        }
      }
      if (vide(c.latitude) !== vide(c.longitude)) {
        return { error: { type: 'CUSTOM', message: 'Donnez la latitude et la longitude, ou laissez les deux vides.' } };
      }
      return true;
    },
    choisir(latitude, longitude) {
      this.props.onChange(saisie(String(arrondi(latitude)), String(arrondi(longitude))));
    },
    saisir(nom, valeur) {
      const c = cases(this.props.value, this.props.entry);
      c[nom] = valeur;
      this.props.onChange(saisie(c.latitude, c.longitude));
    },
    render() {
      const { forID, classNameWrapper, value, entry } = this.props;
      const c = cases(value, entry);
      const champ = (nom, libelle) =>
        h('label', { style: { display: 'block', margin: '0.5rem 0' } }, `${libelle} `,
          h('input', {
            id: nom === 'latitude' ? forID : `${forID}-longitude`,
            type: 'text',
            inputMode: 'decimal',
            value: c[nom],
            onChange: (e) => this.saisir(nom, e.target.value),
          }));
      return h('div', { className: classNameWrapper },
        h('p', null, 'Cliquez sur la carte à l\'endroit du lieu, ou saisissez ses coordonnées (degrés décimaux).'),
        h('div', { ref: (el) => { this.carte = el; }, style: { height: '18rem' }, role: 'presentation' }),
        champ('latitude', 'Latitude'),
        champ('longitude', 'Longitude'));
    },
  });

  const Apercu = createClass({
    render() {
      const p = nombres(this.props.value, this.props.entry);
      return h('p', null, p.latitude !== null && p.longitude !== null ? `${p.latitude}, ${p.longitude}` : 'Position non renseignée');
    },
  });

  CMS.registerWidget('resin-position', Position, Apercu);


  // Avant d'enregistrer : la position redevient les deux champs du standard.
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = entry.get('data');
      const valeur = data.get('latitude');
      if (!estSaisie(valeur)) return data;
      const p = nombres(valeur, entry);
      // Deux cases vides : rien n'est écrit.
      if (p.latitude === null && p.longitude === null) return data.delete('latitude').delete('longitude');
      return data.set('latitude', p.latitude).set('longitude', p.longitude);
    },
  });
})();
