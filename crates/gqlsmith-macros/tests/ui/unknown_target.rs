gqlsmith_macros::include_schema!("tests/ui/syntax_error.graphql", target = "rust-cleint");

fn main() {}
