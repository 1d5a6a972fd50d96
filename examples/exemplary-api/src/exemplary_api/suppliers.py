"""Client for the supplier catalogue service."""

import httpx

SUPPLIER_TIMEOUT = httpx.Timeout(5.0, connect=2.0)


def fetch_stock(base_url: str, sku: str) -> int:
    """Return the supplier's stock for one SKU."""
    response = httpx.get(f"{base_url}/v1/stock/{sku}", timeout=SUPPLIER_TIMEOUT)
    response.raise_for_status()
    return int(response.json()["quantity"])
