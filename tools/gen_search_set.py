#!/usr/bin/env python3
"""Generates the labeled search-quality set for search/ (issue 7).

Writes data/search/briefings.jsonl (one research briefing per line: id,
account, company, type, date, text) and data/search/queries.jsonl (one query
per line: id, kind, text, relevant doc ids). Everything comes from the
templates and vocabularies below and a fixed seed, so the output is
deterministic; the files are committed and the C test reads them.

The set is built so neither retrieval side wins alone:
  - Each company's business is described with one of several phrasings of a
    concept ("builds a geo-replicated SQL store ..."), and semantic queries
    use different words for the same concept ("companies working on
    distributed databases"): BM25 has no word to match, embeddings do.
  - Keyword queries name rare strings (made-up company and product names,
    interviewer names): BM25 matches them exactly, embeddings of made-up
    words are unreliable.
  - Mixed queries join a concept with a city, a technology or a news event,
    so the relevant briefings are the few where both hold.
  - Pure concept queries (paraphrase only) have about 20 relevant briefings
    each; recall@10 there is at most 0.5 for every mode.

Usage: python3 tools/gen_search_set.py [OUT_DIR]   (default data/search)
"""
import json
import os
import random
import sys

SEED = 7
N_COMPANIES = 400  # 200 of them get a second briefing: 600 briefings

