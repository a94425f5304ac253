gqlsmith_macros::include_schema!("tests/ui/no_such_schema.graphql");

fn main() {}
