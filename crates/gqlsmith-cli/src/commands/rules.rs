//! `gqlsmith rules [NAME]`: the list of lint rules, or one rule's documentation.

use crate::report::Exit;

#[derive(clap::Args, Debug)]
pub(crate) struct RulesArgs {
    /// A rule's name or code; prints its documentation.
    pub(crate) name: Option<String>,
}

pub(crate) fn run(args: RulesArgs) -> Result<Exit, String> {
    let rules = gqlsmith_checks::rules();
    match args.name {
        None => {
            for rule in rules {
                println!(
                    "{:<8} {:<40} {:<8} {}",
                    rule.code,
                    rule.name,
                    rule.default_severity,
                    rule.summary()
                );
            }
            Ok(Exit::Success)
        }
        Some(wanted) => match rules
            .iter()
            .find(|rule| rule.name == wanted || rule.code == wanted)
        {
            Some(rule) => {
                println!(
                    "{} ({}), default {}\n\n{}",
                    rule.name,
                    rule.code,
                    rule.default_severity,
                    rule.documentation().trim_end()
                );
                Ok(Exit::Success)
            }
            None => Err(format!(
                "no rule named `{wanted}`; `gqlsmith rules` lists them"
            )),
        },
    }
}
