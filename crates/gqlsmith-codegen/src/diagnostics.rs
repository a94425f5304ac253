//! The diagnostics `generate` can report, each with its stable code and kebab-case name.

use std::sync::Arc;

use gqlsmith_model::{Diagnostic, Location};

/// One codegen finding. Codes are `G7xx` (issue 7 introduced them) and never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodegenError {
    TemplateSyntax,
    TemplateRender,
    UnmappedCustomScalar,
    UnsafeOutputPath,
    GeneratedRustInvalid,
    UnknownTemplateOverride,
    UnreadableTemplate,
}

impl CodegenError {
    #[cfg(test)]
    pub(crate) const ALL: [CodegenError; 7] = [
        CodegenError::TemplateSyntax,
        CodegenError::TemplateRender,
        CodegenError::UnmappedCustomScalar,
        CodegenError::UnsafeOutputPath,
        CodegenError::GeneratedRustInvalid,
        CodegenError::UnknownTemplateOverride,
        CodegenError::UnreadableTemplate,
    ];

    pub(crate) fn code(self) -> &'static str {
        match self {
            CodegenError::TemplateSyntax => "G701",
            CodegenError::TemplateRender => "G702",
            CodegenError::UnmappedCustomScalar => "G703",
            CodegenError::UnsafeOutputPath => "G704",
            CodegenError::GeneratedRustInvalid => "G705",
            CodegenError::UnknownTemplateOverride => "G706",
            CodegenError::UnreadableTemplate => "G707",
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            CodegenError::TemplateSyntax => "template-syntax-error",
            CodegenError::TemplateRender => "template-render-error",
            CodegenError::UnmappedCustomScalar => "unmapped-custom-scalar",
            CodegenError::UnsafeOutputPath => "unsafe-output-path",
            CodegenError::GeneratedRustInvalid => "generated-rust-invalid",
            CodegenError::UnknownTemplateOverride => "unknown-template-override",
            CodegenError::UnreadableTemplate => "unreadable-template",
        }
    }

    /// An error-level diagnostic of this kind.
    pub(crate) fn diagnostic(self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.code(), self.name(), message)
    }
}

/// A location in a template or generated file, given by its display path.
pub(crate) fn location_in(file: &str, line: u32, column: u32) -> Location {
    Location::new(Arc::from(file), line.max(1), column.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes: Vec<&str> = CodegenError::ALL.iter().map(|error| error.code()).collect();
        let mut names: Vec<&str> = CodegenError::ALL.iter().map(|error| error.name()).collect();
        codes.sort_unstable();
        codes.dedup();
        names.sort_unstable();
        names.dedup();
        assert_eq!(codes.len(), CodegenError::ALL.len());
        assert_eq!(names.len(), CodegenError::ALL.len());
        for name in names {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
        }
    }
}
