#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod date;
mod diagnostic;
mod line_index;
pub mod names;
mod operations;
mod provenance;
pub mod relay;
mod schema;
mod type_ref;
mod valid;

pub use date::Date;
pub use diagnostic::{Diagnostic, Label, Severity};
pub use line_index::LineIndex;
pub use operations::{
    ArgumentUsage, Definition, DirectiveUsage, Documents, FieldSelection, Fragment, FragmentSpread,
    InlineFragment, Operation, OperationKind, Selection, Usage, UsageKind, VariableDefinition,
};
pub use provenance::{Certainty, Confidence, Location, NameOrigin, Provenance};
pub use schema::{
    Deprecation, DirectiveDef, DirectiveUse, EnumValue, ErrorCode, Example, ExampleEntry, Field,
    InputValue, RootOperations, Schema, TypeDef, TypeKind, UnnamedArgument,
};
pub use type_ref::TypeRef;
pub use valid::{Loaded, Valid};
