// L'éditeur en ligne de resin : ce que Decap CMS ne sait pas faire seul.
// - « resin-position » : la position d'un lieu, choisie sur une carte (Leaflet) ou saisie ;
//   elle écrit `latitude` et `longitude`, deux champs du standard national. Pour un nouveau
//   lieu, la carte va au centre de la commune choisie.
// - l'aperçu des fiches avec la feuille de style du site.
// Chargé après decap-cms.js, qui fournit CMS, createClass et h.
(function () {
  'use strict';
  const { CMS, createClass, h } = window;
  if (!CMS) return;

  const arrondi = (x) => Math.round(x * 1e6) / 1e6;
  const nombre = (v) => {
    const n = typeof v === 'number' ? v : parseFloat(String(v ?? '').replace(',', '.'));
    return Number.isFinite(n) ? n : null;
  };

  // La valeur du champ `latitude` tant que la fiche est ouverte : { latitude, longitude }
  // (Decap ne laisse un champ écrire que lui-même) ; avant l'enregistrement, elle redevient
  // deux nombres (voir preSave plus bas).
  const position = (value, entry) => {
    if (value && typeof value.get === 'function') {
      return { latitude: nombre(value.get('latitude')), longitude: nombre(value.get('longitude')) };
    }
    return { latitude: nombre(value), longitude: nombre(entry.getIn(['data', 'longitude'])) };
  };

  const Position = createClass({
    componentDidMount() {
      const { field, value, entry } = this.props;
      const L = window.L;
      if (!L || !this.carte) return;
      const centre = field.get('centre')?.toJS?.() ?? [46.6, 2.4];
      const p = position(value, entry);
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
    componentWillUnmount() {
      this.vue?.disconnect();
      this.map?.remove();
    },
    choisir(latitude, longitude) {
      const lat = arrondi(latitude);
      const lon = arrondi(longitude);
      if (this.map) {
        if (this.marker) this.marker.setLatLng([lat, lon]);
        else this.marker = window.L.marker([lat, lon]).addTo(this.map);
      }
      this.props.onChange(immutableMap(lat, lon));
    },
    saisir(nom, texte) {
      const p = position(this.props.value, this.props.entry);
      p[nom] = nombre(texte);
      this.props.onChange(immutableMap(p.latitude, p.longitude));
      if (p.latitude !== null && p.longitude !== null && this.map) {
        if (this.marker) this.marker.setLatLng([p.latitude, p.longitude]);
        else this.marker = window.L.marker([p.latitude, p.longitude]).addTo(this.map);
      }
    },
    render() {
      const { forID, classNameWrapper, value, entry } = this.props;
      const p = position(value, entry);
      const saisie = (nom, libelle) =>
        h('label', { style: { display: 'block', margin: '0.5rem 0' } }, `${libelle} `,
          h('input', {
            id: nom === 'latitude' ? forID : `${forID}-longitude`,
            type: 'text',
            inputMode: 'decimal',
            value: p[nom] ?? '',
            onChange: (e) => this.saisir(nom, e.target.value),
          }));
      return h('div', { className: classNameWrapper },
        h('p', null, 'Cliquez sur la carte à l\'endroit du lieu, ou saisissez ses coordonnées (degrés décimaux).'),
        h('div', { ref: (el) => { this.carte = el; }, style: { height: '18rem' }, role: 'presentation' }),
        saisie('latitude', 'Latitude'),
        saisie('longitude', 'Longitude'));
    },
  });

  // Un objet Immutable comme ceux de Decap, sans dépendre de la façon dont il expose la
  // bibliothèque : `get` et `toJS` suffisent à preSave et au contrôle.
  function immutableMap(latitude, longitude) {
    const valeurs = { latitude, longitude };
    return { get: (k) => valeurs[k], toJS: () => ({ ...valeurs }) };
  }

  const Apercu = createClass({
    render() {
      const p = position(this.props.value, this.props.entry);
      return h('p', null, p.latitude !== null ? `${p.latitude}, ${p.longitude}` : 'Position non renseignée');
    },
  });

  CMS.registerWidget('resin-position', Position, Apercu);

  // Avant d'enregistrer : la position redevient les deux champs du standard.
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = entry.get('data');
      const valeur = data.get('latitude');
      if (!valeur || typeof valeur.get !== 'function') return data;
      const p = position(valeur, entry);
      return data.set('latitude', p.latitude).set('longitude', p.longitude);
    },
  });

  CMS.registerPreviewStyle(new URL('../static/style.css', document.baseURI).href);
})();
