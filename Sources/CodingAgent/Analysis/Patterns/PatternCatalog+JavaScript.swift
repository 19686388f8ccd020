import AgentCore

extension PatternCatalog {
    static let javascript: [CodePattern] = [
        CodePattern(
            .javascript, .fileIO, "Read and write files with fs/promises",
            keywords: ["fs", "readfile", "writefile", "stream"], signal: #"fs\.|readFile|writeFile|createReadStream"#,
            code: """
                import { readFile, writeFile } from "node:fs/promises";

                const text = await readFile("config.txt", "utf8");
                await writeFile("out.txt", text.toUpperCase(), "utf8");
                """),
        CodePattern(
            .javascript, .http, "fetch with a timeout and status check",
            keywords: ["fetch", "axios", "abortcontroller"], signal: #"fetch\(|axios\.|http\.request"#,
            code: """
                const response = await fetch("https://api.example.com/items", {
                  headers: { Accept: "application/json" },
                  signal: AbortSignal.timeout(10_000),
                });
                if (!response.ok) throw new Error(`HTTP ${response.status}`);
                const items = await response.json();
                """),
        CodePattern(
            .javascript, .json, "Parse and stringify JSON safely", keywords: ["stringify"],
            signal: #"JSON\.(parse|stringify)\("#,
            code: """
                let config;
                try {
                  config = JSON.parse(text);
                } catch (error) {
                  throw new Error(`invalid config: ${error.message}`, { cause: error });
                }
                const pretty = JSON.stringify(config, null, 2);
                """),
        CodePattern(
            .javascript, .errorHandling, "Custom errors with causes", keywords: ["cause", "finally"],
            signal: #"catch\s*\(|throw new"#,
            code: """
                class ConfigError extends Error {
                  constructor(message, options) {
                    super(message, options);
                    this.name = "ConfigError";
                  }
                }

                try {
                  await loadConfig();
                } catch (error) {
                  throw new ConfigError("could not load the configuration", { cause: error });
                }
                """),
        CodePattern(
            .javascript, .concurrency, "Run promises concurrently",
            keywords: ["promise", "all", "allsettled", "worker"], signal: #"Promise\.(all|allSettled|race)|new Worker"#,
            code: """
                // Independent work: start everything, then await together.
                const pages = await Promise.all(urls.map((url) => fetch(url).then((r) => r.text())));

                // Keep going when some fail:
                const results = await Promise.allSettled(tasks.map((task) => task()));
                const failures = results.filter((r) => r.status === "rejected");
                """),
        CodePattern(
            .javascript, .testing, "Jest tests with each, mocks and async",
            keywords: ["jest", "vitest", "describe", "expect", "mock"], signal: #"describe\(|it\(|test\(|expect\("#,
            code: """
                import { sum, fetchUser } from "./math.js";

                describe("sum", () => {
                  test.each([[1, 2, 3], [0, 0, 0], [-1, 1, 0]])("sum(%i, %i) = %i", (a, b, expected) => {
                    expect(sum(a, b)).toBe(expected);
                  });

                  test("rejects on a network error", async () => {
                    global.fetch = jest.fn().mockRejectedValue(new Error("offline"));
                    await expect(fetchUser(1)).rejects.toThrow("offline");
                  });
                });
                """),
        CodePattern(
            .javascript, .cliArguments, "Parse arguments with node:util parseArgs",
            keywords: ["parseargs", "yargs", "commander", "process.argv"],
            signal: #"parseArgs|process\.argv|yargs|commander"#,
            code: """
                import { parseArgs } from "node:util";

                const { values, positionals } = parseArgs({
                  options: { width: { type: "string", short: "w", default: "800" }, verbose: { type: "boolean" } },
                  allowPositionals: true,
                });
                for (const path of positionals) await resize(path, Number(values.width));
                """),
        CodePattern(
            .javascript, .logging, "Structured logging with levels", keywords: ["pino", "winston", "console"],
            signal: #"logger\.|pino|winston|console\.(error|warn)"#,
            code: """
                import pino from "pino";

                const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });
                logger.info({ count: files.length }, "importing files");
                logger.error({ err: error }, "import failed");
                """),
        CodePattern(
            .javascript, .regex, "Regular expressions with named groups",
            keywords: ["regexp", "matchall", "replaceall"], signal: #"new RegExp|\.match\(|\.matchAll\(|\.replace\(/"#,
            code: """
                const LOG_LINE = /^(?<level>INFO|WARN|ERROR) (?<message>.*)$/;
                const match = line.match(LOG_LINE);
                if (match) console.info(match.groups.level, match.groups.message);

                for (const m of text.matchAll(/#(\\w+)/g)) tags.push(m[1]);
                const cleaned = text.replace(/\\s+/g, " ").trim();
                """),
        CodePattern(
            .javascript, .dates, "Dates in UTC and ISO 8601", keywords: ["date", "intl", "temporal", "toisostring"],
            signal: #"new Date|Date\.now|toISOString|Intl\.DateTimeFormat"#,
            code: """
                const now = new Date();
                const stamp = now.toISOString();                        // always UTC
                const parsed = new Date("2024-05-01T12:00:00Z");
                const inAWeek = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
                const label = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/Paris" }).format(now);
                """),
        CodePattern(
            .javascript, .subprocess, "Run a program with execFile (no shell)",
            keywords: ["child_process", "execfile", "spawn"], signal: #"child_process|execFile|spawn\(|exec\("#,
            code: """
                import { execFile } from "node:child_process";
                import { promisify } from "node:util";

                const run = promisify(execFile);
                const { stdout } = await run("git", ["status", "--short"], { timeout: 30_000 });
                const changed = stdout.split("\\n").filter(Boolean);
                """),
        CodePattern(
            .typescript, .json, "Typed JSON parsing with a runtime check",
            keywords: ["zod", "type", "guard", "interface"], signal: #"JSON\.parse\(|z\.object|interface\s+\w+"#,
            code: """
                interface User { id: number; name: string }

                function isUser(value: unknown): value is User {
                  return typeof value === "object" && value !== null
                    && typeof (value as User).id === "number" && typeof (value as User).name === "string";
                }

                const parsed: unknown = JSON.parse(text);
                if (!isUser(parsed)) throw new Error("not a user");
                """),
        CodePattern(
            .typescript, .errorHandling, "Result types instead of throwing",
            keywords: ["result", "union", "discriminated"], signal: #"ok:\s*(true|false)|Result<"#,
            code: """
                type Result<T, E = Error> = { ok: true; value: T } | { ok: false; error: E };

                async function loadUser(id: number): Promise<Result<User>> {
                  try {
                    return { ok: true, value: await api.user(id) };
                  } catch (error) {
                    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
                  }
                }
                """),
    ]
}
