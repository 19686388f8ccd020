"""`make bench-http`: the HTTP service (a release build of spark-service) against the original stack (FastAPI +
uvicorn, baseline_app.py) over the same scripted model server (model_server.py), in one run on loopback:
requests/s and p50/p99 latency of GET /agents and POST /chat under wrk, time to the first streamed byte of
POST /chat/stream, and memory per stream with 1,000 streams held open at once. Prints a Markdown report.

    python run.py SPARK_SERVICE_BINARY [--duration 10] [--connections 64] [--streams 1000]
"""
import argparse
import asyncio
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CHAT_BODY = json.dumps({"message": "Write a Python function that reverses a string", "agent_type": "coding"})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def start_model_server(hold):
    process = subprocess.Popen([sys.executable, os.path.join(HERE, "model_server.py")] + (["--hold"] if hold else []),
                               stdout=subprocess.PIPE, text=True)
    return process, int(process.stdout.readline())


def start_spark(binary, model_port, folder):
    environment = {"PATH": os.environ["PATH"], "HOME": folder, "VLLM_ENDPOINT": f"http://127.0.0.1:{model_port}/v1",
                   "SPARK_DATA_DIR": folder + "/data", "WORKSPACE_DIR": folder + "/workspace",
                   "SPARK_HTTP_MAX_CONCURRENT": "10000"}
    process = subprocess.Popen([binary, "--port", "0", "--log-level", "error"], env=environment,
                               stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if "listening on" not in line:
        raise RuntimeError(f"spark-service did not start (exit status {process.wait()}); its stderr says why")
    return process, int(line.rsplit(":", 1)[1])


def start_baseline(model_port):
    port = free_port()
    environment = dict(os.environ, VLLM_ENDPOINT=f"http://127.0.0.1:{model_port}/v1")
    process = subprocess.Popen(
        [os.path.join(os.path.dirname(sys.executable), "uvicorn"), "baseline_app:app", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "info", "--no-access-log", "--backlog", "4096"],
        cwd=HERE, env=environment, stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        if "Application startup complete" in line:
            break
    return process, port


def wrk(url, method, body, duration, connections):
    script = ""
    if method == "POST":
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        script.write(f'wrk.method = "POST"\nwrk.body = {json.dumps(body)}\n'
                     'wrk.headers["Content-Type"] = "application/json"\n')
        script.close()
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    output = subprocess.run(command + (["-s", script.name] if script else []) + [url],
                            capture_output=True, text=True, check=True).stdout
    if script:
        os.unlink(script.name)

    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), "p50": latency(50),
            "p99": latency(99), "non2xx": int(errors.group(1)) if errors else 0,
            "socket_errors": socket_errors.group(1) if socket_errors else ""}


def request_bytes(port, path, body):
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n{body}").encode()


def first_byte_ms(port, count):
    """Time from sending POST /chat/stream to the first byte of the first event, one request at a time."""
    times = []
    for _ in range(count):
        with socket.create_connection(("127.0.0.1", port)) as s:
            start = time.perf_counter()
            s.sendall(request_bytes(port, "/chat/stream", CHAT_BODY))
            received = b""
            while b"event:" not in received:
                chunk = s.recv(65536)
                if not chunk:
                    raise RuntimeError(f"stream ended without an event: {received[:300]!r}")
                received += chunk
            times.append((time.perf_counter() - start) * 1000)
            while s.recv(65536):
                pass
    times.sort()
    return {"p50": statistics.median(times), "p99": times[int(len(times) * 0.99) - 1]}


