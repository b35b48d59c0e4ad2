"""`make bench`: every benchmark, each reporting against a baseline measured in the same run."""

from __future__ import annotations

import sys

from benchmarks import (
    evaluate_bench,
    evaluate_product_bench,
    extract_bench,
    index_bench,
    national_bench,
    ocr_bench,
    region_bench,
    report_bench,
    web_bench,
)


def main() -> int:
    extract_bench.main()
    print()
    ocr_bench.main()
    print()
    evaluate_product_bench.main()
    print()
    evaluate_bench.main()
    print()
    index_bench.main()
    print()
    region_bench.main()
    print()
    national_bench.main()
    print()
    report_bench.main()
    print()
    web_bench.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
