import sys
import yaml
import requests

CONFIG = "config.yaml"


def load_config(path):
	with open(path) as handle:
		return yaml.safe_load(handle)


def sync(config):
	users = requests.get(config["hr_url"] + "/export/users").json()
	for user in users:
		if not user.get("active"):
			continue
		requests.post(config["directory_url"] + "/users", json=user)
	print("synced %d users" % len(users))


if __name__ == "__main__":
	sync(load_config(sys.argv[1] if len(sys.argv) > 1 else CONFIG))
