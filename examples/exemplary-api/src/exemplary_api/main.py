"""HTTP entry point: routes, middleware and the OpenAPI document."""

import structlog
from asgi_correlation_id import CorrelationIdMiddleware
from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel

from exemplary_api import __version__
from exemplary_api.logging_config import configure_logging

configure_logging()
log = structlog.get_logger()

app = FastAPI(title="Inventory API", version=__version__)
app.add_middleware(CorrelationIdMiddleware, header_name="X-Request-Id")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://inventory.example.com"],
    allow_methods=["GET", "POST"],
)


class Item(BaseModel):
    """One stock-keeping unit."""

    sku: str
    name: str
    quantity: int


_ITEMS: dict[str, Item] = {}


@app.get("/health")
def health() -> dict[str, str]:
    """Liveness probe."""
    return {"status": "ok"}


@app.get("/v1/items/{sku}")
def get_item(sku: str) -> Item:
    """Return one item or 404."""
    item = _ITEMS.get(sku)
    if item is None:
        raise HTTPException(status_code=404, detail={"error_code": "item_not_found"})
    return item


@app.post("/v1/items", status_code=201)
def create_item(item: Item) -> Item:
    """Create or replace an item."""
    _ITEMS[item.sku] = item
    log.info("item.saved", sku=item.sku)
    return item
