// Vérification des en-têtes des fiches dans VS Code, pendant la frappe : l'extension
// « remark » (unifiedjs.vscode-remark) compare chaque en-tête au schéma de son type, écrit par
// resin dans schemas/ (`resin schema` le réécrit après un changement de content/site.yaml).
// Une fois : `npm ci` dans ce dossier. La vérification qui fait foi reste `resin check`.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      {
        schemas: {
          './schemas/lieu.schema.json': ['./content/lieux/**/*.md'],
          './schemas/offre.schema.json': ['./content/offres/**/*.md'],
          './schemas/page.schema.json': ['./content/pages/**/*.md'],
          './schemas/actualite.schema.json': ['./content/actualites/**/*.md'],
          './schemas/appel-a-projets.schema.json': ['./content/appels-a-projets/**/*.md'],
          './schemas/bonne-pratique.schema.json': ['./content/bonnes-pratiques/**/*.md'],
          './schemas/annonce.schema.json': ['./content/bourse/**/*.md'],
          './schemas/evenement.schema.json': ['./content/agenda/**/*.md'],
        },
        // Les schémas suivent la version 2020-12 de JSON Schema, que ce vérificateur lit
        // sans la reconnaître : il en applique les règles communes (types, listes de
        // valeurs, champs obligatoires ou inconnus).
        ajvOptions: { strict: false, validateSchema: false },
      },
    ],
  ],
};
