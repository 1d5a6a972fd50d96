from fastapi.testclient import TestClient


def test_health_is_ok(client: TestClient) -> None:
    """The load balancer's health check needs a 200 with a stable body."""
    assert client.get("/health").json() == {"status": "ok"}


def test_created_item_can_be_read_back(client: TestClient) -> None:
    """A created item is stored, not only echoed back."""
    client.post("/v1/items", json={"sku": "A-1", "name": "bolt", "quantity": 3})

    response = client.get("/v1/items/A-1")

    assert response.status_code == 200
    assert response.json()["quantity"] == 3


def test_unknown_item_is_404_with_error_code(client: TestClient) -> None:
    """Clients branch on the error code, so a missing item must carry one."""
    response = client.get("/v1/items/missing")

    assert response.status_code == 404
    assert response.json()["detail"]["error_code"] == "item_not_found"
