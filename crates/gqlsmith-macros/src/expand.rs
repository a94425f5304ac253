//! The expansion of `include_schema!` on proc-macro2 tokens: parsing the arguments, running
//! the build helper, turning its text into tokens, and errors into `compile_error!`. Kept
//! apart from the `#[proc_macro]` entry point so that tests and benches call it directly.

use std::path::{Path, PathBuf};

use gqlsmith::codegen::Target;
use gqlsmith::InputFormat;
use gqlsmith_build::Builder;
use proc_macro2::TokenStream;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitBool, LitStr, Token};

/// The expansion of `include_schema!(input)` for a crate in `manifest_dir`: the generated
/// code, or a `compile_error!` spanned on the argument at fault.
pub(crate) fn expand(input: TokenStream, manifest_dir: &Path) -> TokenStream {
    expand_or_error(input, manifest_dir).unwrap_or_else(|error| error.to_compile_error())
}

/// The generated code followed by one `const _: &[u8] = include_bytes!("/abs/path");` per file
/// read: rustc records those files as inputs of the crate, so cargo rebuilds it (and reruns
/// the macro) when one changes.
pub(crate) fn expand_or_error(input: TokenStream, manifest_dir: &Path) -> syn::Result<TokenStream> {
    let arguments: Arguments = syn::parse2(input)?;
    let generated = arguments
        .builder(manifest_dir)
        .generate()
        .map_err(|error| syn::Error::new(arguments.input.span(), error.to_string().trim_end()))?;
    let code: TokenStream = generated.code.parse().map_err(|error| {
        syn::Error::new(
            arguments.input.span(),
            format!("gqlsmith generated code that does not tokenize: {error}"),
        )
    })?;
    let tracked = generated
        .files_read
        .iter()
        .filter(|path| path.is_file())
        .map(|path| {
            let path = path.to_string_lossy();
            quote!(
                const _: &[u8] = include_bytes!(#path);
            )
        });
    Ok(quote!(#code #(#tracked)*))
}

/// `"input", key = value, …`
struct Arguments {
    input: LitStr,
    target: Target,
    format: Option<InputFormat>,
    overlay: Option<PathBuf>,
    reference: Option<PathBuf>,
    config: Option<PathBuf>,
    templates: Option<PathBuf>,
    recover: bool,
    documents: Vec<LitStr>,
}

impl Arguments {
    fn builder(&self, manifest_dir: &Path) -> Builder {
        let mut builder = Builder::new()
            .base_dir(manifest_dir)
            .input(self.input.value())
            .target(self.target)
            .single_threaded();
        if let Some(format) = self.format {
            builder = builder.format(format);
        }
        if let Some(path) = &self.overlay {
            builder = builder.overlay(path);
        }
        if let Some(path) = &self.reference {
            builder = builder.reference(path);
        }
        if let Some(path) = &self.config {
            builder = builder.config(path);
        }
        if let Some(dir) = &self.templates {
            builder = builder.templates(dir);
        }
        if !self.recover {
            builder = builder.no_recover();
        }
        for pattern in &self.documents {
            builder = builder.documents(pattern.value());
        }
        builder
    }
}

const KEYS: &str = "target, format, overlay, reference, config, templates, documents or recover";

impl Parse for Arguments {
    fn parse(stream: ParseStream<'_>) -> syn::Result<Arguments> {
        let input: LitStr = stream.parse().map_err(|error| {
            syn::Error::new(error.span(), "expected the path of a schema or docs page, as a string: include_schema!(\"schema.graphql\")")
        })?;
        let mut arguments = Arguments {
            input,
            target: Target::RustClient,
            format: None,
            overlay: None,
            reference: None,
            config: None,
            templates: None,
            recover: true,
            documents: Vec::new(),
        };
        let mut seen: Vec<String> = Vec::new();
        while !stream.is_empty() {
            stream.parse::<Token![,]>()?;
            if stream.is_empty() {
                break;
            }
            let key: Ident = stream.parse()?;
            let name = key.to_string();
            if seen.contains(&name) {
                return Err(syn::Error::new(
                    key.span(),
                    format!("`{name}` is given twice"),
                ));
            }
            stream.parse::<Token![=]>()?;
            match name.as_str() {
                "recover" => arguments.recover = stream.parse::<LitBool>()?.value,
                // `documents = ["src/**/*.graphql", ...]`: client operations for the
                // per-operation targets.
                "documents" => {
                    let list;
                    syn::bracketed!(list in stream);
                    let patterns =
                        syn::punctuated::Punctuated::<LitStr, Token![,]>::parse_terminated(&list)?;
                    arguments.documents = patterns.into_iter().collect();
                }
                "target" => {
                    let value: LitStr = stream.parse()?;
                    arguments.target = value.value().parse().map_err(
                        |error: gqlsmith::codegen::UnknownTarget| {
                            syn::Error::new(value.span(), error.to_string())
                        },
                    )?;
                }
                "format" => {
                    let value: LitStr = stream.parse()?;
                    let format = value
                        .value()
                        .parse()
                        .map_err(|error: String| syn::Error::new(value.span(), error))?;
                    arguments.format = Some(format);
                }
                "overlay" | "reference" | "config" | "templates" => {
                    let value = Some(PathBuf::from(stream.parse::<LitStr>()?.value()));
                    match name.as_str() {
                        "overlay" => arguments.overlay = value,
                        "reference" => arguments.reference = value,
                        "config" => arguments.config = value,
                        _ => arguments.templates = value,
                    }
                }
                _ => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!("unknown argument `{name}`: expected {KEYS}"),
                    ))
                }
            }
            seen.push(name);
        }
        Ok(arguments)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPES: &str = "type Account {\n  number: String!\n}\n";

    /// Expands `arguments` for a crate holding `files` (path, text) and shows the outcome: the
    /// tracking consts after `ok:` (the code before them is checked to be the builder's), or
    /// `line:column: message` of the compile error.
    #[track_caller]
    fn check(files: &[(&str, &str)], arguments: &str, expect: &str) {
        let dir = std::env::temp_dir().join(format!(
            "gqlsmith-macros-{}-{}",
            std::process::id(),
            unique()
        ));
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let tokens: TokenStream = arguments.parse().unwrap();
        let actual = match expand_or_error(tokens, &dir) {
            Ok(expansion) => {
                let text = expansion.to_string();
                let start = text.find("const _").unwrap_or(text.len());
                let arguments: Arguments = syn::parse_str(arguments).unwrap();
                let code = arguments.builder(&dir).generate().unwrap().code;
                assert_eq!(
                    text[..start].trim_end(),
                    code.parse::<TokenStream>().unwrap().to_string(),
                    "the code is the builder's"
                );
                format!("ok: {}", &text[start..])
            }
            Err(error) => {
                let start = error.span().start();
                format!("{}:{}: {error}", start.line, start.column)
            }
        };
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(actual.replace(&dir.display().to_string(), "DIR"), expect);
    }

    fn unique() -> u64 {
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    #[test]
    fn expands_to_the_code_and_tracks_each_file() {
        check(
            &[("schema.graphql", TYPES)],
            r#""schema.graphql""#,
            r#"ok: const _ : & [u8] = include_bytes ! ("DIR/schema.graphql") ;"#,
        );
        check(
            &[
                ("s/a.graphql", TYPES),
                (
                    "gqlsmith.toml",
                    "[generate.rust-client]\nderives = [\"Eq\"]\n",
                ),
            ],
            r#""s/a.graphql", target = "rust-server", config = "gqlsmith.toml", recover = false,"#,
            r#"ok: const _ : & [u8] = include_bytes ! ("DIR/gqlsmith.toml") ; const _ : & [u8] = include_bytes ! ("DIR/s/a.graphql") ;"#,
        );
    }

    #[test]
    fn documents_give_the_per_operation_targets_their_operations() {
        let schema = ("schema.graphql", "type Query {\n  a: Int\n}\n");
        check(
            &[schema, ("ops/q.graphql", "query A { a }\n")],
            r#""schema.graphql", target = "rust-operations", documents = ["ops/*.graphql"]"#,
            r#"ok: const _ : & [u8] = include_bytes ! ("DIR/schema.graphql") ; const _ : & [u8] = include_bytes ! ("DIR/ops/q.graphql") ;"#,
        );
        check(
            &[schema, ("ops/q.graphql", "query A {\n  b\n}\n")],
            r#""schema.graphql", target = "rust-operations", documents = ["ops/*.graphql"]"#,
            "1:0: gqlsmith found 1 error and generated nothing:\n\
             DIR/ops/q.graphql:2:3: error[O101]: type `Query` does not have a field `b`\n  = help: fix the operation, or the schema if the operation is right",
        );
        check(
            &[schema],
            r#""schema.graphql", target = "rust-operations""#,
            "1:0: gqlsmith found 1 error and generated nothing:\n\
             error[G010]: the `rust-operations` target generates code per operation, and no operations were given\n  = help: give `--documents 'src/**/*.graphql'` (or `documents = [...]` in gqlsmith.toml)",
        );
    }

    #[test]
    fn errors_point_at_the_argument_at_fault() {
        check(
            &[("schema.graphql", "type Account {\n  number: \n}\n")],
            r#""schema.graphql", target = "rust-client""#,
            "1:0: gqlsmith found 2 errors and generated nothing:\n\
             schema.graphql:3:1: error[S200]: syntax error: expected a Type\n  = help: fix the syntax at this position; the rest of the file was still read\n\
             schema.graphql:1:1: error[S238]: `Account` has no fields\n  = help: add at least one field, value or member, or remove the type",
        );
        check(
            &[],
            r#""missing.graphql""#,
            "1:0: gqlsmith found 1 error and generated nothing:\n\
             error[B800]: cannot read `missing.graphql`: No such file or directory (os error 2)\n  = help: check the path: relative paths start at the directory of the crate's Cargo.toml (or Builder::base_dir)",
        );
        check(&[], r#""a.graphql", target = "go""#, "1:22: unknown target `go` (known targets: rust-client, rust-server, markdown, typescript, sdl, typescript-operations, rust-operations)");
        check(
            &[],
            r#""a.graphql", format = "yaml""#,
            "1:22: unknown input format `yaml`: expected docs, sdl or introspection",
        );
        check(&[], r#""a.graphql", targte = "rust-client""#, "1:13: unknown argument `targte`: expected target, format, overlay, reference, config, templates, documents or recover");
        check(
            &[],
            r#""a.graphql", recover = false, recover = true"#,
            "1:30: `recover` is given twice",
        );
        check(&[], "schema", "1:0: expected the path of a schema or docs page, as a string: include_schema!(\"schema.graphql\")");
        check(&[], "", "1:0: expected the path of a schema or docs page, as a string: include_schema!(\"schema.graphql\")");
        check(
            &[("schema.graphql", TYPES)],
            r#""schema.graphql", target = "markdown""#,
            "1:0: gqlsmith found 1 error and generated nothing:\n\
             error[B801]: target `markdown` generates `book.toml`, which is not Rust\n  = help: include_schema! and generate_to_string take rust-client, rust-server or rust-operations; write other targets with generate_to_dir",
        );
    }

    /// The expansion for the Kraken page, parsed with syn, against the files `gqlsmith
    /// generate` writes, parsed with syn: the same items, in the same order, token for token,
    /// with each `mod name;` of `mod.rs` standing for the items of `name.rs`.
    #[test]
    fn the_expansion_is_the_clis_code_item_by_item() {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for target in ["rust-client", "rust-server"] {
            let arguments = format!("\"fixtures/kraken/objects.txt\", target = \"{target}\"");
            let expansion = expand_or_error(arguments.parse().unwrap(), &workspace).unwrap();
            let mut expanded = syn::parse2::<syn::File>(expansion).unwrap().items;
            let tracked = expanded.pop().unwrap();
            assert!(
                matches!(tracked, syn::Item::Const(_)),
                "{target}: the last item tracks the input"
            );

            let project = gqlsmith::load(
                vec![gqlsmith::Input::bundled_kraken()],
                &gqlsmith::LoadOptions::default(),
            );
            let target: Target = target.parse().unwrap();
            // Written to disk by the CLI's own writer, and read back from there.
            let out = std::env::temp_dir()
                .join(format!("gqlsmith-macro-cli-{}", std::process::id()))
                .join(target.name());
            gqlsmith::generate_targets_to_dirs(
                &project,
                &[(target, out.clone())],
                &Default::default(),
                &Default::default(),
                gqlsmith::WriteMode::Write,
            )
            .unwrap();
            let parse = |path: &str| {
                let text = std::fs::read_to_string(out.join(path)).unwrap();
                syn::parse_file(&text).unwrap()
            };
            let mut cli_items = parse("mod.rs").items;
            for item in &mut cli_items {
                if let syn::Item::Mod(module) = item {
                    if module.content.is_none() {
                        // A file's inner attributes (`//!` docs) belong to its module.
                        let file = parse(&format!("{}.rs", module.ident));
                        module.attrs.extend(file.attrs);
                        module.content = Some((Default::default(), file.items));
                        module.semi = None;
                    }
                }
            }
            let (expanded, cli) = (flatten(&expanded), flatten(&cli_items));
            assert_eq!(expanded.len(), cli.len(), "{target}: as many items");
            let mut compared = 0;
            for (expanded, cli) in expanded.iter().zip(&cli) {
                assert_eq!(expanded, cli, "{target}");
                compared += 1;
            }
            assert!(compared > 100, "{target}: {compared} items");
            std::fs::remove_dir_all(&out).ok();
        }
    }

    /// One token string per item, modules opened into their items (so a difference shows
    /// the one item that differs).
    fn flatten(items: &[syn::Item]) -> Vec<String> {
        let mut flat = Vec::new();
        for item in items {
            match item {
                syn::Item::Mod(syn::ItemMod {
                    attrs,
                    vis,
                    ident,
                    content: Some((_, inner)),
                    ..
                }) => {
                    flat.push(quote!(#(#attrs)* #vis mod #ident).to_string());
                    flat.extend(flatten(inner));
                    let name = ident;
                    flat.push(format!("end of mod {name}"));
                }
                other => flat.push(quote!(#other).to_string()),
            }
        }
        flat
    }
}
