// L'éditeur en ligne en français, aux couleurs du site, sans connexion dans l'aperçu.
// - les phrases de Decap : sa traduction française, complétée là où elle manque (Decap
//   écrit l'anglais à la place) et reprise là où elle parle de « entrée » ou d'anglais ;
// - la carte (Leaflet) : boutons et mention en français ;
// - ce que Decap écrit en dur en anglais (les listes de choix : « Remove … », « No options ») ;
// - le nom du site à la place du logo de Decap, et sur la page de connexion une phrase qui
//   dit à quoi elle sert ;
// - dans l'aperçu de `resin serve` (API locale de Decap), pas d'étape de connexion.
// La mise en page des petits écrans est dans resin-editeur.css.
// Chargé après decap-cms.js (qui fournit CMS) et avant que Decap ne lise sa configuration.
(function () {
  'use strict';
  const { CMS, L } = window;
  if (!CMS) return;
  const nbsp = '\u00a0';

  // Les phrases qui manquent à la traduction française de Decap 3.16, et celles qu'elle laisse
  // en anglais ou qui se lisent mal.
  const phrases = {
    auth: {
      loginWithForgejo: 'Se connecter avec Forgejo',
      loggingIn: 'Connexion en cours…',
    },
    app: {
      header: { media: 'Médias', workflow: 'Relecture', quickAdd: 'Créer' },
      app: { loadingConfig: 'Chargement de l’éditeur…', waitingBackend: 'En attente de la forge…' },
    },
    collection: {
      sidebar: { collections: 'Rubriques' },
      collectionTop: {
        newButton: `+${nbsp}%{collectionLabel}`,
        viewAsList: 'Afficher en liste',
        viewAsGrid: 'Afficher en grille',
      },
      entries: { unpublishedHeader: 'Fiches non publiées' },
    },
    editor: {
      editorControl: { field: { widgetLabel: 'Champ du formulaire' } },
      editorControlPane: {
        i18n: {
          copyFromLocale: 'Remplir depuis une autre langue',
          copyFromLocaleConfirm: `Remplir avec les données en %{locale}${nbsp}?\nTout ce qui est déjà écrit sera remplacé.`,
        },
      },
      editorInterface: { toggleNotes: 'Afficher les notes' },
      editorNotesPane: {
        title: 'Notes',
        emptyState: 'Pas encore de note. Ajoutez la première ci-dessous.',
        addNote: 'Ajouter une note',
        addPlaceholder: 'Ajouter une note…',
        editPlaceholder: 'Modifier la note…',
        save: 'Enregistrer',
        cancel: 'Annuler',
        edit: 'Modifier',
        delete: 'Supprimer',
        resolve: 'Marquer comme réglée',
        unresolve: 'Rouvrir',
        confirmDelete: `Supprimer cette note${nbsp}?`,
        shortcut: 'Astuce : Ctrl+Entrée ajoute la note.',
      },
      editorToolbar: {
        backCollection: `Retour à la liste${nbsp}: %{collectionLabel}`,
        statusInfoTooltipDraft: 'Brouillon : pour le faire relire, passez-le « En cours de révision ».',
        statusInfoTooltipInReview: 'En cours de relecture : rien d’autre à faire. Vous pouvez encore le modifier.',
        deleteUnpublishedChanges: 'Supprimer les modifications non publiées',
      },
      editorWidgets: {
        markdown: {
          strikethrough: 'Barré',
          linkPrompt: 'Adresse web du lien',
          toggleMode: { rich: 'Passer en texte enrichi', markdown: 'Passer en Markdown' },
        },
        image: {
          chooseMultiple: 'Choisir des images',
          addMore: 'Ajouter des images',
          removeAll: 'Retirer toutes les images',
        },
        file: {
          chooseMultiple: 'Choisir des fichiers',
          addMore: 'Ajouter des fichiers',
          removeAll: 'Retirer tous les fichiers',
        },
        datetime: { setToNow: 'Mettre la date du jour' },
        object: { expand: 'Déplier', collapse: 'Replier' },
        list: { addType: 'Ajouter : %{item}' },
      },
    },
    mediaLibrary: {
      mediaLibraryModal: { close: 'Fermer', private: 'Privé', mediaAssets: 'Médias', search: 'Rechercher…' },
      mediaLibrary: { onDelete: `Supprimer le fichier choisi${nbsp}?` },
    },
    ui: {
      settingsDropdown: { account: 'Menu du compte' },
      toast: {
        missingRequiredField: 'Un champ obligatoire est vide : remplissez-le avant d’enregistrer.',
        noteAdded: 'Note ajoutée',
        onFailToAddNote: 'La note n’a pas pu être ajoutée : %{details}',
        noteUpdated: 'Note modifiée',
        onFailToUpdateNote: 'La note n’a pas pu être modifiée : %{details}',
        noteDeleted: 'Note supprimée',
        onFailToDeleteNote: 'La note n’a pas pu être supprimée : %{details}',
        noteResolved: 'Note réglée',
        noteReopened: 'Note rouverte',
        onFailToToggleNote: 'La note n’a pas pu changer d’état : %{details}',
      },
    },
    workflow: {
      workflow: {
        workflowHeading: 'Relecture des modifications',
        newPost: 'Nouvelle fiche',
        // Les noms des mois seraient en anglais.
        dateFormat: 'DD/MM/YYYY',
      },
      workflowCard: { deleteChanges: 'Supprimer les modifications' },
    },
  };

  // « entrée » est le mot de Decap ; les animateurs parlent de fiches.
  const fiche = (texte) => texte
    .replace(/\bl'entrée/g, 'la fiche').replace(/\bL'entrée/g, 'La fiche')
    .replace(/entrée/g, 'fiche').replace(/Entrée/g, 'Fiche');

  // `base` complété par `ajout` (sans changer `base`), chaque texte de `base` passé à `fiche`.
  function fusion(base, ajout) {
    const resultat = {};
    for (const [cle, valeur] of Object.entries(base)) {
      resultat[cle] = typeof valeur === 'string' ? fiche(valeur) : fusion(valeur, {});
    }
    for (const [cle, valeur] of Object.entries(ajout)) {
      resultat[cle] = typeof valeur === 'string' ? valeur : fusion(resultat[cle] ?? {}, valeur);
    }
    return resultat;
  }
  // Les phrases déjà enregistrées (celles de Decap, ou d'un autre script de resin) sont gardées.
  CMS.registerLocale('fr', fusion(CMS.getLocale('fr') ?? {}, phrases));

  // La carte : mêmes mots que les cartes du site (cartes.js).
  if (L) {
    L.Control.Zoom.prototype.options.zoomInTitle = 'Zoomer';
    L.Control.Zoom.prototype.options.zoomOutTitle = 'Dézoomer';
    L.Control.Attribution.prototype.options.prefix = '<a href="https://leafletjs.com">Leaflet</a>';
    L.Marker.prototype.options.alt = 'Position du lieu';
  }

  // Dans l'aperçu de `resin serve`, Decap passe par l'API locale, qui n'a pas de compte : Decap
  // demande pourtant de « se connecter ». Un utilisateur de l'API locale (`proxy`) déjà noté le
  // fait entrer tout de suite ; ailleurs (la forge), Decap ignore cette note et demande de se
  // connecter. Un compte de forge déjà noté n'est pas touché.
  const locale = ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);
  const CLE = 'decap-cms-user';
  try {
    const note = JSON.parse(window.localStorage.getItem(CLE) ?? 'null');
    if (locale && (!note || note.backendName === 'proxy')) {
      window.localStorage.setItem(CLE, JSON.stringify({ ...note, backendName: 'proxy' }));
    }
  } catch {
    // Sans stockage local (navigation privée stricte), Decap demandera de se connecter.
  }

  // Ce que les listes de choix (react-select) disent aux lecteurs d'écran (ses messages par
  // défaut : Decap ne lui en donne pas d'autres).
  const annonces = [
    [/^Use Up and Down to choose options.*$/, () => 'Flèches haut et bas pour parcourir les choix, Entrée pour choisir, Échap pour fermer la liste.'],
    [/^.* is focused (,type to refine list)?, press Down to open the menu, ( press left to focus selected values)?$/,
      (m, filtre, choix) => `Liste de choix${filtre ? ' : tapez pour filtrer' : ''}, flèche bas pour l’ouvrir${choix ? ', flèche gauche pour revenir aux choix faits' : ''}.`],
    [/^Use left and right to toggle between focused values.*$/, () => 'Flèches gauche et droite pour parcourir les choix faits, retour arrière pour retirer celui-ci.'],
    [/^option (.*), deselected\.$/, (m, choix) => `${choix} : retiré.`],
    [/^All selected options have been cleared\.$/, () => 'Tous les choix ont été retirés.'],
    [/^option (.*) is disabled\. Select another option\.$/, (m, choix) => `${choix} : indisponible, choisissez-en un autre.`],
    [/^options? (.*), selected\.$/, (m, choix) => `${choix} : choisi.`],
    [/^value (.*) focused, (\d+) of (\d+)\.$/, (m, choix, rang, total) => `${choix}, choix fait ${rang} sur ${total}.`],
    [/^(.*?)( selected)?( disabled)?, (\d+) of (\d+)\.$/,
      (m, choix, fait, non, rang, total) => `${choix}${fait ? ', choisi' : ''}${non ? ', indisponible' : ''}, ${rang} sur ${total}.`],
    [/^(\d+) results? available( for search term (.*))?\.$/,
      (m, nombre, recherche, mot) => `${nombre === '0' ? 'Aucun' : nombre} choix${mot ? ` pour « ${mot} »` : ''}.`],
  ];
  function annonce(texte) {
    for (const [motif, francais] of annonces) if (motif.test(texte)) return texte.replace(motif, francais);
    return texte;
  }

  // Le nom du site : celui du bandeau de admin/index.html.
  const titre = document.querySelector('.resin-bandeau a')?.textContent ?? '';

  // Ce que les listes de choix (react-select) et les messages écrivent en anglais, sans moyen
  // de le traduire par la configuration ; la page de connexion.
  function franciser(racine) {
    for (const bouton of racine.querySelectorAll('[aria-label^="Remove "]')) {
      bouton.setAttribute('aria-label', `Retirer ${bouton.getAttribute('aria-label').slice(7)}`);
    }
    // La croix des messages (react-toastify).
    for (const bouton of racine.querySelectorAll('[aria-label="close"]')) bouton.setAttribute('aria-label', 'Fermer');
    const textes = document.createTreeWalker(racine, NodeFilter.SHOW_TEXT);
    while (textes.nextNode()) {
      const texte = textes.currentNode;
      if (texte.nodeValue === 'No options') texte.nodeValue = 'Aucun choix ne correspond';
      else if (texte.parentElement?.id.startsWith('aria-')) {
        const francais = annonce(texte.nodeValue);
        if (francais !== texte.nodeValue) texte.nodeValue = francais;
      }
    }
    // La page de connexion : le nom du site, et à quoi sert la connexion.
    for (const page of racine.querySelectorAll('[class*="-StyledAuthenticationPage"]')) {
      if (page.querySelector('.resin-connexion')) continue;
      const entete = document.createElement('div');
      entete.className = 'resin-connexion';
      const h1 = document.createElement('h1');
      h1.textContent = titre;
      const p = document.createElement('p');
      // Dans l'aperçu, après une déconnexion, Decap redemande de « Se connecter » (sans forge).
      const apercu = locale && !/avec/.test(page.querySelector('button')?.textContent ?? '');
      p.textContent = apercu
        ? 'Les fiches de ce dossier, sur cet ordinateur : pas de compte, « Se connecter » ouvre l’éditeur.'
        : 'Pour modifier les fiches de l’annuaire, connectez-vous avec votre compte de la forge '
          + 'où elles sont rangées. Chaque modification y est vérifiée avant d’être publiée.';
      entete.append(h1, p);
      page.prepend(entete);
    }
  }
  franciser(document.body);
  new MutationObserver((changements) => {
    for (const changement of changements) {
      const cible = changement.type === 'childList' ? changement.target : changement.target.parentElement;
      if (cible) franciser(cible);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label'] });
})();
