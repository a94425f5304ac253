//! The one writer of generated files: `gqlsmith generate`, the build helper
//! (`gqlsmith_build`), `generate_to_dir` and the CLI's `-o FILE` all write through here, so
//! the path checks, atomic replacement, file modes and the manifest are written once.
//!
//! A run has two phases. **Plan**: every file of every out dir is generated and its path
//! checked before anything touches the disk, so a failing target or a hostile path writes
//! nothing at all. **Apply** (see [`apply_all`]): lock every out dir, sweep what a killed run
//! left, stage every changed file under a temporary name, and only when all are staged rename
//! them into place, putting the old files back if a rename fails. With [`WriteMode::Check`]
//! the files are compared instead, under a shared lock.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Component, Path, PathBuf};

// Called by path (`FileExt::lock(&file)`): std's own `File::lock` (Rust 1.89) has the same
// names and is newer than our MSRV.
use fs4::FileExt;
use gqlsmith_codegen::{Config, GeneratedFile, Target, Templates};
use gqlsmith_model::Diagnostic;

use crate::load::Project;

/// The file in each out dir that lists, one relative path a line, the files gqlsmith wrote
/// there. The next run removes those it no longer writes, and `--check` reports them as
/// orphaned. Generated paths never have hidden components, so it cannot clash with one.
pub const MANIFEST_FILE: &str = ".gqlsmith-manifest";

/// The file in each out dir that a run locks while it writes there (and a `--check` while it
/// reads), so that two runs never mix their files. Never removed: removing a lock file races
/// with a run waiting on it.
pub const LOCK_FILE: &str = ".gqlsmith-lock";

/// How the names of gqlsmith's temporary files start: each file is written under such a name
/// beside its target, then renamed over it. One left behind was left by a killed run; the next
/// run removes it and `--check` reports it.
pub const TEMPORARY_PREFIX: &str = ".gqlsmith-tmp-";

/// The code of the diagnostic for an output that cannot be written.
pub(crate) const UNWRITABLE: (&str, &str) = ("B802", "unwritable-output");

/// Whether to write the files or only compare them with the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// Write what changed, remove what an earlier run wrote and this one does not.
    Write,
    /// Touch nothing; report what is missing, changed or orphaned.
    Check,
}

/// The files of one out dir: what to write there.
#[derive(Debug, Clone)]
pub struct Output {
    pub dir: PathBuf,
    pub files: Vec<GeneratedFile>,
    /// Whether gqlsmith owns the dir and keeps its [`MANIFEST_FILE`] (removing files it wrote
    /// before and no longer writes). False for a dir that several writers share, such as
    /// the build helper's `OUT_DIR/gqlsmith/`, which holds one file per `Builder` run.
    pub manifest: bool,
}

/// What happened in one out dir.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirReport {
    pub dir: PathBuf,
    /// Every generated file, in the emitter's order (written, unchanged, or checked).
    pub files: Vec<PathBuf>,
    /// Files whose bytes changed or that did not exist ([`WriteMode::Write`]).
    pub written: Vec<PathBuf>,
    /// Files an earlier run wrote (its manifest says) that this run no longer generates:
    /// removed by [`WriteMode::Write`], reported by [`WriteMode::Check`].
    pub orphaned: Vec<PathBuf>,
    /// [`WriteMode::Check`]: generated files that are not on disk.
    pub missing: Vec<PathBuf>,
    /// [`WriteMode::Check`]: generated files whose bytes on disk differ.
    pub changed: Vec<PathBuf>,
    /// Temporary files ([`TEMPORARY_PREFIX`]) a killed run left below the dir: removed by
    /// [`WriteMode::Write`], reported by [`WriteMode::Check`].
    pub leftovers: Vec<PathBuf>,
}

impl DirReport {
    /// True when a check found nothing to do.
    pub fn is_up_to_date(&self) -> bool {
        self.missing.is_empty()
            && self.changed.is_empty()
            && self.orphaned.is_empty()
            && self.leftovers.is_empty()
    }
}

