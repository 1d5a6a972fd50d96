import csv
import datetime
import urllib.request
import json

from dateutil.relativedelta import relativedelta

REPORT_URL = "http://hr-reports.internal/api/hires"


def fetch_hires(since):
    with urllib.request.urlopen(REPORT_URL + "?since=" + since.isoformat()) as response:
        return json.load(response)


def main():
    since = datetime.date.today() - relativedelta(weeks=1)
    rows = fetch_hires(since)
    with open("weekly_hires.csv", "w") as out:
        writer = csv.writer(out)
        for row in rows:
            writer.writerow([row["name"], row["team"], row["start"]])


main()
