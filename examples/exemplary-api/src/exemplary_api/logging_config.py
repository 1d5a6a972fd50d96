"""Structured JSON logging with the request's correlation id on every line."""

import logging

import structlog
from asgi_correlation_id import correlation_id


def _add_correlation_id(
    _logger: object, _method: str, event: structlog.types.EventDict
) -> structlog.types.EventDict:
    """Attach the current request id, when there is one."""
    request_id = correlation_id.get()
    if request_id:
        event["correlation_id"] = request_id
    return event


def configure_logging(level: int = logging.INFO) -> None:
    """Render every log event as one JSON line on stdout."""
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            _add_correlation_id,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
    )
