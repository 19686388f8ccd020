"""The chat view's page in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium).

The page is the one src/chatView.js serves (src/chatPage.js), loaded from file: URLs with a stand-in for
acquireVsCodeApi that records what the page posts. A recorded stream of spark/chatEvent messages, in the shape
src/chatView.js posts them, is fed through window.postMessage as VS Code does; the assertions read the DOM and
what the page posted; screenshots go to the artefacts directory.

Usage: python chat_view_test.py <artefacts directory>   (run by run.sh)
"""

import base64
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
EVENTS = json.load(open(os.path.join(HERE, "chat-events.json"), encoding="utf-8"))
TIMEOUT = 10  # seconds: a hang becomes a failure, never a synchronisation delay


def png(width, height, rgb):
    """A small solid-colour PNG."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


class ChatPage:
    def __init__(self, driver):
        self.driver = driver

    def feed(self, messages):
        """Posts messages to the page as the extension does, then waits until the page has handled them all."""
        # Messages are delivered in order: once the marker is seen, every message before it was handled.
        self.driver.execute_script(
            "window.__fed = false;"
            "window.addEventListener('message', function seen(e) {"
            "  if (e.data && e.data.type === '__fed') { window.__fed = true; window.removeEventListener('message', seen); } });"
            "for (const m of arguments[0]) window.postMessage(m, '*');"
            "window.postMessage({type: '__fed'}, '*');", messages)
        self.wait(lambda d: d.execute_script("return window.__fed === true"), "the messages to be handled")

    def wait(self, condition, what):
        WebDriverWait(self.driver, TIMEOUT).until(condition, f"timed out waiting for {what}")

    def posted(self):
        return self.driver.execute_script("return window.__posted")

    def clear_posted(self):
        self.driver.execute_script("window.__posted.length = 0")

    def all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def one(self, selector):
        found = self.all(selector)
        assert len(found) == 1, f"{selector}: expected one element, found {len(found)}"
        return found[0]

    def text(self, selector):
        return self.driver.execute_script("return document.querySelector(arguments[0]).textContent", selector)


def check_run(page):
    page.feed(EVENTS["run"])
    assert page.text("#status") == "agent: default · session: lsp-7f3a", page.text("#status")
    assert not page.one("#cancel").is_enabled()

    user = page.one(".user")
    assert user.text.startswith("you: Where is the retry logic"), user.text
    assert "HTTPModelClient.swift:40-60" in user.text

    agents = page.all(".agent")
    assert [a.get_attribute("data-agent") for a in agents] == ["supervisor", "coding"]
    assert page.one(".handoff").text == "⇄ handoff supervisor → coding"

    # Streaming deltas make one Markdown block, whatever the chunk boundaries were.
    coding = agents[1].find_element(By.CSS_SELECTOR, ".markdown")
    assert coding.find_element(By.CSS_SELECTOR, "h5").text == "Retries"  # ### is h5: headings two levels down in a side bar
    assert coding.find_element(By.CSS_SELECTOR, "strong").text == "refused connections"
    assert [c.text for c in coding.find_elements(By.CSS_SELECTOR, "p code")][:3] == ["429", "503", "Retry-After"]
    link = coding.find_element(By.CSS_SELECTOR, "p a")
    assert (link.text, link.get_attribute("href")) == ("the docs", "https://example.org/retries")
    block = coding.find_element(By.CSS_SELECTOR, "pre.code-block")
    assert block.get_attribute("data-language") == "swift"
    assert "open" not in block.get_attribute("class")
    code = block.find_element(By.CSS_SELECTOR, "code.language-swift").get_attribute("textContent")
    assert code == "func retryDelay(attempt: Int) -> Duration {\n    min(base * (1 << attempt), maxDelay)\n}", repr(code)
    assert [li.text for li in coding.find_elements(By.CSS_SELECTOR, "ul li")] == [
        "a refused connection, then success", "Retry-After: 2 is honoured"]
    # The model's HTML is text, never markup.
    assert not page.all("#transcript img")
    assert '<img src=x onerror="document.title=\'pwned\'"> stays text.' in coding.text
    assert page.driver.title != "pwned"

    # Tool calls fold to one line; a click shows the arguments and the result.
    tools = page.all("details.tool")
    summaries = [t.find_element(By.TAG_NAME, "summary").text for t in tools]
    assert len(summaries) == 3, summaries
    assert summaries[0].startswith("→ grep {") and '"pattern":"retry"' in summaries[0], summaries
    assert summaries[1].startswith("→ file_write {") and summaries[1].endswith("… ✓"), "long arguments are cut"
    assert summaries[2] == '→ bash {"command":"swift test --filter RetryTests"} ✗', summaries
    assert summaries[0].endswith(" ✓")
    assert all(t.get_attribute("open") is None for t in tools)
    assert "failed" in tools[2].get_attribute("class")
    tools[0].find_element(By.TAG_NAME, "summary").click()
    assert tools[0].get_attribute("open") == "true"
    assert json.loads(tools[0].find_element(By.CSS_SELECTOR, "pre.arguments").text) == {
        "pattern": "retry", "path": "Sources"}
    assert tools[0].find_element(By.CSS_SELECTOR, "pre.result").text.startswith("Sources/HTTP/Transport.swift:42:")

    # The edit names the file and opens it.
    edit = page.one(".line.edit")
    assert edit.text == "✎ create Tests/RetryTests.swift (applied)", edit.text
    page.clear_posted()
    edit.find_element(By.CSS_SELECTOR, "a.file").click()
    assert page.posted() == [{"type": "open", "uri": "file:///home/dev/project/Tests/RetryTests.swift"}], page.posted()

    # Citations: the streamed one, then the done event's list without repeating it; each opens its range.
    citations = page.all(".sources li")
    assert [c.text for c in citations] == [
        "HTTPModelClient+Transport.swift Transport.swift:42-58 0.91",
        "Retries and timeouts architecture.md:121 0.74",
    ], [c.text for c in citations]
    first = citations[0].find_element(By.CSS_SELECTOR, "a.citation")
    assert first.get_attribute("title") == "for attempt in 0...options.maxRetries {"
    page.clear_posted()
    first.click()
    assert page.posted() == [{
        "type": "open", "uri": "file:///home/dev/project/Sources/HTTP/Transport.swift",
        "range": {"start": {"line": 41, "character": 0}, "end": {"line": 57, "character": 1}},
    }], page.posted()

    assert page.one(".line.done").text == "✓ done · 2234 tokens"


def check_sending_and_images(page, scratch, artefacts):
    page.clear_posted()
    message = page.one("#message")
    message.send_keys("hello", Keys.ENTER)
    assert page.posted() == [{"type": "send", "text": "hello"}], page.posted()
    assert message.get_attribute("value") == ""

    # The picker: a real file through the file input.
    picture = os.path.join(scratch, "diagram.png")
    with open(picture, "wb") as out:
        out.write(png(24, 16, (200, 40, 40)))
    page.one("#image-input").send_keys(picture)
    page.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".attachment img")) == 1, "the picked image")
    # Dropped: an image and a text file, as a drag from the desktop delivers them.
    page.driver.execute_script("""
        const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], 'screenshot.png', {type: 'image/png'}));
        transfer.items.add(new File(['notes'], 'notes.txt', {type: 'text/plain'}));
        const target = document.getElementById('message');
        target.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));
        target.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
    """, base64.b64encode(png(8, 8, (40, 160, 40))).decode())
    page.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".attachment img")) == 2, "the dropped image")
    assert page.all(".note")[-1].text == "— notes.txt is not an image"
    # A workspace file dragged from the explorer arrives as a file: URI.
    page.driver.execute_script("""
        const transfer = new DataTransfer();
        transfer.setData('text/uri-list', 'file:///home/dev/project/docs/flow.jpg');
        document.body.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
    """)
    page.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".attachment")) == 3, "the dropped workspace file")
    page.driver.save_screenshot(os.path.join(artefacts, "chat-view-attachments.png"))

    # Removing one, then sending: the images go with the message, and the list empties.
    page.all(".attachment .remove")[1].click()
    page.clear_posted()
    message.send_keys("What does this diagram show?")
    page.one("#send").click()
    posted = page.posted()
    assert len(posted) == 1 and posted[0]["type"] == "send", posted
    assert posted[0]["text"] == "What does this diagram show?"
    images = posted[0]["images"]
    assert len(images) == 2, images
    assert images[0] == "data:image/png;base64," + base64.b64encode(png(24, 16, (200, 40, 40))).decode()
    assert images[1] == "file:///home/dev/project/docs/flow.jpg"
    assert not page.all(".attachment")


def check_tool_progress(page):
    """A running tool's progress shows on its line, replaced by its outcome when the result comes."""
    def event(fields):
        return {"type": "event", "own": True,
                "event": {"token": "vscode-4242-9", "sessionId": "lsp-7f3a", "agent": "coding", **fields}}

    page.feed([
        event({"kind": "toolCall", "id": "call_9", "name": "git__git_log", "arguments": {"max_count": 3}}),
        event({"kind": "progress", "id": "call_9", "name": "git__git_log", "progress": 1, "total": 3,
               "message": "reading"}),
    ])
    summary = 'document.querySelector("details.tool:last-of-type summary").textContent'
    text = page.driver.execute_script("return " + summary)
    assert text == '→ git__git_log {"max_count":3}  … reading (1/3)', text
    page.feed([event({"kind": "progress", "id": "call_9", "name": "git__git_log", "progress": 2})])
    text = page.driver.execute_script("return " + summary)
    assert text == '→ git__git_log {"max_count":3}  … 2', text
    page.feed([
        event({"kind": "toolResult", "id": "call_9", "name": "git__git_log", "content": "3 commits", "isError": False}),
        event({"kind": "progress", "id": "call_9", "name": "git__git_log", "progress": 3, "total": 3}),
    ])
    text = page.driver.execute_script("return " + summary)
    assert text == '→ git__git_log {"max_count":3}  ✓', text


