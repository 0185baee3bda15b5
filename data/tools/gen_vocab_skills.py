#!/usr/bin/env python3
"""Writes the skills that real job ads ask for into data/skills.yaml, from the shared vocabulary.

Usage (from the repository root):

    python3 data/tools/gen_vocab_skills.py [../shared/VOCABULARY.yaml] [data/skills.yaml]

The vocabulary lists 82 concepts (ids, two-language names, the spellings ads use, demand counted
over real ads, the checklist tasks that practise each one). This script turns each concept into a
catalog skill of the layer `ads` and rewrites the two generated regions of data/skills.yaml (one in
`categories:`, one at the end of `skills:`), between the BEGIN/END marker comments; everything else
in the file is left as it is. Run it again whenever the vocabulary changes; `cargo test` then checks
the result loads.

What is copied: ids, categories, names, aliases (as `terms`), case-sensitive spellings,
`relates_to`, demand figures with their sources. What is ours: the three tables below.
RULES turns the vocabulary's look-alike notes into machine rules, EXTRA adds spellings ads use that
the vocabulary lacks, IMPLIES lets one alias give another concept too. The vocabulary's own prose
(`not`) is not copied. docs/DATA.md and docs/IMPORT.md describe the fields.
"""
import json
import sys

import yaml

SRC = sys.argv[1] if len(sys.argv) > 1 else "../shared/VOCABULARY.yaml"
OUT = sys.argv[2] if len(sys.argv) > 2 else "data/skills.yaml"
LAYER = "ads"
MARK = "# ---- {} generated vocabulary {} (data/tools/gen_vocab_skills.py; do not edit by hand) ----\n"

# Per (concept, alias) rules. Keys of the inner dict:
#   not_before: words that, right after the alias (past spaces and hyphens), cancel it
#   not_after:  words that, right before the alias (past spaces and hyphens), cancel it
#   context:    "list" = only next to a list mark (/ , 、 ( + & 等, or/and);
#               "cjk"  = only touching a Chinese character
GO_NEXT = ["to", "live", "beyond", "further", "back", "through", "the", "out", "for", "from", "!",
           "ahead", "above", "deeper", "deep", "get"]
GO_PREV = ["let's", "let’s", "ready to", "on the", "good to", "to"]
AGENT_PREV = ["travel", "insurance", "real estate", "real-estate", "customer service", "customer-service",
              "support", "service", "sales", "call center", "call-center", "contact center",
              "contact-center", "human", "live", "booking", "user", "free", "change", "claims",
              "licensed", "field", "leasing"]
RULES = {
    "javascript_typescript": {"TS": {"context": "list"}},
    "java": {"java": {"not_before": ["script"]}},
    "go": {"Go": {"not_before": GO_NEXT, "not_after": GO_PREV},
           "GO": {"not_before": GO_NEXT, "not_after": GO_PREV}},
    "llms": {"gpt": {"not_before": ["partition"]}},
    "llm_apis": {"gemini": {"not_before": ["trust", "exchange"]}},
    "prompt_engineering": {"prompt": {"context": "cjk"}},
    "agents": {a: {"not_after": AGENT_PREV, "not_before": ["of change"]} for a in ["agent", "agents"]},
    "mcp": {"mcp": {"not_after": ["microsoft"]}},
    "multimodal": {"speech": {"not_after": ["freedom of", "free"], "not_before": ["and language", "pathology"]}},
    "ai_coding_tools": {"cursor": {"not_before": ["position", "movement", "positions"]}},
    "open_weight_models": {"mistral": {"not_before": ["ai"]}},
    "deep_learning": {**{a: {"not_after": ["hugging face", "huggingface", "sentence"]}
                         for a in ["transformers", "transformer"]},
                      "dl": {"not_after": ["ml/", "ml /"]}},
    "machine_learning": {"ml": {"not_after": ["ai/", "ai /", "ai&", "ai &"],
                                "not_before": ["/ai", "/ ai", "hardware", "accelerator", "accelerators",
                                               "specific", "tooling"]}},
    "prototype_to_production": {"to production": {"not_before": [
        "ai", "ml", "systems", "system", "environment", "environments", "services", "code", "data",
        "models", "traffic", "workloads", "applications", "apps", "grade", "quality", "ready"]}},
    "computer_vision": {"cv": {"not_after": ["your", "a", "the", "send", "submit", "attach", "upload"],
                               "not_before": ["/resume", "/ resume", "/résumé", "in english", "and cover", "or resume"]}},
    "search_recommendation": {"ES": {"context": "list"}, "推荐": {"context": "list"}},
    "nodejs": {"Node": {"context": "list"}},
    "react": {"React": {"not_before": ["to"]}},
    "security_auth": {a: {"not_after": ["work", "employment", "export", "written", "legal", "visa"]}
                      for a in ["authorization", "authorisation"]},
    "research_staying_current": {"acl": {"not_before": ["aware", "propagation", "rules", "policies", "lists"]}},
    "kafka_streaming": {},
    "spark_big_data": {"Ray": {"not_after": ["x-", "x"]}},
    "gpu_computing": {},
    "linux": {"shell": {"not_before": ["plc", "oil", "energy", "gas"]}},
}

