"""The baseline of `make bench-http`: the original design's stack, FastAPI on uvicorn, serving the same three routes
over the same scripted model server, doing the work the original did: keep the session's history (in memory, as the
original's Swarm loop did), forward the conversation to the agent's model with an async HTTP client (connection
pool shared by all requests), and return the answer, or re-emit the model's stream as server-sent events.

    VLLM_ENDPOINT=http://127.0.0.1:PORT/v1 uvicorn baseline_app:app --host 127.0.0.1 --port 8001
"""
import json
import os
import uuid
from typing import Optional

import httpx
from fastapi import FastAPI, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

ENDPOINT = os.environ.get("VLLM_ENDPOINT", "http://vllm-service.vllm-system.svc.cluster.local:8000/v1")
AGENTS = {
    "supervisor": {"model": os.environ.get("SUPERVISOR_MODEL", "gpt-oss-120b"),
                   "description": "Routes each request to the right specialist.",
                   "tools": ["transfer_to_coding", "transfer_to_rag", "transfer_to_image"]},
    "coding": {"model": os.environ.get("CODING_MODEL", "meta-llama/Llama-3.1-8B-Instruct"),
               "description": "Writes, reviews, runs and fixes code in the workspace.",
               "tools": ["read_file", "write_file", "list_files", "search_code", "execute_code", "bash"]},
    "rag": {"model": os.environ.get("RAG_MODEL", "gpt-oss-20b"),
            "description": "Answers from the knowledge base with citations.", "tools": ["search_knowledge_base"]},
    "image": {"model": os.environ.get("IMAGE_MODEL", "microsoft/Phi-4"),
              "description": "Describes and analyses images.", "tools": ["analyze_image"]},
}
SYSTEM = "You are a helpful assistant."

app = FastAPI()
client = httpx.AsyncClient(base_url=ENDPOINT, timeout=600, limits=httpx.Limits(max_connections=2000))
sessions: dict[str, list[dict]] = {}


class ChatRequest(BaseModel):
    message: str
    session_id: Optional[str] = None
    agent_type: Optional[str] = None
    stream: bool = False


def start(request: ChatRequest):
    agent = request.agent_type or "supervisor"
    if agent not in AGENTS:
        raise HTTPException(400, f"unknown agent {agent}")
    session_id = request.session_id or str(uuid.uuid4())
    history = sessions.setdefault(session_id, [])
    history.append({"role": "user", "content": request.message})
    body = {"model": AGENTS[agent]["model"], "messages": [{"role": "system", "content": SYSTEM}] + history}
    return agent, session_id, history, body


@app.get("/agents")
async def agents():
    return {"agents": [{"name": name, "description": agent["description"], "model": agent["model"],
                        "endpoint": ENDPOINT, "tools": agent["tools"]} for name, agent in AGENTS.items()]}


@app.post("/chat")
async def chat(request: ChatRequest):
    agent, session_id, history, body = start(request)
    reply = await client.post("/chat/completions", json=body)
    reply.raise_for_status()
    completion = reply.json()
    answer = completion["choices"][0]["message"]["content"]
    history.append({"role": "assistant", "content": answer})
    return {"response": answer, "session_id": session_id, "agent": agent, "edits": [],
            "usage": completion.get("usage", {})}


@app.post("/chat/stream")
async def chat_stream(request: ChatRequest):
    agent, session_id, history, body = start(request)

    async def events():
        text = []
        async with client.stream("POST", "/chat/completions", json={**body, "stream": True}) as reply:
            async for line in reply.aiter_lines():
                if not line.startswith("data: ") or line == "data: [DONE]":
                    continue
                chunk = json.loads(line[6:])
                for choice in chunk.get("choices", []):
                    delta = choice.get("delta", {}).get("content")
                    if delta:
                        text.append(delta)
                        event = {"kind": "delta", "agent": agent, "text": delta, "sessionId": session_id}
                        yield f"event: delta\ndata: {json.dumps(event)}\n\n"
        history.append({"role": "assistant", "content": "".join(text)})
        done = {"kind": "done", "agent": agent, "content": "".join(text), "sessionId": session_id, "status": "ok"}
        yield f"event: done\ndata: {json.dumps(done)}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")
