//! Live introspection: a schema read from a running GraphQL server (`http://` or `https://`)
//! with the standard introspection query, as an introspection-JSON [`Input`].
//!
//! Servers differ in which parts of the introspection schema they know: `specifiedByURL`
//! (spec 2021), `isRepeatable` (2021), `isOneOf` (a 2024 RFC), the schema's `description`, and
//! deprecated arguments and input fields (`includeDeprecated` on `args`/`inputFields`). Asking
//! a server for a field it lacks fails the whole query, so a first, small query asks the
//! server which fields its `__Type`, `__Directive`, `__Schema` and `__InputValue` have, and the
//! introspection query then asks only for those.

use std::fmt;
use std::time::Duration;

use serde_json::Value;

use crate::input::{max_input_bytes, Input, InputFormat};

/// How to reach the server.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Extra request headers (`Authorization`, ...), sent with every request.
    pub headers: Vec<(String, String)>,
    /// The longest a whole request may take, connecting included.
    pub timeout: Duration,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            headers: Vec::new(),
            timeout: Duration::from_secs(30),
        }
    }
}

/// Whether an input argument names a server rather than a file.
pub fn is_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Why a live schema could not be fetched. One line each, saying what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    pub url: String,
    pub problem: FetchProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchProblem {
    /// The server could not be reached, or the connection broke (DNS, refused, TLS, ...).
    Transport(String),
    /// No answer within the timeout.
    Timeout { after: Duration },
    /// A status other than 2xx, with the start of the body.
    Status { status: u16, body: String },
    /// The body is not JSON.
    NotJson { error: String, body: String },
    /// The server answered with GraphQL errors and no schema.
    GraphQl { messages: Vec<String> },
    /// A JSON answer without `data.__schema`.
    NoSchema,
    /// The body is larger than the input size limit.
    TooLarge { limit: u64 },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = &self.url;
        match &self.problem {
            FetchProblem::Transport(error) => write!(
                f,
                "cannot introspect `{url}`: {error}; check the URL and that the server is running"
            ),
            FetchProblem::Timeout { after } => write!(
                f,
                "cannot introspect `{url}`: no answer within {} s; raise --timeout if the server is slow",
                after.as_secs_f64()
            ),
            FetchProblem::Status { status, body } => {
                write!(f, "cannot introspect `{url}`: the server answered HTTP {status}")?;
                if !body.is_empty() {
                    write!(f, " ({body})")?;
                }
                match status {
                    401 | 403 => f.write_str("; pass credentials with -H 'Authorization: ...'"),
                    404 | 405 => f.write_str("; is this the server's GraphQL endpoint?"),
                    _ => Ok(()),
                }
            }
            FetchProblem::NotJson { error, body } => write!(
                f,
                "cannot introspect `{url}`: the answer is not JSON ({error}; it starts `{body}`); is this the server's GraphQL endpoint?"
            ),
            FetchProblem::GraphQl { messages } => write!(
                f,
                "cannot introspect `{url}`: the server answered with errors: {}; introspection may be disabled on this server",
                messages.join("; ")
            ),
            FetchProblem::NoSchema => write!(
                f,
                "cannot introspect `{url}`: the answer has no `data.__schema`; is this the server's GraphQL endpoint?"
            ),
            FetchProblem::TooLarge { limit } => write!(
                f,
                "cannot introspect `{url}`: the answer is larger than {limit} bytes; raise the limit with --max-input-bytes"
            ),
        }
    }
}

impl std::error::Error for FetchError {}

impl Input {
    /// Fetches the schema of the server at `url` ([`fetch_introspection`]) as an
    /// introspection input labelled with the URL.
    pub fn fetch(url: &str, options: &FetchOptions) -> Result<Input, FetchError> {
        let text = fetch_introspection(url, options)?;
        Ok(Input::from_text(url, text, InputFormat::Introspection))
    }
}

/// Runs the introspection query against `url` and returns the result's `data` as pretty JSON
/// (`{"__schema": ...}`): the text an introspection input is read from, and what
/// `gqlsmith introspect -o schema.json` writes.
pub fn fetch_introspection(url: &str, options: &FetchOptions) -> Result<String, FetchError> {
    let client = Client::new(url, options);
    // A server that refuses the probe (introspection of `__type` disabled, an old server) is
    // asked the query every server since the 2015 spec answers.
    let features = match client.post(PROBE_QUERY, "GqlsmithIntrospectionProbe") {
        Ok(data) => Features::from_probe(&data),
        Err(FetchError {
            problem: FetchProblem::GraphQl { .. } | FetchProblem::NoSchema,
            ..
        }) => Features::default(),
        Err(error) => return Err(error),
    };
    let data = client.post(&introspection_query(features), "IntrospectionQuery")?;
    if !data.get("__schema").is_some_and(Value::is_object) {
        return Err(client.error(FetchProblem::NoSchema));
    }
    let mut text = serde_json::to_string_pretty(&data).unwrap_or_default();
    text.push('\n');
    Ok(text)
}

