//! `gqlsmith introspect URL`: a running server's schema, fetched with the standard
//! introspection query (the facade's `fetch_introspection`), written as SDL or JSON.

use std::path::{Path, PathBuf};

use gqlsmith::{load, Input, LoadOptions};

use super::HttpArgs;
use crate::report::{count, exit_for, is_stdout, write_file, Exit, Reporter};

#[derive(clap::Args, Debug)]
pub(crate) struct IntrospectArgs {
    /// The server's GraphQL endpoint, such as `https://api.example.com/graphql`.
    #[arg(value_name = "URL")]
    pub(crate) url: String,
    #[command(flatten)]
    pub(crate) http: HttpArgs,
    /// Write to FILE (atomically) instead of standard output; `-` is standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// What to write. Default: introspection JSON when FILE ends in `.json`, else SDL.
    #[arg(long, value_enum)]
    pub(crate) to: Option<IntrospectTo>,
}

/// `introspect --to`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IntrospectTo {
    Sdl,
    // The server's introspection result (`{"__schema": ...}`), as fetched.
    Json,
}

impl IntrospectTo {
    fn for_output(output: Option<&Path>) -> IntrospectTo {
        let is_json = output
            .and_then(Path::extension)
            .is_some_and(|extension| extension.eq_ignore_ascii_case("json"));
        if is_json {
            IntrospectTo::Json
        } else {
            IntrospectTo::Sdl
        }
    }
}

pub(crate) fn run(args: IntrospectArgs, reporter: &Reporter) -> Result<Exit, String> {
    if !gqlsmith::is_url(&args.url) {
        return Err(format!(
            "`{}` is not a server's URL: give an http:// or https:// endpoint (to read a schema file, use `gqlsmith convert FILE --to sdl`)",
            args.url
        ));
    }
    let input =
        Input::fetch(&args.url, &args.http.options()?).map_err(|error| error.to_string())?;
    // Read like any introspection file: what the server sent is checked (names, defaults)
    // before a byte of it is written.
    let project = load(vec![input], &LoadOptions::default());
    reporter.show(&project, &project.loaded.diagnostics);
    if project.loaded.has_errors() {
        return Ok(exit_for(&project.loaded.diagnostics));
    }
    let to = args
        .to
        .unwrap_or_else(|| IntrospectTo::for_output(args.output.as_deref()));
    let text = match to {
        IntrospectTo::Json => project.inputs[0].text.to_string(),
        IntrospectTo::Sdl => gqlsmith_sdl::write_sdl(
            &project.loaded.schema,
            &gqlsmith_sdl::WriteOptions::default(),
        ),
    };
    match &args.output {
        Some(path) if !is_stdout(path) => {
            write_file(path, text.as_bytes())?;
            reporter.status(&format!(
                "wrote the schema of `{}` ({}) to `{}`",
                args.url,
                count(project.loaded.schema.types.len(), "type", "types"),
                path.display()
            ));
        }
        _ => print!("{text}"),
    }
    Ok(Exit::Success)
}
