//! `gqlsmith completions SHELL`: a completion script generated from the same clap definition
//! that parses the arguments, so it never falls behind a new flag.

use clap_complete::Shell;

use crate::report::Exit;

#[derive(clap::Args, Debug)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete for. Install: bash `gqlsmith completions bash >
    /// ~/.local/share/bash-completion/completions/gqlsmith`; zsh `gqlsmith completions zsh >
    /// ~/.zfunc/_gqlsmith` (with `~/.zfunc` on `fpath`); fish `gqlsmith completions fish >
    /// ~/.config/fish/completions/gqlsmith.fish`; PowerShell `gqlsmith completions powershell
    /// | Out-String | Invoke-Expression` in your profile.
    #[arg(value_enum)]
    pub(crate) shell: Shell,
}

pub(crate) fn run<Cli: clap::CommandFactory>(args: CompletionsArgs) -> Result<Exit, String> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "gqlsmith", &mut std::io::stdout());
    Ok(Exit::Success)
}
