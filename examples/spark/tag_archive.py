#!/usr/bin/env python3
"""Tag a news archive on a Spark cluster with the agrivn binary.

Reads a JSON Lines archive (a file, a folder, a glob or a comma-separated
list; `.gz` files too) or a Parquet table with columns id, title, text (when
the path ends in `.parquet`), pipes every partition through `agrivn tag`, and
writes:

    OUTPUT/articles/part-NNNNN      the tagged articles, JSON Lines, in input
                                    order inside each partition
    OUTPUT/topic_counts/part-*.csv  topic,articles (one CSV file, with header)
    OUTPUT/summary/part-*.csv       input_records,tagged,rejected,agricultural

JSON Lines input is piped exactly as read: the lines are not parsed or
re-serialized on the way in. agrivn reports rejected lines on the executors'
stderr (prefixed with the partition number; line numbers count from the
start of the partition) and never writes them to its output.

By default the binary is shipped to the executors with SparkContext.addFile
(or `spark-submit --files`) and found on each executor with SparkFiles.get.
With --use-rdd-pipe the partitions go through PySpark's own RDD.pipe instead,
which runs one command fixed on the driver: the --binary path must then exist
at the same place on every node. See README.md next to this file.
"""

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import threading
from collections import deque

from pyspark import SparkConf, SparkFiles, TaskContext
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))


def parse_args(argv=None):
    p = argparse.ArgumentParser(
        description="Tag a JSON Lines (or Parquet) news archive with agrivn on Spark.",
    )
    p.add_argument("input", help="JSON Lines file or folder (also globs, comma-separated lists, .gz); "
                   "a Parquet table (columns id, title, text) when it ends in .parquet")
    p.add_argument("output", help="output folder (must not exist, unless --overwrite)")
    p.add_argument("--binary", help="the agrivn binary (default: `agrivn` next to this script, else on PATH)")
    p.add_argument("--partitions", type=int,
                   help="JSON Lines: minimum number of input splits (order is kept); "
                   "Parquet: repartition to this many partitions")
    p.add_argument("--threads", type=int,
                   help="agrivn worker threads per task (default: spark.task.cpus, i.e. 1)")
    p.add_argument("--strict", action="store_true",
                   help="fail the job if agrivn rejects any line (agrivn tag --strict)")
    p.add_argument("--overwrite", action="store_true", help="delete OUTPUT first if it exists")
    p.add_argument("--use-rdd-pipe", action="store_true",
                   help="pipe with PySpark's RDD.pipe; the --binary path must exist on every node "
                   "(nothing is shipped)")
    args = p.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        p.error("--partitions must be at least 1")
    if args.threads is not None and args.threads < 1:
        p.error("--threads must be at least 1")
    return args


def find_binary(given):
    """The agrivn binary on the driver: --binary, next to this script, on PATH."""
    if given:
        path = given if os.path.exists(given) else shutil.which(given)
        if not path:
            sys.exit(f"tag_archive: --binary {given}: no such file")
    else:
        here = os.path.join(SCRIPT_DIR, "agrivn")
        path = here if os.path.isfile(here) else shutil.which("agrivn")
        if not path:
            sys.exit("tag_archive: no agrivn binary next to this script or on PATH; build it with "
                     "`cargo build --release --features cli` and pass --binary target/release/agrivn")
    path = os.path.abspath(path)
    if not os.access(path, os.X_OK):
        sys.exit(f"tag_archive: {path} is not executable")
    return path


def shipped_files(conf):
    """Files given to spark-submit --files (spark.files; spark.yarn.dist.files on YARN)."""
    files = []
    for key in ("spark.files", "spark.yarn.dist.files"):
        files += [f for f in conf.get(key, "").split(",") if f]
    return files


def pipe_partition(binary_name, tag_args):
    """A mapPartitions function: pipe the partition's lines through
    `agrivn tag`, found on the executor with SparkFiles.get(binary_name).

    Differences from PySpark's RDD.pipe, on purpose: the binary is looked up
    on the executor (each executor has its own SparkFiles folder), the
    command is an argument list (no shell splitting), the executor's
    environment is kept, a non-zero exit or a failure reading the input fails
    the task instead of silently cutting the partition short, and agrivn's
    stderr is forwarded with the partition number.
    """

    def run(lines):
        binary = SparkFiles.get(binary_name)
        ctx = TaskContext.get()
        part = ctx.partitionId() if ctx is not None else -1
        argv = [binary, "tag", *tag_args]
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, bufsize=1 << 16)
        feed_error = []
        stderr_tail = deque(maxlen=20)

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8"))
                    proc.stdin.write(b"\n")
            except BrokenPipeError:
                pass  # agrivn ended early; its exit status tells why
            except BaseException as e:  # reading the input failed: fail the task
                feed_error.append(e)
            finally:
                try:
                    proc.stdin.close()
                except OSError:
                    pass

        def forward_stderr():
            for raw in proc.stderr:
                msg = raw.decode("utf-8", "replace").rstrip("\n")
                stderr_tail.append(msg)
                sys.stderr.write(f"[partition {part}] {msg}\n")
            sys.stderr.flush()

        writer = threading.Thread(target=feed, name=f"agrivn-stdin-{part}", daemon=True)
        reader = threading.Thread(target=forward_stderr, name=f"agrivn-stderr-{part}", daemon=True)
        writer.start()
        reader.start()
        finished = False
        try:
            for raw in proc.stdout:
                yield raw[:-1].decode("utf-8") if raw.endswith(b"\n") else raw.decode("utf-8")
            finished = True
        finally:
            if not finished:  # the consumer stopped early (take, limit, task killed)
                proc.kill()
            proc.stdout.close()
            code = proc.wait()
            writer.join()
            reader.join()
        if feed_error:
            raise RuntimeError(f"partition {part}: reading the input failed") from feed_error[0]
        if code != 0:
            tail = "\n".join(stderr_tail)
            raise RuntimeError(f"partition {part}: {shlex.join(argv)} exited with status {code}; "
                               f"last stderr lines:\n{tail}")

    return run