/// Asks the meta-types which fields they have; aliases keep the answer's keys readable.
const PROBE_QUERY: &str = r#"query GqlsmithIntrospectionProbe {
  schema: __type(name: "__Schema") { fields { name } }
  type: __type(name: "__Type") { fields { name } }
  directive: __type(name: "__Directive") { fields { name } }
  inputValue: __type(name: "__InputValue") { fields { name } }
}"#;

/// The optional parts of the introspection schema a server has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Features {
    schema_description: bool,
    specified_by_url: bool,
    is_one_of: bool,
    is_repeatable: bool,
    input_value_deprecation: bool,
}

impl Features {
    fn from_probe(data: &Value) -> Features {
        let has = |meta: &str, field: &str| {
            data.get(meta)
                .and_then(|ty| ty.get("fields"))
                .and_then(Value::as_array)
                .is_some_and(|fields| {
                    fields
                        .iter()
                        .any(|f| f.get("name").and_then(Value::as_str) == Some(field))
                })
        };
        Features {
            schema_description: has("schema", "description"),
            specified_by_url: has("type", "specifiedByURL"),
            is_one_of: has("type", "isOneOf"),
            is_repeatable: has("directive", "isRepeatable"),
            input_value_deprecation: has("inputValue", "isDeprecated"),
        }
    }
}

/// graphql-js's `getIntrospectionQuery`, with each optional part only where the server has it.
fn introspection_query(features: Features) -> String {
    let when = |present: bool, text: &'static str| if present { text } else { "" };
    let include_deprecated = when(
        features.input_value_deprecation,
        "(includeDeprecated: true)",
    );
    let mut type_ref = String::from("kind name");
    // Nine levels of `ofType`, as graphql-js asks: enough for `[[[Int!]!]!]!` and more.
    for _ in 0..9 {
        type_ref = format!("kind name ofType {{ {type_ref} }}");
    }
    format!(
        "query IntrospectionQuery {{
  __schema {{
    {schema_description}
    queryType {{ name }}
    mutationType {{ name }}
    subscriptionType {{ name }}
    types {{ ...FullType }}
    directives {{
      name
      description
      {is_repeatable}
      locations
      args{include_deprecated} {{ ...InputValue }}
    }}
  }}
}}
fragment FullType on __Type {{
  kind
  name
  description
  {specified_by_url}
  {is_one_of}
  fields(includeDeprecated: true) {{
    name
    description
    args{include_deprecated} {{ ...InputValue }}
    type {{ ...TypeRef }}
    isDeprecated
    deprecationReason
  }}
  inputFields{include_deprecated} {{ ...InputValue }}
  interfaces {{ ...TypeRef }}
  enumValues(includeDeprecated: true) {{ name description isDeprecated deprecationReason }}
  possibleTypes {{ ...TypeRef }}
}}
fragment InputValue on __InputValue {{
  name
  description
  type {{ ...TypeRef }}
  defaultValue
  {input_value_deprecation}
}}
fragment TypeRef on __Type {{ {type_ref} }}
",
        schema_description = when(features.schema_description, "description"),
        is_repeatable = when(features.is_repeatable, "isRepeatable"),
        specified_by_url = when(features.specified_by_url, "specifiedByURL"),
        is_one_of = when(features.is_one_of, "isOneOf"),
        input_value_deprecation = when(
            features.input_value_deprecation,
            "isDeprecated deprecationReason"
        ),
    )
}

/// One server and how to reach it.
struct Client<'a> {
    url: &'a str,
    options: &'a FetchOptions,
    agent: ureq::Agent,
}

impl<'a> Client<'a> {
    fn new(url: &'a str, options: &'a FetchOptions) -> Client<'a> {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            // A GraphQL server answers a bad query with 400 and a JSON body that says why:
            // read it instead of stopping at the status.
            .http_status_as_error(false)
            .user_agent(concat!("gqlsmith/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Client {
            url,
            options,
            agent,
        }
    }

    fn error(&self, problem: FetchProblem) -> FetchError {
        FetchError {
            url: self.url.to_owned(),
            problem,
        }
    }

