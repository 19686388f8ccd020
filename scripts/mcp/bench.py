"""What an MCP tool call through SparkLSP adds over calling the same server directly, in one run.

Direct: the official Python client calls mcp-server-time's get_current_time. Through SparkLSP: the same call over the
language server's link to its `spark-mcp gateway` helper (the lines MCPToolProvider sends), which calls the server with
the Swift SDK. Same server program, same machine, calls alternated in rounds.
Usage: bench.py <spark-mcp> <mcp-server-time> [calls]
"""

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def direct(server: str, calls: int) -> list[float]:
    times = []
    async with stdio_client(StdioServerParameters(command=server, args=[])) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            await session.call_tool("get_current_time", {"timezone": "UTC"})
            for _ in range(calls):
                start = time.perf_counter()
                await session.call_tool("get_current_time", {"timezone": "UTC"})
                times.append((time.perf_counter() - start) * 1000)
    return times


def through_spark(helper: str, server: str, calls: int) -> list[float]:
    workspace = tempfile.mkdtemp()
    gateway = subprocess.Popen(
        [helper, "gateway", "--workspace", workspace], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )

    def request(ident: int, method: str, params: dict) -> dict:
        gateway.stdin.write(json.dumps({"id": ident, "method": method, "params": params}) + "\n")
        gateway.stdin.flush()
        while True:
            message = json.loads(gateway.stdout.readline())
            if message.get("id") == ident:
                return message

    request(1, "tools", {"server": {"name": "time", "command": server, "args": [], "env": {}}})
    call = {"server": "time", "tool": "get_current_time", "arguments": {"timezone": "UTC"},
            "timeoutMilliseconds": 10000, "outputLimit": 65536}
    request(2, "call", call)
    times = []
    for index in range(calls):
        start = time.perf_counter()
        reply = request(3 + index, "call", call)
        times.append((time.perf_counter() - start) * 1000)
        assert "result" in reply, reply
    gateway.stdin.close()
    gateway.wait(timeout=30)
    return times


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    return f"median {statistics.median(ordered):.2f} ms, p90 {ordered[int(len(ordered) * 0.9)]:.2f} ms"


def main() -> None:
    helper, server = sys.argv[1], sys.argv[2]
    calls = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    direct_times, spark_times = [], []
    for _ in range(3):
        direct_times += asyncio.run(direct(server, calls // 3))
        spark_times += through_spark(helper, server, calls // 3)
    print(f"direct (Python client -> mcp-server-time):       {summary(direct_times)}")
    print(f"through SparkLSP (link -> spark-mcp -> server):   {summary(spark_times)}")
    print(f"added per call (median): {statistics.median(spark_times) - statistics.median(direct_times):.2f} ms")


main()
