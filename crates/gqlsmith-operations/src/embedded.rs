//! GraphQL embedded in TypeScript and JavaScript: `gql`/`graphql` tagged templates,
//! `graphql(`...`)` calls and `/* GraphQL */` strings, the places graphql-codegen's document
//! loader (graphql-tag-pluck) looks; and untagged templates that start with a `#graphql`
//! comment, as Shopify Hydrogen writes them (graphql-codegen misses those).
//!
//! The result keeps every line and every column of the host file: characters outside the
//! GraphQL are replaced by spaces (line breaks stay), so a position that apollo-compiler
//! reports in the extracted text is the position in the host file, with no mapping table.
//! `${...}` interpolations (usually fragments spread by name elsewhere) are blanked too.

/// True for the file extensions whose GraphQL is embedded: `.ts`, `.tsx`, `.js`, `.jsx`
/// (and `.mts`, `.cts`, `.mjs`, `.cjs`).
pub fn is_host_file(path: &str) -> bool {
    let extension = path.rsplit_once('.').map_or("", |(_, extension)| extension);
    matches!(
        extension,
        "ts" | "tsx" | "js" | "jsx" | "mts" | "cts" | "mjs" | "cjs"
    )
}

/// The GraphQL of a TypeScript or JavaScript file, every other character blanked; `None`
/// when the file holds none.
pub fn embedded_graphql(host: &str) -> Option<String> {
    let ranges = graphql_ranges(host);
    if ranges.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(host.len());
    let mut ranges = ranges.iter().peekable();
    for (at, c) in host.char_indices() {
        while ranges.peek().is_some_and(|range| range.end <= at) {
            ranges.next();
        }
        let inside = ranges.peek().is_some_and(|range| range.start <= at);
        out.push(if inside || c == '\n' || c == '\r' {
            c
        } else {
            ' '
        });
    }
    Some(out)
}

/// The byte ranges of GraphQL text in `host`, in order.
fn graphql_ranges(host: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = host.as_bytes();
    let mut ranges = Vec::new();
    let mut at = 0;
    // Set by a `/* GraphQL */` comment: the next template, if nothing but blanks come first.
    let mut marked = false;
    while at < bytes.len() {
        match bytes[at] {
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = find_from(bytes, at, b"\n").unwrap_or(bytes.len());
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                let end = find_from(bytes, at + 2, b"*/").map_or(bytes.len(), |end| end + 2);
                let body = host[at + 2..end.saturating_sub(2).max(at + 2)].trim();
                marked = body.eq_ignore_ascii_case("graphql");
                at = end;
                continue;
            }
            quote @ (b'\'' | b'"') => {
                at = skip_string(bytes, at, quote);
            }
            b'`' => {
                let tagged = marked || is_tagged(host, at) || starts_with_graphql_comment(host, at);
                at = template(bytes, at, tagged.then_some(&mut ranges));
            }
            byte if byte.is_ascii_whitespace() => {
                at += 1;
                continue;
            }
            _ => at += 1,
        }
        marked = false;
    }
    ranges
}

/// True when the template starting at `tick` follows `gql`, `graphql`, `gql(` or `graphql(`.
fn is_tagged(host: &str, tick: usize) -> bool {
    let before = host[..tick].trim_end();
    let before = before.strip_suffix('(').map_or(before, str::trim_end);
    ["gql", "graphql"].iter().any(|tag| {
        before.strip_suffix(tag).is_some_and(|rest| {
            !rest
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
        })
    })
}

/// True when the template's text starts with a `#graphql` comment, as Shopify Hydrogen
/// writes its queries (untagged, the comment marks them for editors and its codegen).
fn starts_with_graphql_comment(host: &str, tick: usize) -> bool {
    host[tick + 1..].trim_start().starts_with("#graphql")
}

fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| at + from)
}

