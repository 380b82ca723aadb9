#!/usr/bin/env python3
# quotecheck batch on Apache Spark (issue 17): the articles are distributed over the cluster,
# each partition is piped through the quotecheck binary (`quotecheck batch -`, JSON Lines in,
# CSV out), and the rows are written as CSV part files (or Parquet) with the columns and rows
# `quotecheck batch` writes, plus the per-article summary.
#
#   spark-submit spark/batch.py --corpus CORPUS --index INDEX --report OUT INPUT...
#
# INPUTs are what `quotecheck batch` takes: article files, folders, manifest CSVs and JSON
# Lines of articles. Local paths (plain, no scheme) are resolved on the driver by
# `quotecheck batch --list`, exactly as batch resolves them, and each executor's quotecheck
# reads the files from the driver's folder: the executors must see the driver's disk at the
# same paths (local mode, or a shared filesystem). Folders, files and JSON Lines given as URIs
# (hdfs://, s3a://, file://, any filesystem Spark reads) are listed and read by Spark itself,
# and each article's bytes are handed to quotecheck as a file; manifests must be local.
#
# The binary is $QUOTECHECK_BIN, else `quotecheck` on PATH. The driver builds INDEX when it is
# missing or stale (CORPUS must be on the driver's disk); executors use it as it is
# (`--index-as-is`: no corpus needed there). With --ship (the default when the master is not
# local) the binary and the index are sent to the executors with SparkContext.addFile.
#
# A bad article is an error row of the summary, as in batch. A task whose quotecheck dies, or
# whose summary does not account for every article it was given, fails, and Spark runs it
# again; only the rows of a task attempt that succeeds are committed, so none are lost or
# duplicated.
import argparse
import csv
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

# File endings read as articles when a folder is searched (quotecheck's ARTICLE_EXTENSIONS).
ARTICLE_EXTENSIONS = ("txt", "md", "markdown", "html", "htm", "text")
# Exit statuses of `quotecheck batch` that still mean "every article was handled".
BATCH_OK = (0, 1, 2)


def is_uri(s):
    """True for an input Spark must read (a URI with a scheme), not a local path."""
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", s) is not None and not os.path.exists(s)


def is_jsonl(s):
    return s.lower().endswith((".jsonl", ".ndjson"))


def find_binary():
    path = os.environ.get("QUOTECHECK_BIN") or shutil.which("quotecheck")
    if not path or not os.path.isfile(path):
        sys.exit("spark/batch.py: no quotecheck binary: set QUOTECHECK_BIN or put quotecheck on PATH")
    return os.path.abspath(path)


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="spark-submit spark/batch.py",
        description="quotecheck batch on Spark: CSV (or Parquet) part files with batch's rows.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="article files, folders, manifest CSVs, JSON Lines (local paths or URIs)")
    p.add_argument("--corpus", required=True, help="the transcript corpus (on the driver's disk)")
    p.add_argument("--index", required=True,
                   help="the corpus's index, built or refreshed here when missing or stale")
    p.add_argument("--report", required=True, metavar="OUT",
                   help="output folder of the report's part files (one row per statement)")
    p.add_argument("--summary", metavar="DIR",
                   help="output folder of the summary's part files [default: OUT-summary]")
    p.add_argument("--parquet", action="store_true", help="write Parquet instead of CSV")
    p.add_argument("--date", help="date for articles that have none (YYYY-MM-DD)")
    p.add_argument("--fail-on", metavar="RULES", help="as quotecheck batch --fail-on")
    p.add_argument("--config", metavar="FILE",
                   help="quotecheck.toml for the thresholds and fail-on rules, sent to the "
                        "executors [default: none; a quotecheck.toml near the driver is not read]")
    p.add_argument("--partitions", type=int,
                   help="partitions of the local articles [default: 2 per core, 2,000 articles each at most]")
    ship = p.add_mutually_exclusive_group()
    ship.add_argument("--ship", dest="ship", action="store_true", default=None,
                      help="send the binary and the index to the executors (SparkContext.addFile)")
    ship.add_argument("--no-ship", dest="ship", action="store_false",
                      help="executors use the binary and index at the driver's paths")
    p.add_argument("--overwrite", action="store_true", help="replace OUT and the summary folder")
    return p.parse_args(argv)


def prepare(binary, corpus, index, extra):
    """Builds or refreshes the index on the driver; returns the report's and summary's headers."""
    with tempfile.TemporaryDirectory() as tmp:
        summary = os.path.join(tmp, "summary.csv")
        cmd = [binary, "batch", "-", "--corpus", corpus, "--index", index,
               "--report", "-", "--summary", summary] + extra
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        if r.returncode != 0:
            sys.exit(f"spark/batch.py: preparing the index failed (status {r.returncode})")
        report = next(csv.reader(io.StringIO(r.stdout.decode("utf-8"), newline="")))
        with open(summary, newline="", encoding="utf-8") as f:
            summ = next(csv.reader(f))
    return report, summ


