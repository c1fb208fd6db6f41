//! The `resin` command: parses arguments, calls the library, prints, and exits with
//! 0 (success), 1 (content errors) or 2 (usage or environment error).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand, ValueEnum};

use resin::EntryKind;
use resin::Section;

/// A faster allocator: building a site allocates many small strings.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use resin::diagnostic::{Notice, UsageKind};
use resin::error::shown;
use resin::printable;
use resin::{Checked, Error, Format, diagnostic};

/// `resin --version`: the version and the commit it is built from (see `build.rs`).
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("RESIN_COMMIT"), ")");

/// Help in French: clap's own headings and flag texts are English.
const HELP_TEMPLATE: &str = "{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// resin publie l'annuaire Rés'IN des lieux de médiation numérique à partir des fichiers de `content/`.
#[derive(Parser)]
#[command(
    name = "resin",
    version = VERSION,
    about,
    long_about = None,
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "Commandes",
    subcommand_value_name = "COMMANDE",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    after_help = "Codes de sortie : 0 tout va bien, 1 erreurs dans le contenu, 2 erreur d'usage ou d'environnement.",
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Affiche l'aide.
    #[arg(short, long, action = ArgAction::Help, global = true)]
    help: Option<bool>,
    /// Affiche la version.
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Subcommand)]
enum Command {
    /// Vérifie le contenu, puis construit le site dans le dossier de sortie.
    #[command(help_template = HELP_TEMPLATE)]
    Build {
        /// Racine du site, le dossier qui contient `content/` (par défaut : le dossier courant).
        #[arg(long, value_name = "DOSSIER", default_value = ".", hide_default_value = true)]
        root: PathBuf,
        /// Dossier de sortie (par défaut : `public/` dans la racine du site).
        #[arg(long, value_name = "DOSSIER")]
        output: Option<PathBuf>,
        /// Adresse publique du site, à la place de `url` dans site.yaml.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Refuse aussi les avertissements.
        #[arg(long)]
        strict: bool,
    },
    /// Vérifie le contenu sans rien écrire et signale toutes les erreurs.
    #[command(help_template = HELP_TEMPLATE)]
    Check {
        /// Racine du site, le dossier qui contient `content/` (par défaut : le dossier courant).
        #[arg(long, value_name = "DOSSIER", default_value = ".", hide_default_value = true)]
        root: PathBuf,
        /// Format du rapport : human (lisible, par défaut), short (une ligne par problème), json (un objet
        /// par ligne), github (annotations) ou gitlab (rapport Code Quality).
        #[arg(long, value_enum, default_value = "human", hide_default_value = true, hide_possible_values = true)]
        format: FormatArg,
        /// Refuse aussi les avertissements.
        #[arg(long)]
        strict: bool,
    },
    /// Met les fiches de content/ dans le style que l'éditeur en ligne écrit (ordre des champs, guillemets,
    /// listes), pour que chaque modification ne change que ses lignes.
    #[command(help_template = HELP_TEMPLATE)]
    Fmt {
        /// Fiches à mettre en forme (par défaut : toutes les fiches de content/).
        #[arg(value_name = "FICHIERS")]
        files: Vec<PathBuf>,
        /// Racine du site, le dossier qui contient `content/` (par défaut : le dossier courant).
        #[arg(long, value_name = "DOSSIER", default_value = ".", hide_default_value = true)]
        root: PathBuf,
        /// Ne change rien : signale les lignes hors du style et sort avec le code 1 s'il y en a.
        #[arg(long)]
        check: bool,
        /// Format du rapport, comme pour check : human, short, json, github ou gitlab.
        #[arg(long, value_enum, default_value = "human", hide_default_value = true, hide_possible_values = true)]
        format: FormatArg,
    },
    /// Construit le site en mémoire et le sert en local ; chaque enregistrement le met à jour.
    #[command(help_template = HELP_TEMPLATE)]
    Serve {
        /// Racine du site, le dossier qui contient `content/` (par défaut : le dossier courant).
        #[arg(long, value_name = "DOSSIER", default_value = ".", hide_default_value = true)]
        root: PathBuf,
        /// Port HTTP (par défaut : 1111 ; 0 : un port libre au hasard).
        #[arg(long, value_name = "PORT", default_value_t = 1111, hide_default_value = true)]
        port: u16,
        /// Adresse d'écoute (par défaut : 127.0.0.1, cet ordinateur seulement).
        #[arg(long, value_name = "ADRESSE", default_value = "127.0.0.1", hide_default_value = true)]
        bind: std::net::IpAddr,
        /// Ouvre l'aperçu dans le navigateur.
        #[arg(long)]
        open: bool,
    },
    /// Importe des lieux d'un export du standard national (CSV ou JSON, v1 ou v0) dans content/lieux/.
    #[command(help_template = HELP_TEMPLATE)]
    Import {
        /// Fichier à importer : CSV (séparateur `,`, `;` ou tabulation) ou JSON.
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Racine du site, le dossier qui contient `content/` (par défaut : le dossier courant).
        #[arg(long, value_name = "DOSSIER", default_value = ".", hide_default_value = true)]
        root: PathBuf,
        /// Valeur du champ `source` des lieux qui n'en donnent pas (par exemple : Hinaura).
        #[arg(long, value_name = "NOM")]
        source: Option<String>,
        /// Affiche ce que l'import changerait, sans rien écrire.
        #[arg(long)]
        dry_run: bool,
        /// N'importe que ces communes : codes INSEE séparés par des virgules (69123 prend tout Lyon).
        #[arg(long, value_name = "CODES", value_delimiter = ',')]
        commune_filter: Vec<String>,
    },
    /// Écrit les schémas JSON des en-têtes de fiches, pour les éditeurs (validation, complétion).
    #[command(help_template = HELP_TEMPLATE)]
    Schema {
        /// Un seul type : lieu, offre, page, actualite, appel-a-projets, bonne-pratique, annonce ou evenement.
        #[arg(long = "type", value_enum, value_name = "TYPE", hide_possible_values = true)]
        kind: Option<KindArg>,
        /// Dossier où écrire `<type>.schema.json` (par défaut : schemas/ dans la racine du site) ; `-` pour la
        /// sortie standard (avec --type).
        #[arg(long, value_name = "DOSSIER")]
        out: Option<PathBuf>,
        /// Racine du site, le dossier qui contient `content/` (par défaut : le dossier courant).
        #[arg(long, value_name = "DOSSIER", default_value = ".", hide_default_value = true)]
        root: PathBuf,
    },
    /// Liste les lieux de la vérification la plus ancienne à la plus récente (`date_maj`), pour une campagne.
    #[command(name = "fraicheur", help_template = HELP_TEMPLATE)]
    Freshness {
        /// Racine du site, le dossier qui contient `content/` (par défaut : le dossier courant).
        #[arg(long, value_name = "DOSSIER", default_value = ".", hide_default_value = true)]
        root: PathBuf,
        /// Format : texte (par défaut) ou csv (fichier, nom, date, courriel : pour un publipostage).
        #[arg(long, value_enum, default_value = "texte", hide_default_value = true, hide_possible_values = true)]
        format: FreshnessFormat,
    },
    /// Crée une nouvelle fiche avec tous ses champs commentés.
    #[command(help_template = HELP_TEMPLATE)]
    New {
        /// Type de fiche : lieu, offre, page, actualite, appel-a-projets, bonne-pratique, annonce ou
        /// evenement ; ou site, un nouveau dépôt d'annuaire pour un autre territoire.
        #[arg(value_enum, value_name = "TYPE", hide_possible_values = true)]
        kind: KindArg,
        /// Nom du lieu, titre de l'offre ou de la page ; pour un site, le dossier à créer.
        #[arg(value_name = "NOM")]
        name: String,
        /// Racine du site, le dossier qui contient `content/` (par défaut : le dossier courant).
        #[arg(long, value_name = "DOSSIER", default_value = ".", hide_default_value = true)]
        root: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Short,
    Json,
    Github,
    Gitlab,
}

#[derive(Clone, Copy, ValueEnum)]
enum FreshnessFormat {
    #[value(name = "texte")]
    Text,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    #[value(name = "lieu")]
    Place,
    #[value(name = "offre")]
    Offer,
    Page,
    #[value(name = "actualite")]
    News,
    #[value(name = "appel-a-projets")]
    CallForProjects,
    #[value(name = "bonne-pratique")]
    GoodPractice,
    #[value(name = "annonce")]
    Announcement,
    #[value(name = "evenement")]
    Event,
    Site,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            // The arguments are the user's: escaped, as every value resin prints.
            eprintln!("erreur : {}\nPour l'aide : resin --help", printable(&usage_error(&error).to_string()));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("erreur : {error}");
            ExitCode::from(error.code() as u8)
        }
    }
}

