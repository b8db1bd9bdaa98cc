"""``python -m cleaner.spark IN OUT``; ``spark-submit <this file> IN OUT`` runs the same job."""

import sys

from cleaner.spark.job import main

if __name__ == "__main__":
    sys.exit(main())
