"""Expands the SAM transform of a template offline and prints the CloudFormation JSON on stdout.

Usage: python3 infra/sam_expand.py [template.yaml]

Uses samtranslator (the library `sam deploy` and cfn-lint use). Local CodeUri folders become
S3 locations first, as `sam package` does after uploading them. The template names no managed
policy, so the policy loader never needs IAM.
"""
import json
import sys

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """A policy loader for a template that names no AWS managed policy."""

    def load(self):
        return {}


def as_packaged(template):
    """Points each local CodeUri at an S3 object, the way `sam package` rewrites it."""
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties") or {}
        code = properties.get("CodeUri")
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(code, str):
            if not code.startswith("s3://"):
                properties["CodeUri"] = "s3://sam-package/" + code.strip("/") + ".zip"
    return template


def main(argv):
    path = argv[1] if len(argv) > 1 else "template.yaml"
    with open(path, encoding="utf-8") as handle:
        template = yaml_parse(handle.read())
    try:
        expanded = transform(as_packaged(template), {}, NoManagedPolicies())
    except InvalidDocumentException as error:
        for cause in error.causes:
            print("sam_expand: " + cause.message, file=sys.stderr)
        return 1
    json.dump(expanded, sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