def list_local(binary, inputs):
    """Local inputs resolved as batch resolves them: (article records, error messages)."""
    if not inputs:
        return [], []
    r = subprocess.run([binary, "batch", "--list"] + inputs, capture_output=True)
    if r.returncode not in (0, 2):
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        sys.exit(f"spark/batch.py: quotecheck batch --list failed (status {r.returncode})")
    records, errors = [], []
    for line in r.stdout.decode("utf-8").splitlines():
        item = json.loads(line)
        if "error" in item:
            errors.append(item["error"])
        else:
            records.append(envelope("<list>", len(records) + 1, json.dumps(item, ensure_ascii=False)))
    return records, errors


def safe_cell(s):
    """A cell as quotecheck's CSV writers make it: one a spreadsheet would run as a formula
    is prefixed with a quote (report::csv::safe_cell)."""
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def envelope(name, line, raw):
    """Line `line` of the input `name`, for quotecheck batch --enveloped (every line a task
    sends is one: the articles the driver listed and those Spark read are named after where
    they came from)."""
    return json.dumps({"input": name, "line": line, "raw": raw}, ensure_ascii=False)


def uri_records(spark, uri):
    """An article file or folder that Spark reads: one record per article, named as batch
    names a file of a folder it is given (the input as written, then the path below it)."""
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(uri)
    fs = hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    prefix = fs.makeQualified(hpath).toString().rstrip("/")
    given = uri.rstrip("/")
    df = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
          .load(uri).select("path", "content"))

    def record(row):
        path = row.path
        rest = path[len(prefix):] if path.startswith(prefix) else None
        name = given + rest if rest is not None else path
        ext = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
        if ext not in ARTICLE_EXTENSIONS and rest != "":
            return []
        # The bytes themselves: the task writes them to a file that quotecheck reads as the
        # article `name` (encodings, files that are not text), as batch reads a file.
        return [("bytes", name, bytes(row.content))]

    return df.rdd.flatMap(record)


def jsonl_records(sc, name):
    """A JSON Lines input, each line sent enveloped so that errors name `name` and its line."""
    lines = sc.textFile(name).zipWithIndex()
    # Blank lines are skipped as quotecheck skips them (ASCII white space only).
    return lines.filter(lambda t: t[0].strip(" \t\n\x0c\r") != "").map(
        lambda t: envelope(name, t[1] + 1, t[0]))


def run_partition(conf, header, summary_header):
    """The function each task runs: its records through `quotecheck batch -`, yielding
    ("r", report cells) and ("s", summary cells)."""

    def run(records):
        import csv as _csv
        import os as _os
        import subprocess as _sp
        import tempfile as _tf
        from pyspark import SparkFiles, TaskContext

        def local(name, fallback):
            if conf["ship"]:
                p = SparkFiles.get(name)
                if _os.path.exists(p):
                    return p
            return fallback

        binary = local(_os.path.basename(conf["binary"]), conf["binary"])
        if not _os.access(binary, _os.X_OK):
            _os.chmod(binary, 0o755)
        index = local(_os.path.basename(conf["index"].rstrip("/")), conf["index"])
        extra = list(conf["extra"])
        if extra[1] != _os.devnull:
            extra[1] = local(_os.path.basename(extra[1]), extra[1])
        with _tf.TemporaryDirectory(prefix="quotecheck-task-") as tmp:
            given = _os.path.join(tmp, "articles.jsonl")
            n = 0
            with open(given, "w", encoding="utf-8") as f:
                for r in records:
                    if isinstance(r, tuple):
                        # An article Spark read: its bytes in a file, read under its name.
                        _, name, data = r
                        # (Its ending kept: it tells Markdown and HTML apart.)
                        base = name.rsplit("/", 1)[-1]
                        ext = "." + base.rsplit(".", 1)[-1] if "." in base else ""
                        at = _os.path.join(tmp, f"article-{n}{ext}")
                        with open(at, "wb") as a:
                            a.write(data)
                        line = json.dumps({"id": name, "file": name, "path": at}, ensure_ascii=False)
                        r = envelope(name, 1, line)
                    f.write(r)
                    f.write("\n")
                    n += 1
            if n == 0:
                return
            # Paths the driver listed are as batch reads them, relative to the driver's
            # folder, which the executors see (local mode, or a shared filesystem).
            cwd = conf["cwd"] if conf["local_inputs"] else tmp
            if not _os.path.isdir(cwd):
                raise RuntimeError(
                    f"the driver's folder {cwd} is not on this executor: local inputs need a "
                    "shared filesystem (give URIs instead)")
            summary = _os.path.join(tmp, "summary.csv")
            errors = _os.path.join(tmp, "stderr")
            cmd = [binary, "batch", "-", "--enveloped", "--corpus", conf["corpus"],
                   "--index", index, "--index-as-is", "--report", "-",
                   "--summary", summary] + extra
            env = dict(_os.environ, RAYON_NUM_THREADS=str(conf["cpus"]))
            with open(given, "rb") as stdin, open(errors, "wb") as stderr:
                p = _sp.Popen(cmd, stdin=stdin, stdout=_sp.PIPE, stderr=stderr, env=env, cwd=cwd)
                out = io.TextIOWrapper(p.stdout, encoding="utf-8", newline="")
                rows = _csv.reader(out)
                got = next(rows, None)
                if got is not None and got != header:
                    p.kill()
                    raise RuntimeError(f"quotecheck wrote the columns {got}, the driver's has {header}")
                for row in rows:
                    yield ("r", tuple(row))
                status = p.wait()
            ctx = TaskContext.get()
            where = f"partition {ctx.partitionId()} attempt {ctx.attemptNumber()}" if ctx else "a task"
            with open(errors, encoding="utf-8", errors="replace") as f:
                tail = f.read()[-4000:]
            if status not in BATCH_OK or not _os.path.exists(summary):
                raise RuntimeError(f"quotecheck batch failed in {where} (status {status}): {tail}")
            with open(summary, newline="", encoding="utf-8") as f:
                srows = list(_csv.reader(f))
            if srows[0] != summary_header or len(srows) - 1 != n:
                raise RuntimeError(
                    f"quotecheck's summary in {where} has {len(srows) - 1} rows for {n} articles")
            for row in srows[1:]:
                yield ("s", tuple(row))

    return run


