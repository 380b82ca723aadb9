#!/usr/bin/env python3
# For tests/spark.rs: reads the Parquet part files of a folder with Spark (local[1]) and
# writes their rows as one CSV file with a header, in part-file order.
#   parquet-to-csv.py FOLDER OUT.csv
import csv
import sys

from pyspark.sql import SparkSession

spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
df = spark.read.parquet(sys.argv[1])
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(df.columns)
    for row in df.toLocalIterator():
        w.writerow(list(row))
spark.stop()
