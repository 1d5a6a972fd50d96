import pytest

from decent_cli.__main__ import build_parser


def test_list_needs_a_project():
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--token", "t", "list"])


def test_close_takes_a_ticket_id():
    args = build_parser().parse_args(["--token", "t", "close", "OPS-12"])
    assert args.ticket_id == "OPS-12"
