// Chargé après decap-cms.js et les scripts de resin (resin-*.js) : Decap démarre avec tout ce
// qu'ils ont ajouté (voir avant-decap.js).
window.CMS?.init();