# Added aliases (space and hyphen are interchangeable in matching, so "sentence-transformers"
# is already "sentence transformers"). Each is a paraphrase or a tool name that cannot mean
# anything else in an ad; NOTES.md lists them.
EXTRA = {
    "rag": {"zh": ["检索增强"]},
    "agent_frameworks": {"en": ["agents sdk", "agent sdk", "pydantic ai", "llama-factory"]},
    "llamaindex": {"en": ["llama index"]},
    "open_weight_models": {"en": ["hugging face transformers", "huggingface transformers", "deepseek", "chatglm",
                                  "llama-factory"]},
    "deep_learning": {"en": ["roberta"]},
    "embeddings": {"en": ["word2vec", "embedding models", "embedding model"]},
    "model_training": {"en": ["megatron", "continue pretrain", "continued pretraining", "continual pretraining"]},
    "fine_tuning": {"en": ["p-tuning", "llama-factory", "low-rank adaptation"]},
    "research_staying_current": {"en": ["emnlp", "iclr", "cvpr", "naacl", "aaai", "sigir", "ijcai", "iccv",
                                        "eccv", "emerging technologies", "emerging tech", "emerging ai"],
                                 "zh": ["钻研"]},
    "multimodal": {"en": ["stable diffusion", "mllm"]},
    "llms": {"en": ["gpt4", "aigc"]},
    "search_recommendation": {"en": ["rerank"], "zh": ["推荐搜索", "推荐排序", "推荐广告", "搜索推荐"]},
    # paraphrases and word forms, added while tuning on ads 01-12 and 17-20
    "inference_serving": {"en": ["model hosting"]},
    "llm_evals": {"en": ["llm-as-judge", "llms as a judge", "llms as judges", "rag evaluation", "prompt evaluation"]},
    "cross_functional_collaboration": {"en": ["working closely with", "works closely with", "worked closely with"]},
    "software_testing": {"en": ["testing"]},
    "cloud_native": {"en": ["cloud-based"]},
    "problem_solving": {"en": ["debug", "problem solve"], "zh": ["发现问题", "逻辑推理"]},
    "guardrails_safety": {"en": ["safety alignment", "ai alignment"]},
    "mlops": {"zh": ["部署模型"]},
}
# "acl" stays a zh-only alias (Chinese text only): in English ads it is mostly an access-control list.

# alias -> implied concept ids (on top of aliases that two concepts share, which fire both).
IMPLIES = {
    "bedrock": ["aws"],
    "aws glue": ["aws"],
    "azure openai": ["azure"], "azure openai service": ["azure"], "azure openai services": ["azure"],
    "azure ml": ["azure"], "azure machine learning": ["azure"],
    "azure data factory": ["azure"], "azure devops": ["azure"],
    "bedrock agents": ["aws"],
    # a longer alias that contains another concept's alias drops it (longest match wins);
    # these give it back where the text names both things
    "agentic rag": ["agents"], "rag evaluation": ["rag"], "llms as a judge": ["llms"], "llms as judges": ["llms"],
}