def write(spark, rdd, columns, out, parquet, overwrite):
    from pyspark.sql.types import StringType, StructField, StructType
    schema = StructType([StructField(c, StringType(), False) for c in columns])
    w = spark.createDataFrame(rdd, schema).write.mode("overwrite" if overwrite else "errorifexists")
    if parquet:
        w.parquet(out)
    else:
        (w.option("header", True).option("quoteAll", True).option("escape", '"')
         .option("ignoreLeadingWhiteSpace", False).option("ignoreTrailingWhiteSpace", False)
         .option("encoding", "UTF-8").csv(out))


def main(argv):
    args = parse_args(argv)
    binary = find_binary()
    extra = ["--config", os.path.abspath(args.config) if args.config else os.devnull]
    if args.date:
        extra += ["--date", args.date]
    if args.fail_on:
        extra += ["--fail-on", args.fail_on]
    header, summary_header = prepare(binary, args.corpus, args.index, extra)

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName("quotecheck batch").getOrCreate()
    sc = spark.sparkContext
    ship = args.ship if args.ship is not None else not sc.master.startswith("local")
    if ship:
        sc.addFile(binary)
        sc.addFile(os.path.abspath(args.index), recursive=True)
        if args.config:
            sc.addFile(os.path.abspath(args.config))
    local = [i for i in args.inputs if not is_uri(i) and not is_jsonl(i)]
    records, input_errors = list_local(binary, local)
    cores = sc.defaultParallelism
    slices = args.partitions or max(2 * cores, math.ceil(len(records) / 2000), 1)
    parts = [sc.parallelize(records, min(slices, max(len(records), 1)))]
    for i in args.inputs:
        if is_jsonl(i):
            parts.append(jsonl_records(sc, i))
        elif is_uri(i):
            if i.lower().endswith(".csv"):
                sys.exit(f"spark/batch.py: {i}: a manifest must be a local path")
            parts.append(uri_records(spark, i))
    conf = {
        "binary": binary,
        "index": os.path.abspath(args.index),
        "corpus": args.corpus,
        "extra": extra,
        "ship": ship,
        "cpus": int(sc.getConf().get("spark.task.cpus", "1")),
        "cwd": os.getcwd(),
        "local_inputs": any(not is_uri(i) for i in args.inputs),
    }
    out = sc.union(parts).mapPartitions(run_partition(conf, header, summary_header))
    out = out.persist(StorageLevel.MEMORY_AND_DISK)
    # The inputs that named no article (a bad manifest row, an unreadable folder): error rows
    # of the summary, as batch writes them.
    errors = [tuple("" if c != "error" else safe_cell(e) for c in summary_header)
              for e in input_errors]
    summary = out.filter(lambda t: t[0] == "s").map(lambda t: t[1])
    if errors:
        summary = summary.union(sc.parallelize(errors, 1))
    write(spark, out.filter(lambda t: t[0] == "r").map(lambda t: t[1]), header,
          args.report, args.parquet, args.overwrite)
    write(spark, summary, summary_header, args.summary or args.report.rstrip("/") + "-summary",
          args.parquet, args.overwrite)
    out.unpersist()
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
