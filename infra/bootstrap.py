"""Creates the DynamoDB table, SQS queues, S3 bucket and secret of template.yaml on a local AWS
endpoint (moto_server or LocalStack), from the template's own resource properties.

Usage: python3 infra/bootstrap.py --endpoint http://127.0.0.1:4566 [--template template.yaml]
                                  [--stack-name fleetcheck] [--env-file .fleetcheck/local-aws.env]

Names, keys, indexes, TTL, redrive and bucket settings are read from the template and its
parameter defaults, never repeated here, so the local resources are the deployed ones. Every step
is idempotent: a resource that exists is brought to the template's settings, not recreated.
Results go to stdout (one line per resource), diagnostics to stderr. When FLEETCHECK_GITHUB_TOKEN
is set, its value becomes the local secret's {"token": ...}; it is never printed.
"""
import argparse
import json
import os
import re
import secrets as secrets_module
import string
import sys

import boto3
import yaml
from botocore.exceptions import ClientError

REGION = "us-east-1"
ACCOUNT = "123456789012"


class CloudFormationLoader(yaml.SafeLoader):
    """YAML with the short-form intrinsic tags (!Ref, !GetAtt, !Sub...) read as long forms."""


def _intrinsic(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix in ("Ref", "Condition"):
        return {suffix: value}
    if suffix == "GetAtt" and isinstance(value, str):
        return {"Fn::GetAtt": value.split(".", 1)}
    return {"Fn::" + suffix: value}


CloudFormationLoader.add_multi_constructor("!", _intrinsic)


class Unresolvable(Exception):
    """An intrinsic that has no local value (a function alias, an API id)."""


class LocalStack:
    """The template's resources as they are named on the local endpoint."""

    def __init__(self, template, stack_name):
        self.template = template
        self.resources = template.get("Resources", {})
        self.pseudo = {
            "AWS::StackName": stack_name,
            "AWS::Region": REGION,
            "AWS::AccountId": ACCOUNT,
            "AWS::Partition": "aws",
            "AWS::URLSuffix": "amazonaws.com",
        }
        self.queue_urls = {}
        self.secret_arns = {}

    def of_type(self, resource_type):
        return {k: v for k, v in self.resources.items() if v.get("Type") == resource_type}

    def resolve(self, node):
        if isinstance(node, list):
            return [self.resolve(item) for item in node]
        if not isinstance(node, dict):
            return node
        if set(node) == {"Ref"}:
            return self.ref(node["Ref"])
        if set(node) == {"Fn::GetAtt"}:
            logical_id, attribute = node["Fn::GetAtt"]
            return self.get_att(logical_id, attribute)
        if set(node) == {"Fn::Sub"}:
            return self.sub(node["Fn::Sub"])
        if set(node) == {"Fn::Join"}:
            separator, items = node["Fn::Join"]
            return separator.join(str(item) for item in self.resolve(items))
        if any(key.startswith("Fn::") for key in node):
            raise Unresolvable(next(iter(node)))
        return {key: self.resolve(value) for key, value in node.items()}

    def ref(self, name):
        if name in self.pseudo:
            return self.pseudo[name]
        parameter = self.template.get("Parameters", {}).get(name)
        if parameter is not None:
            if "Default" not in parameter:
                raise Unresolvable("parameter " + name + " has no default")
            default = parameter["Default"]
            if parameter.get("Type") == "CommaDelimitedList":
                return [item.strip() for item in str(default).split(",")]
            return default
        resource = self.resources.get(name)
        if resource is None:
            raise Unresolvable("Ref " + name)
        kind = resource["Type"]
        if kind == "AWS::SQS::Queue":
            return self.queue_url(name)
        if kind == "AWS::SecretsManager::Secret":
            if name not in self.secret_arns:
                raise Unresolvable("secret " + name + " is not created yet")
            return self.secret_arns[name]
        return self.name(name)

    def get_att(self, logical_id, attribute):
        kind = self.resources[logical_id]["Type"]
        name = self.name(logical_id)
        arns = {
            "AWS::SQS::Queue": "arn:aws:sqs:%s:%s:%s" % (REGION, ACCOUNT, name),
            "AWS::DynamoDB::Table": "arn:aws:dynamodb:%s:%s:table/%s" % (REGION, ACCOUNT, name),
            "AWS::S3::Bucket": "arn:aws:s3:::" + name,
        }
        if attribute == "Arn" and kind in arns:
            return arns[kind]
        if attribute == "QueueName" and kind == "AWS::SQS::Queue":
            return name
        if attribute == "QueueUrl" and kind == "AWS::SQS::Queue":
            return self.queue_url(logical_id)
        raise Unresolvable("GetAtt %s.%s" % (logical_id, attribute))

    def sub(self, spec):
        text, variables = (spec, {}) if isinstance(spec, str) else spec

        def replace(match):
            expression = match.group(1)
            if expression.startswith("!"):
                return "${" + expression[1:] + "}"
            if expression in variables:
                return str(self.resolve(variables[expression]))
            if "." in expression and expression.split(".", 1)[0] in self.resources:
                return str(self.get_att(*expression.split(".", 1)))
            return str(self.ref(expression))

        return re.sub(r"\$\{([^}]+)\}", replace, text)

    def name(self, logical_id):
        properties = self.resources[logical_id].get("Properties", {})
        for key in ("TableName", "QueueName", "BucketName", "Name"):
            if key in properties:
                return self.resolve(properties[key])
        raise Unresolvable(logical_id + " has no name in the template")

    def queue_url(self, logical_id):
        if logical_id not in self.queue_urls:
            raise Unresolvable("queue " + logical_id + " is not created yet")
        return self.queue_urls[logical_id]


def create_tables(stack, dynamodb):
    for logical_id, resource in stack.of_type("AWS::DynamoDB::Table").items():
        p = stack.resolve(resource["Properties"])
        name = p["TableName"]
        try:
            dynamodb.describe_table(TableName=name)
        except ClientError as error:
            if error.response["Error"]["Code"] != "ResourceNotFoundException":
                raise
            arguments = {k: p[k] for k in ("AttributeDefinitions", "KeySchema", "BillingMode") if k in p}
            if p.get("GlobalSecondaryIndexes"):
                arguments["GlobalSecondaryIndexes"] = p["GlobalSecondaryIndexes"]
            dynamodb.create_table(TableName=name, **arguments)
            dynamodb.get_waiter("table_exists").wait(TableName=name)
        ttl = p.get("TimeToLiveSpecification")
        if ttl and ttl.get("Enabled"):
            current = dynamodb.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
            if current.get("TimeToLiveStatus") not in ("ENABLED", "ENABLING"):
                dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
        pitr = p.get("PointInTimeRecoverySpecification")
        if pitr:
            dynamodb.update_continuous_backups(
                TableName=name, PointInTimeRecoverySpecification=pitr
            )
        indexes = [gsi["IndexName"] for gsi in p.get("GlobalSecondaryIndexes", [])]
        print("table %s (%s: %s; ttl %s)" % (name, logical_id, ", ".join(indexes), (ttl or {}).get("AttributeName")))


QUEUE_ATTRIBUTES = (
    "VisibilityTimeout",
    "MessageRetentionPeriod",
    "ReceiveMessageWaitTimeSeconds",
    "DelaySeconds",
    "MaximumMessageSize",
    "SqsManagedSseEnabled",
)


def create_queues(stack, sqs):
    queues = stack.of_type("AWS::SQS::Queue")
    # Dead-letter queues first: a redrive policy names a queue that must exist.
    ordered = sorted(queues, key=lambda q: "RedrivePolicy" in queues[q].get("Properties", {}))
    for logical_id in ordered:
        p = stack.resolve(queues[logical_id]["Properties"])
        attributes = {}
        for key in QUEUE_ATTRIBUTES:
            if key in p:
                value = p[key]
                attributes[key] = str(value).lower() if isinstance(value, bool) else str(value)
        if "RedrivePolicy" in p:
            redrive = dict(p["RedrivePolicy"])
            redrive["maxReceiveCount"] = int(redrive["maxReceiveCount"])
            attributes["RedrivePolicy"] = json.dumps(redrive)
        name = p["QueueName"]
        try:
            url = sqs.get_queue_url(QueueName=name)["QueueUrl"]
            sqs.set_queue_attributes(QueueUrl=url, Attributes=attributes)
        except ClientError as error:
            if "NonExistentQueue" not in error.response["Error"]["Code"]:
                raise
            url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
        stack.queue_urls[logical_id] = url
        redrive = json.loads(attributes.get("RedrivePolicy", "{}"))
        suffix = ""
        if redrive:
            suffix = "; redrive to %s after %s receives" % (
                redrive["deadLetterTargetArn"].rsplit(":", 1)[1],
                redrive["maxReceiveCount"],
            )
        print("queue %s (%s: visibility %s s%s)" % (url, logical_id, attributes.get("VisibilityTimeout", "30"), suffix))


def create_buckets(stack, s3):
    policies = {}
    for resource in stack.of_type("AWS::S3::BucketPolicy").values():
        policies[stack.resolve(resource["Properties"]["Bucket"])] = stack.resolve(
            resource["Properties"]["PolicyDocument"]
        )
    for logical_id, resource in stack.of_type("AWS::S3::Bucket").items():
        p = stack.resolve(resource["Properties"])
        name = p["BucketName"]
        try:
            s3.head_bucket(Bucket=name)
        except ClientError:
            s3.create_bucket(Bucket=name)
        encryption = p.get("BucketEncryption", {}).get("ServerSideEncryptionConfiguration")
        if encryption:
            rules = [
                {"ApplyServerSideEncryptionByDefault": rule["ServerSideEncryptionByDefault"]}
                for rule in encryption
            ]
            s3.put_bucket_encryption(
                Bucket=name, ServerSideEncryptionConfiguration={"Rules": rules}
            )
        if "PublicAccessBlockConfiguration" in p:
            s3.put_public_access_block(
                Bucket=name, PublicAccessBlockConfiguration=p["PublicAccessBlockConfiguration"]
            )
        rules = p.get("LifecycleConfiguration", {}).get("Rules", [])
        if rules:
            s3.put_bucket_lifecycle_configuration(
                Bucket=name, LifecycleConfiguration={"Rules": [lifecycle_rule(r) for r in rules]}
            )
        policy, left_out = local_policy(policies.get(name))
        if policy["Statement"]:
            s3.put_bucket_policy(Bucket=name, Policy=json.dumps(policy))
        note = "; TLS-only statement left out: the local endpoint is plain HTTP" if left_out else ""
        print("bucket %s (%s: %d lifecycle rules%s)" % (name, logical_id, len(rules), note))


def local_policy(policy):
    """The bucket policy without its TLS-only statements: moto enforces them, and the local
    endpoint speaks plain HTTP on loopback, so they would refuse every request."""
    policy = dict(policy or {"Version": "2012-10-17", "Statement": []})
    kept, left_out = [], 0
    for statement in policy.get("Statement", []):
        secure = statement.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport")
        if statement.get("Effect") == "Deny" and str(secure).lower() == "false":
            left_out += 1
        else:
            kept.append(statement)
    policy["Statement"] = kept
    return policy, left_out


def lifecycle_rule(rule):
    """A CloudFormation lifecycle rule in the shape of the S3 API."""
    converted = {"ID": rule["Id"], "Status": rule["Status"], "Filter": {"Prefix": rule.get("Prefix", "")}}
    if "ExpirationInDays" in rule:
        converted["Expiration"] = {"Days": int(rule["ExpirationInDays"])}
    if "Transitions" in rule:
        converted["Transitions"] = [
            {"Days": int(t["TransitionInDays"]), "StorageClass": t["StorageClass"]}
            for t in rule["Transitions"]
        ]
    if "AbortIncompleteMultipartUpload" in rule:
        converted["AbortIncompleteMultipartUpload"] = {
            "DaysAfterInitiation": int(rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"])
        }
    return converted


def create_secrets(stack, secrets):
    token = os.environ.get("FLEETCHECK_GITHUB_TOKEN", "")
    for logical_id, resource in stack.of_type("AWS::SecretsManager::Secret").items():
        p = stack.resolve(resource["Properties"])
        name = p["Name"]
        try:
            arn = secrets.describe_secret(SecretId=name)["ARN"]
        except ClientError as error:
            if error.response["Error"]["Code"] != "ResourceNotFoundException":
                raise
            arn = secrets.create_secret(Name=name, Description=p.get("Description", ""))["ARN"]
        stack.secret_arns[logical_id] = arn
        generate = p.get("GenerateSecretString")
        if generate is not None:
            # Generated once, as CloudFormation does at create: a second `make up` keeps the
            # value, so what was signed or encrypted with it stays valid.
            generated = not has_value(secrets, arn)
            if generated:
                secrets.put_secret_value(SecretId=arn, SecretString=generated_value(generate))
            note = "; value generated" if generated else "; value kept"
        elif token:
            secrets.put_secret_value(SecretId=arn, SecretString=json.dumps({"token": token}))
            note = "; value from FLEETCHECK_GITHUB_TOKEN"
        else:
            note = "; no value yet"
        print("secret %s (%s%s)" % (arn, logical_id, note))


def has_value(secrets, arn):
    try:
        secrets.get_secret_value(SecretId=arn)
        return True
    except ClientError as error:
        if error.response["Error"]["Code"] != "ResourceNotFoundException":
            raise
        return False


def generated_value(spec):
    """A random value as GenerateSecretString describes it (length, punctuation); never printed."""
    characters = string.ascii_letters + string.digits
    if not spec.get("ExcludePunctuation"):
        characters += "!#$%&()*+,-./:;<=>?@[]^_{|}~"
    length = int(spec.get("PasswordLength", 32))
    return "".join(secrets_module.choice(characters) for _ in range(length))


def function_environment(stack):
    """The variables the functions get on AWS, as far as they have a local value."""
    variables = {}
    for resource in stack.of_type("AWS::Serverless::Function").values():
        declared = resource.get("Properties", {}).get("Environment", {}).get("Variables", {})
        for key, value in declared.items():
            try:
                variables[key] = str(stack.resolve(value))
            except Unresolvable:
                pass
    return variables


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--template", default="template.yaml")
    parser.add_argument("--stack-name", default="fleetcheck")
    parser.add_argument("--env-file")
    args = parser.parse_args()

    with open(args.template, encoding="utf-8") as handle:
        template = yaml.load(handle, Loader=CloudFormationLoader)
    stack = LocalStack(template, args.stack_name)
    session = boto3.session.Session(
        aws_access_key_id="test", aws_secret_access_key="test", region_name=REGION
    )

    def client(service):
        return session.client(service, endpoint_url=args.endpoint)

    create_tables(stack, client("dynamodb"))
    create_queues(stack, client("sqs"))
    create_buckets(stack, client("s3"))
    create_secrets(stack, client("secretsmanager"))

    if args.env_file:
        variables = {"FLEETCHECK_AWS_ENDPOINT": args.endpoint, "AWS_REGION": REGION}
        variables.update(function_environment(stack))
        with open(args.env_file, "w", encoding="utf-8") as handle:
            for key in sorted(variables):
                handle.write("%s=%s\n" % (key, variables[key]))
        print("environment " + args.env_file)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (ClientError, Unresolvable) as error:
        print("bootstrap: error_code=local_aws_failed " + str(error), file=sys.stderr)
        sys.exit(1)
