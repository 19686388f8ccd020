"""An MCP host (the official Python SDK's client) driving `spark-lsp mcp serve`.

Usage: host.py <scenario> <workspace> <command> [args...]. Prints one JSON object: what the scenario saw.
- tour: the tools listed, `chat` with its progress messages, coding tools inside and outside the workspace, `bash`
  without elicitation, the resources.
- chat: `chat` with the message in HOST_MESSAGE (and the agent in HOST_AGENT), and its progress messages.
- accept, decline: declares elicitation and answers each request so; calls `bash` and reports the requests asked.
- plain: calls `bash` without declaring elicitation.
"""

import asyncio
import json
import os
import sys

import mcp.types as types
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def text(result) -> dict:
    return {
        "isError": bool(result.is_error),
        "text": "\n".join(part.text for part in result.content if getattr(part, "text", None) is not None),
        "structured": result.structured_content,
    }


async def chat(session, arguments: dict, report: dict) -> None:
    progress = []

    async def on_progress(value, total, message):
        progress.append(message)

    report["chat"] = text(await session.call_tool("chat", arguments, progress_callback=on_progress))
    report["progress"] = progress


async def tour(session, report: dict) -> None:
    tools = await session.list_tools()
    report["tools"] = sorted(tool.name for tool in tools.tools)
    await chat(session, {"message": "hello agents"}, report)
    report["read"] = text(await session.call_tool("file_read", {"path": "notes.txt"}))
    report["outside"] = text(await session.call_tool("file_read", {"path": "/etc/passwd"}))
    report["escape"] = text(await session.call_tool("file_read", {"path": "../outside.txt"}))
    report["bash"] = text(await session.call_tool("bash", {"command": "echo hi"}))
    resources = await session.list_resources()
    report["resources"] = [str(resource.uri) for resource in resources.resources]


async def main() -> None:
    scenario, workspace, command, *args = sys.argv[1:]
    params = StdioServerParameters(command=command, args=args, env=dict(os.environ))
    report = {}
    asked = []

    async def elicit(context, params):
        asked.append(params.message)
        if scenario == "accept":
            return types.ElicitResult(action="accept", content={"approve": True})
        return types.ElicitResult(action="decline")

    callback = elicit if scenario in ("accept", "decline") else None  # plain: the host cannot be asked
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write, elicitation_callback=callback) as session:
            init = await session.initialize()
            report["server"] = init.server_info.name
            if scenario == "tour":
                await tour(session, report)
            elif scenario == "chat":
                arguments = {"message": os.environ["HOST_MESSAGE"]}
                if os.environ.get("HOST_AGENT"):
                    arguments["agent"] = os.environ["HOST_AGENT"]
                await chat(session, arguments, report)
            else:
                report["bash"] = text(await session.call_tool("bash", {"command": "echo approved-run"}))
                report["asked"] = asked
    print(json.dumps(report))


asyncio.run(main())
