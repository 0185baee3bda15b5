#!/usr/bin/env python3
"""Writes N saved job pages of the real shape, for the benches: each an HTML
page holding a schema.org `JobPosting` JSON-LD block (title, company, place,
date, salary, and an HTML description with a responsibilities list, a
requirements list and a nice-to-have list), as a job board serves it and a
browser saves it, plus the same ad as the text the importer reads
(`NNN.txt`, with `NNN.meta` holding the company and title).

Every text is made up here from phrase pools (no real ad is copied): the
lengths follow real AI-engineer ads, about 23 list items an ad of 12 to 35
words each, with the tools and terms such ads name. The same seed writes the
same pages.

    bench/gen_ads.py --count 870 --out DIR [--seed 1]
"""

import argparse
import html
import json
import os
import random

TITLES = [
    "AI Engineer", "Senior AI Engineer", "Applied AI Engineer", "LLM Engineer",
    "Machine Learning Engineer, Generative AI", "Staff AI Engineer", "AI Product Engineer",
    "Founding AI Engineer", "GenAI Solutions Engineer", "AI Platform Engineer",
    "Software Engineer, AI Agents", "Senior Machine Learning Engineer", "AI Infrastructure Engineer",
    "Forward Deployed AI Engineer", "Lead Engineer, Applied LLMs",
]
PREFIX = ["Norra", "Quill", "Vantor", "Helix", "Cedro", "Lumio", "Orbra", "Pillo", "Tandri",
          "Arvo", "Nimra", "Kestro", "Solvi", "Brava", "Mirelo", "Tessa", "Falko", "Ondra"]
SUFFIX = [" Labs", " Health", " Works", " Systems", " Data", " Logic", " Bio", " Robotics",
          " Finance", " Cloud", "soft", "ly", " Analytics", " Security"]
PLACES = [("San Francisco", "US"), ("New York", "US"), ("Austin", "US"), ("Seattle", "US"),
          ("London", "GB"), ("Berlin", "DE"), ("Toronto", "CA"), ("Remote", "US"),
          ("Amsterdam", "NL"), ("Paris", "FR"), ("Boston", "US"), ("Singapore", "SG")]
DOMAINS = ["clinical", "legal", "financial", "insurance", "customer support", "security",
           "supply chain", "e-commerce", "education", "developer tooling", "compliance", "HR"]
LANGS = ["Python", "TypeScript", "Go", "Java", "Rust", "Scala"]
FRAMEWORKS = ["PyTorch", "TensorFlow", "JAX", "Hugging Face Transformers", "LangChain",
              "LlamaIndex", "DSPy", "vLLM", "scikit-learn", "Ray"]
VECTOR_DBS = ["pgvector", "Pinecone", "Weaviate", "Qdrant", "Milvus", "Elasticsearch"]
CLOUDS = ["AWS", "GCP", "Azure"]
DBS = ["PostgreSQL", "Snowflake", "BigQuery", "Redis", "MongoDB", "ClickHouse"]
MLOPS = ["MLflow", "Weights & Biases", "Kubeflow", "Airflow", "Dagster"]
MODELS = ["GPT-4o", "Claude", "Llama 3", "Mistral", "Gemini", "open-weight models"]

RESP_VERBS = ["Design", "Build", "Ship", "Own", "Prototype", "Evaluate", "Improve",
              "Maintain", "Scale", "Instrument", "Harden", "Lead the design of"]
