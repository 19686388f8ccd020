"""A stub OpenAI-compatible model server for scripts/http/schemathesis.sh: every chat completion answers one
short text (streamed in vLLM's SSE shape when asked), and /v1/models lists the models the service's agents use.
Listens on 127.0.0.1 and prints its port on the first line of stdout."""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODELS = ["gpt-oss-120b", "meta-llama/Llama-3.1-8B-Instruct"]
ANSWER = "Stub answer."


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, value):
        body = json.dumps(value).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.send_json({"object": "list", "data": [{"id": m, "object": "model"} for m in MODELS]})

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        usage = {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12}
        if not request.get("stream"):
            self.send_json({"id": "stub", "object": "chat.completion", "model": request.get("model"),
                            "choices": [{"index": 0, "finish_reason": "stop",
                                         "message": {"role": "assistant", "content": ANSWER}}], "usage": usage})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        chunks = [{"delta": {"role": "assistant", "content": ANSWER}, "finish_reason": None},
                  {"delta": {}, "finish_reason": "stop"}]
        for chunk in chunks:
            event = {"id": "stub", "object": "chat.completion.chunk", "model": request.get("model"),
                     "choices": [dict(index=0, **chunk)]}
            self.wfile.write(b"data: " + json.dumps(event).encode() + b"\n\n")
        final = {"id": "stub", "object": "chat.completion.chunk", "model": request.get("model"), "choices": [],
                 "usage": usage}
        self.wfile.write(b"data: " + json.dumps(final).encode() + b"\n\ndata: [DONE]\n\n")
        self.close_connection = True


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    sys.exit(0)
