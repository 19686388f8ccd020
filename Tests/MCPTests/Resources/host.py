"""An MCP host (the official Python SDK's client) driving `spark-lsp mcp serve`.

Usage: host.py <workspace> <command> [args...]. Prints one JSON object: the tools listed, and the result of each call.
"""

import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def text(result) -> dict:
    return {
        "isError": bool(result.is_error),
        "text": "\n".join(part.text for part in result.content if getattr(part, "text", None) is not None),
        "structured": result.structured_content,
    }


async def main() -> None:
    workspace, command, *args = sys.argv[1:]
    params = StdioServerParameters(command=command, args=args, env=dict(os.environ))
    report = {}
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            report["server"] = init.server_info.name
            tools = await session.list_tools()
            report["tools"] = sorted(tool.name for tool in tools.tools)
            progress = []

            async def on_progress(value, total, message):
                progress.append(message)

            chat = await session.call_tool("chat", {"message": "hello agents"}, progress_callback=on_progress)
            report["chat"] = text(chat)
            report["progress"] = progress
            report["read"] = text(await session.call_tool("file_read", {"path": "notes.txt"}))
            report["outside"] = text(await session.call_tool("file_read", {"path": "/etc/passwd"}))
            report["escape"] = text(await session.call_tool("file_read", {"path": "../outside.txt"}))
            report["bash"] = text(await session.call_tool("bash", {"command": "echo hi"}))
            resources = await session.list_resources()
            report["resources"] = [str(resource.uri) for resource in resources.resources]
    print(json.dumps(report))


asyncio.run(main())
