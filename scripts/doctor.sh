#!/usr/bin/env bash
# Checks the prerequisites and prints the fix for each missing piece. Exit 1 if any is missing.
set -u
missing=0
check() { # name, command, fix
  if eval "$2" >/dev/null 2>&1; then
    printf 'ok      %-8s %s\n' "$1" "$(eval "$2" 2>&1 | head -n1)"
  else
    printf 'MISSING %-8s fix: %s\n' "$1" "$3"
    missing=1
  fi
}
check java  "java -version 2>&1 | grep -E 'version \"(1[7-9]|2[0-9])'" "apt-get install -y openjdk-17-jdk-headless (Java 17 or newer)"
check javac "javac -version" "apt-get install -y openjdk-17-jdk-headless"
check mvn   "mvn -v" "apt-get install -y maven"
check git   "git --version" "apt-get install -y git"
check node  "node --version" "apt-get install -y nodejs (Node 20; needed for dynalite and the SARIF validator)"
check npm   "npm --version" "apt-get install -y npm"
if command -v chromium >/dev/null 2>&1; then
  printf 'ok      %-8s %s\n' chromium "$(chromium --version 2>/dev/null)"
else
  printf 'note    %-8s optional: apt-get install -y chromium (renders the HTML report in the e2e tier)\n' chromium
fi
exit "$missing"
