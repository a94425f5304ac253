//! The schema's root operation types (query, mutation, subscription).

use gqlsmith_model::Schema;

use super::Differ;
use crate::{Change, ChangeType, Criticality};

impl Differ {
    pub(super) fn roots(&mut self, old: &Schema, new: &Schema) {
        let pairs = [
            (
                "query",
                ChangeType::SchemaQueryTypeChanged,
                &old.roots.query,
                &new.roots.query,
            ),
            (
                "mutation",
                ChangeType::SchemaMutationTypeChanged,
                &old.roots.mutation,
                &new.roots.mutation,
            ),
            (
                "subscription",
                ChangeType::SchemaSubscriptionTypeChanged,
                &old.roots.subscription,
                &new.roots.subscription,
            ),
        ];
        for (operation, change_type, old_root, new_root) in pairs {
            if old_root == new_root {
                continue;
            }
            let path = format!("schema.{operation}");
            let change = match (old_root, new_root) {
                (None, Some(new_root)) => Change::new(
                    change_type,
                    Criticality::Safe,
                    path,
                    format!("the schema now has a {operation} root type, `{new_root}`"),
                    "a new kind of operation becomes possible; no existing operation changes",
                ),
                (Some(old_root), None) => Change::new(
                    change_type,
                    Criticality::Breaking,
                    path,
                    format!("the schema no longer has a {operation} root type (was `{old_root}`)"),
                    "every existing operation of this kind stops validating",
                ),
                (Some(old_root), Some(new_root)) => Change::new(
                    change_type,
                    Criticality::Breaking,
                    path,
                    format!("the {operation} root type changed from `{old_root}` to `{new_root}`"),
                    "existing operations of this kind are validated against a different type",
                ),
                (None, None) => continue,
            };
            self.push(
                change
                    .old(old_root.clone(), None)
                    .new_side(new_root.clone(), None),
            );
        }
    }
}
