//! The `[check]` table of `gqlsmith.toml`: rule levels, profiles, ignores and rule options,
//! and the optional registry of known error codes.

use std::sync::Arc;

use gqlsmith_model::{Diagnostic, Location, Severity, TypeKind};
use indexmap::IndexMap;
use serde::de::IgnoredAny;
use serde::Deserialize;
use toml::Spanned;

use crate::registry::{rule_named, rules, Profile};

/// The `[check]` table of `gqlsmith.toml`.
///
/// ```toml
/// [check]
/// profiles = ["relay", "kraken"]      # default: ["relay"]
/// ignore = ["LegacyType", "Query.oldField"]   # every rule, at these coordinates and below
///
/// [check.rules]                       # levels by rule name or code: off, warn, error
/// field-name-case = "error"
/// RL004 = "off"
///
/// [check.per-coordinate-ignores]      # some rules only, at these coordinates and below
/// "Account.SHA" = ["field-name-case"]
///
/// [check.relay]
/// cursors = "nullable"                # PageInfo start/endCursor: nullable, non-null or either
///
/// [check.errors]
/// pattern = "^KT-[A-Z]{2}-[0-9]{4,5}$"
/// registry = "errors.txt"             # read by the caller, see Config::load_error_registry
///
/// [check.naming]
/// exceptions = ["query_type", "QuoteType_", "SHA"]
///
/// [check.descriptions]
/// require = ["object", "interface", "union", "enum", "input_object", "scalar", "field"]
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Config {
    /// Convention sets to switch on; rules with a profile run only when it is listed.
    pub profiles: Vec<Profile>,
    /// Level by rule name or code.
    pub rules: IndexMap<String, Level>,
    /// Coordinates (`Type`, `Type.field`, `Type.field.argument`) no rule reports on; a type
    /// covers its fields and a field its arguments.
    pub ignore: Vec<String>,
    /// Coordinate -> rule names (or codes) that do not report on it (and below it).
    pub per_coordinate_ignores: IndexMap<String, Vec<String>>,
    pub relay: RelayOptions,
    pub errors: ErrorOptions,
    pub naming: NamingOptions,
    pub descriptions: DescriptionOptions,
    #[serde(skip)]
    pub(crate) error_registry: Option<ErrorRegistry>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            profiles: vec![Profile::Relay],
            rules: IndexMap::new(),
            ignore: Vec::new(),
            per_coordinate_ignores: IndexMap::new(),
            relay: RelayOptions::default(),
            errors: ErrorOptions::default(),
            naming: NamingOptions::default(),
            descriptions: DescriptionOptions::default(),
            error_registry: None,
        }
    }
}

/// A rule's level in `[check.rules]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Off,
    Warn,
    Error,
}

/// `[check.relay]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct RelayOptions {
    /// Nullability `PageInfo.startCursor` and `endCursor` must have.
    pub cursors: CursorNullability,
}

/// Whether PageInfo cursors may be null. The Relay spec allows null on an empty page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CursorNullability {
    #[default]
    Either,
    Nullable,
    NonNull,
}

/// `[check.errors]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct ErrorOptions {
    /// A regular expression every error code must match.
    pub pattern: String,
    /// Path of a file of known codes, one `CODE` or `CODE: message` per line, `#` comments.
    /// The caller reads it and hands the text to [`Config::load_error_registry`].
    pub registry: Option<String>,
}

impl ErrorOptions {
    /// The Kraken convention: `KT-`, a two-letter area, four or five digits.
    pub const KRAKEN_PATTERN: &'static str = "^KT-[A-Z]{2}-[0-9]{4,5}$";
}

impl Default for ErrorOptions {
    fn default() -> ErrorOptions {
        ErrorOptions {
            pattern: ErrorOptions::KRAKEN_PATTERN.to_owned(),
            registry: None,
        }
    }
}

/// `[check.naming]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct NamingOptions {
    /// Names or coordinates the naming rules accept as they are (`SHA`, `Account.SHA`).
    pub exceptions: Vec<String>,
}

/// `[check.descriptions]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct DescriptionOptions {
    /// Which definitions need a description.
    pub require: Vec<DescribedKind>,
}

impl Default for DescriptionOptions {
    fn default() -> DescriptionOptions {
        DescriptionOptions {
            require: vec![
                DescribedKind::Object,
                DescribedKind::Interface,
                DescribedKind::Union,
                DescribedKind::Enum,
                DescribedKind::InputObject,
                DescribedKind::Scalar,
                DescribedKind::Field,
            ],
        }
    }
}

/// A kind of definition that can carry a description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DescribedKind {
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    Scalar,
    Field,
    Argument,
    InputField,
    EnumValue,
}

