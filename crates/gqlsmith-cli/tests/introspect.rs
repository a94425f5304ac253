//! `gqlsmith introspect URL` and URL inputs, against small servers on 127.0.0.1 written here
//! with std's `TcpListener`: one that answers as a modern GraphQL server does, one that knows
//! only the 2018 introspection schema, and ones that fail in each way a real one can (an error
//! status, no answer, HTML instead of JSON, introspection disabled, forged names).
//! A server built from gqlsmith's own rust-server stubs is introspected in
//! `tests/generated-rust/tests/server_from_stubs.rs`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

mod support;

use support::{gqlsmith, gqlsmith_in, root};

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Request {
    headers: Vec<(String, String)>,
    query: String,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// What a handler answers: a status and a body (`None`: never answer).
type Answer = Option<(u16, String)>;

/// A server on 127.0.0.1 that answers every request with `handler`, on its own thread, and
/// keeps the requests it saw. It lives until the test process ends.
struct Server {
    url: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    fn start(handler: impl Fn(&Request) -> Answer + Send + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a local port is free");
        let url = format!(
            "http://{}/graphql",
            listener
                .local_addr()
                .expect("a bound listener has an address")
        );
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let Some(request) = read_request(&mut stream) else {
                    continue;
                };
                seen.lock().unwrap().push(request.clone());
                match handler(&request) {
                    Some((status, body)) => {
                        let response = format!(
                            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                            body.len()
                        );
                        let _ = stream.write_all(response.as_bytes());
                    }
                    // Hold the connection open without a word, until the client gives up.
                    None => std::thread::spawn(move || {
                        let mut sink = Vec::new();
                        let _ = stream.read_to_end(&mut sink);
                    })
                    .join()
                    .unwrap_or(()),
                }
            }
        });
        Server { url, requests }
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

fn read_request(stream: &mut std::net::TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let body: Value = serde_json::from_slice(&body).ok()?;
    let query = body["query"].as_str()?.to_owned();
    Some(Request { headers, query })
}

/// The storefront's real introspection result (fixtures/schemas, see SOURCES there).
fn storefront_data() -> Value {
    let text = std::fs::read_to_string(root().join("fixtures/schemas/shopify-storefront.json"))
        .expect("the storefront fixture exists");
    serde_json::from_str(&text).expect("the fixture is JSON")
}

/// The probe's answer of a server whose meta-types have `fields`.
fn probe_answer(type_fields: &[&str], directive_fields: &[&str]) -> String {
    let fields = |names: &[&str]| json!({"fields": names.iter().map(|name| json!({"name": name})).collect::<Vec<_>>()});
    json!({"data": {
        "schema": fields(&["types", "queryType", "description"]),
        "type": fields(type_fields),
        "directive": fields(directive_fields),
        "inputValue": fields(&["name", "type", "defaultValue", "isDeprecated"]),
    }})
    .to_string()
}

