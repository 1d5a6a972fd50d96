"""Command line entry point."""

import argparse
import sys

from decent_cli import __version__, tracker


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ticketctl", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--url", default="https://tickets.example.com")
    parser.add_argument("--token", required=True, help="API token")
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="list open tickets")
    listing.add_argument("--project", required=True)
    closing = commands.add_parser("close", help="close a ticket")
    closing.add_argument("ticket_id")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "list":
        for ticket in tracker.list_tickets(args.url, args.token, args.project):
            print(f"{ticket['id']}\t{ticket['title']}")
        return 0
    tracker.close_ticket(args.url, args.token, args.ticket_id)
    print(f"closed {args.ticket_id}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
