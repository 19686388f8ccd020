import AgentCore

extension PatternCatalog {
    static let python: [CodePattern] = [
        CodePattern(
            .python, .fileIO, "Read and write text files with pathlib", keywords: ["pathlib", "with"],
            signal: #"open\(|Path\(|read_text\(|write_text\("#,
            code: """
                from pathlib import Path

                text = Path("config.txt").read_text(encoding="utf-8")
                Path("out.txt").write_text(text.upper(), encoding="utf-8")

                with open("big.log", encoding="utf-8") as handle:  # stream large files line by line
                    for line in handle:
                        process(line.rstrip("\\n"))
                """),
        CodePattern(
            .python, .http, "HTTP requests with timeouts and status checks", keywords: ["requests", "httpx", "urllib"],
            signal: #"requests\.(get|post)|httpx\.|urlopen\("#,
            code: """
                import requests

                response = requests.get("https://api.example.com/items", params={"page": 1}, timeout=10)
                response.raise_for_status()
                items = response.json()

                # Standard library only:
                from urllib.request import urlopen
                with urlopen("https://example.com", timeout=10) as reply:
                    body = reply.read().decode("utf-8")
                """),
        CodePattern(
            .python, .json, "Load and dump JSON", keywords: ["dumps", "loads", "dataclass"],
            signal: #"json\.(load|loads|dump|dumps)\("#,
            code: """
                import json
                from pathlib import Path

                data = json.loads(Path("data.json").read_text(encoding="utf-8"))
                Path("out.json").write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
                """),
        CodePattern(
            .python, .errorHandling, "Catch specific exceptions and keep the cause",
            keywords: ["except", "raise", "from"], signal: #"^\s*except\s+\w"#,
            code: """
                class ConfigError(Exception):
                    \"\"\"Raised when the configuration cannot be used.\"\"\"

                def load_port(settings: dict) -> int:
                    try:
                        return int(settings["port"])
                    except KeyError as error:
                        raise ConfigError("missing 'port'") from error
                    except ValueError as error:
                        raise ConfigError(f"bad port {settings['port']!r}") from error
                """),
        CodePattern(
            .python, .concurrency, "Run coroutines concurrently with asyncio",
            keywords: ["asyncio", "gather", "taskgroup", "threadpool", "executor"],
            signal: #"asyncio\.|async def|ThreadPoolExecutor"#,
            code: """
                import asyncio

                async def fetch_all(urls: list[str]) -> list[str]:
                    async with asyncio.TaskGroup() as group:  # Python 3.11+; cancels siblings on failure
                        tasks = [group.create_task(fetch(url)) for url in urls]
                    return [task.result() for task in tasks]

                # CPU-bound or blocking work: concurrent.futures
                from concurrent.futures import ThreadPoolExecutor
                with ThreadPoolExecutor(max_workers=8) as pool:
                    results = list(pool.map(download, urls))
                """),
        CodePattern(
            .python, .testing, "pytest with fixtures, parametrize and raises",
            keywords: ["pytest", "parametrize", "fixture", "unittest"],
            signal: #"def test_|import pytest|unittest\.TestCase"#,
            code: """
                import pytest

                @pytest.fixture
                def store(tmp_path):
                    return Store(tmp_path / "db.sqlite")

                @pytest.mark.parametrize("value, expected", [(0, 0), (2, 4), (-3, 9)])
                def test_square(value, expected):
                    assert square(value) == expected

                def test_missing_key_raises(store):
                    with pytest.raises(KeyError):
                        store.get("absent")
                """),
        CodePattern(
            .python, .cliArguments, "Command-line arguments with argparse", keywords: ["argparse", "click", "typer"],
            signal: #"argparse\.|ArgumentParser\(|sys\.argv"#,
            code: """
                import argparse

                def main() -> None:
                    parser = argparse.ArgumentParser(description="Resize images.")
                    parser.add_argument("paths", nargs="+", help="images to resize")
                    parser.add_argument("--width", type=int, default=800)
                    parser.add_argument("-v", "--verbose", action="store_true")
                    args = parser.parse_args()
                    for path in args.paths:
                        resize(path, args.width)

                if __name__ == "__main__":
                    main()
                """),
        CodePattern(
            .python, .logging, "Module loggers configured once", keywords: ["logger", "getlogger", "basicconfig"],
            signal: #"logging\.|getLogger\("#,
            code: """
                import logging

                logger = logging.getLogger(__name__)

                def main() -> None:
                    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
                    logger.info("started with %d workers", 4)  # lazy %-formatting, not f-strings
                """),
        CodePattern(
            .python, .regex, "Compile once, use named groups", keywords: ["re", "compile", "findall", "fullmatch"],
            signal: #"re\.(compile|match|search|findall|sub)\("#,
            code: """
                import re

                LOG_LINE = re.compile(r"(?P<level>INFO|WARN|ERROR) (?P<message>.*)")

                for line in lines:
                    if match := LOG_LINE.fullmatch(line):
                        print(match["level"], match["message"])

                cleaned = re.sub(r"\\s+", " ", text).strip()
                """),
        CodePattern(
            .python, .dates, "Timezone-aware datetimes",
            keywords: ["datetime", "timezone", "zoneinfo", "isoformat", "timedelta"],
            signal: #"datetime\.|timedelta\(|zoneinfo"#,
            code: """
                from datetime import datetime, timedelta, timezone
                from zoneinfo import ZoneInfo

                now = datetime.now(timezone.utc)                 # never naive datetime.now()
                stamp = now.isoformat()                          # 2024-05-01T12:00:00+00:00
                parsed = datetime.fromisoformat("2024-05-01T12:00:00+00:00")
                local = now.astimezone(ZoneInfo("Europe/Paris"))
                deadline = now + timedelta(days=7)
                """),
        CodePattern(
            .python, .subprocess, "Run a program safely with subprocess.run",
            keywords: ["subprocess", "popen", "check_output"], signal: #"subprocess\.(run|Popen|check_output|call)\("#,
            code: """
                import subprocess

                result = subprocess.run(
                    ["git", "status", "--short"],   # a list, never shell=True with user input
                    capture_output=True, text=True, timeout=30, check=True,
                )
                changed = result.stdout.splitlines()
                """),
    ]
}
