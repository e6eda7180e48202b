#!/usr/bin/env bash
# Two Payara Micro instances of one application on this host, clustered over TCP on 127.0.0.1:
# HTTP on 8081 and 8082, the data grid on 6901 and 6902. The same options as the project's
# two-node test (src/test/java/dev/tokenrefresh/it/cluster/MicroCluster.java), and the executors
# post-boot-commands.asadmin creates named for the module (token-refresh.executor, ...).
#
#   export TOKEN_REFRESH_CLUSTER_KEY=$(openssl rand -base64 32)   # the same for every instance
#   payara-config/cluster-micro.sh payara-micro-6.2025.10.jar my-app.war
#
# --nohostaware: Payara keeps a partition's backup on a member with another IP address only, so on
#   one host (every member 127.0.0.1) there would be no backups and a killed instance would take
#   its sessions with it. Leave it out when the instances run on different hosts.
# --clustername: a name of this application's own; members of other clusters never join it.
# Logs: node1.log, node2.log in the current folder. Ctrl-C stops both.
set -euo pipefail
jar=${1:?usage: $0 payara-micro.jar my-app.war}
war=${2:?usage: $0 payara-micro.jar my-app.war}
name=${CLUSTER_NAME:-my-app}
: "${TOKEN_REFRESH_CLUSTER_KEY:?export TOKEN_REFRESH_CLUSTER_KEY=\$(openssl rand -base64 32) first}"
here=$(cd "$(dirname "$0")" && pwd)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
for i in 1 2; do
  # shellcheck disable=SC2046
  java $(grep -v '^#' "$here/jvm-options.txt" | xargs) \
    -Dtoken-refresh.executor=concurrent/tokenRefresh \
    -Dtoken-refresh.scheduled-executor=concurrent/tokenRefreshTimers \
    -jar "$jar" \
    --deploy "$war" --name "node$i" --port "808$i" \
    --interfaces 127.0.0.1 --startport "690$i" \
    --clustermode tcpip:127.0.0.1:6901,127.0.0.1:6902 --clustername "$name" --nohostaware \
    --postbootcommandfile "$here/post-boot-commands.asadmin" \
    --prebootcommandfile "$here/pre-boot-commands.asadmin" \
    --disablephonehome > "node$i.log" 2>&1 &
  pids+=($!)
done
echo "node1: http://127.0.0.1:8081/  node2: http://127.0.0.1:8082/  (logs node1.log, node2.log)"
wait