    /// POSTs one query (GraphQL over HTTP) and returns its `data`; errors without data,
    /// statuses other than 2xx, and bodies that are not JSON are errors.
    fn post(&self, query: &str, operation_name: &str) -> Result<Value, FetchError> {
        let body = serde_json::json!({"query": query, "operationName": operation_name});
        let mut request = self
            .agent
            .post(self.url)
            .header("content-type", "application/json")
            .header(
                "accept",
                "application/graphql-response+json, application/json;q=0.9",
            );
        for (name, value) in &self.options.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let mut response = request
            .send(body.to_string())
            .map_err(|error| self.transport_error(error))?;
        let status = response.status().as_u16();
        let limit = max_input_bytes();
        let text = response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_string()
            .map_err(|error| match error {
                ureq::Error::BodyExceedsLimit(_) => self.error(FetchProblem::TooLarge { limit }),
                other => self.transport_error(other),
            })?;
        let json: Result<Value, _> = serde_json::from_str(&text);
        let errors = json.as_ref().ok().and_then(graphql_errors);
        let data = json
            .as_ref()
            .ok()
            .and_then(|value| value.get("data"))
            .filter(|data| !data.is_null());
        let success = (200..300).contains(&status);
        match (data, errors) {
            (Some(data), _) if success => Ok(data.clone()),
            // Credentials are the fix, whatever the body says.
            _ if status == 401 || status == 403 => Err(self.error(FetchProblem::Status {
                status,
                body: excerpt(&text),
            })),
            // graphql-over-http: a query the server rejects may come back as 4xx with errors.
            (None, Some(messages)) => Err(self.error(FetchProblem::GraphQl { messages })),
            _ if !success => Err(self.error(FetchProblem::Status {
                status,
                body: excerpt(&text),
            })),
            _ => match json {
                Err(error) => Err(self.error(FetchProblem::NotJson {
                    error: error.to_string(),
                    body: excerpt(&text),
                })),
                Ok(_) => Err(self.error(FetchProblem::NoSchema)),
            },
        }
    }

    fn transport_error(&self, error: ureq::Error) -> FetchError {
        match error {
            ureq::Error::Timeout(_) => self.error(FetchProblem::Timeout {
                after: self.options.timeout,
            }),
            other => self.error(FetchProblem::Transport(other.to_string())),
        }
    }
}

/// The messages of a GraphQL response's `errors`, when it has any.
fn graphql_errors(response: &Value) -> Option<Vec<String>> {
    let errors = response.get("errors")?.as_array()?;
    let messages: Vec<String> = errors
        .iter()
        .map(|error| {
            error
                .get("message")
                .and_then(Value::as_str)
                .map_or_else(|| error.to_string(), str::to_owned)
        })
        .collect();
    (!messages.is_empty()).then_some(messages)
}

/// The first line of a body, at most 80 characters, for an error message.
fn excerpt(body: &str) -> String {
    let line = body.trim().lines().next().unwrap_or("");
    let mut excerpt: String = line.chars().take(80).collect();
    if excerpt.len() < line.len() {
        excerpt.push('…');
    }
    excerpt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("http://127.0.0.1:4000/graphql"));
        assert!(is_url("HTTPS://api.example.com/graphql"));
        assert!(!is_url("schema.graphql"));
        assert!(!is_url("http.graphql"));
        assert!(!is_url("-"));
    }

    #[test]
    fn the_query_asks_only_for_what_the_server_has() {
        let full = introspection_query(Features {
            schema_description: true,
            specified_by_url: true,
            is_one_of: true,
            is_repeatable: true,
            input_value_deprecation: true,
        });
        for part in [
            "specifiedByURL",
            "isOneOf",
            "isRepeatable",
            "inputFields(includeDeprecated: true)",
        ] {
            assert!(full.contains(part), "{part} in\n{full}");
        }
        let plain = introspection_query(Features::default());
        for part in [
            "specifiedByURL",
            "isOneOf",
            "isRepeatable",
            "includeDeprecated: true) { ...InputValue",
        ] {
            assert!(!plain.contains(part), "{part} in\n{plain}");
        }
    }

    #[test]
    fn the_probe_answer_gives_the_features() {
        let data = serde_json::json!({
            "schema": {"fields": [{"name": "types"}, {"name": "description"}]},
            "type": {"fields": [{"name": "kind"}, {"name": "specifiedByURL"}]},
            "directive": {"fields": [{"name": "name"}]},
            "inputValue": null,
        });
        assert_eq!(
            Features::from_probe(&data),
            Features {
                schema_description: true,
                specified_by_url: true,
                ..Features::default()
            }
        );
    }
}
