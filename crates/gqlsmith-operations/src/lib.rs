#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod coverage;
mod embedded;
mod reader;
mod schema;

pub use coverage::{coverage, Coverage, CoverageUse, FieldCoverage, TypeCoverage};
pub use embedded::{embedded_graphql, is_host_file};
pub use reader::{read_documents, DocumentSource, ReadDocuments, CODES};
pub use schema::ApolloSchema;
