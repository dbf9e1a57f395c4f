{{/* Labels every object carries, as the Kustomize tree sets them. */}}
{{- define "recruit.labels" -}}
app.kubernetes.io/part-of: recruit-suite
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{/* Where the dependencies are: the in-cluster ones by their Service names, or the external hosts given. */}}
{{- define "recruit.dbHost" -}}
{{- if .Values.postgresql.inCluster }}{{ .Values.postgresql.cluster.name }}-pooler-rw{{ else }}{{ required "postgresql.host is needed when postgresql.inCluster is false" .Values.postgresql.host }}{{ end }}
{{- end }}
{{- define "recruit.dbDirectHost" -}}
{{- if .Values.postgresql.inCluster }}{{ .Values.postgresql.cluster.name }}-rw{{ else }}{{ .Values.postgresql.directHost | default .Values.postgresql.host }}{{ end }}
{{- end }}
{{- define "recruit.redisHost" -}}
{{- if .Values.redis.inCluster }}redis{{ else }}{{ required "redis.host is needed when redis.inCluster is false" .Values.redis.host }}{{ end }}
{{- end }}

{{/* The generated configuration; its checksum on each pod template rolls the pods when it changes. */}}
{{- define "recruit.config" -}}
RS_DB_HOST: {{ include "recruit.dbHost" . | quote }}
RS_DB_DIRECT_HOST: {{ include "recruit.dbDirectHost" . | quote }}
RS_REDIS_HOST: {{ include "recruit.redisHost" . | quote }}
KAFKA_BOOTSTRAP_SERVERS: {{ .Values.kafka.bootstrapServers | quote }}
{{- range $k, $v := .Values.config }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end }}

{{/* The console's own configuration (its OpenID provider); its checksum on the console's pod template rolls it. */}}
{{- define "recruit.consoleConfig" -}}
RS_OIDC_ISSUER: {{ required "console.oidc.issuer: the OpenID provider's issuer URL" .Values.console.oidc.issuer | quote }}
RS_OIDC_CLIENT_ID: {{ required "console.oidc.clientId: the client registered for the console" .Values.console.oidc.clientId | quote }}
{{- end }}
