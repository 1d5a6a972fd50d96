"""Lambda entry point: one SQS batch in, partial batch failures out."""

import json
import os
from typing import Any

import boto3
from aws_lambda_powertools import Logger, Tracer
from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

logger = Logger()
tracer = Tracer()
processor = BatchProcessor(event_type=EventType.SQS)
table = boto3.resource("dynamodb").Table(os.environ.get("ORDERS_TABLE", "orders"))


class InvalidOrder(ValueError):
    """The message is not an order we can record."""


def parse_order(body: str) -> dict[str, Any]:
    """Return the order in a message body, or raise InvalidOrder."""
    order = json.loads(body)
    if not order.get("order_id") or int(order.get("quantity", 0)) <= 0:
        raise InvalidOrder("order_id and a positive quantity are required")
    return order


@tracer.capture_method
def record_handler(record: SQSRecord) -> None:
    """Record one order; an exception marks only this message as failed."""
    order = parse_order(record.body)
    table.put_item(Item=order, ConditionExpression="attribute_not_exists(order_id)")
    logger.info("order.recorded", extra={"order_id": order["order_id"]})


@logger.inject_lambda_context(log_event=False)
@tracer.capture_lambda_handler
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """Process one SQS batch and report the messages that failed."""
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
