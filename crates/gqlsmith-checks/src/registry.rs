//! The rule registry: each rule's metadata, the `declare_rule!` macro that turns a rule's doc
//! comment into its documentation, and the one table of every rule.

use gqlsmith_model::Severity;
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::rules::{deprecation, descriptions, errors, naming, operations, references, relay};

/// What a rule is: its stable code, kebab-case name, default severity, family, the profile
/// that switches it on (if any) and its documentation.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleMeta {
    /// Stable short code, `RL001`.
    pub code: &'static str,
    /// Stable kebab-case name, `connection-type`; config, suppressions and baselines use it.
    pub name: &'static str,
    /// The severity when the config does not set a level.
    pub default_severity: Severity,
    pub family: Family,
    /// `Some(profile)`: the rule runs only when the config enables that profile, or names
    /// the rule in `[check.rules]`. `None`: the rule always runs unless turned off.
    pub profile: Option<Profile>,
    /// The rule's doc comment as written (each line keeps the space after `///`); see
    /// [`RuleMeta::documentation`] for the cleaned text.
    #[serde(skip)]
    pub docs: &'static str,
    #[serde(skip)]
    pub(crate) check: fn(&mut Context<'_>),
}

impl RuleMeta {
    /// The doc comment as Markdown, with the one space after each `///` removed.
    pub fn documentation(&self) -> String {
        let mut text = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            text.push_str(line.strip_prefix(' ').unwrap_or(line));
            text.push('\n');
        }
        text
    }

    /// The first sentence under "What it does", for one-line rule listings.
    pub fn summary(&self) -> String {
        let documentation = self.documentation();
        let body = documentation
            .split_once("## What it does")
            .map_or(documentation.as_str(), |(_, after)| after);
        let paragraph: Vec<&str> = body
            .lines()
            .map(str::trim)
            .skip_while(|line| line.is_empty())
            .take_while(|line| !line.is_empty() && !line.starts_with('#'))
            .collect();
        let paragraph = paragraph.join(" ");
        match paragraph.find(". ") {
            Some(end) => paragraph[..=end].to_owned(),
            None => paragraph,
        }
    }
}

/// A group of related rules; each family is a folder under `src/rules/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Relay,
    Errors,
    Deprecation,
    Naming,
    Descriptions,
    References,
    /// Rules over client operations; they run only when documents are given.
    Operations,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Relay => "relay",
            Family::Errors => "errors",
            Family::Deprecation => "deprecation",
            Family::Naming => "naming",
            Family::Descriptions => "descriptions",
            Family::References => "references",
            Family::Operations => "operations",
        }
    }
}

/// A convention set that can be switched on as a whole in `[check] profiles`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// The Relay Cursor Connections specification. On by default.
    Relay,
    /// Kraken's conventions: `KT-` error-code lists, `possibleErrors`, connection extras.
    Kraken,
    /// Opt-in rules that are off by default (`require-id`).
    Strict,
}

impl Profile {
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Relay => "relay",
            Profile::Kraken => "kraken",
            Profile::Strict => "strict",
        }
    }
}

/// Declares a rule: a unit struct whose doc comment becomes `META.docs`, and its metadata.
/// The struct must also have an inherent `fn check(cx: &mut Context<'_>)`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub(crate) struct $name:ident {
            code: $code:literal,
            name: $kebab:literal,
            severity: $severity:ident,
            family: $family:ident,
            profile: $profile:expr $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy)]
        pub(crate) struct $name;

        impl $name {
            pub(crate) const META: $crate::registry::RuleMeta = $crate::registry::RuleMeta {
                code: $code,
                name: $kebab,
                default_severity: gqlsmith_model::Severity::$severity,
                family: $crate::registry::Family::$family,
                profile: $profile,
                docs: concat!($($doc, "\n"),*),
                check: $name::check,
            };
        }
    };
}
pub(crate) use declare_rule;

/// Every rule, grouped by family, in code order. `rules()` and `check()` read this table.
static RULES: [RuleMeta; 30] = [
    relay::connection_type::ConnectionType::META,
    relay::edge_type::EdgeType::META,
    relay::page_info_shape::PageInfoShape::META,
    relay::connection_arguments::ConnectionArguments::META,
    relay::kraken_connection_extras::KrakenConnectionExtras::META,
    relay::edge_name_pairing::EdgeNamePairing::META,
    errors::error_list_malformed::ErrorListMalformed::META,
    errors::error_code_format::ErrorCodeFormat::META,
    errors::error_code_message_conflict::ErrorCodeMessageConflict::META,
    errors::error_code_repeated::ErrorCodeRepeated::META,
    errors::error_list_in_description::ErrorListInDescription::META,
    errors::possible_errors_without_list::PossibleErrorsWithoutList::META,
    errors::error_list_without_possible_errors::ErrorListWithoutPossibleErrors::META,
    errors::unknown_error_code::UnknownErrorCode::META,
    errors::unused_error_code::UnusedErrorCode::META,
    deprecation::deprecation_reason_missing::DeprecationReasonMissing::META,
    deprecation::deprecation_date_unreadable::DeprecationDateUnreadable::META,
    deprecation::removal_overdue::RemovalOverdue::META,
    deprecation::deprecation_names_other_field::DeprecationNamesOtherField::META,
    naming::type_name_case::TypeNameCase::META,
    naming::field_name_case::FieldNameCase::META,
    naming::enum_value_case::EnumValueCase::META,
    descriptions::description_missing::DescriptionMissing::META,
    descriptions::truncated_description::TruncatedDescription::META,
    references::dangling_reference::DanglingReference::META,
    operations::deprecated_usage::DeprecatedUsage::META,
    operations::unused_fragment::UnusedFragment::META,
    operations::operation_name_missing::OperationNameMissing::META,
    operations::duplicate_operation_name::DuplicateOperationName::META,
    operations::require_id::RequireId::META,
];

/// Every rule gqlsmith knows, in code order.
pub fn rules() -> &'static [RuleMeta] {
    &RULES
}

/// The rule named `name_or_code` (`connection-type` or `RL001`).
pub(crate) fn rule_named(name_or_code: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .find(|rule| rule.name == name_or_code || rule.code.eq_ignore_ascii_case(name_or_code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(name: &str, expect_summary: &str) {
        let rule = rule_named(name).expect("the rule exists");
        assert_eq!(rule.summary(), expect_summary);
    }

    #[test]
    fn summaries_come_from_the_doc_comment() {
        check(
            "connection-type",
            "Checks that an object type named `*Connection` has `edges`, a list of an edge type, and `pageInfo: PageInfo!`.",
        );
        check(
            "rl004",
            "Checks that a field returning a connection takes `first` and `after`, `last` and `before`, or all four.",
        );
        check(
            "dangling-reference",
            "Checks that every type a field, argument, union or interface list names is defined or classified.",
        );
    }

    #[test]
    fn documentation_drops_the_space_after_the_slashes() {
        let docs = rule_named("type-name-case").unwrap().documentation();
        assert!(docs.starts_with("## What it does\n"), "{docs}");
    }
}
