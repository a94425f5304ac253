//! The `gqlsmith` command line: parses arguments, loads inputs through the `gqlsmith` library,
//! and turns results into output files, reports and exit codes.

mod commands;
mod config;
mod render;
mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Generation allocates heavily (Tera contexts, syn trees, many small strings) on several
/// threads; mimalloc makes `generate` about a third faster than the system allocator
/// (`cargo xtask bench`, see ARCHITECTURE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn documented GraphQL types (reference-docs pages, SDL, introspection JSON) into a checked
/// model, and from it into bindings, docs and CI verdicts.
///
/// Exit codes: 0 success, 1 findings at error level (or breaking changes, or stale files with
/// --check), 2 bad usage or unreadable input.
#[derive(Parser)]
#[command(name = "gqlsmith", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Show warnings and notes in full (by default only errors are shown in full).
    #[arg(long, short, global = true)]
    verbose: bool,
    /// Print only results and errors: no status lines ("generated 12 files") and no count of
    /// hidden warnings.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// When to colour diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = report::ColorChoice::Auto)]
    color: report::ColorChoice,
    /// The most bytes read from one input file (a larger one, or a stream that does not end,
    /// is refused with exit 2).
    #[arg(long, global = true, value_name = "BYTES", default_value_t = gqlsmith::DEFAULT_MAX_INPUT_BYTES)]
    max_input_bytes: u64,
}

#[derive(Subcommand)]
enum Command {
    /// Summarise a schema: counts by kind, what was recovered, what stays unknown, diagnostics.
    Inspect(commands::inspect::InspectArgs),
    /// Write the model as JSON or SDL.
    Convert(commands::convert::ConvertArgs),
    /// Check a schema against conventions (Relay, error codes, deprecations, naming, ...).
    Check(commands::check::CheckArgs),
    /// List the lint rules, or print one rule's documentation.
    Rules(commands::rules::RulesArgs),
    /// Print the error-code catalogue (code -> message -> types that raise it) as JSON.
    Errors(commands::errors::ErrorsArgs),
    /// Compare two schemas and classify each change as breaking, dangerous or safe.
    Diff(commands::diff::DiffArgs),
    /// Generate bindings and docs (Rust client, Rust server, TypeScript, Markdown, SDL).
    Generate(commands::generate::GenerateArgs),
    /// Count, for every type and field, the client operations that use it.
    Coverage(commands::coverage::CoverageArgs),
    /// Fetch a running server's schema with the introspection query; write it as SDL or JSON.
    Introspect(commands::introspect::IntrospectArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(commands::completions::CompletionsArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    gqlsmith::set_max_input_bytes(cli.max_input_bytes);
    let reporter = report::Reporter::new(cli.color, cli.verbose, cli.quiet);
    let outcome = match cli.command {
        Command::Inspect(args) => commands::inspect::run(args, &reporter),
        Command::Convert(args) => commands::convert::run(args, &reporter),
        Command::Coverage(args) => commands::coverage::run(args, &reporter),
        Command::Check(args) => commands::check::run(args, &reporter),
        Command::Rules(args) => commands::rules::run(args),
        Command::Errors(args) => commands::errors::run(args, &reporter),
        Command::Diff(args) => commands::diff::run(args, &reporter),
        Command::Generate(args) => commands::generate::run(args, &reporter),
        Command::Introspect(args) => commands::introspect::run(args, &reporter),
        Command::Completions(args) => commands::completions::run::<Cli>(args),
    };
    match outcome {
        Ok(exit) => exit.into(),
        Err(failure) => {
            eprintln!("error: {failure}");
            report::Exit::Usage.into()
        }
    }
}