def count_into(acc):
    """A mapPartitions function that passes the lines on and adds their number to acc."""

    def run(lines):
        n = 0
        for line in lines:
            n += 1
            yield line
        acc.add(n)

    return run


def read_input(spark, path, partitions):
    """The archive as an RDD of JSON Lines strings."""
    sc = spark.sparkContext
    if path.rstrip("/").endswith(".parquet"):
        df = spark.read.parquet(path).select("id", "title", "text")
        if partitions:
            df = df.repartition(partitions)
        return df.toJSON()  # the only case where records are serialized here
    if partitions:
        return sc.textFile(path, minPartitions=partitions)
    return sc.textFile(path)


def hadoop_path(sc, path):
    jvm = sc._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    return p, p.getFileSystem(sc._jsc.hadoopConfiguration())


def main(argv=None):
    args = parse_args(argv)
    conf = SparkConf()
    if not conf.contains("spark.master"):  # run with plain `python tag_archive.py`
        conf.setMaster("local[*]")
    conf.setIfMissing("spark.app.name", "agrivn-tag-archive")
    spark = SparkSession.builder.config(conf=conf).getOrCreate()
    sc = spark.sparkContext

    out, fs = hadoop_path(sc, args.output)
    if fs.exists(out):
        if not args.overwrite:
            sys.exit(f"tag_archive: {args.output} exists (use --overwrite to replace it)")
        fs.delete(out, True)

    threads = args.threads or int(sc.getConf().get("spark.task.cpus", "1"))
    tag_args = ["--quiet", "--threads", str(threads)]
    if args.strict:
        tag_args.append("--strict")

    if args.use_rdd_pipe:
        binary = find_binary(args.binary)
        print(f"tag_archive: piping with RDD.pipe through {binary} (must exist on every node)")
    else:
        shipped = [f for f in shipped_files(sc.getConf()) if os.path.basename(f.split("#")[0]) == "agrivn"]
        if shipped and not args.binary:
            binary_name = "agrivn"
            print(f"tag_archive: using the agrivn shipped with --files ({shipped[0]})")
        else:
            binary = find_binary(args.binary)
            binary_name = os.path.basename(binary)
            sc.addFile(binary)
            print(f"tag_archive: shipping {binary} to the executors")

    # Input records are counted on the way to agrivn (one pass over the
    # input). The count is exact: the counting runs in the result stage of
    # saveAsTextFile, whose accumulator updates Spark applies once per
    # partition even when a task is retried or speculated.
    records = sc.accumulator(0)
    lines = read_input(spark, args.input, args.partitions).mapPartitions(count_into(records))
    if args.use_rdd_pipe:
        tagged = lines.pipe(shlex.join([binary, "tag", *tag_args]), checkCode=True)
    else:
        tagged = lines.mapPartitions(pipe_partition(binary_name, tag_args))

    out_dir = args.output.rstrip("/")
    articles_dir = out_dir + "/articles"
    tagged.saveAsTextFile(articles_dir)

    # Counts from what was written, read back by Spark's JSON reader (no
    # second run of agrivn, nothing cached).
    written = (spark.read.schema("agri boolean, topics array<struct<id: string>>")
               .option("mode", "FAILFAST").json(articles_dir))
    row = written.agg(F.count(F.lit(1)).alias("n"),
                      F.sum(F.col("agri").cast("long")).alias("agri")).first()
    tagged_count, agri = row["n"], row["agri"] or 0
    topic_rows = (written.select(F.explode(F.array_distinct(F.col("topics.id"))).alias("topic"))
                  .groupBy("topic").agg(F.count(F.lit(1)).alias("articles"))
                  .orderBy(F.desc("articles"), "topic").collect())
    input_records = records.value
    rejected = input_records - tagged_count
    (spark.createDataFrame(topic_rows, "topic string, articles long").coalesce(1)
     .write.option("header", True).csv(out_dir + "/topic_counts"))
    (spark.createDataFrame([(input_records, tagged_count, rejected, agri)],
                           "input_records long, tagged long, rejected long, agricultural long")
     .coalesce(1).write.option("header", True).csv(out_dir + "/summary"))

    print(f"tag_archive: input records {input_records}, tagged {tagged_count}, "
          f"rejected {rejected}, agricultural {agri}")
    print("topic,articles")
    for r in topic_rows:
        print(f"{r['topic']},{r['articles']}")
    spark.stop()


if __name__ == "__main__":
    main()
