#!/usr/bin/env python3
"""Builds a tiny random Qwen2 chat model that vLLM can serve without a model hub.

    $SPARK_VLLM_HOME/venv/bin/python scripts/vllm/make_tiny_model.py [--out DIR] [--no-stop-bias]

The model is random, so its text is noise, but it speaks the real wire format: a byte-level BPE tokenizer with
Qwen's special tokens and hermes `<tool_call>` tokens, a Qwen/hermes chat template that renders `tools`,
`tool_calls` and `tool` messages, and a fixed logit bias built into the weights so replies end after 20-50 tokens
and guided JSON stays short. Everything is seeded: the same script builds the same files.
"""

import argparse
import json
import math
import os
import random
import sys

import torch
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import GenerationConfig, PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

SEED = 20260
VOCAB_SIZE = 576
HIDDEN = 128
HEADS = 4  # head size 32: the smallest the CPU attention accepts
LAYERS = 2
CONTEXT = 32768  # a dozen tool schemas take thousands of tokens with a vocabulary this small
STOP_EVERY = 30  # average reply length in tokens
BIAS_DIM = 0  # the residual dimension that carries the constant logit bias
NEWLINE_DIM = 1  # the residual dimension that marks a newline token (the prompt ends "assistant\n")
SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
TOOL_TOKENS = ["<tool_call>", "</tool_call>"]

CHAT_TEMPLATE = """\
{%- if tools %}
{{- '<|im_start|>system\\n' }}
{%- if messages[0].role == 'system' %}{{- messages[0].content + '\\n\\n' }}{%- endif %}
{{- '# Tools\\n\\nYou may call one or more functions to assist with the user query.\\n\\n' }}
{{- 'You are provided with function signatures within <tools></tools> XML tags:\\n<tools>' }}
{%- for tool in tools %}{{- '\\n' + (tool | tojson) }}{%- endfor %}
{{- '\\n</tools>\\n\\nFor each function call, return a json object with function name and arguments within ' }}
{{- '<tool_call></tool_call> XML tags:\\n<tool_call>\\n{"name": <function-name>, "arguments": <args-json-object>}' }}
{{- '\\n</tool_call><|im_end|>\\n' }}
{%- elif messages[0].role == 'system' %}
{{- '<|im_start|>system\\n' + messages[0].content + '<|im_end|>\\n' }}
{%- endif %}
{%- for message in messages %}
{%- if message.role == 'user' or (message.role == 'system' and not loop.first) %}
{{- '<|im_start|>' + message.role + '\\n' + (message.content or '') + '<|im_end|>\\n' }}
{%- elif message.role == 'assistant' %}
{{- '<|im_start|>assistant' }}
{%- if message.content %}{{- '\\n' + message.content }}{%- endif %}
{%- for tool_call in (message.tool_calls or []) %}
{%- set call = tool_call.function if tool_call.function is defined else tool_call %}
{{- '\\n<tool_call>\\n{"name": "' + call.name + '", "arguments": ' }}
{%- if call.arguments is string %}{{- call.arguments }}{%- else %}{{- call.arguments | tojson }}{%- endif %}
{{- '}\\n</tool_call>' }}
{%- endfor %}
{{- '<|im_end|>\\n' }}
{%- elif message.role == 'tool' %}
{%- if loop.first or messages[loop.index0 - 1].role != 'tool' %}{{- '<|im_start|>user' }}{%- endif %}
{{- '\\n<tool_response>\\n' + (message.content or '') + '\\n</tool_response>' }}
{%- if loop.last or messages[loop.index0 + 1].role != 'tool' %}{{- '<|im_end|>\\n' }}{%- endif %}
{%- endif %}
{%- endfor %}
{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}
"""


