// ESLint (npm run lint) : les scripts du thème, et ceux des tests et des outils, avec les règles
// recommandées de @eslint/js.
// Les scripts du site public sont écrits en ES5 (var, function), en scripts classiques
// différés : ils tournent sur de vieux téléphones, et la syntaxe ES5 est vérifiée ici
// (ecmaVersion 5). L'éditeur en ligne (admin/resin-cms.js) suit Decap CMS, qui demande un
// navigateur récent. Les bibliothèques recopiées (vendor/, admin/decap-cms/,
// admin/resin-format-yaml.js) ne sont pas les nôtres : elles ne sont pas lues, ni ce que produit
// la construction (target/).
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: [
      'themes/resin/static/vendor/',
      'themes/resin/admin/decap-cms/',
      'themes/resin/admin/resin-format-yaml.js',
      'target/'
    ]
  },
  {
    files: ['themes/resin/static/**/*.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: {
        ...globals.browser,
        // Leaflet, chargé à la demande (cartes.js).
        L: 'readonly',
        // ECMA-402 n'est pas dans ES5 : ouverture.js vérifie qu'il est là avant de s'en servir.
        Intl: 'readonly'
      }
    },
    rules: {
      ...js.configs.recommended.rules,
      // En ES5, `catch (e)` doit nommer l'erreur même quand elle ne sert pas.
      'no-unused-vars': ['error', { caughtErrors: 'none' }]
    }
  },
  {
    // Le classement et les fonctions communes se chargent aussi dans Node (les tests).
    files: ['themes/resin/static/commun.js', 'themes/resin/static/orientation.js', 'themes/resin/static/annuaire/national.js'],
    languageOptions: { globals: { module: 'readonly', require: 'readonly' } }
  },
  {
    files: ['themes/resin/admin/*.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { ...globals.browser }
    }
  },
  {
    // Le format des fiches se charge aussi dans Node (les tests).
    files: ['themes/resin/admin/resin-format.js'],
    languageOptions: { globals: { module: 'readonly' } }
  },
  {
    // Les tests dans Chromium, les outils et la CI tournent dans Node ; les fonctions passées à
    // page.evaluate() tournent dans la page, d'où aussi les noms du navigateur.
    files: ['**/*.mjs', '**/*.cjs'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2024,
      globals: { ...globals.node, ...globals.browser }
    }
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } }
];