/// A server as graphql-js 16 answers: every optional field exists; it wants a bearer token.
fn modern_server() -> Server {
    let data = storefront_data();
    Server::start(move |request| {
        if request.header("authorization") != Some("Bearer s3cret") {
            return Some((401, r#"{"errors":[{"message":"unauthorized"}]}"#.to_owned()));
        }
        if request.query.contains("GqlsmithIntrospectionProbe") {
            return Some((
                200,
                probe_answer(
                    &["kind", "name", "specifiedByURL", "isOneOf"],
                    &["name", "isRepeatable"],
                ),
            ));
        }
        Some((200, json!({ "data": data }).to_string()))
    })
}

#[track_caller]
fn check_usage_error(run: &support::Run, expect_in_stderr: &str) {
    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains(expect_in_stderr),
        "expected `{expect_in_stderr}` in:\n{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "no output: {}", run.stdout);
}

#[test]
fn introspect_prints_the_servers_schema_as_sdl() {
    let server = modern_server();
    let run = gqlsmith(&[
        "introspect",
        &server.url,
        "-H",
        "Authorization: Bearer s3cret",
    ]);
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    let from_file = gqlsmith(&[
        "convert",
        "fixtures/schemas/shopify-storefront.json",
        "--to",
        "sdl",
    ]);
    assert_eq!(from_file.code, 0, "{}", from_file.stderr);
    assert_eq!(
        run.stdout, from_file.stdout,
        "the same SDL as from the file"
    );
    // The probe found every optional field, so the introspection query asked for them.
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "a probe, then the introspection query");
    for part in [
        "specifiedByURL",
        "isOneOf",
        "isRepeatable",
        "inputFields(includeDeprecated: true)",
    ] {
        assert!(requests[1].query.contains(part), "{part} asked for");
    }
    assert_eq!(requests[1].header("content-type"), Some("application/json"));
}

#[test]
fn introspect_writes_json_or_sdl_by_the_output_extension() {
    let server = modern_server();
    let scratch = tempfile::tempdir().unwrap();
    let header = "Authorization: Bearer s3cret";
    let run = gqlsmith_in(
        scratch.path(),
        &["introspect", &server.url, "-H", header, "-o", "schema.json"],
    );
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("to `schema.json`"), "{}", run.stderr);
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(scratch.path().join("schema.json")).unwrap())
            .expect("the file is JSON");
    assert_eq!(
        written,
        storefront_data(),
        "the result as the server sent it"
    );
    let run = gqlsmith_in(
        scratch.path(),
        &[
            "introspect",
            &server.url,
            "-H",
            header,
            "-o",
            "schema.graphql",
            "-q",
        ],
    );
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert_eq!(run.stderr, "", "--quiet: no status line");
    let sdl = std::fs::read_to_string(scratch.path().join("schema.graphql")).unwrap();
    assert!(sdl.contains("type QueryRoot"), "SDL written");
    // `-o -` is standard output, not a file named `-`.
    let run = gqlsmith_in(
        scratch.path(),
        &[
            "introspect",
            &server.url,
            "-H",
            header,
            "-o",
            "-",
            "--to",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    let printed: Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    assert_eq!(printed, storefront_data());
    assert!(!scratch.path().join("-").exists());
}

#[test]
fn a_server_without_the_new_introspection_fields_is_asked_without_them() {
    // A 2018-era server: no specifiedByURL, isOneOf, isRepeatable or input value deprecation;
    // asking for any of them is a validation error (HTTP 400, as graphql-over-http answers).
    let mut data = storefront_data();
    strip_keys(&mut data, &["specifiedByURL", "isOneOf", "isRepeatable"]);
    let served = data.clone();
    let server = Server::start(move |request| {
        if request.query.contains("GqlsmithIntrospectionProbe") {
            return Some((
                200,
                json!({"data": {
                    "schema": {"fields": [{"name": "types"}]},
                    "type": {"fields": [{"name": "kind"}, {"name": "name"}]},
                    "directive": {"fields": [{"name": "name"}]},
                    "inputValue": {"fields": [{"name": "name"}]},
                }})
                .to_string(),
            ));
        }
        for unknown in [
            "specifiedByURL",
            "isOneOf",
            "isRepeatable",
            "includeDeprecated: true) { ...InputValue",
        ] {
            if request.query.contains(unknown) {
                return Some((
                    400,
                    json!({"errors": [{"message": format!("Cannot query field \"{unknown}\"")}]})
                        .to_string(),
                ));
            }
        }
        Some((200, json!({ "data": served }).to_string()))
    });
    let run = gqlsmith(&["introspect", &server.url, "--to", "json"]);
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    let printed: Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    assert_eq!(printed, data);
}

#[test]
fn a_server_that_refuses_the_probe_gets_the_plain_query() {
    let data = storefront_data();
    let server = Server::start(move |request| {
        if request.query.contains("GqlsmithIntrospectionProbe") {
            return Some((
                200,
                json!({"data": null, "errors": [{"message": "__type is disabled"}]}).to_string(),
            ));
        }
        if request.query.contains("isOneOf") {
            return Some((
                400,
                r#"{"errors":[{"message":"unknown field"}]}"#.to_owned(),
            ));
        }
        Some((200, json!({ "data": data }).to_string()))
    });
    let run = gqlsmith(&["introspect", &server.url, "-q"]);
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(run.stdout.contains("type QueryRoot"));
}

#[test]
fn failures_are_one_clear_line_exit_2_and_nothing_written() {
    let scratch = tempfile::tempdir().unwrap();
    let status = Server::start(|_| Some((500, "<html>Internal Server Error</html>".to_owned())));
    let html = Server::start(|_| Some((200, "<!doctype html><p>Welcome</p>".to_owned())));
    let disabled = Server::start(|_| {
        Some((
            200,
            r#"{"data":null,"errors":[{"message":"GraphQL introspection is not allowed"}]}"#
                .to_owned(),
        ))
    });
    let silent = Server::start(|_| None);
    let unauthorized = modern_server();
    // A port nothing listens on: bind one, then let it go.
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/graphql", listener.local_addr().unwrap())
    };
    let cases: [(&str, &[&str], &str); 6] = [
        (
            &status.url,
            &[],
            "the server answered HTTP 500 (<html>Internal Server Error</html>)",
        ),
        (&html.url, &[], "the answer is not JSON"),
        (
            &disabled.url,
            &[],
            "the server answered with errors: GraphQL introspection is not allowed",
        ),
        (
            &silent.url,
            &["--timeout", "1"],
            "no answer within 1 s; raise --timeout",
        ),
        (
            &unauthorized.url,
            &[],
            "HTTP 401 ({\"errors\":[{\"message\":\"unauthorized\"}]}); pass credentials with -H",
        ),
        (&closed, &[], "check the URL and that the server is running"),
    ];
    for (url, extra, expect) in cases {
        let out = scratch.path().join("schema.graphql");
        let mut args = vec!["introspect", url, "-o", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let run = gqlsmith(&args);
        check_usage_error(&run, expect);
        assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
        assert!(!out.exists(), "nothing written for {url}");
    }
    check_usage_error(
        &gqlsmith(&["introspect", "schema.graphql"]),
        "is not a server's URL",
    );
    check_usage_error(
        &gqlsmith(&["introspect", &status.url, "-H", "no colon"]),
        "write a header as `Name: value`",
    );
}

#[test]
fn forged_names_from_a_server_are_refused_before_anything_is_written() {
    let mut data = storefront_data();
    data["__schema"]["types"][0]["name"] = json!("a b; injected");
    let forged = Server::start(move |_| Some((200, json!({ "data": data }).to_string())));
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("schema.json");
    let run = gqlsmith(&["introspect", &forged.url, "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("{}:", forged.url)),
        "located in the fetched JSON: {}",
        run.stderr
    );
    assert!(!out.exists());
}

#[test]
fn any_input_may_be_a_url() {
    let server = modern_server();
    let header = "Authorization: Bearer s3cret";
    // The live schema against the file it was published as: no changes.
    let run = gqlsmith(&[
        "diff",
        "fixtures/schemas/shopify-storefront.json",
        &server.url,
        "-H",
        header,
    ]);
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(run.stdout.starts_with("no changes"), "{}", run.stdout);
    let run = gqlsmith(&["inspect", &server.url, "-H", header, "--format", "json"]);
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    let summary: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(summary["inputs"][0]["file"], json!(server.url), "{summary}");
    // Without the token the server refuses, and the command says why.
    check_usage_error(&gqlsmith(&["check", &server.url]), "HTTP 401");
}

/// Removes `keys` from every object in `value`, as a server that lacks those fields answers.
fn strip_keys(value: &mut Value, keys: &[&str]) {
    match value {
        Value::Object(object) => {
            for key in keys {
                object.remove(*key);
            }
            for child in object.values_mut() {
                strip_keys(child, keys);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| strip_keys(item, keys)),
        _ => {}
    }
}