# concept: (phrasings used in briefings, phrasings used in queries). Query
# phrasings avoid the briefing phrasings' content words on purpose.
CONCEPTS = {
    "distdb": (["builds a geo-replicated SQL store that keeps rows consistent across regions",
                "sells a horizontally scalable transactional storage engine for large operators",
                "develops a multi-region relational datastore with consensus-based replication"],
               ["companies working on distributed databases", "distributed database vendors"]),
    "observability": (["makes tooling that collects traces, metrics and logs from production services",
                       "offers an application performance monitoring suite with alerting dashboards",
                       "helps on-call engineers see latency spikes and errors across microservices"],
                      ["observability startups", "companies that help debug outages in live systems"]),
    "payments": (["processes card transactions and payouts for online merchants",
                  "runs a checkout API that moves funds between buyers and sellers",
                  "settles cross-border transfers for marketplaces in dozens of currencies"],
                 ["payment processing fintech", "firms handling money movement for e-commerce"]),
    "mlinfra": (["rents GPU clusters with an orchestration layer for training deep neural networks",
                 "hosts inference endpoints that serve large language models at low latency",
                 "builds a feature store and experiment tracker for data science teams"],
                ["AI infrastructure companies", "platforms for machine learning model development"]),
    "security": (["detects intrusions on corporate laptops with lightweight endpoint agents",
                  "scans cloud accounts for misconfigurations and leaked credentials",
                  "runs a threat intelligence service that flags phishing domains"],
                 ["cybersecurity companies", "firms protecting businesses against hackers"]),
    "health": (["digitizes patient records and scheduling for clinics",
                "runs a telemedicine app connecting patients with physicians over video",
                "analyzes hospital imaging scans to flag tumors for radiologists"],
               ["digital health companies", "healthcare software for doctors"]),
    "climate": (["optimizes battery storage dispatch on the electric grid",
                 "builds monitoring software for solar farm and wind turbine operators",
                 "measures and verifies carbon removal projects for corporate buyers"],
                ["clean energy and climate tech", "companies fighting global warming"]),
    "logistics": (["routes delivery trucks and tracks freight shipments in real time",
                   "automates warehouse picking with fleets of mobile robots",
                   "books ocean container space for importers and exporters"],
                  ["supply chain startups", "shipping and logistics companies"]),
    "edtech": (["offers online courses with adaptive quizzes for high school students",
                "sells a classroom management platform to school districts",
                "runs a tutoring marketplace matching pupils with teachers"],
               ["education technology companies", "businesses that help kids learn"]),
    "devtools": (["speeds up continuous integration pipelines with remote build caching",
                  "hosts git repositories with code review and merge queues",
                  "generates API client libraries from interface definitions"],
                 ["developer productivity tools", "software for programmers"]),
    "gaming": (["develops multiplayer titles for consoles and PC",
                "licenses a 3D engine to mobile studios",
                "runs matchmaking and anti-cheat services for online shooters"],
               ["video game companies", "game studios"]),
    "autonomy": (["trains self-driving software for delivery vans",
                  "builds lidar perception stacks for robotaxis",
                  "simulates traffic scenarios to validate driverless cars"],
                 ["autonomous vehicle companies", "startups making cars drive themselves"]),
    "biotech": (["uses protein structure models to design antibodies",
                 "sequences tumor genomes to find new drug targets",
                 "runs automated wet labs that screen molecules for pharma partners"],
                ["drug discovery biotech", "life sciences research firms"]),
    "proptech": (["helps landlords manage rental apartments, leases and tenants",
                  "estimates home values from listing and sales records",
                  "digitizes mortgage closing paperwork for buyers"],
                 ["real estate technology", "property management software"]),
    "hrtech": (["automates payroll and benefits for small businesses",
                "runs an applicant tracking system used by recruiters",
                "handles compliance for employers hiring staff abroad"],
               ["human resources software", "hiring and payroll companies"]),
    "ecommerce": (["operates a resale marketplace for secondhand fashion",
                   "provides storefront software for independent retailers",
                   "personalizes product recommendations for online shops"],
                  ["online shopping companies", "retail e-commerce businesses"]),
    "streaming": (["offers a managed event log service that moves change records between systems",
                   "builds real-time pipelines that process clickstreams within milliseconds",
                   "sells a stream processor for continuous SQL over message queues"],
                  ["Kafka-like data streaming platforms", "real-time data processing companies"]),
    "quantum": (["builds superconducting qubit processors",
                 "writes compilers and error correction for trapped-ion machines",
                 "offers cloud access to photonic qubit hardware"],
                ["quantum computing companies", "startups building quantum computers"]),
    "space": (["launches small satellites into low Earth orbit",
               "sells orbital imagery of crops and forests",
               "builds propulsion thrusters for spacecraft"],
              ["aerospace and space industry companies", "rocket and satellite startups"]),
    "legal": (["reviews contracts automatically for law firms",
               "manages e-discovery for litigation teams",
               "tracks patents and trademarks for in-house counsel"],
              ["legal software companies", "tools for lawyers and attorneys"]),
    "insurance": (["underwrites car policies priced from driving telematics",
                   "sells renters coverage through a mobile app",
                   "automates claims handling for property insurers"],
                  ["insurtech startups", "insurance technology firms"]),
    "agritech": (["monitors soil moisture with field sensors for farmers",
                  "grows lettuce and herbs in indoor vertical farms",
                  "flies drones that spray crops precisely"],
                 ["agriculture technology companies", "farming innovation startups"]),
    "crypto": (["runs a custody service for digital assets held by funds",
                "audits smart contracts on public blockchains",
                "operates an exchange for tokens and stablecoins"],
               ["cryptocurrency and web3 companies", "blockchain businesses"]),
    "chips": (["designs low-power silicon for edge devices",
               "builds RISC-V processor cores licensed to phone makers",
               "makes accelerator cards for neural network inference"],
              ["semiconductor chip design companies", "hardware processor startups"]),
    "support": (["provides a help desk inbox with chatbots for service agents",
                 "routes customer tickets and measures satisfaction scores",
                 "answers shopper questions with a conversational assistant"],
                ["customer service software", "companies making support teams efficient"]),
    "media": (["streams podcasts and audiobooks to subscribers",
               "licenses royalty-free music for video creators",
               "runs a news app with personalized feeds"],
              ["media and entertainment companies", "audio and content streaming services"]),
    "travel": (["books flights and hotels for corporate travelers",
                "manages vacation rentals for property owners",
                "sells rail passes and bus tickets across Europe"],
               ["travel technology companies", "trip booking startups"]),
    "food": (["delivers restaurant meals through a courier network",
              "operates ghost kitchens for virtual restaurant brands",
              "ships weekly meal kits with recipes"],
             ["food delivery companies", "meal and restaurant startups"]),
    "robotics": (["builds robotic arms for factory assembly lines",
                  "makes machine vision systems that inspect welds",
                  "retrofits forklifts to drive themselves in plants"],
                 ["industrial automation companies", "manufacturing robotics firms"]),
    "design": (["makes a collaborative whiteboard for product teams",
                "builds a browser-based vector editor for interface designers",
                "offers a prototyping tool that turns mockups into clickable flows"],
               ["design collaboration tools", "software for UX designers"]),
}

