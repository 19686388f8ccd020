"""The benchmark's scripted model server: vLLM's wire format (GET /v1/models, POST /v1/chat/completions, plain or
streamed as SSE) on 127.0.0.1 over keep-alive HTTP/1.1, on asyncio so that it is not what a benchmark measures.
Every completion answers ANSWER. Of a request it reads only `model` and `stream` (`requested`), not the whole
body: a coding agent's request carries 21 KB of tool definitions and system prompt, and decoding them all with
`json.loads` cost more CPU per request than the rest of this server's work. With --hold, streamed replies wait
until the next POST /release (GET /held counts those waiting): the concurrent-streams benchmark holds a thousand
streams open that way. Prints its port on the first line."""
import argparse
import asyncio
import json
import re

MODELS = ["gpt-oss-120b", "meta-llama/Llama-3.1-8B-Instruct", "gpt-oss-20b", "microsoft/Phi-4"]
ANSWER = "Here is the answer."
USAGE = {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}
DECODER = json.JSONDecoder()
AFTER_NAME = re.compile(r"\s*:\s*")


def member(text, name):
    """The value of the first member called `name` (None when there is none), decoded as JSON. A member name is a
    quote not escaped, the name, a quote, then a colon. In a chat request (messages of role and content, tool calls
    whose arguments are a string, tool definitions after the top-level members in sorted order) the first `model`
    and `stream` members are the top-level ones."""
    quoted = f'"{name}"'
    start = text.find(quoted)
    while start >= 0:
        colon = AFTER_NAME.match(text, start + len(quoted))
        if colon and (start == 0 or text[start - 1] != "\\"):
            return DECODER.raw_decode(text, colon.end())[0]
        start = text.find(quoted, start + 1)
    return None


def requested(body):
    """The request's `model` (None when absent) and whether it asks for a stream."""
    text = body.decode()
    return member(text, "model"), bool(member(text, "stream"))


def response(body, content_type=b"application/json"):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type + b"\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)


def completion(model):
    return json.dumps({"id": "bench", "object": "chat.completion", "model": model, "usage": USAGE,
                       "choices": [{"index": 0, "finish_reason": "stop",
                                    "message": {"role": "assistant", "content": ANSWER}}]}).encode()


def stream_events(model):
    def event(choices, **extra):
        return b"data: " + json.dumps(
            {"id": "bench", "object": "chat.completion.chunk", "model": model, "choices": choices, **extra}).encode() + b"\n\n"
    return (event([{"index": 0, "delta": {"role": "assistant", "content": ANSWER}, "finish_reason": None}])
            + event([{"index": 0, "delta": {}, "finish_reason": "stop"}]) + event([], usage=USAGE)
            + b"data: [DONE]\n\n")


class Server:
    def __init__(self, hold):
        self.hold = hold
        self.held = 0
        self.release = asyncio.Event()

    async def serve(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:] if ":" in l)}
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                if method == "GET" and path.endswith("/models"):
                    writer.write(response(json.dumps(
                        {"object": "list", "data": [{"id": m, "object": "model"} for m in MODELS]}).encode()))
                elif method == "GET" and path == "/held":
                    writer.write(response(str(self.held).encode(), b"text/plain"))
                elif method == "POST" and path == "/release":
                    # Releases the streams held now; later ones are held again.
                    self.release.set()
                    self.release = asyncio.Event()
                    self.held = 0
                    writer.write(response(b"released", b"text/plain"))
                elif method == "POST" and path.endswith("/chat/completions"):
                    model, stream = requested(body)
                    model = model or MODELS[0]
                    if not stream:
                        writer.write(response(completion(model)))
                    else:
                        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                     b"Transfer-Encoding: chunked\r\n\r\n")
                        if self.hold:
                            self.held += 1
                            await writer.drain()
                            await self.release.wait()
                        events = stream_events(model)
                        writer.write(b"%x\r\n%s\r\n0\r\n\r\n" % (len(events), events))
                else:
                    writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hold", action="store_true", help="hold streamed replies until POST /release")
    arguments = parser.parse_args()
    server = Server(arguments.hold)
    listener = await asyncio.start_server(server.serve, "127.0.0.1", 0, backlog=4096, limit=1 << 20)
    print(listener.sockets[0].getsockname()[1], flush=True)
    async with listener:
        await listener.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
