//! What the `[diff]` table of `gqlsmith.toml` can set.

use serde::Deserialize;

use crate::{Change, Criticality};

/// Options of [`crate::diff`], deserializable from the `[diff]` table of `gqlsmith.toml`:
///
/// ```toml
/// [diff]
/// verbose_changes = false      # list changes inside added types too
/// ignore_descriptions = true   # drop description-only changes
/// fail_on = "dangerous"        # breaking (default) | dangerous | none
/// allow = "schema-allow.toml"  # allow list of intended changes, relative to the config
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DiffOptions {
    /// List every change, also those inside an added type, field or directive (which are
    /// otherwise folded into the addition, as graphql-inspector's `simplifyChanges` does),
    /// and the fields, values and members of removed types.
    pub verbose_changes: bool,
    /// Drop changes that only touch descriptions (`*_DESCRIPTION_*`).
    pub ignore_descriptions: bool,
    /// The least criticality that fails the gate.
    pub fail_on: FailOn,
    /// An allow list file (see [`crate::AllowList`]); the CLI resolves it against the config's
    /// folder. The command line's `--allow` wins.
    pub allow: Option<String>,
}

/// The least criticality of an unapproved change that makes `gqlsmith diff` fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    #[default]
    Breaking,
    Dangerous,
    /// Fail only when an unapproved breaking change touches a client operation, or an
    /// operation stops validating (needs `--documents`).
    #[serde(rename = "breaking-in-use")]
    BreakingInUse,
    /// Never fail: report only.
    None,
}

impl FailOn {
    /// The least failing criticality, `None` when nothing fails.
    pub fn threshold(self) -> Option<Criticality> {
        match self {
            FailOn::Breaking | FailOn::BreakingInUse => Some(Criticality::Breaking),
            FailOn::Dangerous => Some(Criticality::Dangerous),
            FailOn::None => None,
        }
    }

    /// True when an unapproved change is at or above the threshold (for `BreakingInUse`:
    /// and touches an operation), or, with documents, when an operation broke.
    pub fn fails(self, changes: &[Change], broken: &[crate::BrokenOperation]) -> bool {
        let in_use = |change: &Change| {
            self != FailOn::BreakingInUse
                || change
                    .affected_operations
                    .as_ref()
                    .is_some_and(|operations| !operations.is_empty())
        };
        self.threshold().is_some_and(|threshold| {
            !broken.is_empty()
                || changes.iter().any(|change| {
                    !change.approved && change.criticality >= threshold && in_use(change)
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{DiffOptions, FailOn};

    #[track_caller]
    fn check(toml_text: &str, expect: Result<DiffOptions, &str>) {
        let parsed =
            toml::from_str::<DiffOptions>(toml_text).map_err(|error| error.message().to_owned());
        match (parsed, expect) {
            (Ok(options), Ok(expect)) => assert_eq!(options, expect),
            (Err(message), Err(expect)) => assert!(message.contains(expect), "{message}"),
            (got, expect) => panic!("got {got:?}, expected {expect:?}"),
        }
    }

    #[test]
    fn reads_the_diff_table() {
        check("", Ok(DiffOptions::default()));
        check(
            "verbose_changes = true\nignore_descriptions = true\nfail_on = \"dangerous\"\nallow = \"a.toml\"",
            Ok(DiffOptions {
                verbose_changes: true,
                ignore_descriptions: true,
                fail_on: FailOn::Dangerous,
                allow: Some("a.toml".into()),
            }),
        );
        check(
            "fail_on = \"none\"",
            Ok(DiffOptions {
                fail_on: FailOn::None,
                ..DiffOptions::default()
            }),
        );
        check("fail_on = \"safe\"", Err("unknown variant `safe`"));
        check("verbose = true", Err("unknown field `verbose`"));
    }
}
