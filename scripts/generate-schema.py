#!/usr/bin/env python3
"""Writes Sources/KubeModel/Schema/SchemaData.swift: the v1.32 API types as compact facts.

Input: the JSON schemas shipped by PyPI `kubernetes-validate` (v1.32.0-local/_definitions.json).
Output: one Swift string literal in a line format that `SchemaCatalog` parses at first use:

    K <apiVersion> <Kind> <definition>        a kind the API server serves
    D <definition>                            a struct (its Go name is the last dot component)
    F <json name> <type> [!] [=<go type>]     a field; ! = required; =go type when Go names it
                                              (v1.RestartPolicy) rather than the JSON shape

Types: s b i32 i64 f64 bytes q(uantity) ios(int-or-string) time raw @<definition>,
[]<type> (list), {}<type> (map with string keys). Only definitions reachable from the kinds
below are written, with no prose: names, types and required flags only.

Usage: python3 scripts/generate-schema.py   (from the repository root)
"""
import json
import os
import sys

import kubernetes_validate

VERSION = "v1.32.0"
OUT = "Sources/KubeModel/Schema/SchemaData.swift"

KINDS = [
    ("v1", "Namespace"), ("v1", "Node"), ("v1", "Pod"), ("apps/v1", "Deployment"),
    ("apps/v1", "ReplicaSet"), ("apps/v1", "DaemonSet"), ("apps/v1", "StatefulSet"),
    ("apps/v1", "ControllerRevision"), ("v1", "Service"), ("v1", "Endpoints"),
    ("v1", "ConfigMap"), ("v1", "Secret"), ("v1", "ServiceAccount"), ("v1", "Event"),
    ("events.k8s.io/v1", "Event"),
    ("v1", "PersistentVolume"), ("v1", "PersistentVolumeClaim"), ("batch/v1", "Job"),
    ("batch/v1", "CronJob"), ("rbac.authorization.k8s.io/v1", "Role"),
    ("rbac.authorization.k8s.io/v1", "RoleBinding"), ("rbac.authorization.k8s.io/v1", "ClusterRole"),
    ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"), ("storage.k8s.io/v1", "StorageClass"),
    ("networking.k8s.io/v1", "Ingress"), ("networking.k8s.io/v1", "IngressClass"),
    ("networking.k8s.io/v1", "NetworkPolicy"), ("policy/v1", "PodDisruptionBudget"),
    ("autoscaling/v1", "HorizontalPodAutoscaler"), ("autoscaling/v2", "HorizontalPodAutoscaler"),
    ("v1", "LimitRange"), ("v1", "ResourceQuota"), ("scheduling.k8s.io/v1", "PriorityClass"),
    ("coordination.k8s.io/v1", "Lease"), ("v1", "ReplicationController"),
    ("discovery.k8s.io/v1", "EndpointSlice"), ("certificates.k8s.io/v1", "CertificateSigningRequest"),
    ("v1", "Binding"),
]

# Go named types the JSON shape does not reveal; they appear in "cannot unmarshal" messages.
NAMED = {
    "restartPolicy": "v1.RestartPolicy", "dnsPolicy": "v1.DNSPolicy",
    "imagePullPolicy": "v1.PullPolicy", "protocol": "v1.Protocol",
    "terminationMessagePolicy": "v1.TerminationMessagePolicy",
    "preemptionPolicy": "v1.PreemptionPolicy", "phase": None,
    "accessModes": "[]v1.PersistentVolumeAccessMode", "volumeMode": "v1.PersistentVolumeMode",
    "persistentVolumeReclaimPolicy": "v1.PersistentVolumeReclaimPolicy",
    "limits": "v1.ResourceList", "requests": "v1.ResourceList", "hard": "v1.ResourceList",
    "capacity": "v1.ResourceList", "allocatable": "v1.ResourceList", "used": "v1.ResourceList",
    "ipFamilies": "[]v1.IPFamily", "ipFamilyPolicy": "v1.IPFamilyPolicy",
    "internalTrafficPolicy": "v1.ServiceInternalTrafficPolicy",
    "externalTrafficPolicy": "v1.ServiceExternalTrafficPolicy",
    "sessionAffinity": "v1.ServiceAffinity", "effect": "v1.TaintEffect",
    "concurrencyPolicy": "v1.ConcurrencyPolicy", "podManagementPolicy": "v1.PodManagementPolicyType",
    "mountPropagation": "v1.MountPropagationMode", "add": "[]v1.Capability", "drop": "[]v1.Capability",
}
# (struct, field) → Go type where the field name alone is ambiguous.
NAMED_AT = {
    ("ServiceSpec", "type"): "v1.ServiceType", ("Secret", "type"): "v1.SecretType",
    ("DeploymentStrategy", "type"): "v1.DeploymentStrategyType",
    ("DaemonSetUpdateStrategy", "type"): "v1.DaemonSetUpdateStrategyType",
    ("StatefulSetUpdateStrategy", "type"): "v1.StatefulSetUpdateStrategyType",
    ("Toleration", "operator"): "v1.TolerationOperator",
    ("NodeSelectorRequirement", "operator"): "v1.NodeSelectorOperator",
    ("LabelSelectorRequirement", "operator"): "v1.LabelSelectorOperator",
    ("PodStatus", "phase"): "v1.PodPhase", ("NamespaceStatus", "phase"): "v1.NamespacePhase",
    ("PersistentVolumeClaimStatus", "phase"): "v1.PersistentVolumeClaimPhase",
    ("PersistentVolumeStatus", "phase"): "v1.PersistentVolumePhase",
    ("NodeSelectorTerm", "matchExpressions"): "[]v1.NodeSelectorRequirement",
    ("PodCondition", "status"): "v1.ConditionStatus", ("NodeCondition", "status"): "v1.ConditionStatus",
    ("PodCondition", "type"): "v1.PodConditionType", ("NodeCondition", "type"): "v1.NodeConditionType",
    ("Taint", "effect"): "v1.TaintEffect", ("Toleration", "effect"): "v1.TaintEffect",
    ("HTTPGetAction", "scheme"): "v1.URIScheme", ("Volume", "name"): None,
    ("HostPathVolumeSource", "type"): "v1.HostPathType", ("Event", "type"): None,
    ("Container", "restartPolicy"): "v1.ContainerRestartPolicy", ("SecurityContext", "procMount"): "v1.ProcMountType",
    ("PersistentVolumeClaimRetentionPolicy", "whenDeleted"): "v1.PersistentVolumeClaimRetentionPolicyType",
    ("PersistentVolumeClaimRetentionPolicy", "whenScaled"): "v1.PersistentVolumeClaimRetentionPolicyType",
    ("JobSpec", "completionMode"): "v1.CompletionMode", ("JobSpec", "podReplacementPolicy"): "v1.PodReplacementPolicy",
}
SPECIAL = {
    "io.k8s.apimachinery.pkg.api.resource.Quantity": "q",
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": "ios",
    "io.k8s.apimachinery.pkg.apis.meta.v1.Time": "time",
    "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": "time",
    "io.k8s.apimachinery.pkg.runtime.RawExtension": "raw",
    "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": "raw",
    "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON": "raw",
}
PREFIX = "#/$defs/"


