"""A streamable-HTTP MCP server (the official Python SDK, served by uvicorn) for SparkLSP's `{"url": ...}` servers.

Usage: http_server.py <port file> [port]. Listens on 127.0.0.1 at `port` (default 0: a free one the system picks) and
writes the bound port to <port file> (a named pipe the test reads) once it accepts connections. `header` answers with
a request header (so a test sees the configured headers arrive), `count` reports progress, `stop` ends the process (the
server goes away), `hang` waits until cancelled.

REMOTE_JSON: answers are JSON bodies rather than SSE streams.
REMOTE_TOKEN: every request must carry `Authorization: Bearer <REMOTE_TOKEN>`, else HTTP 401.
REMOTE_FIFOS: a directory with the named pipes `started` and `cancelled`, which `hang` writes a line to when it starts
and when MCP's notifications/cancelled reaches it (a test waits on real events).
"""

import asyncio
import os
import sys

import uvicorn
from mcp.server.mcpserver import Context, MCPServer

server = MCPServer("remote")


@server.tool()
def header(ctx: Context, name: str) -> str:
    """The value of the request header `name`."""
    return (ctx.headers or {}).get(name.lower(), "<absent>")


@server.tool()
async def count(ctx: Context, to: int = 2) -> str:
    """Reports progress `to` times."""
    for step in range(to):
        await ctx.report_progress(step + 1, to, f"step {step + 1}")
    return f"counted to {to}"


@server.tool()
async def hang() -> str:
    """Never answers (until cancelled)."""
    signal("started")
    try:
        await asyncio.Event().wait()
    except asyncio.CancelledError:
        signal("cancelled")
        raise
    return "unreachable"


def signal(name: str) -> None:
    directory = os.environ.get("REMOTE_FIFOS")
    if directory:
        with open(os.path.join(directory, name), "w") as fifo:
            fifo.write(name + "\n")


def require_token(app, token: str):
    """The ASGI app `app`, answering 401 to a request without the bearer token."""
    expected = ("Bearer " + token).encode()

    async def guarded(scope, receive, send):
        if scope["type"] == "http" and dict(scope["headers"]).get(b"authorization") != expected:
            await send({"type": "http.response.start", "status": 401, "headers": [(b"content-type", b"text/plain")]})
            await send({"type": "http.response.body", "body": b"missing or wrong bearer token"})
            return
        await app(scope, receive, send)

    return guarded


@server.tool()
def stop() -> str:
    """Ends the server process."""
    print("remote server: stopping on purpose", file=sys.stderr, flush=True)
    os._exit(0)


async def main() -> None:
    port_file = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    # REMOTE_JSON: each answer a JSON body instead of an SSE stream (progress then has no stream to travel on).
    app = server.streamable_http_app(json_response=bool(os.environ.get("REMOTE_JSON")))
    if os.environ.get("REMOTE_TOKEN"):
        app = require_token(app, os.environ["REMOTE_TOKEN"])
    # A client's open GET stream would hold a graceful shutdown forever: give it a second.
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=1)
    web = uvicorn.Server(config)
    serving = asyncio.create_task(web.serve())
    while not web.started:
        if serving.done():
            serving.result()
            return
        await asyncio.sleep(0.01)  # uvicorn has no start-up callback; this only waits for its own flag
    bound = web.servers[0].sockets[0].getsockname()[1]
    with open(port_file, "w") as out:  # a named pipe the test waits on
        out.write(str(bound))
    await serving


if __name__ == "__main__":
    asyncio.run(main())
