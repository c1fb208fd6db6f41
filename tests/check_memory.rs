//! Issue 19, defect 10: `resin check` took 2.5 times the memory of `resin build` (617 MiB
//! against 263 MiB at 10,000 places): it kept every rendered file. The bytes the library holds
//! at once (counted by this test binary's allocator, alone in its process) must be no more for
//! `check` than for `build`, which writes each file as it is produced. (The figures measured
//! on the real program are in `benches/measure.sh` and the README.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes allocated now and the most at once.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(size: usize) {
    let now = NOW.fetch_add(size, Ordering::SeqCst) + size;
    PEAK.fetch_max(now, Ordering::SeqCst);
}

// SAFETY: every call is passed on to `System`; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            grow(layout.size());
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(pointer, layout) };
        NOW.fetch_sub(layout.size(), Ordering::SeqCst);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let moved = unsafe { System.realloc(pointer, layout, size) };
        if !moved.is_null() {
            NOW.fetch_sub(layout.size(), Ordering::SeqCst);
            grow(size);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most bytes held at once while `run` runs, above what was held before.
fn peak(run: impl FnOnce()) -> usize {
    let before = NOW.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    run();
    PEAK.load(Ordering::SeqCst) - before
}

/// A site of `count` places.
fn site(root: &Path, count: usize) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(root.join("content/lieux")).unwrap();
    std::fs::create_dir_all(root.join("data/territoire")).unwrap();
    std::fs::copy(repo.join("content/site.yaml"), root.join("content/site.yaml")).unwrap();
    for file in std::fs::read_dir(repo.join("data/territoire")).unwrap() {
        let file = file.unwrap();
        std::fs::copy(file.path(), root.join("data/territoire").join(file.file_name())).unwrap();
    }
    for i in 0..count {
        let place = format!(
            "---\nnom: Médiathèque numéro {i}\nadresse: {i} place du 11 Novembre 1918\ncode_postal: \"69008\"\n\
             commune: Lyon 8e Arrondissement\ncode_insee: \"69388\"\nlatitude: 45.7372\nlongitude: 4.8710\n\
             horaires: \"Tu,Th 13:00-19:00; PH off\"\nservices: [Aide aux démarches administratives]\n\
             date_maj: 2026-03-03\n---\nBienvenue dans ce lieu où l'on apprend le numérique.\n"
        );
        std::fs::write(root.join(format!("content/lieux/lieu-{i}.md")), place).unwrap();
    }
}

#[test]
fn check_holds_no_more_than_build() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path(), 600);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let output = dir.path().join("public");
    // Once each first: what is made once per process (templates, tables) is not counted.
    resin::build(dir.path(), &output, today, None, false).unwrap();
    let build = peak(|| {
        let built = resin::build(dir.path(), &output, today, None, false).unwrap();
        assert!(built.written.is_some(), "{:?}", built.checked.diagnostics);
    });
    let check = peak(|| {
        let checked = resin::check(dir.path(), today, None).unwrap();
        assert_eq!(checked.errors(), 0, "{:?}", checked.diagnostics);
    });
    eprintln!("peak bytes held: check {check}, build {build}");
    assert!(check <= build + build / 10, "check holds {check} bytes at most, build {build}");
}
