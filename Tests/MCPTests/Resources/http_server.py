"""A streamable-HTTP MCP server (the official Python SDK, served by uvicorn) for SparkLSP's `{"url": ...}` servers.

Usage: http_server.py <port file> [port]. Listens on 127.0.0.1 at `port` (default 0: a free one the system picks) and
writes the bound port to <port file> (a named pipe the test reads) once it accepts connections. `header` answers with a request header (so a test
sees the configured headers arrive), `count` reports progress, `stop` ends the process (the server goes away).
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
def stop() -> str:
    """Ends the server process."""
    print("remote server: stopping on purpose", file=sys.stderr, flush=True)
    os._exit(0)


async def main() -> None:
    port_file = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    app = server.streamable_http_app()
    web = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
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
