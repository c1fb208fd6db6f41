// Chargé avant decap-cms.js : Decap attend, pour démarrer, que les scripts de resin
// (resin-*.js) aient ajouté leurs widgets, leurs phrases et leurs réglages ; demarrer.js le
// lance ensuite.
window.CMS_MANUAL_INIT = true;
