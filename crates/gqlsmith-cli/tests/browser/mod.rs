//! A real browser for the docs-site tests: Debian's headless chromium driven over WebDriver
//! (chromedriver, plain HTTP and JSON through ureq), and a static file server on 127.0.0.1
//! (Python's `http.server`) that serves a built book to it.

#![allow(dead_code, unreachable_pub)] // Each test file uses a different part of this module.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};

/// Where Debian's packages put the browser and its driver.
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A free port on 127.0.0.1 (the listener is dropped, so the port is free again, and a
/// process started right after can take it).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port on 127.0.0.1")
}

/// Serves the files under `root` on 127.0.0.1 with Python's `http.server` (the interpreter
/// of tools/.venv, which holds mdBook), on a port it picks itself; ends on drop.
pub struct StaticServer {
    pub base_url: String,
    process: Child,
}

impl StaticServer {
    pub fn start(root: &Path) -> StaticServer {
        let python = crate::support::root().join("tools/.venv/bin/python3");
        let mut process = Command::new(&python)
            .args(["-u", "-m", "http.server", "--bind", "127.0.0.1", "0"])
            .current_dir(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot run `{}`: {error}", python.display()));
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let mut first_line = String::new();
        let stdout = process.stdout.take().expect("piped stdout");
        std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut first_line)
            .expect("http.server says where it serves");
        let port = first_line
            .split_whitespace()
            .skip_while(|word| *word != "port")
            .nth(1)
            .and_then(|port| port.parse::<u16>().ok())
            .unwrap_or_else(|| panic!("no port in `{first_line}`"));
        StaticServer {
            base_url: format!("http://127.0.0.1:{port}/"),
            process,
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// One chromedriver process and one headless chromium session in it. Both end on drop.
pub struct Browser {
    driver: Child,
    session_url: String,
    agent: ureq::Agent,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a headless chromium with a fresh profile and a window of
    /// `width` x `height`.
    pub fn start(width: u32, height: u32) -> Browser {
        for tool in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                Path::new(tool).exists(),
                "`{tool}` is missing: install Debian's browser with \
                 `apt-get install -y chromium chromium-driver` (cargo xtask test does)"
            );
        }
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(120)))
            .http_status_as_error(false)
            .build()
            .into();
        let driver_url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        loop {
            let ready = agent
                .get(format!("{driver_url}/status"))
                .call()
                .ok()
                .and_then(|mut response| response.body_mut().read_json::<Value>().ok())
                .is_some_and(|status| status["value"]["ready"] == true);
            if ready {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not answer on port {port} within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().expect("a temporary profile directory");
        let args = [
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--hide-scrollbars".to_owned(),
            // Pages left behind stay alive in the back-forward cache and the renderer grows
            // with every page opened, until it stops answering.
            "--disable-back-forward-cache".to_owned(),
            "--disable-features=BackForwardCache".to_owned(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    // `open` waits for the load itself (see there).
                    "pageLoadStrategy": "none",
                    // A check that does not end fails the test instead of hanging it.
                    "timeouts": { "script": 60000 },
                    "goog:chromeOptions": { "binary": CHROMIUM, "args": args }
                }
            }
        });
        let mut browser = Browser {
            driver,
            session_url: String::new(),
            agent,
            _profile: profile,
        };
        let created = browser.request("POST", &format!("{driver_url}/session"), Some(capabilities));
        let session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("chromedriver made no session: {created}"));
        browser.session_url = format!("{driver_url}/session/{session}");
        browser
    }

    /// One WebDriver command; returns its `value`, panics with the driver's error.
    fn request(&self, method: &str, url: &str, body: Option<Value>) -> Value {
        self.try_request(method, url, body)
            .unwrap_or_else(|error| panic!("{error}"))
    }

    /// One WebDriver command; its `value`, or the driver's error.
    fn try_request(&self, method: &str, url: &str, body: Option<Value>) -> Result<Value, String> {
        let response = match (method, body) {
            ("GET", _) => self.agent.get(url).call(),
            ("DELETE", _) => self.agent.delete(url).call(),
            (_, body) => self
                .agent
                .post(url)
                .send_json(body.unwrap_or_else(|| json!({}))),
        };
        let mut response = response.map_err(|error| format!("{method} {url}: {error}"))?;
        let status = response.status();
        let body: Value = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_json()
            .map_err(|error| format!("{method} {url}: unreadable answer: {error}"))?;
        if !status.is_success() {
            return Err(format!("{method} {url}: {status} {body}"));
        }
        Ok(body["value"].clone())
    }

    /// Opens `url` and waits until the page has loaded (its `readyState` is `complete`),
    /// for at most a minute. The session does not wait for loads itself
    /// (`pageLoadStrategy: none`): chromedriver's own wait is what gives up with "timed out
    /// receiving message from renderer" on a busy machine.
    pub fn open(&self, url: &str) -> Result<(), String> {
        self.try_request(
            "POST",
            &format!("{}/url", self.session_url),
            Some(json!({ "url": url })),
        )?;
        let started = Instant::now();
        let path = url.split('#').next().unwrap_or(url);
        loop {
            let state = self.run(
                "return document.readyState === 'complete' ? location.href.split('#')[0] : '';",
            )?;
            if state.as_str() == Some(path) {
                return Ok(());
            }
            if started.elapsed() > Duration::from_secs(60) {
                return Err(format!("{url} did not load within 60 s"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Runs `script` (a function body that returns a JSON value) in the page.
    pub fn run(&self, script: &str) -> Result<Value, String> {
        self.try_request(
            "POST",
            &format!("{}/execute/sync", self.session_url),
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// The viewport as a PNG, written to `path`.
    pub fn screenshot(&self, path: &Path) {
        let encoded = self.request("GET", &format!("{}/screenshot", self.session_url), None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().unwrap_or_default())
            .expect("a base64 PNG");
        std::fs::write(path, png).expect("write the screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session_url.is_empty() {
            // Ends chromium; the driver is killed next whatever the answer.
            let _ = self.agent.delete(&self.session_url).call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Where a test's output (built books, screenshots) goes: under the target dir, never
/// committed.
pub fn output_dir(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(test);
    std::fs::create_dir_all(&dir).expect("create the test output dir");
    dir
}
