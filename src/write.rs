//! Write stage: render into a temporary folder beside the output, then swap it in.
//! (Filled in by the build pipeline; the type below is what render and export produce.)

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated, e.g. `lieux/mediatheque-du-bachut/index.html`.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}
