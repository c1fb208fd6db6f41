// L'éditeur en ligne de resin : ce que Decap CMS ne sait pas faire seul (la carte des
// coordonnées : resin-position.js).
// - les listes acceptent une valeur seule, comme resin : une fiche écrite
//   `site_web: https://…` s'ouvre.
// - avant l'enregistrement : les champs laissés vides ne sont pas écrits.
// - l'aperçu des fiches avec la feuille de style du site.
// Chargé après decap-cms.js, qui fournit CMS, createClass et h.
(function () {
  'use strict';
  const { CMS, createClass, h } = window;
  if (!CMS) return;
  const estImmutable = (v) => v !== null && typeof v === 'object' && typeof v.get === 'function';

  // Une valeur seule là où Decap attend une liste (resin lit `site_web: https://…` comme une
  // liste d'une adresse) : la liste d'une valeur, faite à partir d'un objet de la fiche.
  // Le contrôle de Decap reste derrière : ses validations (motifs des éléments) s'appliquent.
  function enListe(Widget) {
    return createClass({
      isValid() {
        return this.interne?.isValid ? this.interne.isValid() : true;
      },
      render() {
        const { value, field } = this.props;
        const seule = value !== null && value !== undefined && !estImmutable(value) && value !== '';
        const liste = seule ? field.toList().clear().push(value) : value;
        return h(Widget, { ...this.props, value: liste, ref: (c) => { this.interne = c; } });
      },
    });
  }
  const liste = CMS.getWidget('list');
  if (liste) CMS.registerWidget('list', enListe(liste.control), liste.preview);

  // Avant d'enregistrer : les champs vides ne sont pas écrits (Decap écrit `services: []`
  // pour une liste qu'on n'a pas touchée).
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      let data = entry.get('data');
      for (const [cle, v] of data.entrySeq().toArray()) {
        const vide = v === null || v === undefined || v === '' || (estImmutable(v) && v.size === 0);
        if (vide && cle !== 'body') data = data.delete(cle);
      }
      return data;
    },
  });

  CMS.registerPreviewStyle(new URL('../static/style.css', document.baseURI).href);
})();
