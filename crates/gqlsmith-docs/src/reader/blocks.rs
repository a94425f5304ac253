//! Blocks: starting one (named or unnamed) and finishing it into an object type, with the
//! checks that need the whole block (duplicate fields, example keys against fields).
use gqlsmith_model::{Example, NameOrigin, Provenance, TypeDef, TypeKind};

use super::{Block, Reader};
use crate::codes;
use crate::shapes;

impl Reader<'_> {
    pub(super) fn start_block(&mut self, number: u32, name: Option<&str>, column: u32) {
        self.finish_block();
        let location = self.location(number, column);
        let ty = match name {
            Some(name) => TypeDef::new(name, TypeKind::Object, Provenance::read(location)),
            None => {
                let mut ty = TypeDef::new(
                    placeholder_name(number),
                    TypeKind::Object,
                    Provenance::read(location),
                );
                ty.name_origin = NameOrigin::Placeholder;
                ty
            }
        };
        // `TypeDef::new` records the kind as read at the block's first line: the page is the
        // "Objects" section, so every block is an object type.
        self.block = Some(Block {
            ty,
            line: number,
            description: Vec::new(),
            error_list_start: 0,
            example: None,
            example_heading: None,
            replacements: Vec::new(),
        });
    }

    /// Ends the open block: checks what needs the whole block and adds its type.
    pub(super) fn finish_block(&mut self) {
        if self.row.is_some() {
            self.finish_row(false);
        }
        let Some(mut block) = self.block.take() else {
            return;
        };
        let type_name = block.ty.name.clone();
        if !block.description.is_empty() {
            block.ty.description = Some(block.description.join("\n"));
        }
        match block.example.take() {
            Some(example) => {
                if !example.closed {
                    let location = self.location(example.line, 1);
                    self.report(
                        &codes::EXAMPLE_NOT_CLOSED,
                        format!("the example of `{type_name}` has no closing `}}`"),
                        location,
                        1,
                        Some(type_name.clone()),
                    );
                }
                let raw = self
                    .text
                    .get(example.start..example.end)
                    .unwrap_or("")
                    .to_owned();
                let provenance = Provenance::read(self.location(example.line, 1));
                block.ty.example = Some(Example {
                    entries: example.entries,
                    raw,
                    provenance,
                });
            }
            None if block.example_heading.is_some() => {
                let line = block.example_heading.unwrap_or(block.line);
                let location = self.location(line, 1);
                self.report(
                    &codes::EXAMPLE_WITHOUT_BRACE,
                    format!("the example of `{type_name}` has no opening `{{`"),
                    location,
                    shapes::char_length(shapes::EXAMPLE_HEADING),
                    Some(type_name.clone()),
                );
            }
            None => {
                let location = self.location(block.line, 1);
                self.report(
                    &codes::BLOCK_WITHOUT_EXAMPLE,
                    format!("`{type_name}` has no example"),
                    location,
                    1,
                    Some(type_name.clone()),
                );
            }
        }
        self.check_example_against_fields(&block.ty);
        for (field, replacement, location) in &block.replacements {
            if block.ty.field(replacement).is_none() {
                self.report(
                    &codes::REPLACEMENT_NOT_A_FIELD,
                    format!("`{type_name}.{field}` names `{replacement}` as its replacement, which is not a field of `{type_name}`"),
                    location.clone(),
                    shapes::char_length("Deprecated"),
                    Some(format!("{type_name}.{field}")),
                );
            }
        }
        if let Some(first) = self
            .schema
            .types
            .get(&type_name)
            .and_then(|known| known.provenance.location.clone())
        {
            let placeholder = self.free_placeholder_name(block.line);
            let location = block
                .ty
                .provenance
                .location
                .clone()
                .unwrap_or_else(|| self.location(block.line, 1));
            let diagnostic = codes::DUPLICATE_TYPE
                .at(
                    format!("type `{type_name}` is defined twice; this block is read as `{placeholder}`"),
                    location,
                    shapes::char_length(&type_name),
                )
                .with_label(first, "first defined here")
                .with_coordinate(placeholder.clone());
            self.diagnostics.push(diagnostic);
            block.ty.name = placeholder;
            block.ty.name_origin = NameOrigin::Placeholder;
        }
        self.schema.insert_type(block.ty);
    }

    /// `Unnamed_L<line>`, or `Unnamed_L<line>_<n>` when a block literally named so exists.
    fn free_placeholder_name(&self, line: u32) -> String {
        let mut name = placeholder_name(line);
        let mut suffix = 2_u32;
        while self.schema.types.contains_key(&name) {
            name = format!("{}_{suffix}", placeholder_name(line));
            suffix = suffix.saturating_add(1);
        }
        name
    }

    fn check_example_against_fields(&mut self, ty: &TypeDef) {
        let Some(example) = &ty.example else { return };
        if ty.fields.is_empty() {
            return;
        }
        for entry in &example.entries {
            let (code, message, coordinate) = match ty.field(&entry.key) {
                None => (
                    &codes::EXAMPLE_KEY_NOT_A_FIELD,
                    format!(
                        "the example of `{}` shows `{}`, which is not a field",
                        ty.name, entry.key
                    ),
                    ty.name.clone(),
                ),
                Some(field) if field.ty.is_list() && !entry.value.starts_with('[') => {
                    let coordinate = format!("{}.{}", ty.name, entry.key);
                    let message = format!(
                        "the example shows list field `{coordinate}` (`{}`) as a single value",
                        field.ty
                    );
                    (&codes::LIST_FIELD_SHOWN_BARE, message, coordinate)
                }
                Some(_) => continue,
            };
            let location = entry
                .provenance
                .location
                .clone()
                .unwrap_or_else(|| self.location(example_line(example), 1));
            let length = shapes::char_length(&entry.key).saturating_add(2);
            self.report(code, message, location, length, Some(coordinate));
        }
    }
}

fn example_line(example: &Example) -> u32 {
    example
        .provenance
        .location
        .as_ref()
        .map_or(1, |location| location.line)
}

/// `Unnamed_L<line>`: a valid GraphQL name that says where the unnamed block starts.
fn placeholder_name(line: u32) -> String {
    format!("Unnamed_L{line}")
}