CITIES = ["Lisbon", "Berlin", "Amsterdam", "Dublin", "Warsaw", "Madrid", "Stockholm", "Zurich", "Paris",
          "Tallinn", "Copenhagen", "Vienna", "Prague", "Barcelona", "Munich", "Helsinki", "Oslo", "Milan",
          "Toronto", "Austin"]
TECHS = ["Rust", "Go", "Elixir", "Kotlin", "Scala", "TypeScript", "Haskell", "Clojure", "Erlang", "OCaml",
         "Zig", "Julia", "Swift", "PostgreSQL", "Cassandra", "Kubernetes", "Terraform", "Kafka", "Redis",
         "ClickHouse", "Snowflake", "Spark", "Flink", "gRPC", "GraphQL", "React", "Svelte", "Django",
         "Rails", "FastAPI"]
SYL_A = ["vel", "zen", "quor", "lum", "tal", "bri", "cor", "dra", "fen", "gal", "hex", "ix", "jor", "kal",
         "mer", "nov", "or", "pax", "rho", "syl", "tor", "ul", "vex", "wyn", "xa", "yar", "zor", "ber",
         "cal", "dor"]
SYL_B = ["tria", "trix", "vex", "metra", "ora", "ion", "ity", "ara", "eon", "ix", "ova", "yte", "umo",
         "ent", "ano", "isk", "ulo", "aro", "ique", "enza"]
ADJ = ["Silver", "Crimson", "Quiet", "Rapid", "Northern", "Hidden", "Golden", "Iron", "Velvet", "Bright",
       "Hollow", "Amber", "Frozen", "Lucky", "Copper", "Wild", "Gentle", "Cobalt", "Scarlet", "Misty"]
NOUN = ["Otter", "Heron", "Falcon", "Lantern", "Harbor", "Maple", "Comet", "Beacon", "Willow", "Badger",
        "Anchor", "Prism", "Thistle", "Kestrel", "Juniper", "Marlin", "Quarry", "Saffron", "Tundra", "Orchid"]
FIRST = ["Priya", "Tomasz", "Ingrid", "Mateo", "Aisha", "Lukas", "Sofia", "Kenji", "Amara", "Henrik",
         "Lucia", "Dmitri", "Fatima", "Oskar", "Chiara", "Rafael", "Noor", "Emil", "Yara", "Bastian",
         "Leila", "Anders", "Mireille", "Tariq", "Greta", "Joaquin", "Zofia", "Elias", "Hana", "Marius"]
LAST = ["Raman", "Kowalski", "Lindqvist", "Ferreira", "Okafor", "Brandt", "Moreau", "Tanaka", "Nwosu",
        "Halvorsen", "Bianchi", "Volkov", "Haddad", "Nyberg", "Esposito", "Duarte", "Rahimi", "Lund",
        "Castellanos", "Weber", "Mansour", "Dahl", "Fontaine", "Qureshi", "Richter", "Alvarez", "Nowak",
        "Berg", "Sato", "Popescu"]
INVESTORS = ["Northzone", "Index Ventures", "Balderton", "Accel", "Sequoia", "Atomico", "Lightspeed",
             "General Catalyst", "Creandum", "Point Nine"]
ROLES = ["Senior Backend Engineer", "Staff Software Engineer", "Site Reliability Engineer",
         "Data Engineer", "Engineering Manager", "Platform Engineer", "Machine Learning Engineer",
         "Principal Engineer", "Infrastructure Engineer", "Full-Stack Engineer"]
TEAMS = ["core platform", "storage", "payments", "growth", "developer experience", "reliability",
         "data platform", "security", "mobile", "research"]
SIZES = ["a 40-person", "a 120-person", "a 300-person", "an 800-person", "a 25-person", "a 2,000-person"]

# News kinds: (briefing phrasings, query phrasings).
NEWS = {
    "funding": (["closed a ${amt}M Series {series} round led by {inv}",
                 "raised ${amt}M from {inv} in a Series {series}"],
                ["that recently got venture capital investment", "that secured new financing"]),
    "layoffs": (["cut {pct} percent of its staff in a restructuring",
                 "let go of {pct} percent of employees after a slow quarter"],
                ["that recently downsized their workforce", "with recent job cuts"]),
    "acquired": (["agreed to be bought by {buyer} for an undisclosed sum",
                  "announced that {buyer} will take it over"],
                 ["that were acquired by a bigger firm", "going through a merger or takeover"]),
    "launch": (["shipped version 2 of {product} with an on-premises edition",
                "released {product} to general availability after a long beta"],
               ["that just launched a new product", "with a major product release"]),
    "exec": (["hired a new chief technology officer from {buyer}",
              "appointed a former {buyer} executive as CEO"],
             ["with leadership changes at the top", "that brought in a new executive"]),
}
BUYERS = ["Oracle", "Salesforce", "Cisco", "SAP", "Adobe", "Siemens", "Datadog", "Stripe", "Atlassian",
          "Shopify"]
