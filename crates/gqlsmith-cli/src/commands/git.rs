//! `git:REF:PATH` inputs: a schema as it was at a git revision, as graphql-inspector reads
//! them (`gqlsmith diff git:origin/main:schema.graphql schema.graphql`). We run the user's
//! own `git`, so every revision syntax, remote-tracking branch and repository layout it knows
//! works here too, and nothing is linked in for it.

use std::path::Path;
use std::process::{Command, Stdio};

use gqlsmith::{Input, InputFormat};

/// Reads `REF:PATH` (the part after `git:`): PATH from the repository's root, or from the
/// current directory when written `./PATH`, as `git show REF:PATH` takes it.
pub(crate) fn read(spec: &str, format: Option<InputFormat>) -> Result<Input, String> {
    let label = format!("git:{spec}");
    // A revision cannot contain `:` (git check-ref-format), so the first one ends it.
    let Some((revision, path)) = spec
        .split_once(':')
        .filter(|(r, p)| !r.is_empty() && !p.is_empty())
    else {
        return Err(format!(
            "`{label}` is not a git input: write `git:REVISION:PATH`, such as `git:origin/main:schema.graphql`"
        ));
    };
    let git_dir = run_git(&["rev-parse", "--git-dir"])?;
    if !git_dir.status.success() {
        return Err(format!(
            "cannot read `{label}`: the current directory is not inside a git repository; run gqlsmith inside the repository whose history has the schema"
        ));
    }
    let commit = run_git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{revision}^{{commit}}"),
    ])?;
    if !commit.status.success() {
        return Err(format!(
            "cannot read `{label}`: the repository has no revision `{revision}`; check its spelling (`git branch -a` lists branches), or `git fetch` it first"
        ));
    }
    let object = format!("{revision}:{path}");
    let kind = run_git(&["cat-file", "-t", &object])?;
    if !kind.status.success() {
        return Err(format!(
            "cannot read `{label}`: `{path}` does not exist at `{revision}`; paths start at the repository's root (write `./{path}` for one relative to the current directory)"
        ));
    }
    if String::from_utf8_lossy(&kind.stdout).trim() != "blob" {
        return Err(format!(
            "cannot read `{label}`: `{path}` is a directory at `{revision}`; name a schema file inside it"
        ));
    }
    // The blob through the input size limit, as a file is read.
    let mut child = Command::new("git")
        .args(["cat-file", "blob", &object])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(cannot_run_git)?;
    let stdout = child.stdout.take().ok_or("git's output is not piped")?;
    let text = gqlsmith::read_text_from(stdout, &label);
    // Stop git if the limit stopped reading before the end of its output.
    let _ = child.kill();
    let _ = child.wait();
    let text = text.map_err(|error| error.to_string())?;
    let format = format.unwrap_or_else(|| InputFormat::from_path(Path::new(path)));
    Ok(Input::from_text(label, text, format))
}

fn run_git(args: &[&str]) -> Result<std::process::Output, String> {
    Command::new("git")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(cannot_run_git)
}

fn cannot_run_git(error: std::io::Error) -> String {
    format!("cannot run `git` for a `git:` input: {error}; install git, or check out the file and name it directly")
}
