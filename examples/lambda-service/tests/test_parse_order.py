import pytest

from orders_worker.app import InvalidOrder, parse_order


def test_valid_order_is_returned() -> None:
    assert parse_order('{"order_id": "o-1", "quantity": 2}')["order_id"] == "o-1"


@pytest.mark.parametrize("body", ['{"quantity": 2}', '{"order_id": "o-1", "quantity": 0}'])
def test_incomplete_order_is_rejected(body: str) -> None:
    with pytest.raises(InvalidOrder):
        parse_order(body)
