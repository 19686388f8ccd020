#!/usr/bin/env python3
"""Builds a tiny random Qwen2-VL vision model that vLLM can serve without a model hub.

    $SPARK_VLLM_HOME/venv/bin/python scripts/vllm/make_tiny_vision_model.py --out DIR

The text side is make_tiny_model.py's Qwen2 (same tokenizer plus the vision tokens, same stop bias, so replies end
after ~30 tokens); the vision side is one block of 64 dimensions, and the image processor keeps an image at most
64 tokens (min 4*28*28, max 64*28*28 pixels). The model is random: its words do not depend visibly on the image,
but requests with `image_url` parts take the real path (decoding, patching, the vision tower). Seeded: the same
script builds the same files.
"""

import argparse
import json
import os
import sys

import torch
from transformers import GenerationConfig, Qwen2VLConfig, Qwen2VLForConditionalGeneration

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_tiny_model as text  # noqa: E402

VISION_TOKENS = ["<|vision_start|>", "<|vision_end|>", "<|image_pad|>", "<|video_pad|>"]
CONTEXT = 16384  # the image agent's tool schemas and prompt take thousands of tokens with this vocabulary
VISION_EMBED = 64
PATCH = 14
MERGE = 2
TEMPORAL_PATCH = 2

# make_tiny_model's template, with an image part rendered as Qwen2-VL's vision tokens.
CHAT_TEMPLATE = text.CHAT_TEMPLATE.replace(
    "{{- '<|im_start|>' + message.role + '\\n' + (message.content or '') + '<|im_end|>\\n' }}",
    "{{- '<|im_start|>' + message.role + '\\n' }}"
    "{%- if message.content is string %}{{- message.content }}"
    "{%- else %}{%- for part in (message.content or []) %}"
    "{%- if part.type == 'image' or part.type == 'image_url' %}{{- '<|vision_start|><|image_pad|><|vision_end|>' }}"
    "{%- elif part.type == 'text' %}{{- part.text }}{%- endif %}"
    "{%- endfor %}{%- endif %}"
    "{{- '<|im_end|>\\n' }}",
)

PREPROCESSOR = {
    "image_processor_type": "Qwen2VLImageProcessor",
    "processor_class": "Qwen2VLProcessor",
    "do_resize": True,
    "do_rescale": True,
    "do_normalize": True,
    "do_convert_rgb": True,
    "rescale_factor": 1 / 255,
    "image_mean": [0.48145466, 0.4578275, 0.40821073],
    "image_std": [0.26862954, 0.26130258, 0.27577711],
    "min_pixels": 4 * 28 * 28,
    "max_pixels": 64 * 28 * 28,
    "patch_size": PATCH,
    "merge_size": MERGE,
    "temporal_patch_size": TEMPORAL_PATCH,
}


def build_model(tokenizer):
    chat = text.build_model(tokenizer, stop_bias=True, extra_tokens=VISION_TOKENS)
    ids = {token: tokenizer.convert_tokens_to_ids(token) for token in VISION_TOKENS}
    config = Qwen2VLConfig(
        text_config={
            "vocab_size": len(tokenizer),
            "hidden_size": text.HIDDEN,
            "intermediate_size": 2 * text.HIDDEN,
            "num_hidden_layers": text.LAYERS,
            "num_attention_heads": text.HEADS,
            "num_key_value_heads": text.HEADS,
            "max_position_embeddings": CONTEXT,
            "max_window_layers": text.LAYERS,
            # mrope: the three sections (time, height, width) add up to half the head size (32).
            "rope_scaling": {"type": "mrope", "mrope_section": [4, 6, 6], "rope_theta": 10000.0},
            "bos_token_id": chat.config.bos_token_id,
            "eos_token_id": chat.config.eos_token_id,
            "pad_token_id": chat.config.pad_token_id,
        },
        vision_config={
            "depth": 1,
            "embed_dim": VISION_EMBED,
            "num_heads": 2,
            "hidden_size": text.HIDDEN,
            "patch_size": PATCH,
            "spatial_merge_size": MERGE,
            "temporal_patch_size": TEMPORAL_PATCH,
        },
        image_token_id=ids["<|image_pad|>"],
        video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"],
        vision_end_token_id=ids["<|vision_end|>"],
        tie_word_embeddings=False,
        torch_dtype="float32",
    )
    torch.manual_seed(text.SEED)
    model = Qwen2VLForConditionalGeneration(config).to(torch.float32).eval()
    # The language side takes the chat model's weights, stop bias included.
    state = {"model.language_model." + key[len("model."):]: value
             for key, value in chat.state_dict().items() if key.startswith("model.")}
    state["lm_head.weight"] = chat.lm_head.weight
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert not unexpected, unexpected
    assert all(key.startswith("model.visual.") for key in missing), missing
    return model


def main():
    home = os.environ.get("SPARK_VLLM_HOME", os.path.expanduser("~/.cache/spark-vllm"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(home, "vision", "model"))
    args = parser.parse_args()

    torch.manual_seed(text.SEED)
    tokenizer = text.build_tokenizer(extra_tokens=VISION_TOKENS)
    tokenizer.chat_template = CHAT_TEMPLATE
    model = build_model(tokenizer)
    os.makedirs(args.out, exist_ok=True)
    tokenizer.save_pretrained(args.out)
    model.save_pretrained(args.out, safe_serialization=True)
    GenerationConfig(
        bos_token_id=model.config.text_config.bos_token_id,
        eos_token_id=model.config.text_config.eos_token_id,
        pad_token_id=model.config.text_config.pad_token_id,
    ).save_pretrained(args.out)
    with open(os.path.join(args.out, "preprocessor_config.json"), "w") as file:
        json.dump(PREPROCESSOR, file, indent=2)
    with open(os.path.join(args.out, "chat_template.jinja"), "w") as file:
        file.write(CHAT_TEMPLATE)
    parameters = sum(p.numel() for p in model.parameters())
    print(f"tiny vision model ({len(tokenizer)} tokens, {parameters} parameters) written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