/// clap's usage errors, told as [`UsageKind`]s for the common cases.
fn usage_error(error: &clap::Error) -> UsageKind {
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    // clap lists its suggestions from the least to the most likely: say the most likely one.
    let best = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::Strings(v)) => v.last().cloned().unwrap_or_default(),
        _ => context(kind),
    };
    let suggestion =
        [best(ContextKind::SuggestedSubcommand), best(ContextKind::SuggestedArg)].into_iter().find(|s| !s.is_empty());
    let option = || context(ContextKind::InvalidArg);
    match error.kind() {
        ErrorKind::InvalidSubcommand => {
            UsageKind::UnknownCommand { command: context(ContextKind::InvalidSubcommand), suggestion }
        }
        ErrorKind::UnknownArgument => UsageKind::UnknownOption { option: option(), suggestion },
        ErrorKind::InvalidValue if context(ContextKind::InvalidValue).is_empty() => {
            UsageKind::MissingValue { option: option() }
        }
        ErrorKind::ArgumentConflict => UsageKind::OptionConflict { option: option() },
        ErrorKind::InvalidValue => UsageKind::ValueNotAllowed {
            value: context(ContextKind::InvalidValue),
            option: option(),
            allowed: context(ContextKind::ValidValue),
        },
        ErrorKind::ValueValidation => {
            UsageKind::InvalidValue { value: context(ContextKind::InvalidValue), option: option() }
        }
        ErrorKind::MissingRequiredArgument => UsageKind::MissingArguments { arguments: option() },
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => UsageKind::NoCommand,
        _ => UsageKind::Arguments { message: error.kind().to_string() },
    }
}

fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints the human report of a check on stderr; returns whether the content fails.
fn report(checked: &Checked, strict: bool) -> bool {
    if !checked.diagnostics.is_empty() {
        eprint!("{}", diagnostic::render(&checked.diagnostics, &checked.sources, Format::Human, color()));
    }
    if strict && checked.errors() == 0 && !checked.diagnostics.is_empty() {
        eprintln!("{}", Notice::StrictWarnings);
    }
    checked.fails(strict)
}

/// The format of a report for a machine (`None`: for a person, on stderr).
fn machine(format: FormatArg) -> Option<Format> {
    match format {
        FormatArg::Human => None,
        FormatArg::Short => Some(Format::Short),
        FormatArg::Json => Some(Format::Json),
        FormatArg::Github => Some(Format::Github),
        FormatArg::Gitlab => Some(Format::Gitlab),
    }
}

fn run(cli: Cli) -> Result<u8, Error> {
    let today = resin::today()?;
    match cli.command {
        Command::Check { root, format, strict } => {
            let checked = resin::check(&root, today, None)?;
            match machine(format) {
                None => {
                    report(&checked, strict);
                    if checked.diagnostics.is_empty() {
                        eprintln!("{}", Notice::NoProblem);
                    }
                }
                Some(format) => print!("{}", diagnostic::render(&checked.diagnostics, &checked.sources, format, false)),
            }
            Ok(u8::from(checked.fails(strict)))
        }
        Command::Fmt { files, root, check, format } => {
            let formatted = resin::format::format(&resin::format::Options { root, files, check })?;
            let diagnostics = &formatted.diagnostics;
            match machine(format) {
                None if !diagnostics.is_empty() => {
                    eprint!("{}", diagnostic::render(diagnostics, &formatted.sources, Format::Human, color()));
                }
                None => {}
                Some(format) => print!("{}", diagnostic::render(diagnostics, &formatted.sources, format, false)),
            }
            let (files, changed) = (formatted.files, formatted.changed);
            let notice = if check {
                Notice::StyleChecked { differing: changed, files }
            } else {
                Notice::Formatted { changed, files }
            };
            eprintln!("{notice}");
            Ok(u8::from(!diagnostics.is_empty() || (check && changed > 0)))
        }
        Command::Build { root, output, base_url, strict } => {
            let started = Instant::now();
            let output = output.unwrap_or_else(|| root.join("public"));
            let built = resin::build(&root, &output, today, base_url.as_deref(), strict)?;
            let fails = report(&built.checked, strict);
            match built.written {
                Some(count) => {
                    let site = built.checked.site.as_ref().expect("a written site was indexed");
                    let built = Notice::Built {
                        output: shown(&output),
                        places: site.entries.places.len(),
                        offers: site.entries.offers.len(),
                        pages: site.entries.pages.len(),
                        publications: site.entries.network.len(),
                        files: count,
                        millis: started.elapsed().as_millis(),
                    };
                    eprintln!("{built}");
                    Ok(0)
                }
                None => {
                    debug_assert!(fails);
                    eprintln!("{}", Notice::NothingPublished { output: shown(&output) });
                    Ok(1)
                }
            }
        }
        Command::Serve { root, port, bind, open } => {
            resin::serve::serve(resin::serve::Options { root, port, bind, open })?;
            Ok(0)
        }
        Command::Import { file, root, source, dry_run, commune_filter } => {
            let options = resin::import::Options { root, file, source, dry_run, communes: commune_filter };
            let report = resin::import::import(&options, today)?;
            // A closed pipe (`resin import … | head`) is not an error of the import.
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), report.to_string().as_bytes());
            Ok(0)
        }
        Command::Freshness { root, format } => {
            let checked = resin::check(&root, today, None)?;
            let Some(site) = checked.site.as_ref() else {
                report(&checked, false);
                return Ok(1);
            };
            let list = resin::Freshness::new(site, &checked.sources);
            let bytes = match format {
                FreshnessFormat::Text => list.text().into_bytes(),
                FreshnessFormat::Csv => list.csv(),
            };
            // A closed pipe (`resin fraicheur | head`) is not an error.
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), &bytes);
            if matches!(format, FreshnessFormat::Csv) {
                eprintln!("{}", list.summary());
            }
            if checked.errors() > 0 {
                eprintln!("{}", Notice::FreshnessIncomplete { errors: checked.errors() });
            }
            Ok(0)
        }
        Command::Schema { kind, out, root } => {
            let kinds: Vec<EntryKind> = match kind {
                None => resin::schema::kinds().to_vec(),
                Some(KindArg::Site) => {
                    return Err(Error::Usage(UsageKind::SchemaOfSite));
                }
                Some(kind) => vec![entry_kind(kind)],
            };
            // The territorial fields and the communes of the site, when its site.yaml names some.
            let site = resin::schema_site(&root);
            match out {
                Some(dash) if dash.as_os_str() == "-" => {
                    let [kind] = kinds[..] else {
                        return Err(Error::Usage(UsageKind::SchemaOutWithoutType));
                    };
                    print!("{}", resin::schema::text(kind, &site));
                }
                out => {
                    let dir = out.unwrap_or_else(|| root.join("schemas"));
                    for path in resin::schema::write(&dir, &kinds, &site)? {
                        println!("{}", shown(&path));
                    }
                }
            }
            Ok(0)
        }
        Command::New { kind: KindArg::Site, name, .. } => {
            let dir = PathBuf::from(&name);
            for file in resin::scaffold::new_site(&dir, today)? {
                println!("{}", shown(&dir.join(file)));
            }
            eprintln!("{}", Notice::SiteCreated { name: printable(&name).into_owned() });
            Ok(0)
        }
        Command::New { kind, name, root } => {
            let kind = entry_kind(kind);
            let path = resin::scaffold::new_entry(&root, kind, &name, today)?;
            println!("{}", shown(&path));
            eprintln!("{}", Notice::EntryCreated);
            Ok(0)
        }
    }
}

/// The type of entry a `TYPE` argument names (`site` is handled before: it is not an entry).
fn entry_kind(kind: KindArg) -> EntryKind {
    match kind {
        KindArg::Place | KindArg::Site => EntryKind::Place,
        KindArg::Offer => EntryKind::Offer,
        KindArg::Page => EntryKind::Page,
        KindArg::News => EntryKind::Network(Section::News),
        KindArg::CallForProjects => EntryKind::Network(Section::CallsForProjects),
        KindArg::GoodPractice => EntryKind::Network(Section::GoodPractices),
        KindArg::Announcement => EntryKind::Network(Section::Exchange),
        KindArg::Event => EntryKind::Network(Section::Agenda),
    }
}