RESP_OBJECTS = [
    "retrieval-augmented generation pipelines over {domain} documents",
    "agent workflows that call internal tools through function calling",
    "evaluation harnesses that score model outputs against labelled {domain} cases",
    "prompt templates, guardrails and fallbacks for customer-facing assistants",
    "fine-tuning jobs for {model} on curated {domain} datasets",
    "embedding and vector search services backed by {vdb}",
    "observability for LLM calls: latency, cost, token usage and failure modes",
    "data pipelines that clean, deduplicate and label {domain} text at scale",
    "{lang} services and APIs that serve model results to the product",
    "online experiments that measure the effect of model and prompt changes",
    "inference services on {cloud} with autoscaling, batching and caching",
    "classification and extraction models for unstructured {domain} records",
    "internal tooling that lets analysts review and correct model outputs",
    "the feedback loop from production traces back into training and evaluation data",
    "structured-output parsing and validation for model responses",
]
RESP_TAILS = [
    " using {fw}", " with {fw} and {fw2}", " for millions of requests a day",
    " together with product managers and designers", ", and write down the trade-offs",
    "", " in close collaboration with the research team", " while keeping latency within budget",
    " from the first prototype to production", " across several product teams",
]
REQUIREMENTS = [
    "{n}+ years of experience building production software in {lang}",
    "Hands-on experience with {fw} or {fw2} in a production setting",
    "A solid understanding of transformer models, embeddings and tokenization",
    "Experience deploying and operating services on {cloud} with Docker and Kubernetes",
    "Familiarity with vector databases such as {vdb} and with hybrid search",
    "Strong SQL skills and experience with {db}",
    "A track record of shipping LLM-powered features that real users rely on",
    "Clear written and spoken communication in English",
    "A degree in computer science, statistics or a related field, or equivalent practical experience",
    "Experience designing evaluation metrics and test sets for generative models",
    "Comfort with ambiguity and with owning problems end to end in a small team",
    "Knowledge of MLOps practice: experiment tracking with {mlops}, model registries and CI/CD",
    "Experience with prompt engineering, few-shot prompting and structured outputs",
    "Working knowledge of REST and gRPC API design and of distributed systems basics",
    "Experience building data pipelines with {mlops} or a similar orchestrator",
]
REQ_TAILS = [
    "", ", ideally in {domain} software", "; open-source work counts too",
    ", including debugging it under load", " and the judgement to know when a simpler model will do",
]
NICE = [
    "Experience fine-tuning models with LoRA or QLoRA",
    "Contributions to open-source machine learning projects",
    "Publications at NeurIPS, ICML, ACL or a similar venue",
    "Experience building multi-agent systems with {fw}",
    "Background in {domain} software",
    "Experience with GPU profiling and model quantization",
    "Familiarity with reinforcement learning from human feedback",
    "Experience running {model} locally with vLLM or llama.cpp",
]
ABOUT = [
    "{company} builds software for {domain} teams that still do too much by hand.",
    "We are a team of {size} people, backed by investors who care about durable products.",
    "Our customers use the product every day, and the AI features are now at the centre of it.",
    "This role joins the applied AI group, which owns everything from data to deployment.",
    "You will work with engineers, researchers and the people who use what we ship.",
]
BENEFITS = ("Competitive salary and equity, health, dental and vision cover, a learning budget, "
            "flexible hours and {days} days of paid leave. {company} is an equal opportunity employer.")


def fill(rng, template, company):
    fw = rng.choice(FRAMEWORKS)
    return template.format(
        domain=rng.choice(DOMAINS), lang=rng.choice(LANGS), fw=fw,
        fw2=rng.choice([f for f in FRAMEWORKS if f != fw]), vdb=rng.choice(VECTOR_DBS),
        cloud=rng.choice(CLOUDS), db=rng.choice(DBS), mlops=rng.choice(MLOPS),
        model=rng.choice(MODELS), n=rng.choice([2, 3, 4, 5, 6, 7]), company=company,
        size=rng.choice([12, 40, 85, 150, 400]), days=rng.choice([20, 25, 28, 30]),
    )


def items(rng, company, templates, tails, count):
    out = []
    for t in rng.sample(templates, min(count, len(templates))):
        line = fill(rng, t + rng.choice(tails), company)
        if not line.endswith("."):
            line += "."
        out.append(line)
    return out