def corpus():
    """A few KB of text like what the model will see: chat turns, JSON schemas and tool calls, code."""
    rng = random.Random(SEED)
    words = (
        "the a of to and in is it you that for on with as are this be at have from or by one had not but what "
        "all were when we there can an your which their if do will each about how up out them then she many "
        "some so these would other into has more her two like him see time could no make than first been its "
        "who now people my made over did down only way find use may water long little very after words called "
        "just where most know file code function agent tool model search read write edit test build error "
        "swift server client request response session message user assistant system content name arguments"
    ).split()
    lines = []
    for _ in range(120):
        lines.append(" ".join(rng.choice(words) for _ in range(rng.randint(4, 14))).capitalize() + ".")
    keys = ["path", "query", "pattern", "line", "text", "name", "limit", "type", "description", "properties"]
    for _ in range(60):
        obj = {rng.choice(keys): rng.choice([rng.choice(words), rng.randint(0, 999), True, None]) for _ in range(3)}
        lines.append(json.dumps(obj))
        lines.append('<tool_call>\n{"name": "%s", "arguments": %s}\n</tool_call>' % (rng.choice(words), json.dumps(obj)))
    schema = {"type": "function", "function": {"name": "read_file", "description": "Read a file",
              "parameters": {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]}}}
    lines += [json.dumps(schema)] * 5
    lines += ["func main() { let x = [1, 2, 3]; print(x.map { $0 * 2 }) }", "if (a != b) { return -1; } // done"] * 5
    lines += ["<|im_start|>user\nHello there<|im_end|>\n<|im_start|>assistant\nHi! How can I help?<|im_end|>"] * 5
    return lines


def build_tokenizer(extra_tokens=()):
    """The byte-level BPE tokenizer; `extra_tokens` are added after the tool tokens (the vision model's)."""
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=VOCAB_SIZE - len(TOOL_TOKENS) - len(extra_tokens),
        special_tokens=SPECIAL,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(corpus(), trainer=trainer)
    tokenizer.add_tokens([AddedToken(t, special=False, normalized=False) for t in TOOL_TOKENS])
    tokenizer.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in extra_tokens])
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        model_max_length=CONTEXT,
        clean_up_tokenization_spaces=False,
    )
    fast.chat_template = CHAT_TEMPLATE
    return fast


def token_bias(tokenizer, extra_tokens=()):
    """The constant logit of each token: favour the end of turn, JSON closers and printable ASCII."""
    vocab = tokenizer.get_vocab()
    bias = torch.full((len(vocab),), -12.0)
    for token, index in vocab.items():
        text = tokenizer.convert_tokens_to_string([token]) if token not in SPECIAL + TOOL_TOKENS + list(extra_tokens) else None
        if text and all(32 <= ord(c) < 127 for c in text):
            bias[index] = 0.0
    for closer in ['"', "}", "]"]:
        bias[vocab[tokenizer.convert_ids_to_tokens(tokenizer.encode(closer))[0]]] = 4.0
    return bias