def check_cancel_and_error(page):
    page.feed(EVENTS["cancelledRun"])
    cancel = page.one("#cancel")
    assert cancel.is_enabled()
    assert page.text("#status").endswith("· running…")
    page.clear_posted()
    cancel.click()
    assert page.posted() == [{"type": "cancel"}], page.posted()
    page.feed(EVENTS["cancelledRunEnd"])
    assert page.one(".line.error.cancelled").text == "! cancelled"
    assert page.all(".note")[-1].text == "— cancelled"
    assert not page.one("#cancel").is_enabled()

    page.feed(EVENTS["failedRun"])
    assert page.all(".user")[-1].text == "you: And with the big model?1 image"
    errors = [e.text for e in page.all(".line.error")]
    assert errors[-1].startswith("! Spark: the model server does not serve gpt-oss-120b"), errors


def main():
    artefacts = os.path.abspath(sys.argv[1])
    os.makedirs(artefacts, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="spark-chat-view-")
    page_path = subprocess.run(
        ["node", os.path.join(HERE, "make-page.js"), scratch], check=True, capture_output=True, text=True
    ).stdout.strip()

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("SPARK_CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=460,860",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("SPARK_CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.get("file://" + page_path)
        page = ChatPage(driver)
        page.wait(lambda d: d.execute_script("return !!window.SparkMarkdown && !!window.__posted"), "the page's scripts")
        steps = [
            ("a run: streaming Markdown, tool calls, an edit, citations", lambda: check_run(page)),
            ("sending, the image picker, drag and drop", lambda: check_sending_and_images(page, scratch, artefacts)),
            ("a tool's progress", lambda: check_tool_progress(page)),
            ("cancel and an error", lambda: check_cancel_and_error(page)),
        ]
        for index, (name, step) in enumerate(steps):
            step()
            print(f"chat view: ok: {name}")
            if index == 0:
                # The picture for the README: the first run.
                driver.execute_script("window.scrollTo(0, 0)")
                driver.save_screenshot(os.path.join(artefacts, "chat-view.png"))
        driver.save_screenshot(os.path.join(artefacts, "chat-view-full.png"))
        # The page loaded everything its Content-Security-Policy allows, and nothing failed.
        problems = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        assert not problems, problems
        print(f"chat view: screenshots in {artefacts}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