def ad(rng, i):
    company = rng.choice(PREFIX) + rng.choice(SUFFIX)
    title = rng.choice(TITLES)
    city, country = rng.choice(PLACES)
    resp = [f"{rng.choice(RESP_VERBS)} {fill(rng, o + rng.choice(RESP_TAILS), company)}."
            for o in rng.sample(RESP_OBJECTS, rng.randint(9, 13))]
    reqs = items(rng, company, REQUIREMENTS, REQ_TAILS,
                 rng.randint(9, 12))
    nice = items(rng, company, NICE, [""], rng.randint(2, 4))
    about = " ".join(fill(rng, a, company) for a in ABOUT[: rng.randint(3, 5)])
    low = rng.randrange(120, 220, 5)
    return {
        "company": company, "title": title, "city": city, "country": country,
        "date": f"2026-02-{1 + i % 27:02d}", "resp": resp, "reqs": reqs, "nice": nice,
        "about": about, "benefits": fill(rng, BENEFITS, company),
        "salary": (low * 1000, (low + rng.randrange(30, 80, 5)) * 1000),
    }


def description_html(a):
    ul = lambda xs: "<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in xs) + "</ul>"
    return (f"<p>{html.escape(a['about'])}</p>"
            f"<h3>What you will do</h3>{ul(a['resp'])}"
            f"<h3>What we are looking for</h3>{ul(a['reqs'])}"
            f"<h3>Nice to have</h3>{ul(a['nice'])}"
            f"<h3>Benefits</h3><p>{html.escape(a['benefits'])}</p>")


def page(a, n):
    desc = description_html(a)
    ld = {
        "@context": "https://schema.org", "@type": "JobPosting", "title": a["title"],
        "description": desc, "datePosted": a["date"], "validThrough": "2026-04-30",
        "employmentType": "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": a["company"],
                               "sameAs": f"https://jobs.example.org/company/{n}"},
        "jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": a["city"],
            "addressCountry": a["country"]}},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "value": {
            "@type": "QuantitativeValue", "minValue": a["salary"][0],
            "maxValue": a["salary"][1], "unitText": "YEAR"}},
        "identifier": {"@type": "PropertyValue", "name": "job board", "value": f"JB-{n:05d}"},
    }
    t = html.escape(f"{a['title']} at {a['company']}")
    nav = "".join(f'<li><a href="/jobs?page={k}">Page {k}</a></li>' for k in range(1, 8))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{t} | Example Jobs</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body><header><nav><ul>{nav}</ul></nav></header>
<main><h1>{t}</h1><p class="meta">{html.escape(a['city'])} · Full time · Posted {a['date']}</p>
<article class="job-description">{desc}</article>
<button class="apply">Apply now</button></main>
<footer><p>Saved from Example Jobs. Cookie settings · Privacy · Terms</p></footer>
</body></html>
"""


def text(a):
    """The ad as the text the single-file importer reads."""
    lines = [a["title"], "", f"About {a['company']}", a["about"], "", "Responsibilities"]
    lines += [f"- {x}" for x in a["resp"]]
    lines += ["", "Requirements"] + [f"- {x}" for x in a["reqs"]]
    lines += ["", "Nice to have"] + [f"- {x}" for x in a["nice"]]
    lines += ["", "Benefits", a["benefits"], ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=870)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "text"), exist_ok=True)
    items_total = 0
    for n in range(1, args.count + 1):
        a = ad(rng, n)
        items_total += len(a["resp"]) + len(a["reqs"]) + len(a["nice"])
        with open(os.path.join(args.out, f"{n:03d}.html"), "w", encoding="utf-8") as f:
            f.write(page(a, n))
        with open(os.path.join(args.out, "text", f"{n:03d}.txt"), "w", encoding="utf-8") as f:
            f.write(text(a))
        with open(os.path.join(args.out, "text", f"{n:03d}.meta"), "w", encoding="utf-8") as f:
            f.write(f"{a['company']}\n{a['title']}\n")
    print(f"{args.count} pages, {items_total} list items, in {args.out}")


if __name__ == "__main__":
    main()
