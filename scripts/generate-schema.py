#!/usr/bin/env python3
"""Generates Sources/KubeModel/Resources/schema-v1.32.json from the Kubernetes v1.32 JSON
schemas that PyPI's `kubernetes-validate` ships (offline).

Only facts are kept: for every API type its field names, their types, which fields are
required, enum values, and the strategic-merge keys; for every kind its apiVersion. No
descriptions are copied.

    pip install kubernetes-validate==1.37.0 && python3 scripts/generate-schema.py
"""
import json
import os
import sys
import importlib.util

VERSION = "v1.32.0"


def schema_file():
    spec = importlib.util.find_spec("kubernetes_validate")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("kubernetes-validate is not installed: pip install kubernetes-validate")
    base = list(spec.submodule_search_locations)[0]
    return os.path.join(base, "kubernetes-json-schema", f"{VERSION}-local", "_definitions.json")


def ref_name(ref):
    return ref.rsplit("/", 1)[-1]


def type_of(prop):
    """A compact type: string, int32, int64, number, boolean, object, IntOrString,
    Quantity, Time, []T, map[string]T, or a type name."""
    if "$ref" in prop:
        name = ref_name(prop["$ref"])
        return {
            "io.k8s.apimachinery.pkg.util.intstr.IntOrString": "IntOrString",
            "io.k8s.apimachinery.pkg.api.resource.Quantity": "Quantity",
            "io.k8s.apimachinery.pkg.apis.meta.v1.Time": "Time",
            "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": "MicroTime",
            "io.k8s.apimachinery.pkg.runtime.RawExtension": "object",
            "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": "object",
        }.get(name, name)
    kinds = prop.get("type", "object")
    if isinstance(kinds, list):
        kinds = [k for k in kinds if k != "null"]
        kinds = kinds[0] if kinds else "object"
    if kinds == "array":
        return "[]" + type_of(prop.get("items", {}))
    if kinds == "object":
        extra = prop.get("additionalProperties")
        if isinstance(extra, dict):
            return "map[string]" + type_of(extra)
        return "object"
    if kinds == "integer":
        return prop.get("format", "int64")
    if kinds == "string" and prop.get("format") == "byte":
        return "bytes"
    return kinds


def main():
    with open(schema_file()) as handle:
        definitions = json.load(handle)["$defs"]
    types = {}
    kinds = {}
    for name in sorted(definitions):
        definition = definitions[name]
        for gvk in definition.get("x-kubernetes-group-version-kind", []):
            group, version = gvk.get("group", ""), gvk["version"]
            api_version = f"{group}/{version}" if group else version
            kinds[f"{api_version}/{gvk['kind']}"] = name
        properties = definition.get("properties")
        if properties is None:
            continue
        fields = {}
        enums = {}
        merge = {}
        for field in sorted(properties):
            prop = properties[field]
            fields[field] = type_of(prop)
            values = prop.get("enum")
            if values and field not in ("apiVersion", "kind"):
                enums[field] = [v for v in values if v is not None]
            if prop.get("x-kubernetes-patch-strategy", "") .startswith("merge") and "x-kubernetes-patch-merge-key" in prop:
                merge[field] = prop["x-kubernetes-patch-merge-key"]
        entry = {"fields": fields}
        required = definition.get("required")
        if required:
            entry["required"] = sorted(required)
        if enums:
            entry["enums"] = enums
        if merge:
            entry["mergeKeys"] = merge
        types[name] = entry
    out = {"kubernetesVersion": VERSION, "kinds": kinds, "types": types}
    target = os.path.join(os.path.dirname(__file__), "..", "Sources", "KubeModel", "Resources", "schema-v1.32.json")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w") as handle:
        json.dump(out, handle, sort_keys=True, separators=(",", ":"))
        handle.write("\n")
    print(f"{target}: {len(kinds)} kinds, {len(types)} types")


if __name__ == "__main__":
    main()
