//! Names of what the operations generate: an operation's module, and a response type's name
//! from its path of response keys (`feed.repository` -> `FeedRepository`), cut to its tail when
//! the path is long.

use heck::ToUpperCamelCase;

use crate::rust::naming::rust_field_name;

/// An operation name as a module name and file stem: snake case, keywords get a `_` (a raw
/// `r#type` module would need a file named `type.rs` and confuse readers).
pub(super) fn module_name(graphql_name: &str) -> String {
    let name = rust_field_name(graphql_name);
    match name.strip_prefix("r#") {
        Some(bare) => format!("{bare}_"),
        None => name,
    }
}

/// Generated type names keep at most this many characters of their path (more when its last
/// segment alone is longer), so that lines stay short: prettyplease breaks lines from 89
/// columns on and rustfmt from 100, each its own way.
const MAX_PATH_NAME: usize = 32;

/// `path` with `segment` added.
pub(super) fn extended(path: &[String], segment: String) -> Vec<String> {
    let mut extended = path.to_vec();
    extended.push(segment);
    extended
}

/// The name of the type at `path`: its segments joined, the last ones only when all of them
/// would be longer than [`MAX_PATH_NAME`] (`RepositoryRefsNodesTarget` stays, a deeper path
/// keeps its tail: `NodesTimelineItemsNodes`).
pub(super) fn path_name(path: &[String]) -> String {
    let mut name = String::new();
    for segment in path.iter().rev() {
        if !name.is_empty() && segment.len() + name.len() > MAX_PATH_NAME {
            break;
        }
        name.insert_str(0, segment);
    }
    name
}

/// A response key as the tail of a type name: `repository` -> `Repository`, `r2` -> `R2`.
pub(super) fn upper_camel(key: &str) -> String {
    let converted = key.to_upper_camel_case();
    if converted.is_empty() {
        "Field".to_owned()
    } else {
        converted
    }
}

#[cfg(test)]
mod tests {
    use super::{module_name, path_name};

    #[test]
    fn module_names_are_snake_case_without_raw_identifiers() {
        assert_eq!(module_name("onCommentAdded"), "on_comment_added");
        assert_eq!(module_name("Feed"), "feed");
        assert_eq!(module_name("type"), "type_");
        assert_eq!(module_name("self"), "self_");
    }

    #[test]
    fn long_paths_keep_their_tail() {
        let path = |segments: &[&str]| -> Vec<String> {
            segments
                .iter()
                .map(|segment| (*segment).to_owned())
                .collect()
        };
        assert_eq!(path_name(&path(&["Feed", "Repository"])), "FeedRepository");
        assert_eq!(
            path_name(&path(&[
                "Repository",
                "Refs",
                "Nodes",
                "AssociatedPullRequests",
                "Nodes",
                "TimelineItems",
                "Nodes"
            ])),
            "NodesTimelineItemsNodes"
        );
        let long = "A".repeat(40);
        assert_eq!(path_name(&path(&["Feed", &long])), long);
    }
}
