#!/bin/sh
# Elasticsearch's users and roles for docker-compose.yml, run by its one-shot kibana-setup service as the `elastic`
# superuser on every `docker compose up`. Each call creates or updates, so a second run sets the same roles and the
# passwords .env holds now (that is how a password is changed).
#
# Who gets what, least privilege first:
#   kibana_system     Kibana's own service account (built in): only its password is set here
#   govshare_app      the app nodes: their two indices and nothing else (role govshare_app)
#   authority_audit   the sharing authority's read-only view of the audit trail in Kibana (role govshare_audit_reader)
# `elastic` itself stays with the operator, for the work in docs/operations.md that needs it.
set -eu

ES=http://elasticsearch:9200

# The indices the app writes, by the names it is given: govshare.audit.index-name and govshare.anchor.index-name
# (application.yaml, AnchorProperties). Renaming either there means renaming it here, or the app is refused.
AUDIT_INDEX=govshare-audit
CHECKPOINT_INDEX=govshare-audit-checkpoints

# A password inside a JSON string: backslashes and double quotes escaped, so that any password works
json_string() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

es() { # method, path, JSON body
  curl -fsS -o /dev/null -u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json' \
       -X "$1" "$ES$2" -d "$3"
}

# The cluster is healthy before this starts (depends_on), but its security index may still be settling: retry
until es POST /_security/user/kibana_system/_password "{\"password\":$(json_string "$KIBANA_SYSTEM_PASSWORD")}"; do
  sleep 5
done

# What the app does, and the privilege each needs: creates its index with its mapping when missing (create_index,
# view_index_metadata to see it is missing), copies events and checkpoints in bulk (index, write), searches the
# trail for /api/audit (read), and reads the cluster's health for /actuator/health (cluster monitor). `manage` on
# its own indices lets the app own them (settings, refresh); it reaches no other index.
es PUT /_security/role/govshare_app "{
  \"cluster\": [\"monitor\"],
  \"indices\": [{
    \"names\": [\"$AUDIT_INDEX\", \"$CHECKPOINT_INDEX\"],
    \"privileges\": [\"create_index\", \"index\", \"read\", \"write\", \"view_index_metadata\", \"manage\"]
  }]
}"
es PUT /_security/user/govshare_app "{
  \"password\": $(json_string "$GOVSHARE_ELASTICSEARCH_PASSWORD"),
  \"roles\": [\"govshare_app\"],
  \"full_name\": \"GovShare app nodes\"
}"

# The authority reads the audit trail, and only it: not the checkpoints index, not Kibana's other features. Kibana
# needs Discover to show it; an administrator makes the data view for govshare-audit once (docs/operations.md).
es PUT /_security/role/govshare_audit_reader "{
  \"indices\": [{
    \"names\": [\"$AUDIT_INDEX\"],
    \"privileges\": [\"read\", \"view_index_metadata\"]
  }],
  \"applications\": [{
    \"application\": \"kibana-.kibana\",
    \"privileges\": [\"feature_discover.read\"],
    \"resources\": [\"space:default\"]
  }]
}"
es PUT /_security/user/authority_audit "{
  \"password\": $(json_string "$AUTHORITY_AUDIT_PASSWORD"),
  \"roles\": [\"govshare_audit_reader\"],
  \"full_name\": \"Sharing authority, audit trail (read only)\"
}"

echo "Elasticsearch users set: kibana_system, govshare_app, authority_audit"
