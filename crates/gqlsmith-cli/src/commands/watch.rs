//! `generate --watch`: generate, then generate again whenever a file the run read changes.
//!
//! The file-system events come from notify (inotify, FSEvents, ReadDirectoryChangesW) through
//! notify-debouncer-mini, which gathers the burst of events one save makes (editors write a
//! temporary file and rename it over the original) into one batch, so one save is one run.
//! Directories are watched rather than files: a rename over a watched file would end a
//! watch on the file itself. Events are then kept only for the files that matter.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;

use super::generate::{generate_once, GenerateArgs};
use super::is_local_file;
use crate::config::Config;
use crate::report::{count, Exit, Reporter};

/// How long the filesystem must be quiet after an event before a run starts.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// The files whose changes start a run, keyed by canonical directory and file name.
#[derive(Debug, Default, PartialEq, Eq)]
struct Watched {
    /// Inputs, the config, the overlay, the reference, and the documents found.
    files: BTreeSet<PathBuf>,
    /// Directories of documents: a new document file there may match a glob.
    document_dirs: BTreeSet<PathBuf>,
    /// Template directories, watched with everything below them.
    template_dirs: BTreeSet<PathBuf>,
}

impl Watched {
    /// What the next run reads, from the arguments and the config as they are now.
    fn of(args: &GenerateArgs) -> Watched {
        let mut watched = Watched::default();
        let config_path = args
            .input
            .config
            .clone()
            .unwrap_or_else(|| PathBuf::from("gqlsmith.toml"));
        watched.add_file(&config_path);
        // A config that does not load (mid-edit) still has its own path watched above.
        let config = Config::load(args.input.config.as_deref()).unwrap_or_default();
        let [overlay, reference] = args.input.overlay_and_reference(&config);
        for path in args
            .input
            .input_paths(&config)
            .into_iter()
            .chain(overlay)
            .chain(reference)
            .filter(|path| is_local_file(path))
        {
            watched.add_file(&path);
        }
        if let Ok(Some(files)) = args.documents.files(&config) {
            for file in files {
                if let Some(key) = watch_key(Path::new(&*file.label)) {
                    watched
                        .document_dirs
                        .extend(key.parent().map(Path::to_path_buf));
                    watched.files.insert(key);
                }
            }
        }
        if let Some(dir) = args
            .templates
            .as_deref()
            .and_then(|dir| dir.canonicalize().ok())
        {
            watched.template_dirs.insert(dir);
        }
        watched
    }

    fn add_file(&mut self, path: &Path) {
        if let Some(key) = watch_key(path) {
            self.files.insert(key);
        }
    }

    /// The directories to watch, and how.
    fn directories(&self) -> BTreeSet<(PathBuf, bool)> {
        let parents = self
            .files
            .iter()
            .filter_map(|file| file.parent())
            .chain(self.document_dirs.iter().map(PathBuf::as_path))
            .map(|dir| (dir.to_path_buf(), false));
        let recursive = self.template_dirs.iter().map(|dir| (dir.clone(), true));
        parents.chain(recursive).collect()
    }

    /// Whether a change to `path` (as the watcher reports it) should start a run.
    fn is_relevant(&self, path: &Path) -> bool {
        let Some(key) = watch_key(path) else {
            return false;
        };
        if self.files.contains(&key) || self.template_dirs.iter().any(|dir| key.starts_with(dir)) {
            return true;
        }
        let in_document_dir = key
            .parent()
            .is_some_and(|dir| self.document_dirs.contains(dir));
        let name = key.to_string_lossy();
        let is_document = name.ends_with(".graphql")
            || name.ends_with(".gql")
            || gqlsmith::operations::is_host_file(&name);
        in_document_dir && is_document
    }
}

/// A path as the watcher reports it: its directory canonical (symlinks and `..` resolved),
/// then its file name. `None` when the directory does not exist.
fn watch_key(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    Some(parent.canonicalize().ok()?.join(name))
}

pub(crate) fn run(args: &GenerateArgs, reporter: &Reporter) -> Result<Exit, String> {
    if args.input.inputs.iter().any(|path| path.as_os_str() == "-") {
        return Err(
            "`generate --watch` cannot watch standard input: name the schema file".to_owned(),
        );
    }
    let (sender, events) = mpsc::channel();
    let mut debouncer = notify_debouncer_mini::new_debouncer(DEBOUNCE, sender)
        .map_err(|error| format!("cannot watch files: {error}"))?;
    let mut watching: BTreeSet<(PathBuf, bool)> = BTreeSet::new();
    loop {
        run_once(args, reporter);
        let watched = Watched::of(args);
        let wanted = watched.directories();
        for (dir, _) in watching.difference(&wanted) {
            let _ = debouncer.watcher().unwatch(dir);
        }
        for (dir, recursive) in wanted.difference(&watching) {
            let mode = if *recursive {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            debouncer
                .watcher()
                .watch(dir, mode)
                .map_err(|error| format!("cannot watch `{}`: {error}", dir.display()))?;
        }
        if watching.is_empty() {
            reporter.status(&format!(
                "watching {} for changes; press Ctrl-C to stop",
                count(watched.files.len(), "file", "files")
            ));
        }
        watching = wanted;
        // Wait for a batch with a change that matters; the others (our own output, an
        // editor's swap files) are dropped.
        loop {
            let batch = events
                .recv()
                .map_err(|_| "the file watcher stopped".to_owned())?;
            match batch {
                Ok(batch) if batch.iter().any(|event| watched.is_relevant(&event.path)) => break,
                Ok(_) => {}
                Err(error) => return Err(format!("the file watcher failed: {error}")),
            }
        }
    }
}

/// One run whose failure is shown, not fatal: the next save may fix it.
fn run_once(args: &GenerateArgs, reporter: &Reporter) {
    match generate_once(args, reporter) {
        Ok(Exit::Success) => {}
        Ok(_) => eprintln!("generate failed (see above); waiting for changes"),
        Err(failure) => eprintln!("error: {failure}\ngenerate failed; waiting for changes"),
    }
}
