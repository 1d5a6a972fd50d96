#!/usr/bin/env bash
# Prints one summary of the Surefire reports this build wrote (Maven runs quiet), per module and in
# total, ending with the plain line "N passed, N failed, N skipped". Exits 1 if any test failed.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, sys, xml.etree.ElementTree as ET
total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
reports = glob.glob("*/target/surefire-reports/TEST-*.xml") + glob.glob("functions/*/target/surefire-reports/TEST-*.xml")
for module in sorted({p.split("/target/")[0] for p in reports}):
    counts = {k: 0 for k in total}
    for report in glob.glob(f"{module}/target/surefire-reports/TEST-*.xml"):
        suite = ET.parse(report).getroot()
        for k in counts:
            counts[k] += int(suite.get(k, 0))
    for k in total:
        total[k] += counts[k]
    print(f"{module:16} Tests run: {counts['tests']}, Failures: {counts['failures']}, "
          f"Errors: {counts['errors']}, Skipped: {counts['skipped']}")
failed = total["failures"] + total["errors"]
passed = total["tests"] - failed - total["skipped"]
print(f"Tests run: {total['tests']}, Failures: {total['failures']}, Errors: {total['errors']}, "
      f"Skipped: {total['skipped']}")
print(f"{passed} passed, {failed} failed, {total['skipped']} skipped")
sys.exit(1 if failed or total["tests"] == 0 else 0)
PY
