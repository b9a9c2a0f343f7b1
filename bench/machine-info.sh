#!/usr/bin/env bash
# Prints the machine and versions a benchmark ran on.
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB RAM"
echo "os: $(uname -sr)"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "maven: $(mvn -version 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"
command -v psql >/dev/null && echo "postgresql: $(psql --version)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
