"""Where the CPU of a `POST /chat` wrk run goes: each server, the scripted model server and wrk itself, in
milliseconds of CPU time (user + system, from /proc/<pid>/stat and wrk's rusage) per request. Servers share one
model server and take turns, the order alternating each round, so that a noisy machine disturbs them alike.

    python cpu.py [--baseline] [--rounds 6] [--duration 10] NAME=SPARK_SERVICE_BINARY ...

--baseline adds FastAPI + uvicorn (baseline_app.py) as one more server. Run it with the Python of the benchmark's
venv (scripts/http/bench.sh makes it) when --baseline is given. Prints a Markdown table per round and the means.
"""
import argparse
import os
import re
import shutil
import subprocess
import tempfile
import time

from run import CHAT_BODY, raise_file_limit, start_baseline, start_model_server, start_spark

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU seconds of the process `pid` and its threads so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def wrk_chat(port, duration, connections):
    """Runs wrk on POST /chat; returns (requests, requests/s, wrk's own CPU seconds)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(f'wrk.method = "POST"\nwrk.body = [[{CHAT_BODY}]]\n'
                     'wrk.headers["Content-Type"] = "application/json"\n')
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", script.name,
               f"http://127.0.0.1:{port}/chat"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    os.unlink(script.name)
    if status != 0:
        raise RuntimeError(f"wrk failed: {output}")
    if "Non-2xx" in output or "Socket errors" in output:
        raise RuntimeError(f"wrk saw errors: {output}")
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return requests, rps, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binaries", nargs="*", help="NAME=PATH of a spark-service release build")
    parser.add_argument("--baseline", action="store_true", help="also FastAPI + uvicorn")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    arguments = parser.parse_args()
    raise_file_limit()
    folder = tempfile.mkdtemp(prefix="spark-bench-cpu-")
    processes = []
    try:
        model, model_port = start_model_server(hold=False)
        processes.append(model)
        servers = []
        for index, entry in enumerate(arguments.binaries):
            name, path = entry.split("=", 1)
            process, port = start_spark(path, model_port, f"{folder}/{index}")
            processes.append(process)
            servers.append((name, process.pid, port))
        if arguments.baseline:
            process, port = start_baseline(model_port)
            processes.append(process)
            servers.append(("uvicorn", process.pid, port))
        for _, _, port in servers:
            wrk_chat(port, 2, arguments.connections)  # warm-up
        totals = {name: [] for name, _, _ in servers}
        print("| round | server | req/s | server CPU ms/req | model server CPU ms/req | wrk CPU ms/req | load |")
        print("|---|---|---|---|---|---|---|")
        for round in range(1, arguments.rounds + 1):
            for name, pid, port in (servers if round % 2 else list(reversed(servers))):
                load = os.getloadavg()[0]
                server, modelled = cpu_seconds(pid), cpu_seconds(model.pid)
                requests, rps, wrk_cpu = wrk_chat(port, arguments.duration, arguments.connections)
                server = (cpu_seconds(pid) - server) * 1000 / requests
                modelled = (cpu_seconds(model.pid) - modelled) * 1000 / requests
                wrk_ms = wrk_cpu * 1000 / requests
                totals[name].append((rps, server, modelled, wrk_ms))
                print(f"| {round} | {name} | {rps:.0f} | {server:.3f} | {modelled:.3f} | {wrk_ms:.3f} | {load:.1f} |",
                      flush=True)
                time.sleep(1)
        print("\n| server | mean req/s | server CPU ms/req | model server CPU ms/req | wrk CPU ms/req |")
        print("|---|---|---|---|---|")
        for name, rows in totals.items():
            means = [sum(column) / len(column) for column in zip(*rows)]
            print(f"| {name} | {means[0]:.0f} | {means[1]:.3f} | {means[2]:.3f} | {means[3]:.3f} |")
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
                process.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
