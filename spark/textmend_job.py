"""The textmend Spark job, for spark-submit (which runs a file, not a
module): the same as ``python -m textmend.spark``. The driver and every
executor need the ``textmend`` wheel installed (or shipped in a packed
virtual environment with ``--archives``); see docs/python.md.

    spark-submit --master yarn spark/textmend_job.py --pooled --group source \\
        hdfs:///corpus/part-*.jsonl hdfs:///corpus-mended
"""

import sys

from textmend.spark import main

if __name__ == "__main__":
    sys.exit(main())
