//! Unions: members added and removed.

use gqlsmith_model::TypeDef;

use super::{location, pair_by_name, Differ};
use crate::{Change, ChangeType, Criticality};

impl Differ {
    pub(super) fn union(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
        let old_members = old.map(|old| old.members.as_slice()).unwrap_or(&[]);
        let (removed, added, _) = pair_by_name(old_members, &new.members, |name| name.as_str());
        for member in removed {
            self.union_member_removed(old.unwrap_or(new), member);
        }
        for member in added {
            let (criticality, reason) = if old.is_none() {
                (
                    Criticality::Safe,
                    "the union is new, so no client handles it yet",
                )
            } else {
                (
                    Criticality::Dangerous,
                    "clients that handle each possible type of the union may not handle the new member",
                )
            };
            self.push(
                Change::new(
                    ChangeType::UnionMemberAdded,
                    criticality,
                    &new.name,
                    format!("`{member}` was added to union `{}`", new.name),
                    reason,
                )
                .new_side(Some(member.clone()), location(&new.provenance)),
            );
        }
        self.type_usages(old, new);
    }

    pub(super) fn union_member_removed(&mut self, ty: &TypeDef, member: &str) {
        self.push(
            Change::new(
                ChangeType::UnionMemberRemoved,
                Criticality::Breaking,
                &ty.name,
                format!("`{member}` was removed from union `{}`", ty.name),
                "fragments on the removed member within this union stop validating",
            )
            .old(Some(member.to_owned()), location(&ty.provenance)),
        );
    }
}
