/// The object-changing verbs not listed in `Verbs.table` (kept here so the shared table changes less).
enum MutateVerbs {
    static let table: [String: Verbs.Verb] = [
        "patch": PatchVerb.run,
        "set image": SetVerbs.image,
        "set env": SetVerbs.env,
        "expose": ExposeVerb.run,
        "explain": ExplainVerb.run,
        "drain": DrainVerb.run,
        "edit": EditVerb.run,
        "set resources": SetResourceVerbs.resources,
        "set serviceaccount": SetResourceVerbs.serviceAccount,
    ]
}