def uniq(xs, cs):
    seen, out = set(), []
    for x in xs:
        k = x if x in cs else x.lower()
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def skill(c, corp):
    cid = c["id"]
    cs = set(c.get("case_sensitive", []))
    extra = EXTRA.get(cid, {})
    en = uniq(c["aliases"]["en"] + extra.get("en", []), cs)
    zh = uniq(c["aliases"]["zh"] + extra.get("zh", []), cs)
    rules = {a: dict(r) for a, r in RULES.get(cid, {}).items()}
    for a in rules:
        assert a in en or a in zh, (cid, a)
    implies = {}
    for a in en + zh:
        extra_ids = [i for i in IMPLIES.get(a.lower(), []) if i != cid]
        if extra_ids:
            implies[a] = extra_ids
    dm = c["demand"]
    demand = {"en_share": dm["en_share"], "en_ads": dm["en_ads"], "en_base": corp["en"]["ads"],
              "zh_share": dm["zh_share"], "zh_ads": dm["zh_ads"], "zh_base": corp["zh"]["ads"],
              "counted": str(dm["counted"]),
              "source": {"en": corp["en"]["source"], "zh": corp["zh"]["source"]}}
    fg = dm.get("field_guide")
    if fg:
        # A figure whose percent the survey did not publish leaves `pct` out.
        figures = [{k: v for k, v in f.items() if v is not None} for f in fg["figures"]]
        demand["field_guide"] = {"source": fg["source"], "figures": figures}
    terms = {"en": en, "zh": zh}
    if cs:
        terms["case_sensitive"] = sorted(cs)
    if rules:
        terms["rules"] = rules
    if implies:
        terms["implies"] = implies
    return {"id": cid, "category": c["category"], "name": c["name"], "terms": terms,
            "relates_to": c["relates_to"], "demand": demand}


def j(v):
    return json.dumps(v, ensure_ascii=False)


def render(d):
    corp = d["corpora"]
    ids = {c["id"] for c in d["concepts"]}
    for table in (RULES, EXTRA):
        for k in table:
            assert k in ids, k
    cats = [MARK.format("BEGIN", "categories")]
    cats.append("  # The skills real job ads ask for ({} concepts in {} categories).\n".format(
        len(d["concepts"]), len(d["categories"])))
    for c in d["categories"]:
        cats.append("  - {{id: {}, name: {}}}\n".format(c["id"], j(c["name"])))
    cats.append(MARK.format("END", "categories"))
    skills = [MARK.format("BEGIN", "skills")]
    skills.append("  # Layer `ads`: counted over {} English and {} Chinese ads ({}).\n".format(
        corp["en"]["ads"], corp["zh"]["ads"], d["counted"]))
    for c in d["concepts"]:
        s = skill(c, corp)
        skills.append("  - id: {}\n".format(s["id"]))
        skills.append("    category: {}\n".format(s["category"]))
        skills.append("    name: {}\n".format(j(s["name"])))
        skills.append("    layer: {}\n".format(LAYER))
        skills.append("    terms: {}\n".format(j(s["terms"])))
        if s["relates_to"]:
            skills.append("    relates_to: {}\n".format(j(s["relates_to"])))
        skills.append("    demand: {}\n".format(j(s["demand"])))
    skills.append(MARK.format("END", "skills"))
    return "".join(cats), "".join(skills)


def splice(text, what, block, anchor):
    """Replaces the generated region `what`, or inserts it before `anchor` (None: at the end)."""
    begin, end = MARK.format("BEGIN", what), MARK.format("END", what)
    if begin in text:
        a = text.index(begin)
        b = text.index(end) + len(end)
        return text[:a] + block + text[b:]
    if anchor is None:
        return text.rstrip("\n") + "\n" + block
    at = text.index(anchor)
    return text[:at] + block + "\n" + text[at:]


def main():
    d = yaml.safe_load(open(SRC, encoding="utf-8"))
    cats, skills = render(d)
    text = open(OUT, encoding="utf-8").read()
    text = splice(text, "categories", cats, "\nskills:\n")
    text = splice(text, "skills", skills, None)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