async def hold_streams(port, pid, model_port, count):
    """Opens `count` streams whose model replies are held, measures the server's memory, releases them, and
    checks that every one ends with `done`."""
    async def control(method, path):
        reader, writer = await asyncio.open_connection("127.0.0.1", model_port)
        writer.write(f"{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n".encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
        body = await reader.readexactly(length)
        writer.close()
        return body.decode()

    async def stream():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(request_bytes(port, "/chat/stream", CHAT_BODY))
        await writer.drain()
        data = await reader.read()
        writer.close()
        return b"event: done" in data

    # Warm-up: a few streams through, so that the idle figure includes what the first ones allocate.
    warm = [asyncio.create_task(stream()) for _ in range(8)]
    while int(await control("GET", "/held")) < 8:
        await asyncio.sleep(0.01)
    await control("POST", "/release")
    await asyncio.gather(*warm)
    idle = rss_kib(pid)
    tasks = [asyncio.create_task(stream()) for _ in range(count)]
    started = time.perf_counter()
    while int(await control("GET", "/held")) < count:
        if time.perf_counter() - started > 120:
            raise RuntimeError(f"only {await control('GET', '/held')} of {count} streams reached the model")
        await asyncio.sleep(0.05)
    held = rss_kib(pid)
    await control("POST", "/release")
    completed = sum(await asyncio.gather(*tasks))
    return {"idle_mib": idle / 1024, "held_mib": held / 1024, "per_stream_kib": (held - idle) / count,
            "completed": completed}


def raise_file_limit():
    """Room for the benchmark's thousands of open connections (the soft limit raised to the hard one, at most 65536)."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--first-byte-requests", type=int, default=1000)
    parser.add_argument("--streams", type=int, default=1000)
    arguments = parser.parse_args()
    raise_file_limit()
    folder = tempfile.mkdtemp(prefix="spark-bench-http-")
    processes = []
    try:
        model, model_port = start_model_server(hold=False)
        processes.append(model)
        spark, spark_port = start_spark(arguments.binary, model_port, folder + "/spark")
        baseline, baseline_port = start_baseline(model_port)
        processes += [spark, baseline]
        servers = {"spark-service": spark_port, "FastAPI + uvicorn": baseline_port}
        results = {name: {} for name in servers}
        routes = [("GET /agents", "GET", "/agents", None), ("POST /chat", "POST", "/chat", CHAT_BODY)]
        for label, method, path, body in routes:
            for name, port in servers.items():
                wrk(f"http://127.0.0.1:{port}{path}", method, body, 2, arguments.connections)  # warm-up
                results[name][label] = wrk(f"http://127.0.0.1:{port}{path}", method, body, arguments.duration,
                                           arguments.connections)
        for name, port in servers.items():
            first_byte_ms(port, 20)  # warm-up
            results[name]["first byte"] = first_byte_ms(port, arguments.first_byte_requests)
        for process in (spark, baseline):
            process.terminate()
            process.wait()

        held_model, held_port = start_model_server(hold=True)
        processes.append(held_model)
        spark, spark_port = start_spark(arguments.binary, held_port, folder + "/spark-held")
        baseline, baseline_port = start_baseline(held_port)
        processes += [spark, baseline]
        for name, process, port in (("spark-service", spark, spark_port), ("FastAPI + uvicorn", baseline, baseline_port)):
            results[name]["streams"] = asyncio.run(hold_streams(port, process.pid, held_port, arguments.streams))
        report(results, arguments)
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
                process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def report(results, arguments):
    spark, baseline = results["spark-service"], results["FastAPI + uvicorn"]
    print(f"wrk: 2 threads, {arguments.connections} connections, {arguments.duration} s per route; "
          f"first byte: {arguments.first_byte_requests} requests one at a time; {arguments.streams} streams held at once\n")
    print("| route | server | requests/s | p50 ms | p99 ms | non-2xx |")
    print("|---|---|---|---|---|---|")
    for route in ("GET /agents", "POST /chat"):
        for name in results:
            r = results[name][route]
            print(f"| {route} | {name} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['non2xx']} |")
        print(f"| {route} | ratio | {spark[route]['rps'] / baseline[route]['rps']:.1f}x | | "
              f"{baseline[route]['p99'] / spark[route]['p99']:.1f}x lower | |")
    print("\n| POST /chat/stream | time to first event, p50 ms | p99 ms |")
    print("|---|---|---|")
    for name in results:
        r = results[name]["first byte"]
        print(f"| {name} | {r['p50']:.2f} | {r['p99']:.2f} |")
    print(f"\n| {arguments.streams} streams held | resident before, MiB | while held, MiB | per stream, KiB | ended with done |")
    print("|---|---|---|---|---|")
    for name in results:
        r = results[name]["streams"]
        print(f"| {name} | {r['idle_mib']:.1f} | {r['held_mib']:.1f} | {r['per_stream_kib']:.1f} | "
              f"{r['completed']}/{arguments.streams} |")
    print("\n" + json.dumps(results))


if __name__ == "__main__":
    main()
