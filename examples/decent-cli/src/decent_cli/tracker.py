"""A thin client for the ticket tracker's REST API."""

import requests

DEFAULT_TIMEOUT = 10


def list_tickets(base_url: str, token: str, project: str) -> list[dict]:
    """Return the open tickets of a project."""
    response = requests.get(
        f"{base_url}/api/tickets",
        params={"project": project, "state": "open"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=DEFAULT_TIMEOUT,
    )
    response.raise_for_status()
    return response.json()["tickets"]


def close_ticket(base_url, token, ticket_id):
    response = requests.post(
        f"{base_url}/api/tickets/{ticket_id}/close",
        headers={"Authorization": f"Bearer {token}"},
        timeout=DEFAULT_TIMEOUT,
    )
    response.raise_for_status()