impl DescribedKind {
    pub(crate) fn of_type(kind: TypeKind) -> DescribedKind {
        match kind {
            TypeKind::Object => DescribedKind::Object,
            TypeKind::Interface => DescribedKind::Interface,
            TypeKind::Union => DescribedKind::Union,
            TypeKind::Enum => DescribedKind::Enum,
            TypeKind::InputObject => DescribedKind::InputObject,
            TypeKind::Scalar => DescribedKind::Scalar,
        }
    }
}

/// Known error codes, from the file `[check.errors] registry` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ErrorRegistry {
    /// Code -> where the file lists it, in file order.
    pub(crate) codes: IndexMap<String, Location>,
}

impl Config {
    /// Reads the `[check]` table of `gqlsmith.toml`. `text` is either the whole file (other
    /// tables are left to their owners; pass this, so that line numbers are the user's) or
    /// the body of the `[check]` table alone. Every problem is returned, each with its line
    /// and column in `text`.
    pub fn from_toml(text: &str, file: impl Into<Arc<str>>) -> Result<Config, Vec<Diagnostic>> {
        let file: Arc<str> = file.into();
        #[derive(Deserialize)]
        struct Whole {
            #[serde(default)]
            check: Config,
        }
        let syntax_error = |error: toml::de::Error| {
            let location = error
                .span()
                .map(|span| location_at(text, &file, span.start));
            let message = error.message().trim().to_owned();
            vec![Diagnostic::error("C001", "invalid-config", lowercase_first(&message))
                .at_opt(location)
                .with_help("`gqlsmith rules` lists the rules; the README of gqlsmith-checks shows the `[check]` table")]
        };
        let whole_file = is_whole_file(text);
        let config = if whole_file {
            toml::from_str::<Whole>(text).map_err(syntax_error)?.check
        } else {
            toml::from_str::<Config>(text).map_err(syntax_error)?
        };
        let mut problems = unknown_rule_names(text, &file, whole_file);
        if let Err(error) = regex::Regex::new(&config.errors.pattern) {
            let first_line = error
                .to_string()
                .lines()
                .last()
                .unwrap_or("")
                .trim()
                .to_owned();
            problems.push(
                Diagnostic::error(
                    "C003",
                    "invalid-error-code-pattern",
                    format!("`[check.errors] pattern` is not a regular expression: {first_line}"),
                )
                .at_opt(find_key(text, &file, "pattern"))
                .with_help("write a regular expression such as `^KT-[A-Z]{2}-[0-9]{4,5}$`"),
            );
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// Loads the registry of known error codes (the file `[check.errors] registry` names):
    /// one `CODE` or `CODE: message` per line; blank lines and `#` comments are skipped.
    /// With a registry, `unknown-error-code` and `unused-error-code` have something to check.
    pub fn load_error_registry(
        &mut self,
        text: &str,
        file: impl Into<Arc<str>>,
    ) -> Result<(), Vec<Diagnostic>> {
        let file: Arc<str> = file.into();
        let mut codes = IndexMap::new();
        let mut problems = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line_number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let code = trimmed.split(':').next().unwrap_or("").trim();
            let column = u32::try_from(line.chars().take_while(|c| c.is_whitespace()).count() + 1)
                .unwrap_or(1);
            let location = Location::new(file.clone(), line_number, column);
            if code.is_empty() || code.contains(char::is_whitespace) {
                problems.push(
                    Diagnostic::error(
                        "C004",
                        "invalid-error-registry",
                        format!("cannot read an error code in `{trimmed}`"),
                    )
                    .at(location)
                    .with_help("write one `CODE` or `CODE: message` per line"),
                );
                continue;
            }
            codes.entry(code.to_owned()).or_insert(location);
        }
        if problems.is_empty() {
            self.error_registry = Some(ErrorRegistry { codes });
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// True when `profile` is switched on.
    pub fn has_profile(&self, profile: Profile) -> bool {
        self.profiles.contains(&profile)
    }

    /// The severity `rule` reports with, or `None` when it is off.
    pub(crate) fn severity_of(&self, rule: &crate::registry::RuleMeta) -> Option<Severity> {
        let configured = self.rules.iter().find_map(|(key, level)| {
            (key == rule.name || key.eq_ignore_ascii_case(rule.code)).then_some(*level)
        });
        match configured {
            Some(Level::Off) => None,
            Some(Level::Warn) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
            None => match rule.profile {
                Some(profile) if !self.has_profile(profile) => None,
                _ => Some(rule.default_severity),
            },
        }
    }

    /// True when a finding of `rule` at `coordinate` is ignored by `ignore` or
    /// `per-coordinate-ignores`.
    pub(crate) fn ignores(&self, rule: &crate::registry::RuleMeta, coordinate: &str) -> bool {
        self.ignore
            .iter()
            .any(|ignored| covers(ignored, coordinate))
            || self.per_coordinate_ignores.iter().any(|(ignored, names)| {
                covers(ignored, coordinate)
                    && names
                        .iter()
                        .any(|name| name == rule.name || name.eq_ignore_ascii_case(rule.code))
            })
    }
}

/// True when `text` is a whole `gqlsmith.toml` rather than the body of the `[check]` table:
/// it has a top-level `check` table (a key the `[check]` table itself never has), or only
/// keys that belong to other tables (`[emit]`, `[diff]`).
fn is_whole_file(text: &str) -> bool {
    const CHECK_KEYS: [&str; 8] = [
        "profiles",
        "rules",
        "ignore",
        "per-coordinate-ignores",
        "relay",
        "errors",
        "naming",
        "descriptions",
    ];
    text.parse::<toml::Table>().is_ok_and(|table| {
        table.contains_key("check")
            || (!table.is_empty() && !table.keys().any(|key| CHECK_KEYS.contains(&key.as_str())))
    })
}

/// True when `outer` is `inner` or one of its parents (`Type` covers `Type.field.argument`).
fn covers(outer: &str, inner: &str) -> bool {
    inner
        .strip_prefix(outer)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

/// Every rule name in `[check.rules]` and `[check.per-coordinate-ignores]` that is no rule,
/// each with a "did you mean".
fn unknown_rule_names(text: &str, file: &Arc<str>, whole_file: bool) -> Vec<Diagnostic> {
    #[derive(Deserialize, Default)]
    #[serde(default, rename_all = "kebab-case")]
    struct Names {
        rules: IndexMap<Spanned<String>, IgnoredAny>,
        per_coordinate_ignores: IndexMap<String, Vec<Spanned<String>>>,
    }
    #[derive(Deserialize)]
    struct Whole {
        #[serde(default)]
        check: Names,
    }
    let names = if whole_file {
        toml::from_str::<Whole>(text).map(|whole| whole.check)
    } else {
        toml::from_str::<Names>(text)
    };
    let Ok(names) = names else { return Vec::new() };
    let named = names
        .rules
        .into_keys()
        .chain(names.per_coordinate_ignores.into_values().flatten());
    named
        .filter(|name| rule_named(name.get_ref()).is_none())
        .map(|name| {
            let location = location_at(text, file, name.span().start);
            let unknown = name.into_inner();
            let help = match did_you_mean(&unknown) {
                Some(suggestion) => {
                    format!("did you mean `{suggestion}`? `gqlsmith rules` lists every rule")
                }
                None => "`gqlsmith rules` lists every rule".to_owned(),
            };
            Diagnostic::error("C002", "unknown-rule", format!("unknown rule `{unknown}`"))
                .at(location)
                .with_length(u32::try_from(unknown.chars().count()).unwrap_or(1))
                .with_help(help)
        })
        .collect()
}

/// The rule name closest to `unknown`, when one is close enough to be a typo.
fn did_you_mean(unknown: &str) -> Option<&'static str> {
    rules()
        .iter()
        .map(|rule| (strsim::jaro_winkler(unknown, rule.name), rule.name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// The line and column (1-based, in characters) of byte `offset` in `text`.
fn location_at(text: &str, file: &Arc<str>, offset: usize) -> Location {
    gqlsmith_model::LineIndex::new(text).location(file, offset)
}

/// The location of the first line that sets `key`.
fn find_key(text: &str, file: &Arc<str>, key: &str) -> Option<Location> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return Some(location_at(
                text,
                file,
                offset + (line.len() - trimmed.len()),
            ));
        }
        offset += line.len();
    }
    None
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` and renders the outcome: the levels that differ from the defaults, or
    /// every problem with its help.
    #[track_caller]
    fn check(text: &str, expect: &str) {
        let rendered = match Config::from_toml(text, "gqlsmith.toml") {
            Ok(config) => {
                let levels: Vec<String> = rules()
                    .iter()
                    .filter_map(|rule| {
                        let severity = config.severity_of(rule);
                        let default = Config::default().severity_of(rule);
                        (severity != default).then(|| {
                            format!(
                                "{} {}",
                                rule.name,
                                severity.map_or("off", |severity| severity.as_str())
                            )
                        })
                    })
                    .collect();
                format!("ok: {}", levels.join(", "))
            }
            Err(problems) => problems
                .iter()
                .map(|problem| {
                    format!(
                        "{problem} (help: {})",
                        problem.help.as_deref().unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
        };
        assert_eq!(rendered, expect);
    }

    #[test]
    fn levels_by_name_or_code() {
        check("", "ok: ");
        check(
            "[check.rules]\nfield-name-case = \"error\"\nRL004 = \"off\"\n",
            "ok: connection-arguments off, field-name-case error",
        );
        check(
            "[check.rules]\nrl001 = \"warn\"\n",
            "ok: connection-type warning",
        );
        check("[emit]\nwhatever = 1\n[check]\n", "ok: ");
        check("[emit]\nwhatever = 1\n", "ok: ");
        check("profiles = []\n[rules]\nRL006 = \"error\"\n", "ok: connection-type off, edge-type off, page-info-shape off, connection-arguments off, edge-name-pairing error");
    }

    #[test]
    fn profiles_switch_rule_sets_on() {
        check("[check]\nprofiles = []\n", "ok: connection-type off, edge-type off, page-info-shape off, connection-arguments off, edge-name-pairing off");
        check(
            "[check]\nprofiles = [\"relay\", \"kraken\"]\n[check.rules]\nunknown-error-code = \"off\"\n",
            "ok: kraken-connection-extras warning, error-list-malformed warning, error-code-format warning, \
error-code-message-conflict warning, error-code-repeated warning, error-list-in-description warning, \
possible-errors-without-list warning, error-list-without-possible-errors warning, unused-error-code warning",
        );
    }

    #[test]
    fn unknown_rules_are_errors_with_a_suggestion() {
        check(
            "[check.rules]\nfeild-name-case = \"warn\"\n",
            "gqlsmith.toml:2:1: error[C002]: unknown rule `feild-name-case` (help: did you mean `field-name-case`? `gqlsmith rules` lists every rule)",
        );
        check(
            "[check.per-coordinate-ignores]\n\"Account.SHA\" = [\"field-name-case\", \"zzz\"]\n",
            "gqlsmith.toml:2:37: error[C002]: unknown rule `zzz` (help: `gqlsmith rules` lists every rule)",
        );
    }

    #[test]
    fn bad_values_point_at_their_line() {
        check(
            "[check.rules]\nfield-name-case = \"loud\"\n",
            "gqlsmith.toml:2:19: error[C001]: unknown variant `loud`, expected one of `off`, `warn`, `error` (help: `gqlsmith rules` lists the rules; the README of gqlsmith-checks shows the `[check]` table)",
        );
        check(
            "[check]\nprofile = [\"relay\"]\n",
            "gqlsmith.toml:2:1: error[C001]: unknown field `profile`, expected one of `profiles`, `rules`, `ignore`, `per-coordinate-ignores`, `relay`, `errors`, `naming`, `descriptions` (help: `gqlsmith rules` lists the rules; the README of gqlsmith-checks shows the `[check]` table)",
        );
        check(
            "[check.errors]\npattern = \"KT-(\"\n",
            "gqlsmith.toml:2:1: error[C003]: `[check.errors] pattern` is not a regular expression: error: unclosed group (help: write a regular expression such as `^KT-[A-Z]{2}-[0-9]{4,5}$`)",
        );
    }

    #[test]
    fn ignores_cover_children() {
        let config = Config::from_toml(
            "[check]\nignore = [\"Legacy\"]\n[check.per-coordinate-ignores]\n\"Account.SHA\" = [\"NM002\"]\n",
            "gqlsmith.toml",
        )
        .unwrap();
        let field_case = rule_named("field-name-case").unwrap();
        let type_case = rule_named("type-name-case").unwrap();
        assert!(config.ignores(type_case, "Legacy.field"));
        assert!(!config.ignores(type_case, "LegacyOther"));
        assert!(config.ignores(field_case, "Account.SHA"));
        assert!(!config.ignores(type_case, "Account.SHA"));
    }

    #[test]
    fn registry_lines() {
        let mut config = Config::default();
        config
            .load_error_registry(
                "# known\nKT-CT-1111: Unauthorized.\n\n  KT-CT-1112\n",
                "errors.txt",
            )
            .unwrap();
        let codes = &config.error_registry.as_ref().unwrap().codes;
        assert_eq!(
            codes.keys().collect::<Vec<_>>(),
            ["KT-CT-1111", "KT-CT-1112"]
        );
        assert_eq!(codes["KT-CT-1112"].to_string(), "errors.txt:4:3");
        let problems = config
            .load_error_registry("KT CT: x\n", "errors.txt")
            .unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "errors.txt:1:1: error[C004]: cannot read an error code in `KT CT: x`"
        );
    }
}