/// Generates each `(target, dir)` pair and writes (or checks) the files below its dir: what
/// `gqlsmith generate` does. The targets are generated side by side; nothing is written
/// unless every target generated and every path stays inside its dir. A project with any
/// error-level diagnostic is refused with those diagnostics.
pub fn generate_targets_to_dirs(
    project: &Project,
    targets: &[(Target, PathBuf)],
    config: &Config,
    templates: &Templates,
    mode: WriteMode,
) -> Result<Vec<DirReport>, Vec<Diagnostic>> {
    let names: Vec<Target> = targets.iter().map(|(target, _)| *target).collect();
    let generated = crate::generate::generate_all(project, &names, config, templates)?;
    let mut outputs = Vec::with_capacity(targets.len());
    let mut diagnostics = Vec::new();
    for ((_, dir), result) in targets.iter().zip(generated) {
        match result {
            Ok(files) => outputs.push(Output {
                dir: dir.clone(),
                files,
                manifest: true,
            }),
            Err(found) => diagnostics.extend(found),
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    write_outputs(&outputs, mode)
}

/// Writes (or checks) already generated files: each output's files below its dir. Every path
/// is checked first (no `..`, no absolute path, no backslash, nothing empty), so one bad path
/// writes nothing. Then, per file: a file whose bytes are already right is not touched (its
/// modification time, and cargo's fingerprint, stay); a regular file is replaced atomically
/// (a temporary file beside it, then a rename) keeping its permissions; a new file gets the
/// mode `0666 & !umask`, as any program's new file; a file that is not regular (a FIFO,
/// `/dev/null`) is written into, not replaced; a symlink, or a symlinked directory, that
/// leads out of the out dir is refused.
pub fn write_outputs(
    outputs: &[Output],
    mode: WriteMode,
) -> Result<Vec<DirReport>, Vec<Diagnostic>> {
    let mut plans = Vec::with_capacity(outputs.len());
    let mut diagnostics = Vec::new();
    for output in outputs {
        let mut planned = Vec::with_capacity(output.files.len());
        for file in &output.files {
            match relative_path_inside(&file.path) {
                Ok(relative) => planned.push((relative, file.contents.as_bytes())),
                Err(diagnostic) => diagnostics.push(diagnostic),
            }
        }
        plans.push((output, planned));
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    match mode {
        WriteMode::Write => apply_all(&plans),
        WriteMode::Check => Ok(check_all(&plans)),
    }
}

/// Writes one file the user named (`-o FILE`, a baseline) the way [`write_outputs`] writes
/// each generated file: unchanged bytes are not rewritten, a regular file is replaced
/// atomically keeping its mode, a new file gets `0666 & !umask`, and a file that is not
/// regular (`/dev/null`, a FIFO) is written into. The path is the user's own, so a symlink is
/// followed.
pub fn write_file(path: &Path, contents: &[u8]) -> io::Result<()> {
    let target = match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    write_one(&target, contents)
}

/// A generated path as a relative path made only of normal components.
pub(crate) fn relative_path_inside(path: &str) -> Result<PathBuf, Diagnostic> {
    let relative = Path::new(path);
    let normal = relative
        .components()
        .all(|component| matches!(component, Component::Normal(_)));
    if path.is_empty() || !normal || path.contains('\\') {
        return Err(Diagnostic::error(
            UNWRITABLE.0,
            UNWRITABLE.1,
            format!("refusing to write `{path}`: it would leave the output directory"),
        )
        .with_help("generated paths must be relative and stay inside the output directory"));
    }
    Ok(relative.to_path_buf())
}

fn unwritable(what: String) -> Diagnostic {
    Diagnostic::error(UNWRITABLE.0, UNWRITABLE.1, what)
        .with_help("check that the output directory is writable")
}

/// One output and its files as relative paths (checked) with their bytes.
type Plan<'a> = (&'a Output, Vec<(PathBuf, &'a [u8])>);

/// One out dir of the plan: its (canonical) root and the files to write below it.
struct PlannedDir<'a> {
    output: &'a Output,
    root: PathBuf,
    planned: Vec<(PathBuf, &'a [u8])>,
}

/// A file written to its temporary name in the stage phase, renamed over its target in the
/// swap phase.
struct Staged {
    temporary: PathBuf,
    target: PathBuf,
    /// The bytes the target had (to put back when a later rename fails), or `None` for a new file.
    previous: Option<Vec<u8>>,
}

/// The write phase for every out dir, as one transaction. **Lock** each dir (so a concurrent
/// run waits instead of mixing its files with ours) and sweep the temporary files a killed run
/// left. **Stage** every changed file under a temporary name beside its target; any failure
/// removes what was staged, and the old files are untouched. **Swap**: rename each staged file
/// over its target, then remove orphans, then swap each manifest; a failed rename puts back
/// what was already swapped. Only the renames happen after the last thing that can commonly
/// fail, so a kill leaves at worst a few renames undone, and their temporary files are swept
/// by the next run.
fn apply_all(plans: &[Plan<'_>]) -> Result<Vec<DirReport>, Vec<Diagnostic>> {
    let mut dirs = Vec::with_capacity(plans.len());
    for (output, planned) in plans {
        let dir = &output.dir;
        fs::create_dir_all(dir).map_err(|error| {
            vec![unwritable(format!(
                "cannot create directory `{}`: {error}",
                dir.display()
            ))]
        })?;
        let root = dir.canonicalize().map_err(|error| {
            vec![unwritable(format!(
                "cannot resolve `{}`: {error}",
                dir.display()
            ))]
        })?;
        dirs.push(PlannedDir {
            output,
            root,
            planned: planned.clone(),
        });
    }
    let _locks = lock_all(&dirs, LockKind::Exclusive).map_err(|diagnostic| vec![diagnostic])?;
    let mut reports: Vec<DirReport> = dirs
        .iter()
        .map(|planned| DirReport {
            dir: planned.output.dir.clone(),
            leftovers: sweep_leftovers(&planned.output.dir, true),
            ..DirReport::default()
        })
        .collect();

    // Stage.
    let mut staged: Vec<Staged> = Vec::new();
    let mut direct: Vec<(PathBuf, &[u8])> = Vec::new();
    let mut manifests: Vec<Option<Staged>> = Vec::with_capacity(dirs.len());
    let staging = (|| -> Result<(), Diagnostic> {
        for (planned, report) in dirs.iter().zip(&mut reports) {
            let dir = &planned.output.dir;
            for (relative, contents) in &planned.planned {
                let path = dir.join(relative);
                let previous = fs::read(&path).ok();
                if previous.as_deref() != Some(*contents) {
                    let target = resolve_inside(&planned.root, dir, relative)?;
                    match stage_one(&target, contents, previous) {
                        Ok(Some(file)) => staged.push(file),
                        Ok(None) => direct.push((target, contents)),
                        Err(error) => {
                            return Err(unwritable(format!(
                                "cannot write `{}`: {error}",
                                path.display()
                            )))
                        }
                    }
                    report.written.push(path.clone());
                }
                report.files.push(path);
            }
            manifests.push(if planned.output.manifest {
                let text = manifest_text(&planned.planned);
                let path = dir.join(MANIFEST_FILE);
                let previous = fs::read(&path).ok();
                if previous.as_deref() == Some(text.as_bytes()) {
                    None
                } else {
                    stage_one(&path, text.as_bytes(), previous)
                        .map_err(|error| {
                            unwritable(format!("cannot write `{}`: {error}", path.display()))
                        })?
                        .map(Some)
                        .ok_or_else(|| {
                            unwritable(format!("`{}` is not a regular file", path.display()))
                        })?
                }
            } else {
                None
            });
        }
        Ok(())
    })();
    if let Err(diagnostic) = staging {
        for file in staged.iter().chain(manifests.iter().flatten()) {
            fs::remove_file(&file.temporary).ok();
        }
        return Err(vec![diagnostic]);
    }

    // Swap.
    swap(&staged)?;
    for (target, contents) in direct {
        // A FIFO or a device: written into, not replaced, and so not part of the rollback.
        let mut file = OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(|error| {
                vec![unwritable(format!(
                    "cannot write `{}`: {error}",
                    target.display()
                ))]
            })?;
        file.write_all(contents).map_err(|error| {
            vec![unwritable(format!(
                "cannot write `{}`: {error}",
                target.display()
            ))]
        })?;
    }
    for ((planned, report), manifest) in dirs.iter().zip(&mut reports).zip(manifests) {
        if !planned.output.manifest {
            continue;
        }
        let dir = &planned.output.dir;
        // Orphans before the manifest, so a kill in between leaves them listed for next time.
        for relative in orphans(&read_manifest(dir), &planned.planned) {
            // Only what the manifest names, only inside the dir, only regular files.
            let Ok(target) = resolve_inside(&planned.root, dir, &relative) else {
                continue;
            };
            if fs::symlink_metadata(&target).is_ok_and(|metadata| metadata.is_file())
                && fs::remove_file(&target).is_ok()
            {
                report.orphaned.push(dir.join(&relative));
            }
        }
        if let Some(manifest) = manifest {
            swap(std::slice::from_ref(&manifest))?;
        }
    }
    Ok(reports)
}

/// Renames each staged file over its target; when one fails, puts back the targets already
/// replaced (their old bytes, or no file) and removes the temporary files not yet renamed.
fn swap(staged: &[Staged]) -> Result<(), Vec<Diagnostic>> {
    for (done, file) in staged.iter().enumerate() {
        if let Err(error) = fs::rename(&file.temporary, &file.target) {
            for undone in &staged[done..] {
                fs::remove_file(&undone.temporary).ok();
            }
            for swapped in &staged[..done] {
                match &swapped.previous {
                    Some(bytes) => write_one(&swapped.target, bytes).ok(),
                    None => fs::remove_file(&swapped.target).ok(),
                };
            }
            return Err(vec![unwritable(format!(
                "cannot write `{}`: {error}; the files written before it were put back",
                file.target.display()
            ))]);
        }
    }
    Ok(())
}

/// Writes `contents` under a temporary name beside `target`, with the mode `target` has (or,
/// for a new file, `0666 & !umask`). `None` when `target` is not a regular file (a FIFO, a
/// device), which is written into instead of replaced.
fn stage_one(
    target: &Path,
    contents: &[u8],
    previous: Option<Vec<u8>>,
) -> io::Result<Option<Staged>> {
    let existing = fs::metadata(target).ok();
    if let Some(metadata) = &existing {
        if metadata.is_dir() {
            return Err(io::Error::other("it is a directory"));
        }
        if !metadata.is_file() {
            return Ok(None);
        }
    }
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (temporary, mut file) = create_temporary(&directory, target)?;
    let written = file
        .write_all(contents)
        .and_then(|()| file.sync_all())
        .and_then(|()| match &existing {
            Some(metadata) => fs::set_permissions(&temporary, metadata.permissions()),
            None => Ok(()),
        });
    if let Err(error) = written {
        fs::remove_file(&temporary).ok();
        return Err(error);
    }
    Ok(Some(Staged {
        temporary,
        target: target.to_path_buf(),
        previous,
    }))
}

#[derive(Clone, Copy)]
enum LockKind {
    /// A writing run: one at a time per out dir.
    Exclusive,
    /// A `--check`: any number at once, but not while a run writes.
    Shared,
}

/// Locks each distinct out dir through its [`LOCK_FILE`] (an advisory lock, fs4's flock), in the order of their canonical
/// paths so two runs over overlapping dirs cannot deadlock. Blocks while another run holds a
/// lock, as cargo does on its build directory: concurrent runs serialize, and the last one's
/// files win whole. A `Shared` lock is taken only where the lock file exists (a check creates
/// nothing). The locks are released when the returned files are dropped (or the process ends,
/// killed or not).
fn lock_all(dirs: &[PlannedDir<'_>], kind: LockKind) -> Result<Vec<File>, Diagnostic> {
    let mut roots: Vec<&Path> = dirs.iter().map(|dir| dir.root.as_path()).collect();
    roots.sort();
    roots.dedup();
    let mut locks = Vec::with_capacity(roots.len());
    for root in roots {
        let path = root.join(LOCK_FILE);
        let cannot =
            |error: io::Error| unwritable(format!("cannot lock `{}`: {error}", path.display()));
        let file = match kind {
            LockKind::Exclusive => OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .and_then(|file| FileExt::lock(&file).map(|()| file)),
            LockKind::Shared => match File::open(&path) {
                Ok(file) => FileExt::lock_shared(&file).map(|()| file),
                Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
                Err(error) => Err(error),
            },
        }
        .map_err(cannot)?;
        locks.push(file);
    }
    Ok(locks)
}

/// The temporary files below `dir` (not following symlinks) that a killed run left: their
/// names start with [`TEMPORARY_PREFIX`]. With `remove`, they are deleted; the caller holds the
/// dir's lock, so none of them belongs to a run still going.
fn sweep_leftovers(dir: &Path, remove: bool) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if file_type.is_dir() {
                pending.push(path);
            } else if file_type.is_file()
                && entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with(TEMPORARY_PREFIX)
                && (!remove || fs::remove_file(&path).is_ok())
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The check phase: compares byte for byte and touches nothing, under a shared lock on each
/// out dir that has a lock file, so it never sees a writing run's half-swapped files.
fn check_all(plans: &[Plan<'_>]) -> Vec<DirReport> {
    let dirs: Vec<PlannedDir<'_>> = plans
        .iter()
        .filter_map(|(output, planned)| {
            Some(PlannedDir {
                output,
                root: output.dir.canonicalize().ok()?,
                planned: planned.clone(),
            })
        })
        .collect();
    // A lock that cannot be taken (a read-only dir) does not stop a check: it reads only.
    let _locks = lock_all(&dirs, LockKind::Shared).ok();
    plans
        .iter()
        .map(|(output, planned)| check(&output.dir, planned, output.manifest))
        .collect()
}

/// The check phase for one out dir.
fn check(dir: &Path, planned: &[(PathBuf, &[u8])], manifest: bool) -> DirReport {
    let mut report = DirReport {
        dir: dir.to_path_buf(),
        leftovers: sweep_leftovers(dir, false),
        ..DirReport::default()
    };
    for (relative, contents) in planned {
        let path = dir.join(relative);
        match fs::read(&path) {
            Ok(bytes) if bytes == *contents => {}
            Ok(_) => report.changed.push(path.clone()),
            Err(_) => report.missing.push(path.clone()),
        }
        report.files.push(path);
    }
    let previous = if manifest {
        read_manifest(dir)
    } else {
        Vec::new()
    };
    for relative in orphans(&previous, planned) {
        let path = dir.join(&relative);
        if fs::symlink_metadata(&path).is_ok() {
            report.orphaned.push(path);
        }
    }
    report
}

/// The paths of the previous manifest that this run does not generate (checked like
/// generated paths: a tampered manifest cannot name a file outside the dir).
fn orphans(previous: &[String], planned: &[(PathBuf, &[u8])]) -> Vec<PathBuf> {
    previous
        .iter()
        .filter_map(|line| relative_path_inside(line).ok())
        .filter(|relative| !planned.iter().any(|(path, _)| path == relative))
        .collect()
}

fn read_manifest(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join(MANIFEST_FILE))
        .map(|text| {
            text.lines()
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn manifest_text(planned: &[(PathBuf, &[u8])]) -> String {
    let mut text = String::from(
        "# written by gqlsmith: the files it generated here, removed when no longer generated\n",
    );
    for (relative, _) in planned {
        // Checked: normal components only, so `/` joins them on every platform.
        let parts: Vec<_> = relative
            .components()
            .map(|part| part.as_os_str().to_string_lossy())
            .collect();
        text.push_str(&parts.join("/"));
        text.push('\n');
    }
    text
}

/// `dir/relative` with its parent created, refused when a symlinked directory on the way (or
/// a symlink at the file itself) leads outside `root` (the canonical `dir`). A symlink inside
/// the dir is followed, so the file it points to is what gets written.
fn resolve_inside(root: &Path, dir: &Path, relative: &Path) -> Result<PathBuf, Diagnostic> {
    let path = dir.join(relative);
    let parent = path.parent().unwrap_or(dir);
    fs::create_dir_all(parent).map_err(|error| {
        unwritable(format!(
            "cannot create directory `{}`: {error}",
            parent.display()
        ))
    })?;
    let outside = || {
        Diagnostic::error(
            UNWRITABLE.0,
            UNWRITABLE.1,
            format!(
                "refusing to write `{}`: it resolves outside `{}`",
                path.display(),
                dir.display()
            ),
        )
        .with_help("remove the symlink, or choose another output directory")
    };
    let parent = parent.canonicalize().map_err(|_| outside())?;
    if !parent.starts_with(root) {
        return Err(outside());
    }
    let file_name = path.file_name().ok_or_else(outside)?;
    let target = parent.join(file_name);
    match fs::symlink_metadata(&target) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            let resolved = target.canonicalize().map_err(|_| outside())?;
            if resolved.starts_with(root) {
                Ok(resolved)
            } else {
                Err(outside())
            }
        }
        _ => Ok(target),
    }
}

/// Writes `contents` to `path` (no symlink at `path` itself): into a non-regular file
/// directly, else through a temporary file and a rename.
fn write_one(path: &Path, contents: &[u8]) -> io::Result<()> {
    if let Some(parent) = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        fs::create_dir_all(parent)?;
    }
    match stage_one(path, contents, None)? {
        Some(staged) => fs::rename(&staged.temporary, path).inspect_err(|_| {
            fs::remove_file(&staged.temporary).ok();
        }),
        None => {
            // A FIFO or a device: replacing it would break whoever reads it.
            OpenOptions::new()
                .write(true)
                .open(path)?
                .write_all(contents)
        }
    }
}

/// A new, empty file beside `path` with a name no one else uses (created with
/// `create_new`, so never an existing file or a symlink planted there).
fn create_temporary(directory: &Path, path: &Path) -> io::Result<(PathBuf, File)> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let file_name = path
        .file_name()
        .map_or_else(|| "output".into(), |name| name.to_string_lossy());
    loop {
        let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
        // Recognisable (the prefix) and unique (process id, counter); the target's name,
        // shortened so the whole name stays within the usual 255-byte limit, says whose it is.
        let short: String = file_name.chars().take(64).collect();
        let temporary = directory.join(format!(
            "{TEMPORARY_PREFIX}{}-{unique}-{short}",
            std::process::id()
        ));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => return Ok((temporary, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, contents: &str) -> GeneratedFile {
        GeneratedFile {
            path: path.to_owned(),
            contents: contents.to_owned(),
        }
    }

    fn temporary_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("gqlsmith-write-{name}-{}", std::process::id()));
        fs::remove_dir_all(&dir).ok();
        dir
    }

    fn run(dir: &Path, files: &[(&str, &str)], mode: WriteMode) -> DirReport {
        let output = Output {
            dir: dir.to_path_buf(),
            files: files.iter().map(|(path, text)| file(path, text)).collect(),
            manifest: true,
        };
        write_outputs(&[output], mode).unwrap().remove(0)
    }

    #[test]
    fn generated_paths_stay_inside() {
        assert!(relative_path_inside("a/b.rs").is_ok());
        for path in ["", "../a.rs", "/etc/passwd", "a/../../b.rs", "a\\..\\b.rs"] {
            let diagnostic = relative_path_inside(path).unwrap_err();
            assert_eq!(
                diagnostic.to_string(),
                format!(
                    "error[B802]: refusing to write `{path}`: it would leave the output directory"
                )
            );
        }
    }

    #[test]
    fn one_bad_path_writes_nothing() {
        let dir = temporary_dir("bad-path");
        let output = Output {
            dir: dir.clone(),
            files: vec![file("a.rs", "a"), file("../b.rs", "b")],
            manifest: true,
        };
        assert!(write_outputs(&[output], WriteMode::Write).is_err());
        assert!(!dir.exists());
    }

    #[test]
    fn the_manifest_removes_and_reports_what_is_no_longer_generated() {
        let dir = temporary_dir("manifest");
        let first = run(&dir, &[("a.rs", "a"), ("sub/b.rs", "b")], WriteMode::Write);
        assert_eq!(first.written.len(), 2);
        assert_eq!(
            fs::read_to_string(dir.join(MANIFEST_FILE))
                .unwrap()
                .lines()
                .skip(1)
                .collect::<Vec<_>>(),
            ["a.rs", "sub/b.rs"]
        );
        fs::write(dir.join("mine.txt"), "the user's").unwrap();
        let checked = run(&dir, &[("a.rs", "A")], WriteMode::Check);
        assert_eq!(checked.changed, [dir.join("a.rs")]);
        assert_eq!(checked.orphaned, [dir.join("sub/b.rs")]);
        assert!(checked.missing.is_empty());
        let second = run(&dir, &[("a.rs", "A")], WriteMode::Write);
        assert_eq!(second.orphaned, [dir.join("sub/b.rs")]);
        assert!(!dir.join("sub/b.rs").exists());
        assert!(
            dir.join("mine.txt").exists(),
            "files gqlsmith did not write stay"
        );
        assert!(run(&dir, &[("a.rs", "A")], WriteMode::Check).is_up_to_date());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn modes_symlinks_and_special_files() {
        use std::os::unix::fs::{symlink, FileTypeExt, PermissionsExt};
        let dir = temporary_dir("modes");
        run(&dir, &[("new.rs", "1"), ("kept.rs", "1")], WriteMode::Write);
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        // New files: 0666 & !umask, which is never 0600 under the usual umasks (022, 002).
        assert_ne!(mode(&dir.join("new.rs")), 0o600);
        assert_eq!(mode(&dir.join("new.rs")) & 0o600, 0o600);
        fs::set_permissions(dir.join("kept.rs"), fs::Permissions::from_mode(0o640)).unwrap();
        run(&dir, &[("new.rs", "1"), ("kept.rs", "2")], WriteMode::Write);
        assert_eq!(fs::read_to_string(dir.join("kept.rs")).unwrap(), "2");
        assert_eq!(
            mode(&dir.join("kept.rs")),
            0o640,
            "an existing file keeps its mode"
        );

        let outside = temporary_dir("modes-outside");
        fs::create_dir_all(&outside).unwrap();
        symlink(&outside, dir.join("escape")).unwrap();
        let output = Output {
            dir: dir.clone(),
            files: vec![file("escape/x.rs", "x")],
            manifest: true,
        };
        let error = write_outputs(&[output], WriteMode::Write).unwrap_err();
        assert!(
            error[0].to_string().contains("resolves outside"),
            "{}",
            error[0]
        );
        symlink(outside.join("y.rs"), dir.join("y.rs")).unwrap();
        let output = Output {
            dir: dir.clone(),
            files: vec![file("y.rs", "y")],
            manifest: true,
        };
        assert!(write_outputs(&[output], WriteMode::Write).is_err());
        assert!(!outside.join("y.rs").exists());

        write_file(Path::new("/dev/null"), b"into the device, not over it").unwrap();
        assert!(fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device());
        fs::remove_dir_all(&dir).unwrap();
        fs::remove_dir_all(&outside).unwrap();
    }
}
