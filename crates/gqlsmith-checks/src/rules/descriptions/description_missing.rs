//! `description-missing`: definitions without a description.

use gqlsmith_model::NameOrigin;

use crate::config::DescribedKind;
use crate::context::{width, Context};
use crate::registry::declare_rule;
use crate::rules::{defined_types, has_placeholder_name, members};

declare_rule! {
    /// ## What it does
    /// Checks that types and fields (by default; configurable per kind) have a description.
    ///
    /// ## Why is this bad?
    /// The description is the documentation: it is what GraphiQL, generated clients and the
    /// reference pages show. An undescribed field leaves every client author to guess what
    /// it means from its name.
    ///
    /// ## Example
    /// ```graphql
    /// type Ship {
    ///   id: ID!
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// "A ship of the fleet."
    /// type Ship {
    ///   "The ship's registry number."
    ///   id: ID!
    /// }
    /// ```
    ///
    /// ## Options
    /// `[check.descriptions] require`: the kinds that need one, from `object`, `interface`,
    /// `union`, `enum`, `input_object`, `scalar`, `field`, `argument`, `input_field`,
    /// `enum_value`. Default: the six type kinds and `field`. Types whose heading a docs page
    /// lost (named by a placeholder, by recovery or by a reference schema), and types the
    /// input only references, are skipped: their description is unknown, not missing. So
    /// are the members of placeholder-named types, whose coordinates are not stable.
    ///
    /// ## References
    /// - [GraphQL spec: Descriptions](https://spec.graphql.org/October2021/#sec-Descriptions)
    pub(crate) struct DescriptionMissing {
        code: "DS001",
        name: "description-missing",
        severity: Warning,
        family: Descriptions,
        profile: None,
    }
}

/// True when the type's name did not come from its own heading (a placeholder, or a name
/// recovery or a reference schema supplied).
fn heading_lost(ty: &gqlsmith_model::TypeDef) -> bool {
    !matches!(ty.name_origin, NameOrigin::Document | NameOrigin::Overlay)
}

impl DescriptionMissing {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        let require = cx.config().descriptions.require.clone();
        let blank = |text: Option<&str>| text.is_none_or(|text| text.trim().is_empty());
        for ty in defined_types(schema) {
            // A block whose heading the page lost has lost its description with it: the
            // description is unknown, not missing.
            if heading_lost(ty) || ty.name.starts_with("__") {
                continue;
            }
            let kind = DescribedKind::of_type(ty.kind);
            if require.contains(&kind) && blank(ty.description.as_deref()) {
                cx.report(
                    ty.name.clone(),
                    ty.provenance.location.as_ref(),
                    width(&ty.name),
                    format!(
                        "{} `{}` has no description",
                        ty.kind.as_str().replace('_', " "),
                        ty.name
                    ),
                    "add a description saying what it stands for",
                );
            }
        }
        for member in members(schema) {
            let skip_type = match member {
                crate::rules::Member::Field(ty, ..)
                | crate::rules::Member::Argument(ty, ..)
                | crate::rules::Member::InputField(ty, ..)
                | crate::rules::Member::EnumValue(ty, ..) => has_placeholder_name(ty),
            };
            if skip_type
                || !require.contains(&member.described_kind())
                || !blank(member.description())
            {
                continue;
            }
            let coordinate = member.coordinate();
            cx.report(
                coordinate.clone(),
                member.location(),
                width(member.name()),
                format!("{} `{coordinate}` has no description", member.noun()),
                "add a description saying what it means to a client",
            );
        }
    }
}