def kind_of(schema):
    """The type token of a property schema; also returns referenced definitions."""
    if "$ref" in schema:
        name = schema["$ref"][len(PREFIX):]
        return SPECIAL.get(name, "@" + name), [name] if name not in SPECIAL else []
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return kind_of(schema["allOf"][0])
    t = schema.get("type")
    if isinstance(t, list):
        t = [x for x in t if x != "null"][0]
    fmt = schema.get("format")
    if t == "string":
        return ("bytes" if fmt == "byte" else "s"), []
    if t == "boolean":
        return "b", []
    if t == "integer":
        return ("i64" if fmt == "int64" else "i32"), []
    if t == "number":
        return "f64", []
    if t == "array":
        inner, refs = kind_of(schema["items"])
        return "[]" + inner, refs
    if t == "object" and "additionalProperties" in schema:
        inner, refs = kind_of(schema["additionalProperties"])
        return "{}" + inner, refs
    return "raw", []


def main():
    base = os.path.join(os.path.dirname(kubernetes_validate.__file__), "kubernetes-json-schema",
                        VERSION + "-local", "_definitions.json")
    with open(base) as f:
        defs = json.load(f)["$defs"]
    by_gvk = {}
    for name, d in defs.items():
        for gvk in d.get("x-kubernetes-group-version-kind", []):
            api = gvk["version"] if not gvk["group"] else gvk["group"] + "/" + gvk["version"]
            by_gvk[(api, gvk["kind"])] = name
    lines = []
    todo = []
    for api, kind in KINDS:
        name = by_gvk.get((api, kind))
        if name is None or name not in defs:
            sys.exit("no definition for %s %s" % (api, kind))
        lines.append("K %s %s %s" % (api, kind, name))
        todo.append(name)
    seen = set()
    body = []
    while todo:
        name = todo.pop(0)
        if name in seen or name in SPECIAL:
            continue
        seen.add(name)
        d = defs[name]
        struct = name.rsplit(".", 1)[1]
        body.append("D " + name)
        required = set(d.get("required", []))
        for field, schema in (d.get("properties") or {}).items():
            token, refs = kind_of(schema)
            todo.extend(refs)
            line = "F %s %s" % (field, token)
            if field in required:
                line += " !"
            go = NAMED_AT.get((struct, field), NAMED.get(field))
            if go:
                line += " =" + go
            body.append(line)
    text = "\n".join(lines + body) + "\n"
    if "\"\"\"#" in text:
        sys.exit("data would end the literal")
    with open(OUT, "w") as f:
        f.write("// Generated by scripts/generate-schema.py from kubernetes-validate %s; do not edit.\n" % VERSION)
        f.write("// Line format: see the script's docstring.\n\n")
        f.write("/// The v1.32 API types: kinds, structs, fields, types, required flags.\n")
        f.write("let schemaData = #\"\"\"\n" + text + "\"\"\"#\n")
    print("%s: %d kinds, %d definitions, %d bytes" % (OUT, len(lines), len(seen), len(text)))


if __name__ == "__main__":
    main()