FILLER = [
    "Glassdoor reviews mention a strong writing culture and long design documents.",
    "The office is hybrid with two fixed days on site.",
    "Compensation includes stock options vesting over four years.",
    "The engineering blog publishes postmortems openly.",
    "Most customers are mid-sized companies in Europe and North America.",
    "The company is profitable according to its last public statement.",
    "On-call rotations are weekly and shared across the team.",
    "The hiring process usually has four rounds including a system design interview.",
]
STAGES = {
    "APPLICATION": "You applied on {d0} through the careers page and have not heard back yet.",
    "INTERVIEW": "You applied on {d0}; a {round} interview with {person} is scheduled for {d1}.",
    "OFFER": "After interviews with {person} you received an offer on {d1}; it expires two weeks later.",
    "REJECTION": "You interviewed with {person} on {d0} and were turned down on {d1}.",
}
ROUNDS = ["technical", "system design", "hiring manager", "final", "recruiter screen"]


def uniq_names(rng, n):
    names = set()
    while len(names) < n:
        names.add((rng.choice(SYL_A) + rng.choice(SYL_B)).capitalize())
    out = sorted(names)
    rng.shuffle(out)
    return out


def date(rng, start_month):
    m = start_month + rng.randint(0, 2)
    y = 2025 + (m - 1) // 12
    return "%04d-%02d-%02d" % (y, (m - 1) % 12 + 1, rng.randint(1, 28))


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "search")
    rng = random.Random(SEED)
    names = uniq_names(rng, N_COMPANIES)
    products = [a + " " + b for a in ADJ for b in NOUN]
    rng.shuffle(products)
    people = [f + " " + l for f in FIRST for l in LAST]
    rng.shuffle(people)
    concepts = sorted(CONCEPTS)
    companies = []
    for i, name in enumerate(names):
        c = {
            "name": name, "concept": concepts[i % len(concepts)], "city": rng.choice(CITIES),
            "techs": rng.sample(TECHS, 3), "product": products[i], "news": rng.choice(sorted(NEWS)),
            "size": rng.choice(SIZES), "year": rng.randint(2009, 2022),
        }
        c["concept_text"] = rng.choice(CONCEPTS[c["concept"]][0])
        c["news_text"] = rng.choice(NEWS[c["news"]][0]).format(
            amt=rng.choice([8, 15, 22, 40, 65, 120]), series=rng.choice("ABCD"), inv=rng.choice(INVESTORS),
            pct=rng.choice([8, 12, 20, 30]), buyer=rng.choice(BUYERS), product=c["product"])
        companies.append(c)

    briefings = []
    person_i = 0
    for i, c in enumerate(companies):
        n_brief = 2 if i % 2 == 0 else 1
        month = rng.randint(6, 14)
        types = ["INTERVIEW", rng.choice(["OFFER", "REJECTION"])] if n_brief == 2 else \
            [rng.choice(["APPLICATION", "INTERVIEW", "OFFER", "REJECTION"])]
        for j, typ in enumerate(types):
            person = people[person_i]
            person_i += 1
            d0, d1 = date(rng, month + 2 * j), date(rng, month + 2 * j + 1)
            d0, d1 = min(d0, d1), max(d0, d1)
            fill = rng.sample(FILLER, 3)
            # Like a real summary: what the company does first, then the
            # rest in varied wording and order.
            facts = [
                rng.choice(["It is {size} company based in {city}, founded in {year}.",
                            "Headquarters: {city}; {size} team; founded {year}.",
                            "Founded in {year}, it employs {size_n} people in {city}."]),
                rng.choice(["The engineering stack is built around {t0}, {t1} and {t2}.",
                            "Engineers mostly work in {t0} and {t1}, with {t2} in production.",
                            "Tech stack: {t0}, {t1}, {t2}."]),
                rng.choice(["Its flagship product is called {product}.", "The main product is {product}.",
                            "Customers know it for {product}."]),
                rng.choice(["Recent news: {name} {news}.", "In the news, {name} {news}.",
                            "Latest: the company {news}."]),
            ] + fill
            rng.shuffle(facts)
            text = " ".join(
                ["{name} {concept}."] + facts +
                [rng.choice(["Role: {role} on the {team} team.", "The opening is for a {role} in {team}.",
                             "Position: {role}, {team} group."]), STAGES[typ]]
            ).format(
                name=c["name"], concept=c["concept_text"], size=c["size"], size_n=c["size"].split()[1].split("-")[0],
                city=c["city"], year=c["year"], t0=c["techs"][0], t1=c["techs"][1], t2=c["techs"][2],
                product=c["product"], news=c["news_text"], role=rng.choice(ROLES), team=rng.choice(TEAMS),
                d0=d0, d1=d1, person=person, round=rng.choice(ROUNDS))
            briefings.append({
                "id": "brf-%04d" % len(briefings), "account": "me@example.org" if i % 3 else "alt@example.org",
                "company": c["name"], "type": typ, "date": d1, "text": text,
                "_c": i, "_person": person,
            })

    def rel(pred):
        return [b["id"] for b in briefings if pred(b)]

    queries = []

    def add(kind, text, ids):
        assert ids, text
        queries.append({"id": "q%02d" % len(queries), "kind": kind, "text": text, "relevant": ids})

    pick = rng.sample(range(N_COMPANIES), 120)
    # Keyword: company names.
    for ci in pick[0:12]:
        c = companies[ci]
        t = rng.choice(["{n}", "what do I know about {n}", "{n} interview prep", "briefing on {n}"])
        add("company", t.format(n=c["name"]), rel(lambda b: b["_c"] == ci))
    # Keyword: product names.
    for ci in pick[12:20]:
        c = companies[ci]
        t = rng.choice(["who makes {p}", "the company behind {p}", "{p} product"])
        add("product", t.format(p=c["product"]), rel(lambda b: b["_c"] == ci))
    # Keyword: interviewer names.
    for b in rng.sample([b for b in briefings if b["type"] != "APPLICATION"], 8):
        t = rng.choice(["my conversation with {p}", "interview with {p}", "which company was {p} from"])
        add("person", t.format(p=b["_person"]), rel(lambda x, p=b["_person"]: x["_person"] == p))
    # Semantic: concept + city.
    for ci in pick[20:34]:
        c = companies[ci]
        q = rng.choice(CONCEPTS[c["concept"]][1])
        add("concept+city", f"{q} in {c['city']}",
            rel(lambda b: companies[b["_c"]]["concept"] == c["concept"] and companies[b["_c"]]["city"] == c["city"]))
    # Semantic: concept + technology.
    for ci in pick[34:44]:
        c = companies[ci]
        q, tech = rng.choice(CONCEPTS[c["concept"]][1]), rng.choice(c["techs"])
        add("concept+tech", f"{q} using {tech}",
            rel(lambda b: companies[b["_c"]]["concept"] == c["concept"] and tech in companies[b["_c"]]["techs"]))
    # Semantic: concept + news event, both paraphrased.
    for ci in pick[44:54]:
        c = companies[ci]
        q, nq = rng.choice(CONCEPTS[c["concept"]][1]), rng.choice(NEWS[c["news"]][1])
        add("concept+news", f"{q} {nq}",
            rel(lambda b: companies[b["_c"]]["concept"] == c["concept"] and companies[b["_c"]]["news"] == c["news"]))

    # Semantic: the concept alone, in words no briefing uses (about 20
    # relevant briefings each, so recall@10 is at most 10/20 here).
    for concept in rng.sample(concepts, 12):
        add("concept", rng.choice(CONCEPTS[concept][1]), rel(lambda b: companies[b["_c"]]["concept"] == concept))

    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "briefings.jsonl"), "w") as f:
        for b in briefings:
            f.write(json.dumps({k: v for k, v in b.items() if not k.startswith("_")}) + "\n")
    with open(os.path.join(out_dir, "queries.jsonl"), "w") as f:
        for q in queries:
            f.write(json.dumps(q) + "\n")
    print("wrote %d briefings, %d queries to %s" % (len(briefings), len(queries), out_dir))


if __name__ == "__main__":
    main()
