// L'éditeur en ligne de resin : le format « resin » des fiches, celui de `resin fmt`
// (src/format/), pour qu'un enregistrement ne change que les lignes des champs modifiés et que
// la relecture d'une demande de fusion reste lisible.
// - lecture : tout YAML que resin accepte, lu comme resin le lit (YAML 1.2 : `10:00` et
//   `oui` restent des textes) avec js-yaml (resin-format-yaml.js, recopié de npm) ;
// - écriture : les champs dans l'ordre du formulaire (celui de config.yml, que resin écrit
//   d'après le modèle de contenu), puis ceux que resin ne connaît pas ; un texte sans
//   guillemets quand il se relit à l'identique, entre guillemets doubles sinon ; une liste à
//   raison d'un élément par ligne ; les séances et fermetures une clé par ligne, dans l'ordre
//   du modèle ; le texte sous l'en-tête tel quel.
// Les règles sont celles de src/format/style.rs, écrites une seconde fois : un test
// (tests/integration/format.rs) vérifie que ce fichier réécrit chaque fiche d'exemple,
// formatée par resin, à l'octet près.
// Chargé après decap-cms.js (CMS) et resin-format-yaml.js (jsyaml) ; dans Node, pour les
// tests, il exporte ses fonctions.
(function () {
  'use strict';

  // Le YAML 1.2 de resin (serde_norway) : `~`, `null` ; `true`, `True` ; des entiers
  // décimaux sans zéro en tête, 0o, 0x, 0b ; des nombres à virgule avec un point ou un
  // exposant ; tout le reste est du texte (`10:00`, `yes`, `012`, `2026-11-25`).
  function schema(jsyaml) {
    const { Type, Schema, FAILSAFE_SCHEMA } = jsyaml;
    const scalaire = (tag, motifs, construire) =>
      new Type(tag, {
        kind: 'scalar',
        resolve: (d) => d !== null && motifs.some((m) => m.test(d)),
        construct: construire,
      });
    const entier = (d) => {
      const base = { '0o': 8, '0x': 16, '0b': 2 }[d.slice(0, 2)];
      return base ? parseInt(d.slice(2), base) : Number(d);
    };
    const flottant = (d) => {
      if (/nan$/i.test(d)) return NaN;
      if (/inf$/i.test(d)) return d.startsWith('-') ? -Infinity : Infinity;
      return Number(d);
    };
    return new Schema({
      include: [FAILSAFE_SCHEMA],
      implicit: [
        new Type('tag:yaml.org,2002:null', {
          kind: 'scalar',
          resolve: (d) => d === null || /^(~|null|Null|NULL|)$/.test(d),
          construct: () => null,
        }),
        scalaire('tag:yaml.org,2002:bool', [/^(true|True|TRUE|false|False|FALSE)$/], (d) => /^t/i.test(d)),
        scalaire('tag:yaml.org,2002:int', [/^[-+]?(0|[1-9][0-9]*)$/, /^0o[0-7]+$/, /^0x[0-9a-fA-F]+$/, /^0b[01]+$/], entier),
        scalaire(
          'tag:yaml.org,2002:float',
          [
            /^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+|\.[0-9]+[eE][-+]?[0-9]+)$/,
            /^[-+]?\.(inf|Inf|INF)$/,
            /^\.(nan|NaN|NAN)$/,
          ],
          flottant,
        ),
      ],
    });
  }

  // Une fiche lue : ses champs et son texte (`body`), à l'octet près après la ligne `---`
  // qui ferme l'en-tête.
  function lire(texte, jsyaml, schemaResin) {
    const sansBom = texte.replace(/^\uFEFF/, '');
    const lignes = sansBom.split('\n');
    if (lignes[0].trimEnd() !== '---') return { body: texte };
    const debut = lignes[0].length + 1;
    let position = debut;
    for (const ligne of lignes.slice(1)) {
      const fin = ligne.trimEnd();
      if (fin === '---' || fin === '...') {
        const champs = jsyaml.safeLoad(sansBom.slice(debut, position), { schema: schemaResin }) || {};
        return { ...champs, body: sansBom.slice(position + ligne.length + 1) };
      }
      position += ligne.length + 1;
    }
    return { body: texte };
  }

  // Ce que la configuration de l'éditeur (config.yml) dit de chaque collection : les champs
  // dans leur ordre, ceux qui sont des listes, l'ordre des clés de leurs éléments.
  function modele(config) {
    return ((config && config.collections) || []).map((collection) => {
      const champs = (collection.fields || []).filter((f) => f.name !== 'body');
      const liste = (f) => f.widget === 'list' || (f.widget === 'select' && f.multiple === true);
      return {
        noms: champs.map((f) => f.name),
        listes: new Set(champs.filter(liste).map((f) => f.name)),
        fiches: Object.fromEntries(
          champs.filter((f) => Array.isArray(f.fields)).map((f) => [f.name, f.fields.map((s) => s.name)]),
        ),
      };
    });
  }

  // Les caractères écrits comme un échappement entre guillemets : contrôles, séparateurs
  // invisibles, marque d'ordre des octets.
  const echappe = (c) => {
    const n = c.charCodeAt(0);
    return n <= 0x1f || (n >= 0x7f && n <= 0x9f) || [0x2028, 0x2029, 0xfeff, 0xfffe, 0xffff].includes(n);
  };
  const MOTS = ['null', '~', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '<<', '='];

  // Les nombres de tout lecteur YAML : `69008`, `-1.5e3`, `1_000`, `0x1F`, `.inf`, `10:00`.
  function commeUnNombre(bas) {
    const sansSigne = /^[-+]/.test(bas) ? bas.slice(1) : bas;
    if (sansSigne === '.inf' || sansSigne === '.nan') return true;
    const prefixe = ['0x', '0o', '0b'].find((p) => sansSigne.startsWith(p));
    if (prefixe) return /^[0-9a-f_]+$/.test(sansSigne.slice(2));
    return /[0-9]/.test(sansSigne) && /^[0-9_.:e+-]+$/.test(sansSigne);
  }

  // Un texte qui se relit à l'identique sans guillemets, pour tout lecteur YAML.
  function simple(s) {
    if (s === '') return false;
    const premier = s[0];
    const dernier = s[s.length - 1];
    if ('-?:,[]{}#&*!|>\'"%@`'.includes(premier) || /\s/.test(premier) || /\s/.test(dernier) || dernier === ':') {
      return false;
    }
    if ([...s].some(echappe) || s.includes(': ') || s.includes(' #') || s.startsWith('...')) return false;
    const bas = s.toLowerCase();
    if (MOTS.includes(bas)) return false;
    return !commeUnNombre(bas) || /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s);
  }

  function guillemets(s) {
    let sortie = '"';
    for (const c of s) {
      if (c === '"') sortie += '\\"';
      else if (c === '\\') sortie += '\\\\';
      else if (c === '\n') sortie += '\\n';
      else if (c === '\t') sortie += '\\t';
      else if (c === '\r') sortie += '\\r';
      else if (echappe(c)) sortie += '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      else sortie += c;
    }
    return sortie + '"';
  }

  const texte = (s) => (simple(s) ? s : guillemets(s));

  function nombre(n) {
    if (Number.isNaN(n)) return '.nan';
    if (n === Infinity) return '.inf';
    if (n === -Infinity) return '-.inf';
    return String(n);
  }

  const estObjet = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const definies = (o) => Object.keys(o).filter((k) => o[k] !== undefined);

  // Une valeur sur la ligne de sa clé.
  function enLigne(v) {
    if (v === null || v === undefined) return '';
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return nombre(v);
    if (Array.isArray(v)) return '[]';
    if (estObjet(v)) return '{}';
    return texte(String(v));
  }

  function entree(retrait, cle, valeur, ordre, lignes) {
    const marge = ' '.repeat(retrait);
    if (Array.isArray(valeur) && valeur.length > 0) {
      lignes.push(`${marge}${cle}:`);
      for (const element of valeur) item(retrait + 2, element, ordre, lignes);
    } else if (estObjet(valeur) && definies(valeur).length > 0) {
      lignes.push(`${marge}${cle}:`);
      objet(retrait + 2, valeur, [], lignes);
    } else if (valeur === null) {
      lignes.push(`${marge}${cle}:`);
    } else {
      lignes.push(`${marge}${cle}: ${enLigne(valeur)}`);
    }
  }

  function objet(retrait, o, ordre, lignes) {
    const rang = (k) => (ordre.includes(k) ? ordre.indexOf(k) : ordre.length);
    const cles = definies(o).sort((a, b) => rang(a) - rang(b));
    for (const k of cles) entree(retrait, texte(k), o[k], [], lignes);
  }

  function item(retrait, valeur, ordre, lignes) {
    const marge = ' '.repeat(retrait);
    const siennes = [];
    if (estObjet(valeur) && definies(valeur).length > 0) objet(retrait + 2, valeur, ordre, siennes);
    else if (Array.isArray(valeur) && valeur.length > 0) {
      for (const interne of valeur) item(retrait + 2, interne, [], siennes);
    } else if (valeur === null || valeur === undefined) siennes.push(`${marge}  null`);
    else siennes.push(`${marge}  ${enLigne(valeur)}`);
    siennes[0] = `${marge}- ${siennes[0].slice(retrait + 2)}`;
    lignes.push(...siennes);
  }

  // Une fiche écrite : `cles`, l'ordre des champs que Decap donne (celui de la collection),
  // désigne sa collection dans `modeles`.
  function ecrire(donnees, cles, modeles) {
    const { body = '', ...champs } = donnees;
    const ordreDecap = (cles || []).filter((k) => k !== 'body');
    const m = modeles.find((c) => c.noms.join('\n') === ordreDecap.join('\n'));
    const ordre = m ? m.noms : ordreDecap;
    const rang = (k) => (ordre.includes(k) ? ordre.indexOf(k) : ordre.length);
    const lignes = [];
    for (const nom of definies(champs).sort((a, b) => rang(a) - rang(b))) {
      let valeur = champs[nom];
      // Une valeur seule dans un champ liste : une liste d'un élément, comme resin la lit.
      if (m && m.listes.has(nom) && ['string', 'number', 'boolean'].includes(typeof valeur)) valeur = [valeur];
      entree(0, texte(nom), valeur, (m && m.fiches[nom]) || [], lignes);
    }
    return `---\n${lignes.map((l) => `${l}\n`).join('')}---\n${body}`;
  }

  const format = { schema, lire, modele, ecrire, texte };
  if (typeof module === 'object' && module.exports) {
    module.exports = format;
    return;
  }

  const { CMS, jsyaml } = window;
  if (!CMS || !jsyaml) return;
  const schemaResin = schema(jsyaml);
  let modeles = [];
  // La configuration que Decap lit aussi : l'ordre des champs et les listes.
  const lien = document.querySelector('link[rel="cms-config-url"]');
  if (lien) {
    fetch(lien.href)
      .then((reponse) => reponse.text())
      .then((yaml) => {
        modeles = modele(jsyaml.safeLoad(yaml));
      })
      .catch(() => {});
  }
  CMS.registerCustomFormat('resin', 'md', {
    fromFile: (contenu) => lire(contenu, jsyaml, schemaResin),
    toFile: (donnees, cles) => ecrire(donnees, cles, modeles),
  });
})();
