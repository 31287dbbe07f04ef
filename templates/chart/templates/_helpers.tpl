{{/*
Helpers shared by every template. Each has a Pebble twin in templates/pebble/_helpers.peb;
keep the two side by side when changing either.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "infrahub-backup.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name: fullnameOverride, else the release name when it already contains the name,
else <release>-<name>; cut to 63 characters, the longest name Kubernetes allows for a label value.
*/}}
{{- define "infrahub-backup.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The name of the restore objects: the suffix is added before cutting, so it never pushes past 63. */}}
{{- define "infrahub-backup.restoreFullname" -}}
{{- printf "%s-restore" (include "infrahub-backup.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fails with one of the chart's refusals (rules.yaml) as "PATH: sentence", since Helm's fail has no
place for the path: the path is the rule's own, else the one given; each {name} of the sentence is
filled in from "with". Called with (dict "root" $ "rule" <its id>), plus "path" <the value's path>
and "with" (dict "{name}" <value> ...) when the rule needs them.
*/}}
{{- define "infrahub-backup.fail" -}}
{{- $rule := index (.root.Files.Get "rules.yaml" | fromYaml) .rule }}
{{- $message := $rule.message }}
{{- range $name, $value := .with }}
{{- $message = replace $name (toString $value) $message }}
{{- end }}
{{- fail (printf "%s: %s" (.path | default $rule.path) $message) }}
{{- end }}

{{/* The backup CronJob's name: Kubernetes appends 11 characters to the Jobs a CronJob creates, so 52 keeps them within 63. */}}
{{- define "infrahub-backup.backupCronJobName" -}}
{{- include "infrahub-backup.fullname" . | trunc 52 | trimSuffix "-" }}
{{- end }}

{{/* Chart label value: name-version, with "+" (not allowed in labels) as "_". */}}
{{- define "infrahub-backup.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "infrahub-backup.selectorLabels" -}}
app.kubernetes.io/name: {{ include "infrahub-backup.name" . | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end }}

{{- define "infrahub-backup.labels" -}}
{{ include "infrahub-backup.chartLabels" . }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The labels the chart sets on every object, before commonLabels. */}}
{{- define "infrahub-backup.chartLabels" -}}
helm.sh/chart: {{ include "infrahub-backup.chart" . | quote }}
{{ include "infrahub-backup.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
{{- end }}

{{/* The ServiceAccount the pods run as. */}}
{{- define "infrahub-backup.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "infrahub-backup.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* repository@digest when a digest is set, else repository:tag with the appVersion as the default tag. */}}
{{- define "infrahub-backup.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* Where an encrypted backup's public key comes from: "secret", "configMap", or "" (none: the built-in key, or no encryption). */}}
{{- define "infrahub-backup.publicKeySource" -}}
{{- $encryption := .Values.backup.encryption }}
{{- if $encryption.enabled }}
{{- if $encryption.publicKey.secretName }}secret{{ else if $encryption.publicKey.configMapName }}configMap{{ end }}
{{- end }}
{{- end }}

{{/* The claim backing the backup volume, or "" for an emptyDir. */}}
{{- define "infrahub-backup.backupClaim" -}}
{{- $storage := .Values.backup.storage }}
{{- if and (eq $storage.type "local") $storage.local.persistence.enabled }}
{{- default (printf "%s-backups" (include "infrahub-backup.fullname" .)) $storage.local.persistence.existingClaim }}
{{- end }}
{{- end }}

{{/* The claim holding the archives to restore, or "" for an emptyDir. */}}
{{- define "infrahub-backup.restoreClaim" -}}
{{- $storage := .Values.restore.storage }}
{{- if eq $storage.type "local" }}
{{- $storage.local.existingClaim }}
{{- end }}
{{- end }}

{{/* The tool's global --log-format flag, as an argument line; nothing for the tool's default, text. */}}
{{- define "infrahub-backup.logFormatArg" -}}
{{- if eq .Values.logFormat "json" }}
- "--log-format=json"
{{- end }}
{{- end }}

{{/* Where the backup's public key and the restore's private key are mounted, read-only. */}}
{{- define "infrahub-backup.encryptionDir" -}}
/etc/infrahub-backup/encryption
{{- end }}
{{- define "infrahub-backup.decryptionDir" -}}
/etc/infrahub-backup/decryption
{{- end }}

{{/* A Prometheus duration of whole units, largest first (26h, 1d12h), in seconds. Each number is decimal
     whatever its leading zeros, as Prometheus reads it: atoi, where int64 would read 010 as octal. */}}
{{- define "infrahub-backup.durationSeconds" -}}
{{- $years := regexFind "[0-9]+y" . | trimSuffix "y" | atoi }}
{{- $weeks := regexFind "[0-9]+w" . | trimSuffix "w" | atoi }}
{{- $days := regexFind "[0-9]+d" . | trimSuffix "d" | atoi }}
{{- $hours := regexFind "[0-9]+h" . | trimSuffix "h" | atoi }}
{{- $minutes := regexFind "[0-9]+m" . | trimSuffix "m" | atoi }}
{{- $seconds := regexFind "[0-9]+s" . | trimSuffix "s" | atoi }}
{{- add (mul $years 31536000) (mul $weeks 604800) (mul $days 86400) (mul $hours 3600) (mul $minutes 60) $seconds }}
{{- end }}

{{/* Arguments of the backup container: the tool's "create" subcommand, then extraArgs. */}}
{{- define "infrahub-backup.backupArgs" -}}
{{ include "infrahub-backup.backupValueArgs" . }}
{{- range .Values.backup.options.extraArgs }}
- {{ . | quote }}
{{- end }}
{{- end }}

{{/* The arguments of "create" that the values render. */}}
{{- define "infrahub-backup.backupValueArgs" -}}
{{- $backup := .Values.backup -}}
- "create"
- {{ printf "--backup-dir=%s" $backup.storage.path | quote }}
{{- include "infrahub-backup.logFormatArg" . }}
{{- if $backup.options.force }}
- "--force"
{{- end }}
{{- if $backup.options.excludeTaskmanager }}
- "--exclude-taskmanager"
{{- end }}
- {{ printf "--neo4jmetadata=%s" $backup.options.neo4jMetadata | quote }}
{{- if eq $backup.storage.type "s3" }}
- "--s3-upload"
{{- if $backup.options.keepLocal }}
- "--s3-keep-local"
{{- end }}
{{- else if $backup.options.sleep }}
- {{ printf "--sleep=%s" $backup.options.sleep | quote }}
{{- end }}
{{- if not (kindIs "invalid" $backup.retention.days) }}
- {{ printf "--retention-days=%d" (int64 $backup.retention.days) | quote }}
{{- end }}
{{- if not (kindIs "invalid" $backup.retention.count) }}
- {{ printf "--retention-count=%d" (int64 $backup.retention.count) | quote }}
{{- end }}
{{- if $backup.encryption.enabled }}
{{- $publicKey := $backup.encryption.publicKey }}
{{- if include "infrahub-backup.publicKeySource" . }}
- {{ printf "--encrypt-key=%s/%s" (include "infrahub-backup.encryptionDir" .) $publicKey.key | quote }}
{{- else }}
- "--encrypt"
{{- end }}
{{- end }}
{{- end }}

{{/* Arguments of the restore container: the tool's "restore" subcommand and where the archive comes from, then extraArgs. */}}
{{- define "infrahub-backup.restoreArgs" -}}
{{ include "infrahub-backup.restoreValueArgs" . }}
{{- range .Values.restore.options.extraArgs }}
- {{ . | quote }}
{{- end }}
{{- end }}

{{/* The arguments of "restore" that the values render. */}}
{{- define "infrahub-backup.restoreValueArgs" -}}
{{- $restore := .Values.restore }}
{{- $storage := $restore.storage -}}
- "restore"
- {{ printf "--backup-dir=%s" $storage.path | quote }}
{{- include "infrahub-backup.logFormatArg" . }}
{{- if $restore.options.excludeTaskmanager }}
- "--exclude-taskmanager"
{{- end }}
{{- if $restore.options.migrateFormat }}
- "--migrate-format"
{{- end }}
{{- if $restore.options.force }}
- "--force"
{{- end }}
{{- if $restore.options.resetDeploymentId }}
- "--reset-deployment-id"
{{- end }}
{{- with $restore.decryption.secretName }}
- {{ printf "--decrypt-key=%s/%s" (include "infrahub-backup.decryptionDir" $) $restore.decryption.key | quote }}
{{- end }}
{{- if eq $storage.type "local" }}
{{- if $restore.options.sleep }}
- {{ printf "--sleep=%s" $restore.options.sleep | quote }}
{{- end }}
{{- if $storage.local.latest }}
- "--latest"
{{- else }}
- {{ printf "%s/%s" $storage.path $storage.local.filename | quote }}
{{- end }}
{{- else if $storage.s3.latest }}
- "--latest"
- "--s3"
{{- else }}
{{- if $storage.s3.endpoint }}
- {{ printf "--s3-endpoint=%s" $storage.s3.endpoint | quote }}
{{- end }}
- {{ printf "s3://%s/%s" $storage.s3.bucket $storage.s3.key | quote }}
{{- end }}
{{- end }}

{{/*
Environment of the container. The namespace always comes from the pod: without it the tool looks
for Infrahub's pods in every namespace, which the Role does not allow. Credentials only ever come
from a Secret. Called with (dict "root" $ "storage" <backup or restore storage>).
*/}}
{{- define "infrahub-backup.env" -}}
- name: INFRAHUB_K8S_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
{{- if eq .storage.type "s3" }}
{{- $s3 := .storage.s3 }}
- name: INFRAHUB_S3_BUCKET
  value: {{ $s3.bucket | quote }}
{{- if $s3.prefix }}
- name: INFRAHUB_S3_PREFIX
  value: {{ $s3.prefix | quote }}
{{- end }}
{{- if $s3.endpoint }}
- name: INFRAHUB_S3_ENDPOINT
  value: {{ $s3.endpoint | quote }}
{{- end }}
- name: INFRAHUB_S3_REGION
  value: {{ $s3.region | quote }}
{{- if $s3.secretName }}
- name: AWS_ACCESS_KEY_ID
  valueFrom:
    secretKeyRef:
      name: {{ $s3.secretName | quote }}
      key: {{ $s3.accessKeyIdKey | quote }}
- name: AWS_SECRET_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $s3.secretName | quote }}
      key: {{ $s3.secretAccessKeyKey | quote }}
{{- end }}
{{- end }}
{{- with .root.Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The pod template of every Job and CronJob. Called with
(dict "root" $ "component" "backup"|"restore" "storage" <storage values> "claim" <claim or "">).
*/}}
{{- define "infrahub-backup.podTemplate" -}}
{{- $root := .root }}
{{- $values := $root.Values -}}
metadata:
  labels:
    {{- include "infrahub-backup.selectorLabels" $root | nindent 4 }}
    app.kubernetes.io/component: {{ .component | quote }}
    {{- with $values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $values.podAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  serviceAccountName: {{ include "infrahub-backup.serviceAccountName" $root | quote }}
  restartPolicy: Never
  {{- with $values.priorityClassName }}
  priorityClassName: {{ . | quote }}
  {{- end }}
  {{- with $values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.podSecurityContext }}
  securityContext:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  containers:
    - name: {{ .component | quote }}
      image: {{ include "infrahub-backup.image" $root | quote }}
      imagePullPolicy: {{ $values.image.pullPolicy | quote }}
      {{- with $values.securityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      args:
        {{- if eq .component "backup" }}
        {{- include "infrahub-backup.backupArgs" $root | nindent 8 }}
        {{- else }}
        {{- include "infrahub-backup.restoreArgs" $root | nindent 8 }}
        {{- end }}
      env:
        {{- include "infrahub-backup.env" . | nindent 8 }}
      {{- with $values.resources }}
      resources:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      volumeMounts:
        - name: backup-storage
          mountPath: {{ .storage.path | quote }}
        {{- if eq .component "backup" }}
        {{- if include "infrahub-backup.publicKeySource" $root }}
        - name: encryption-key
          mountPath: {{ include "infrahub-backup.encryptionDir" $root | quote }}
          readOnly: true
        {{- end }}
        {{- else if $values.restore.decryption.secretName }}
        - name: decryption-key
          mountPath: {{ include "infrahub-backup.decryptionDir" $root | quote }}
          readOnly: true
        {{- end }}
  volumes:
    - name: backup-storage
      {{- if .claim }}
      persistentVolumeClaim:
        claimName: {{ .claim | quote }}
      {{- else }}
      emptyDir: {}
      {{- end }}
    {{- if eq .component "backup" }}
    {{- $publicKey := $values.backup.encryption.publicKey }}
    {{- if eq (include "infrahub-backup.publicKeySource" $root) "secret" }}
    - name: encryption-key
      secret:
        secretName: {{ $publicKey.secretName | quote }}
    {{- else if eq (include "infrahub-backup.publicKeySource" $root) "configMap" }}
    - name: encryption-key
      configMap:
        name: {{ $publicKey.configMapName | quote }}
    {{- end }}
    {{- else if $values.restore.decryption.secretName }}
    - name: decryption-key
      secret:
        secretName: {{ $values.restore.decryption.secretName | quote }}
        # 0440: the kubelet gives group read to fsGroup, the pod's group; nobody else may read the private key.
        defaultMode: 288
    {{- end }}
{{- end }}

{{/* The Job spec shared by a Job and a CronJob's jobTemplate; same arguments as podTemplate. */}}
{{- define "infrahub-backup.jobSpec" -}}
{{- $job := .root.Values.job -}}
backoffLimit: {{ int64 $job.backoffLimit }}
{{- if not (kindIs "invalid" $job.activeDeadlineSeconds) }}
activeDeadlineSeconds: {{ int64 $job.activeDeadlineSeconds }}
{{- end }}
template:
  {{- include "infrahub-backup.podTemplate" . | nindent 2 }}
{{- end }}

{{/* The CronJob fields before the jobTemplate; called with (dict "root" $ "schedule" <schedule>). */}}
{{- define "infrahub-backup.cronSchedule" -}}
{{- $cron := .root.Values.cronJob -}}
schedule: {{ .schedule | quote }}
{{- with $cron.timeZone }}
timeZone: {{ . | quote }}
{{- end }}
concurrencyPolicy: {{ $cron.concurrencyPolicy | quote }}
successfulJobsHistoryLimit: {{ int64 $cron.successfulJobsHistoryLimit }}
failedJobsHistoryLimit: {{ int64 $cron.failedJobsHistoryLimit }}
{{- if not (kindIs "invalid" $cron.startingDeadlineSeconds) }}
startingDeadlineSeconds: {{ int64 $cron.startingDeadlineSeconds }}
{{- end }}
suspend: {{ $cron.suspend }}
{{- end }}

{{/*
The chart's refusals (rules.yaml): the values the templates need, and the rules that span several
keys. The schema states the cross-key rules too (so editors flag them); these keep them for anyone
who renders with --skip-schema-validation, with the same words.
*/}}
{{- define "infrahub-backup.validate" -}}
{{- /* A null in the values removes the default (Helm's coalescing): refuse it where the templates need a value. */}}
{{- range $path := (index (.Files.Get "rules.yaml" | fromYaml) "value-null").paths }}
{{- $value := $.Values }}
{{- range splitList "." $path }}
{{- $value = index $value . }}
{{- end }}
{{- if kindIs "invalid" $value }}
{{- include "infrahub-backup.fail" (dict "root" $ "rule" "value-null" "path" $path) }}
{{- end }}
{{- end }}
{{- $backup := .Values.backup }}
{{- $restore := .Values.restore }}
{{- if and $backup.enabled $restore.enabled }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "backup-and-restore") }}
{{- end }}
{{- if and $backup.enabled (eq $backup.storage.type "s3") (not $backup.storage.s3.bucket) }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "backup-bucket") }}
{{- end }}
{{- if and $restore.enabled (eq $restore.storage.type "s3") }}
{{- if not $restore.storage.s3.bucket }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "restore-bucket") }}
{{- end }}
{{- if and $restore.storage.s3.key $restore.storage.s3.latest }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "restore-key-and-latest") }}
{{- end }}
{{- if not (or $restore.storage.s3.key $restore.storage.s3.latest) }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "restore-key-or-latest") }}
{{- end }}
{{- end }}
{{- if and $restore.enabled (eq $restore.mode "cronjob") (eq $restore.storage.type "local") (not (and $restore.storage.local.existingClaim $restore.storage.local.latest)) }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "restore-cronjob-local") }}
{{- end }}
{{- $publicKey := $backup.encryption.publicKey }}
{{- if and $publicKey.secretName $publicKey.configMapName }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "public-key-one-source") }}
{{- end }}
{{- if and (or $publicKey.secretName $publicKey.configMapName) (not $backup.encryption.enabled) }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "public-key-needs-encryption") }}
{{- end }}
{{- /* The tool names an encrypted archive <name>.tar.gz.enc; it finds out by the content, so a renamed one is accepted. */}}
{{- if and $restore.enabled (not $restore.decryption.secretName) }}
{{- $encrypted := (.Files.Get "tool.yaml" | fromYaml).encryptedArchive.suffix }}
{{- if and (eq $restore.storage.type "s3") (hasSuffix $encrypted (toString $restore.storage.s3.key)) }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "encrypted-s3-archive-needs-decryption") }}
{{- else if and (eq $restore.storage.type "local") (not $restore.storage.local.latest) (hasSuffix $encrypted (toString $restore.storage.local.filename)) }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "encrypted-local-archive-needs-decryption") }}
{{- end }}
{{- end }}
{{- if and .Values.monitoring.prometheusRule.enabled (not (and $backup.enabled (eq $backup.mode "cronjob"))) }}
{{- include "infrahub-backup.fail" (dict "root" . "rule" "monitoring-needs-cronjob") }}
{{- end }}
{{- if $backup.enabled }}
{{- include "infrahub-backup.checkArgs" (dict "root" . "command" "create" "section" "backup" "args" (include "infrahub-backup.backupValueArgs" .)) }}
{{- end }}
{{- if $restore.enabled }}
{{- include "infrahub-backup.checkArgs" (dict "root" . "command" "restore" "section" "restore" "args" (include "infrahub-backup.restoreValueArgs" .)) }}
{{- end }}
{{- end }}

