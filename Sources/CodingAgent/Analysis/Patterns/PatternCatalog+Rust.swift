import AgentCore

extension PatternCatalog {
    static let rust: [CodePattern] = [
        CodePattern(
            .rust, .fileIO, "Read and write files with std::fs and BufReader",
            keywords: ["fs", "bufreader", "read_to_string"], signal: #"fs::(read_to_string|write|File)|BufReader"#,
            code: """
                use std::fs;
                use std::io::{self, BufRead, BufReader};

                fn upper_copy() -> io::Result<()> {
                    let text = fs::read_to_string("config.txt")?;
                    fs::write("out.txt", text.to_uppercase())?;
                    for line in BufReader::new(fs::File::open("big.log")?).lines() {
                        process(&line?);
                    }
                    Ok(())
                }
                """),
        CodePattern(
            .rust, .http, "HTTP with reqwest", keywords: ["reqwest", "hyper", "ureq"],
            signal: #"reqwest::|Client::new|ureq::"#,
            code: """
                let client = reqwest::Client::builder().timeout(std::time::Duration::from_secs(10)).build()?;
                let items: Vec<Item> = client
                    .get("https://api.example.com/items")
                    .send().await?
                    .error_for_status()?
                    .json().await?;
                """),
        CodePattern(
            .rust, .json, "serde derive with serde_json",
            keywords: ["serde", "serde_json", "derive", "deserialize", "serialize"],
            signal: #"serde_json::|#\[derive\(.*(Serialize|Deserialize)"#,
            code: """
                use serde::{Deserialize, Serialize};

                #[derive(Debug, Serialize, Deserialize)]
                struct User {
                    id: u64,
                    #[serde(rename = "display_name")]
                    name: String,
                }

                let user: User = serde_json::from_str(&text)?;
                let json = serde_json::to_string_pretty(&user)?;
                """),
        CodePattern(
            .rust, .errorHandling, "Error enums with thiserror and the ? operator",
            keywords: ["thiserror", "anyhow", "result", "question"], signal: #"Result<|thiserror|anyhow|\?;"#,
            code: """
                #[derive(Debug, thiserror::Error)]
                enum ConfigError {
                    #[error("missing key {0}")]
                    Missing(String),
                    #[error("cannot read the configuration")]
                    Io(#[from] std::io::Error),
                }

                fn port(settings: &HashMap<String, String>) -> Result<u16, ConfigError> {
                    let text = settings.get("port").ok_or_else(|| ConfigError::Missing("port".into()))?;
                    text.parse().map_err(|_| ConfigError::Missing("port".into()))
                }
                """),
        CodePattern(
            .rust, .concurrency, "Threads with scoped spawn; async with tokio",
            keywords: ["tokio", "thread", "arc", "mutex", "join", "rayon"],
            signal: #"thread::(spawn|scope)|tokio::|Arc<|Mutex<"#,
            code: """
                // Borrow data across threads safely with scoped threads.
                std::thread::scope(|scope| {
                    for chunk in data.chunks(1024) {
                        scope.spawn(move || process(chunk));
                    }
                });

                // Async: run futures concurrently.
                let (users, orders) = tokio::try_join!(fetch_users(), fetch_orders())?;
                """),
        CodePattern(
            .rust, .testing, "Unit tests in a tests module", keywords: ["cargo", "cfg", "assert_eq", "should_panic"],
            signal: #"#\[test\]|#\[cfg\(test\)\]"#,
            code: """
                #[cfg(test)]
                mod tests {
                    use super::*;

                    #[test]
                    fn squares_negative_numbers() {
                        assert_eq!(square(-3), 9);
                    }

                    #[test]
                    fn rejects_empty_input() {
                        assert!(parse("").is_err());
                    }
                }
                """),
        CodePattern(
            .rust, .cliArguments, "Arguments with clap derive", keywords: ["clap", "structopt", "env::args"],
            signal: #"clap::|#\[derive\(.*Parser|env::args"#,
            code: """
                use clap::Parser;

                #[derive(Parser)]
                #[command(about = "Resize images")]
                struct Args {
                    /// Images to resize
                    paths: Vec<std::path::PathBuf>,
                    #[arg(short, long, default_value_t = 800)]
                    width: u32,
                }

                let args = Args::parse();
                """),
        CodePattern(
            .rust, .logging, "tracing or log macros", keywords: ["tracing", "log", "env_logger"],
            signal: #"tracing::|log::|info!\(|warn!\(|error!\("#,
            code: """
                use tracing::{info, warn};

                tracing_subscriber::fmt().with_writer(std::io::stderr).init();
                info!(count = files.len(), "importing");
                warn!(error = %err, "import failed");
                """),
        CodePattern(
            .rust, .regex, "regex compiled once with LazyLock", keywords: ["regex", "lazylock", "once_cell"],
            signal: #"Regex::new|regex::"#,
            code: """
                use regex::Regex;
                use std::sync::LazyLock;

                static LOG_LINE: LazyLock<Regex> =
                    LazyLock::new(|| Regex::new(r"^(?P<level>INFO|WARN|ERROR) (?P<message>.*)$").unwrap());

                if let Some(caps) = LOG_LINE.captures(line) {
                    println!("{} {}", &caps["level"], &caps["message"]);
                }
                """),
        CodePattern(
            .rust, .dates, "Instant for timing, chrono for calendar dates",
            keywords: ["chrono", "instant", "systemtime", "duration"], signal: #"Instant::now|chrono::|SystemTime"#,
            code: """
                let start = std::time::Instant::now();
                work();
                let elapsed = start.elapsed();                          // monotonic Duration

                let now = chrono::Utc::now();
                let stamp = now.to_rfc3339();
                let parsed = chrono::DateTime::parse_from_rfc3339("2024-05-01T12:00:00Z")?;
                """),
        CodePattern(
            .rust, .subprocess, "std::process::Command with status checks", keywords: ["command", "process"],
            signal: #"Command::new"#,
            code: """
                use std::process::Command;

                let output = Command::new("git").args(["status", "--short"]).output()?;
                if !output.status.success() {
                    return Err(format!("git failed: {}", String::from_utf8_lossy(&output.stderr)).into());
                }
                let changed: Vec<String> = String::from_utf8(output.stdout)?.lines().map(str::to_owned).collect();
                """),
    ]
}
