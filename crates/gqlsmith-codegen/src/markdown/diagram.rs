//! The Mermaid diagram on a type page (`[generate.markdown] mermaid = true`): the type and its
//! immediate neighbours, the types it points at (field types, interfaces, members) on the
//! right and the types that point at it (fields and arguments that use it, unions it belongs
//! to, types that implement it) on the left.
//!
//! Node ids are generated (`t0`, `t1`, ...), never derived from names, and every label is
//! quoted, so no GraphQL name or coordinate can break the diagram's syntax. A big type would
//! draw an unreadable hairball, so each side shows at most [`MAX_PER_SIDE`] neighbours and
//! one "… and N more" node for the rest; the page's lists below name them all.

use indexmap::IndexMap;

use super::text::markdown_fence;

/// Neighbours drawn on each side of the type before the rest are summed up in one node.
pub(crate) const MAX_PER_SIDE: usize = 16;

/// How a neighbour is linked to the page's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Link {
    /// A field (or input field) of the type has the neighbour's type; the label is the field.
    Field,
    /// The type implements the neighbour (an interface).
    Implements,
    /// The neighbour is a member of the type (a union).
    Member,
    /// A field or argument of the neighbour uses the type; the label is its coordinate.
    UsedBy,
    /// The neighbour implements the type (an interface).
    ImplementedBy,
    /// The type is a member of the neighbour (a union).
    MemberOf,
}

impl Link {
    fn points_at_neighbour(self) -> bool {
        matches!(self, Link::Field | Link::Implements | Link::Member)
    }

    /// Structural links (interfaces, unions) are dashed; data links (fields) are solid.
    fn arrow(self) -> &'static str {
        match self {
            Link::Field | Link::UsedBy => "-->",
            _ => "-.->",
        }
    }

    fn fixed_label(self) -> Option<&'static str> {
        match self {
            Link::Implements | Link::ImplementedBy => Some("implements"),
            Link::Member | Link::MemberOf => Some("member"),
            Link::Field | Link::UsedBy => None,
        }
    }
}

/// The diagram as a fenced `mermaid` block, or `None` for a type with no neighbours.
/// `links` are `(neighbour, how, label)`; several links to one neighbour in one direction are
/// drawn as one arrow whose label lists them (up to three, then "…").
pub(crate) fn neighbour_diagram(name: &str, links: &[(String, Link, String)]) -> Option<String> {
    // Per direction, neighbours in first-seen order with the labels of their arrows.
    let mut outgoing: IndexMap<(&str, Link), Vec<&str>> = IndexMap::new();
    let mut incoming: IndexMap<(&str, Link), Vec<&str>> = IndexMap::new();
    for (neighbour, link, label) in links {
        let side = if link.points_at_neighbour() {
            &mut outgoing
        } else {
            &mut incoming
        };
        let labels = side.entry((neighbour.as_str(), *link)).or_default();
        if !labels.contains(&label.as_str()) {
            labels.push(label);
        }
    }
    if outgoing.is_empty() && incoming.is_empty() {
        return None;
    }
    let mut lines = vec![
        "graph LR".to_owned(),
        format!("  t0[\"{}\"]:::focus", quoted(name)),
    ];
    let mut next_id = 1;
    // One node per neighbour type, however many arrows it has: a type that both uses this
    // one and is used by it is one box with arrows both ways, not two boxes of one name.
    // The type itself is `t0`, so an arrow from a type to itself needs no special case.
    let mut ids: IndexMap<&str, usize> = IndexMap::from([(name, 0)]);
    for (side, points_out) in [(&incoming, false), (&outgoing, true)] {
        for (index, ((neighbour, link), labels)) in side.iter().enumerate() {
            if index == MAX_PER_SIDE {
                let more = side.len() - MAX_PER_SIDE;
                let id = next_id;
                next_id += 1;
                lines.push(format!("  t{id}[\"… and {more} more\"]"));
                lines.push(if points_out {
                    format!("  t0 -.- t{id}")
                } else {
                    format!("  t{id} -.- t0")
                });
                break;
            }
            let id = if let Some(&id) = ids.get(neighbour) {
                id
            } else {
                let id = next_id;
                next_id += 1;
                ids.insert(neighbour, id);
                lines.push(format!("  t{id}[\"{}\"]", quoted(neighbour)));
                id
            };
            let label = link.fixed_label().map_or_else(
                || {
                    let mut shown: Vec<&str> = labels.iter().take(3).copied().collect();
                    if labels.len() > 3 {
                        shown.push("…");
                    }
                    shown.join(", ")
                },
                str::to_owned,
            );
            let (from, to) = if points_out { (0, id) } else { (id, 0) };
            lines.push(format!(
                "  t{from} {}|\"{}\"| t{to}",
                link.arrow(),
                quoted(&label)
            ));
        }
    }
    lines.push("  classDef focus stroke-width:3px".to_owned());
    Some(markdown_fence(&lines.join("\n"), "mermaid"))
}

/// Text inside a Mermaid `"..."` label: a double quote would end it, so it becomes Mermaid's
/// entity `#quot;`; `#` starts entities, so it is written as one too.
fn quoted(text: &str) -> String {
    text.replace('#', "#35;").replace('"', "#quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(neighbour: &str, link: Link, label: &str) -> (String, Link, String) {
        (neighbour.to_owned(), link, label.to_owned())
    }

    #[test]
    fn a_type_without_neighbours_has_no_diagram() {
        assert_eq!(neighbour_diagram("Lonely", &[]), None);
    }

    #[test]
    fn fields_point_out_users_point_in_and_one_type_is_one_node() {
        let diagram = neighbour_diagram(
            "Account",
            &[
                link("User", Link::Field, "owner"),
                link("User", Link::Field, "manager"),
                link("Node", Link::Implements, "implements"),
                link("Query", Link::UsedBy, "Query.account(id:)"),
                link("Account", Link::Field, "parent"),
                link("User", Link::UsedBy, "User.accounts"),
            ],
        )
        .expect("a diagram");
        assert_eq!(
            diagram,
            "```mermaid
graph LR
  t0[\"Account\"]:::focus
  t1[\"Query\"]
  t1 -->|\"Query.account(id:)\"| t0
  t2[\"User\"]
  t2 -->|\"User.accounts\"| t0
  t0 -->|\"owner, manager\"| t2
  t3[\"Node\"]
  t0 -.->|\"implements\"| t3
  t0 -->|\"parent\"| t0
  classDef focus stroke-width:3px
```"
        );
    }

    #[test]
    fn each_side_is_capped_with_a_count_of_the_rest() {
        let links: Vec<_> = (0..MAX_PER_SIDE + 5)
            .map(|n| link(&format!("T{n}"), Link::Field, "f"))
            .collect();
        let diagram = neighbour_diagram("Big", &links).expect("a diagram");
        assert_eq!(diagram.matches(" -->|").count(), MAX_PER_SIDE);
        assert!(diagram.contains("[\"… and 5 more\"]"), "{diagram}");
    }

    #[test]
    fn labels_cannot_break_out_of_their_quotes() {
        let diagram = neighbour_diagram("A", &[link("B", Link::UsedBy, "x\"]-->evil[\"#")])
            .expect("a diagram");
        assert!(
            diagram.contains("|\"x#quot;]-->evil[#quot;#35;\"|"),
            "{diagram}"
        );
    }
}