{{/*
The container's arguments held to the tool's command line (tool.yaml): a plain-version image.tag
must be a release that has every flag the values turn on, and extraArgs may neither repeat a flag
the chart renders (arguments.yaml names the value to set instead) nor break the tool's rules
beside it. Called with (dict "root" $ "command" "create"|"restore" "section" "backup"|"restore"
"args" <the arguments the values render, one "- " line each>).
*/}}
{{- define "infrahub-backup.checkArgs" -}}
{{- $root := .root }}
{{- $command := .command }}
{{- $tool := $root.Files.Get "tool.yaml" | fromYaml }}
{{- $flags := index $tool.commands $command "flags" }}
{{- $from := index ($root.Files.Get "arguments.yaml" | fromYaml) $command }}
{{- $rendered := regexFindAll `(?m)^- "--[a-z0-9-]+` .args -1 }}
{{- $tag := $root.Values.image.tag }}
{{- if and (not $root.Values.image.digest) (regexMatch "^v?[0-9]+[.][0-9]+[.][0-9]+$" $tag) }}
{{- range $rendered }}
{{- $name := trimPrefix `- "--` . }}
{{- $since := (index $flags $name | default (index $tool.globalFlags $name)).since }}
{{- if semverCompare (printf "<%s" $since) $tag }}
{{- include "infrahub-backup.fail" (dict "root" $root "rule" "image-tag-too-old" "with" (dict "{tag}" $tag "{since}" $since "{flag}" $name "{value}" (index $from $name) "{appVersion}" $root.Chart.AppVersion)) }}
{{- end }}
{{- end }}
{{- $s3Archive := index $tool.commands $command "s3Archive" }}
{{- if and $s3Archive (regexMatch `(?m)^- "s3://` .args) (semverCompare (printf "<%s" $s3Archive.since) $tag) }}
{{- include "infrahub-backup.fail" (dict "root" $root "rule" "image-tag-too-old-for-s3-archive" "with" (dict "{tag}" $tag "{since}" $s3Archive.since "{value}" (index $from "s3-archive") "{appVersion}" $root.Chart.AppVersion)) }}
{{- end }}
{{- end }}
{{- $extraArgs := index $root.Values .section "options" "extraArgs" }}
{{- range $i, $arg := $extraArgs }}
{{- $at := printf "%s.options.extraArgs[%d]" $.section $i }}
{{- $name := regexFind "^--[a-z0-9-]+" $arg | trimPrefix "--" }}
{{- /* An argument right after a flag written without "=" is that flag's value, unless the flag is a known bool. */}}
{{- $previousName := "" }}
{{- if $i }}
{{- $previousName = regexFind "^--[a-z0-9-]+$" (index $extraArgs (sub $i 1)) | trimPrefix "--" }}
{{- end }}
{{- $previousFlag := index $flags $previousName | default (index $tool.globalFlags $previousName) | default (dict) }}
{{- $isValue := and $previousName (ne (get $previousFlag "type") "bool") }}
{{- if and (eq $command "create") (eq $name "redact") }}
{{- include "infrahub-backup.fail" (dict "root" $root "rule" "extra-args-redact" "path" $at) }}
{{- else if has (printf `- "--%s` $name) $rendered }}
{{- include "infrahub-backup.fail" (dict "root" $root "rule" "extra-args-repeat" "path" $at "with" (dict "{flag}" $name "{value}" (index $from $name))) }}
{{- else if and (eq $command "restore") (eq $name "latest") }}
{{- include "infrahub-backup.fail" (dict "root" $root "rule" "extra-args-latest" "path" $at) }}
{{- else if and (eq $command "restore") (eq $name "s3") }}
{{- include "infrahub-backup.fail" (dict "root" $root "rule" "extra-args-s3" "path" $at) }}
{{- else if and (eq $command "restore") (not (regexMatch "^-" $arg)) (not $isValue) }}
{{- include "infrahub-backup.fail" (dict "root" $root "rule" "extra-args-archive" "path" $at) }}
{{- end }}
{{- end }}
{{- end }}