def build_model(tokenizer, stop_bias, extra_tokens=()):
    torch.manual_seed(SEED)
    vocab = len(tokenizer)
    config = Qwen2Config(
        vocab_size=vocab,
        hidden_size=HIDDEN,
        intermediate_size=2 * HIDDEN,
        num_hidden_layers=LAYERS,
        num_attention_heads=HEADS,
        num_key_value_heads=HEADS,
        max_position_embeddings=CONTEXT,
        max_window_layers=LAYERS,
        rope_theta=10000.0,
        tie_word_embeddings=False,
        torch_dtype="float32",
        bos_token_id=tokenizer.convert_tokens_to_ids("<|endoftext|>"),
        eos_token_id=tokenizer.convert_tokens_to_ids("<|im_end|>"),
        pad_token_id=tokenizer.convert_tokens_to_ids("<|endoftext|>"),
    )
    model = Qwen2ForCausalLM(config).to(torch.float32).eval()
    if not stop_bias:
        return model
    with torch.no_grad():
        # Layers never write to BIAS_DIM, so the residual keeps the embeddings' constant there and the final
        # norm turns it into a nearly constant feature; one output column maps it to a fixed logit per token.
        # NEWLINE_DIM works the same way for the newline token alone: it keeps a reply from ending before its
        # first token (an empty reply).
        for layer in model.model.layers:
            layer.self_attn.o_proj.weight[[BIAS_DIM, NEWLINE_DIM], :] = 0
            layer.mlp.down_proj.weight[[BIAS_DIM, NEWLINE_DIM], :] = 0
        embed = model.model.embed_tokens.weight
        embed[:, [BIAS_DIM, NEWLINE_DIM]] = 0
        newline = tokenizer.encode("\n")
        assert len(newline) == 1, "the newline must be one token"
        sample = torch.randint(0, vocab, (8, 64), generator=torch.Generator().manual_seed(SEED))
        captured = []
        hook = model.model.norm.register_forward_hook(lambda module, inputs, output: captured.append(inputs[0]))
        model.model(sample)
        hook.remove()
        energy = captured[0].pow(2).sum(-1).mean().sqrt().item()  # the residual's size before the final norm
        embed[:, BIAS_DIM] = 3.0 * energy  # dominates the norm: the feature ends near sqrt(HIDDEN)
        embed[newline[0], NEWLINE_DIM] = energy
        sample[:, ::4] = newline[0]
        hidden = model.model(sample).last_hidden_state
        feature = hidden[..., BIAS_DIM].mean().item()
        newline_feature = hidden[:, ::4, NEWLINE_DIM].mean().item()
        head = model.lm_head.weight
        head[:, [BIAS_DIM, NEWLINE_DIM]] = 0
        noise = model.lm_head(hidden).std().item()
        head.mul_(1.0 / noise)  # random part of the logits: standard deviation 1
        head[:, BIAS_DIM] = token_bias(tokenizer, extra_tokens) / feature
        # The end of turn gets no random part, and a bias that makes it about 1 in STOP_EVERY of the probability
        # mass at every step: replies end after STOP_EVERY tokens on average (sampling at temperature 1).
        stop = tokenizer.convert_tokens_to_ids("<|im_end|>")
        head[stop, :] = 0
        logits = model.lm_head(model.model(sample).last_hidden_state)
        logits[..., stop] = float("-inf")
        others = torch.logsumexp(logits, dim=-1).mean().item()
        head[stop, BIAS_DIM] = (others - math.log(STOP_EVERY - 1)) / feature
        head[stop, NEWLINE_DIM] = -30.0 / newline_feature
    return model


def reply_lengths(model, tokenizer, count=12):
    messages = [{"role": "user", "content": "Tell me about the files in this project."}]
    prompt = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
    if not isinstance(prompt, torch.Tensor):
        prompt = prompt["input_ids"]
    lengths = []
    for index in range(count):
        torch.manual_seed(index)
        out = model.generate(prompt, max_new_tokens=200, do_sample=True, temperature=1.0, top_k=0, top_p=1.0,
                             eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
        lengths.append(out.shape[1] - prompt.shape[1])
    return lengths


def main():
    home = os.environ.get("SPARK_VLLM_HOME", os.path.expanduser("~/.cache/spark-vllm"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(home, "tiny-model"))
    parser.add_argument("--no-stop-bias", action="store_true", help="replies never end by themselves")
    parser.add_argument("--check", action="store_true", help="sample a few replies and print their lengths")
    args = parser.parse_args()

    torch.manual_seed(SEED)
    tokenizer = build_tokenizer()
    model = build_model(tokenizer, stop_bias=not args.no_stop_bias)
    os.makedirs(args.out, exist_ok=True)
    tokenizer.save_pretrained(args.out)
    model.save_pretrained(args.out, safe_serialization=True)
    GenerationConfig(
        bos_token_id=model.config.bos_token_id,
        eos_token_id=model.config.eos_token_id,
        pad_token_id=model.config.pad_token_id,
    ).save_pretrained(args.out)
    with open(os.path.join(args.out, "chat_template.jinja"), "w") as file:
        file.write(CHAT_TEMPLATE)
    print(f"tiny model ({len(tokenizer)} tokens) written to {args.out}", file=sys.stderr)
    if args.check:
        print(f"reply lengths: {reply_lengths(model, tokenizer)}", file=sys.stderr)


if __name__ == "__main__":
    main()