/// The index after the string literal that starts at `at`.
fn skip_string(bytes: &[u8], at: usize, quote: u8) -> usize {
    let mut at = at + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'\n' => return at + 1,
            byte if byte == quote => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// The index after the template literal that starts at `tick`; with `ranges`, the template's
/// text outside `${...}` is recorded as GraphQL. Interpolations are skipped by counting
/// braces (strings and nested templates inside them included), with a loop, not recursion,
/// so deep nesting cannot overflow the stack.
fn template(
    bytes: &[u8],
    tick: usize,
    mut ranges: Option<&mut Vec<std::ops::Range<usize>>>,
) -> usize {
    let mut at = tick + 1;
    let mut start = at;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'`' => {
                if let Some(ranges) = ranges.as_deref_mut() {
                    ranges.push(start..at);
                }
                return at + 1;
            }
            b'$' if bytes.get(at + 1) == Some(&b'{') => {
                if let Some(ranges) = ranges.as_deref_mut() {
                    ranges.push(start..at);
                }
                at = skip_interpolation(bytes, at + 2);
                start = at;
            }
            _ => at += 1,
        }
    }
    if let Some(ranges) = ranges {
        ranges.push(start..bytes.len().min(at));
    }
    bytes.len()
}

/// The index after the `}` that closes an interpolation whose body starts at `at`.
fn skip_interpolation(bytes: &[u8], mut at: usize) -> usize {
    // Each entry is what we are inside: `{` (code) or `` ` `` (a nested template's text).
    let mut stack: Vec<u8> = vec![b'{'];
    while at < bytes.len() {
        let inside_template = stack.last() == Some(&b'`');
        match bytes[at] {
            b'\\' => at += 2,
            b'`' if inside_template => {
                stack.pop();
                at += 1;
            }
            b'$' if inside_template && bytes.get(at + 1) == Some(&b'{') => {
                stack.push(b'{');
                at += 2;
            }
            _ if inside_template => at += 1,
            b'`' => {
                stack.push(b'`');
                at += 1;
            }
            b'{' => {
                stack.push(b'{');
                at += 1;
            }
            b'}' => {
                stack.pop();
                at += 1;
                if stack.is_empty() {
                    return at;
                }
            }
            quote @ (b'\'' | b'"') => at = skip_string(bytes, at, quote),
            _ => at += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(host: &str, expect: Option<&str>) {
        let found = embedded_graphql(host);
        if let Some(found) = &found {
            assert_eq!(
                found.chars().count(),
                host.chars().count(),
                "columns are kept"
            );
            assert_eq!(found.lines().count(), host.lines().count());
        }
        let trimmed = found.map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "));
        assert_eq!(trimmed.as_deref(), expect);
    }

    #[test]
    fn tagged_templates_and_comments_are_found() {
        check(
            "const Q = gql`\n  query A { a }\n`;\nconst n = 1;",
            Some("query A { a }"),
        );
        check(
            "export const F = graphql(`fragment F on T { id }`);",
            Some("fragment F on T { id }"),
        );
        check(
            "const s = /* GraphQL */ `\n query B { b }`",
            Some("query B { b }"),
        );
        check(
            "const q = gql`\n query C { ...F }\n ${F}\n`",
            Some("query C { ...F }"),
        );
        check(
            "const CART_QUERY = `#graphql\n  query Cart { cart { id } }\n` as const;",
            Some("#graphql query Cart { cart { id } }"),
        );
    }

    #[test]
    fn other_templates_strings_and_comments_are_not() {
        check("const a = `query X { x }`;", None);
        check("const a = 'gql`query X { x }`';", None);
        check("// gql`query X { x }`\nconst b = 2;", None);
        check("const mygql = 1; mygql`query X { x }`", None);
        check("/* GraphQL */ const x = `a`;", None);
    }

    #[test]
    fn interpolations_with_braces_and_templates_are_skipped() {
        check(
            "const q = gql`query D { d } ${ cond ? `${ {a: 1}.a }` : '}' }`",
            Some("query D { d }"),
        );
    }

    #[test]
    fn positions_stay_where_they_were() {
        let host = "const é = 1;\nconst q = gql`query E { e }`;";
        let found = embedded_graphql(host).unwrap();
        let line = found.lines().nth(1).unwrap();
        let column = line.chars().position(|c| c == 'q').unwrap();
        assert_eq!(column, "const q = gql`".chars().count());
    }

    #[test]
    fn unterminated_input_does_not_panic() {
        for host in ["gql`query", "gql`${", "/* GraphQL", "'abc", "gql`${ `${ {"] {
            let _ = embedded_graphql(host);
        }
    }
}
