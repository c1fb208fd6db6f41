//! The `resin` command: parses arguments, calls the library, prints, and exits with
//! 0 (success), 1 (content errors) or 2 (usage or environment error).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use resin::load::EntryKind;
use resin::{Checked, Error, Format, diagnostic};

/// resin publie l'annuaire Rés'IN des lieux de médiation numérique à partir des fichiers de `content/`.
#[derive(Parser)]
#[command(name = "resin", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Vérifie le contenu, puis construit le site dans le dossier de sortie.
    Build {
        /// Racine du site (le dossier qui contient `content/`).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Dossier de sortie (par défaut `public/` dans la racine).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Adresse publique du site, à la place de `url` dans site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Refuse aussi les avertissements.
        #[arg(long)]
        strict: bool,
    },
    /// Vérifie le contenu sans rien écrire et signale toutes les erreurs.
    Check {
        /// Racine du site (le dossier qui contient `content/`).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Format du rapport.
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
        /// Refuse aussi les avertissements.
        #[arg(long)]
        strict: bool,
    },
    /// Crée une nouvelle fiche avec tous ses champs commentés.
    New {
        /// Type de fiche.
        #[arg(value_enum)]
        kind: KindArg,
        /// Nom du lieu, titre de l'offre ou de la page.
        name: String,
        /// Racine du site (le dossier qui contient `content/`).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Lieu,
    Offre,
    Page,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("erreur : {error}");
            ExitCode::from(error.code() as u8)
        }
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
        eprintln!("Avec --strict, les avertissements comptent comme des erreurs.");
    }
    checked.fails(strict)
}

fn run(cli: Cli) -> Result<u8, Error> {
    let today = resin::today()?;
    match cli.command {
        Command::Check { root, format, strict } => {
            let checked = resin::check(&root, today, None)?;
            match format {
                FormatArg::Human => {
                    report(&checked, strict);
                    if checked.diagnostics.is_empty() {
                        eprintln!("Contenu vérifié : aucun problème.");
                    }
                }
                FormatArg::Json | FormatArg::Github => {
                    let format = if matches!(format, FormatArg::Json) { Format::Json } else { Format::Github };
                    print!("{}", diagnostic::render(&checked.diagnostics, &checked.sources, format, false));
                }
            }
            Ok(u8::from(checked.fails(strict)))
        }
        Command::Build { root, output, base_url, strict } => {
            let started = Instant::now();
            let output = output.unwrap_or_else(|| root.join("public"));
            let built = resin::build(&root, &output, today, base_url.as_deref(), strict)?;
            let fails = report(&built.checked, strict);
            match built.written {
                Some(count) => {
                    let site = built.checked.site.as_ref().expect("a written site was indexed");
                    eprintln!(
                        "Site construit dans {} : {} lieux, {} offres, {} pages ; {} fichiers en {} ms.",
                        output.display(),
                        site.entries.lieux.len(),
                        site.entries.offres.len(),
                        site.entries.pages.len(),
                        count,
                        started.elapsed().as_millis()
                    );
                    Ok(0)
                }
                None => {
                    debug_assert!(fails);
                    eprintln!("Rien n'a été publié : {} est inchangé.", output.display());
                    Ok(1)
                }
            }
        }
        Command::New { kind, name, root } => {
            let kind = match kind {
                KindArg::Lieu => EntryKind::Lieu,
                KindArg::Offre => EntryKind::Offre,
                KindArg::Page => EntryKind::Page,
            };
            let path = resin::scaffold::new_entry(&root, kind, &name, today)?;
            println!("{}", path.display());
            eprintln!("Fiche créée : complétez-la, puis lancez `resin check`.");
            Ok(0)
        }
    }
}
