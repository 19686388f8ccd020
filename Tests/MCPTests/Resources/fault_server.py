"""An MCP server (the official Python SDK) with one tool per fault SparkLSP must survive.

FAULT_FIFOS names a directory holding the named pipes `started` and `cancelled`: `hang` writes a line to the first
when it starts and to the second when MCP's notifications/cancelled reaches it, so a test waits on real events.
FAULT_FAIL_START makes the server exit at once, after a line on stderr.
"""

import asyncio
import os
import sys

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError

server = MCPServer("fault")


def signal(name: str) -> None:
    directory = os.environ.get("FAULT_FIFOS")
    if directory:
        with open(os.path.join(directory, name), "w") as fifo:
            fifo.write(name + "\n")


@server.tool()
async def hang() -> str:
    """Never answers (until cancelled)."""
    # Synchronous writes: the test is already reading, and inside a cancelled task nothing may be awaited.
    signal("started")
    try:
        await asyncio.Event().wait()
    except asyncio.CancelledError:
        signal("cancelled")
        raise
    return "unreachable"


@server.tool()
def crash() -> str:
    """Ends the server process."""
    print("fault server: crashing on purpose", file=sys.stderr, flush=True)
    os._exit(3)


@server.tool()
def fail() -> str:
    """Returns a tool error."""
    raise ToolError("the fault tool failed on purpose")


@server.tool()
def huge(size: int = 200000) -> str:
    """Returns `size` characters."""
    return "x" * size


def extra() -> str:
    """A tool that appears after grow."""
    return "extra"


@server.tool()
async def grow(ctx: Context) -> str:
    """Adds the tool `extra` and sends notifications/tools/list_changed."""
    server.add_tool(extra)
    await ctx.session.send_tool_list_changed()
    return "added extra"


@server.tool()
async def count(ctx: Context, to: int = 3) -> str:
    """Reports progress `to` times."""
    for step in range(to):
        await ctx.report_progress(step + 1, to, f"step {step + 1}")
    return f"counted to {to}"


if __name__ == "__main__":
    print("fault server: starting", file=sys.stderr, flush=True)
    if os.environ.get("FAULT_FAIL_START"):
        sys.exit("fault server: refusing to start on purpose")
    asyncio.run(server.run_stdio_async())
