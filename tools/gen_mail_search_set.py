#!/usr/bin/env python3
"""Generates the mail part of the search-quality set (issue 19, item 2).

Writes data/search/mail.jsonl (one job-related email per line: id, account,
company, type, date, role, from, text) and data/search/mail_queries.jsonl
(id, kind, text, relevant email ids; off-topic queries have none). Deterministic
(seed 11); the files are committed and tests/search/test_mail_eval.c reads them.
Names and concepts come from gen_search_set.py's vocabularies; the mail
wording is its own (several phrasings per kind of message), so no query
shares a template with the mail it should find.

Query kinds:
  - company: the made-up company's name alone (a person typing a name);
  - role: a role title alone, relevant: every email about that role;
  - person: the recruiter or interviewer, "email from <name>";
  - paraphrase: what an email is about in other words ("when is the
    architecture chat with <company>" for a system design invitation);
  - topic: a kind of message over every company ("take-home assignment
    deadline"), many relevant emails;
  - off-topic: things a job seeker's mail does not hold ("banana bread
    recipe"): the right answer is nothing.

Usage: python3 tools/gen_mail_search_set.py [OUT_DIR]   (default data/search)
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_search_set as base  # noqa: E402  (vocabularies only)

SEED = 11
N_COMPANIES = 90

APPLIED = [
    "Subject: Your application to {company}\n\nHi {me},\n\nThanks for applying for the {role} position at {company}. "
    "Our team reviews every application and we will get back to you within two weeks.\n\n{rec}\nTalent Acquisition",
    "Subject: {company} - application received ({role})\n\nHello {me}, we have received your application for {role}. "
    "If your profile matches, a recruiter will reach out.\n\nBest,\n{rec}",
    "Subject: Thank you for your interest in {company}\n\nDear {me},\n\nThis confirms we got your application for the "
    "{role} opening on our {team} team. No action is needed from you right now.\n\n{rec}, Recruiting",
]
INTERVIEW = {
    "system design": [
        "Subject: {company}: system design interview on {day}\n\nHi {me},\n\nGreat news - the {team} team would like to "
        "move you forward to a system design interview for the {role} role. You will sketch the architecture of a "
        "service with {interviewer}, {day} at {time} ({zone}), 60 minutes over Zoom.\n\nCheers,\n{rec}",
        "Subject: Next step with {company}\n\nHello {me}, {interviewer} will run a 45-minute design session with you: "
        "how you would scale a high-traffic backend and where it breaks. Proposed slot: {day}, {time} {zone}. "
        "Reply if that does not work.\n\n{rec}",
    ],
    "live coding": [
        "Subject: Coding interview - {company} ({role})\n\nHi {me},\n\nYour technical round is a pair-programming "
        "exercise in a shared editor with {interviewer} on {day} at {time} {zone}. Bring your favourite language; "
        "we care about how you think more than finishing.\n\nThanks,\n{rec}",
        "Subject: Invitation: technical screen with {company}\n\nHello {me}, you are invited to a live coding screen "
        "({day}, {time} {zone}, 50 min) with {interviewer} from the {team} team. Link to follow.\n\n{rec}",
    ],
    "hiring manager": [
        "Subject: Chat with the hiring manager at {company}\n\nHi {me}, {interviewer}, who leads {team}, would love a "
        "30-minute conversation about the {role} position and what the team is building. Does {day} at {time} "
        "{zone} work?\n\nBest,\n{rec}",
    ],
    "take-home": [
        "Subject: {company} take-home exercise\n\nHi {me},\n\nAs the next step for {role} we would like you to "
        "complete a short take-home project (about four hours). Please submit it by {day}; {interviewer} will "
        "review it with you afterwards.\n\n{rec}",
    ],
}
RESCHEDULE = [
    "Subject: Re: interview at {company} - new time\n\nHi {me}, apologies, {interviewer} had a conflict. Could we move "
    "your interview to {day} at {time} {zone}? Same video link.\n\n{rec}",
]
REJECTION = [
    "Subject: Update on your {company} application\n\nHi {me},\n\nThank you for the time you spent with us on the "
    "{role} process. After careful consideration we have decided not to move forward with your candidacy. We "
    "wish you the best in your search.\n\n{rec}",
    "Subject: {company} - {role}\n\nDear {me}, unfortunately the position has been filled by another candidate. "
    "We will keep your details on file for future openings.\n\nKind regards,\n{rec}",
]
OFFER = [
    "Subject: Offer letter - {role} at {company}\n\nHi {me},\n\nWe are delighted to offer you the {role} position on "
    "the {team} team, with a base salary of {salary} plus equity. The formal letter is attached; please let us "
    "know by {day}.\n\nWelcome aboard,\n{rec}",
]

# Query phrasings per interview kind, in words the mail above does not use.
PARAPHRASE = {
    "system design": ["when is the architecture chat with {company}", "{company} distributed systems whiteboard round"],
    "live coding": ["{company} programming exercise appointment", "{company} algorithm session date"],
    "hiring manager": ["meeting the {company} team lead", "{company} manager conversation"],
    "take-home": ["{company} homework assignment due date", "deadline of the {company} project task"],
}
TOPICS = [
    ("take-home assignment deadline", lambda m: m["_kind"] == "take-home"),
    ("companies that turned me down", lambda m: m["type"] == "REJECTION"),
    ("salary and compensation offers", lambda m: m["type"] == "OFFER"),
    ("rescheduled interviews", lambda m: m["_resched"]),
    ("pair programming technical round", lambda m: m["_kind"] == "live coding"),
]
OFF_TOPIC = [
    "banana bread recipe", "cheap flights to Lisbon", "how to fix a flat bicycle tire", "premier league results",
    "best sourdough starter", "knitting patterns for beginners", "symptoms of the flu", "weather tomorrow",
    "movie showtimes tonight", "pizza delivery near me", "guitar chords for wonderwall", "how tall is mount everest",
    "cat food brands", "gardening tips for tomatoes", "yoga for back pain", "car insurance quote",
    "birthday gift ideas for my sister", "learn french vocabulary", "bitcoin price today", "train timetable to Porto",
]
ZONES = ["CET", "ET", "PT", "BST", "UTC"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join("data", "search")
    rng = random.Random(SEED)
    names = set()
    companies = []
    while len(companies) < N_COMPANIES:
        n = rng.choice(base.SYL_A).capitalize() + rng.choice(base.SYL_B)
        if n in names:
            continue
        names.add(n)
        companies.append({"name": n, "role": rng.choice(base.ROLES), "team": rng.choice(base.TEAMS)})
    people = set()

    def person():
        while True:
            p = rng.choice(base.FIRST) + " " + rng.choice(base.LAST)
            if p not in people:
                people.add(p)
                return p

    mails = []

    def add(c, typ, text, rec, **extra):
        m = {"id": "mail-%04d" % len(mails), "account": "me@example.org" if len(mails) % 4 else "alt@example.org",
             "company": c["name"], "type": typ, "date": "2026-%02d-%02d" % (rng.randint(1, 11), rng.randint(1, 28)),
             "role": c["role"], "from": rec, "text": text, "_c": c["name"], "_kind": "", "_resched": False,
             "_people": extra.pop("people", [rec])}
        m.update(extra)
        mails.append(m)
        return m

    for c in companies:
        rec, interviewer = person(), person()
        fill = dict(company=c["name"], role=c["role"], team=c["team"], me="Sam", rec=rec, interviewer=interviewer,
                    day=rng.choice(DAYS), time="%d:%02d" % (rng.randint(9, 16), rng.choice([0, 30])),
                    zone=rng.choice(ZONES), salary="EUR %d,000" % rng.randint(70, 140))
        add(c, "APPLIED", rng.choice(APPLIED).format(**fill), rec)
        kind = rng.choice(sorted(INTERVIEW))
        typ = "APPLIED" if kind == "take-home" else "INTERVIEW"
        add(c, typ, rng.choice(INTERVIEW[kind]).format(**fill), rec, _kind=kind, people=[rec, interviewer])
        c["kind"] = kind
        r = rng.random()
        if r < 0.3 and kind != "take-home":
            add(c, "INTERVIEW", rng.choice(RESCHEDULE).format(**fill), rec, _kind=kind, _resched=True,
                people=[rec, interviewer])
        end = rng.random()
        if end < 0.45:
            add(c, "REJECTION", rng.choice(REJECTION).format(**fill), rec)
        elif end < 0.6:
            add(c, "OFFER", rng.choice(OFFER).format(**fill), rec)
        c["rec"], c["interviewer"] = rec, interviewer

    queries = []

    def q(kind, text, ids):
        queries.append({"id": "mq%02d" % len(queries), "kind": kind, "text": text, "relevant": ids})

    pick = rng.sample(companies, 60)
    for c in pick[0:12]:
        q("company", c["name"], [m["id"] for m in mails if m["_c"] == c["name"]])
    roles = sorted({c["role"] for c in companies})
    for role in rng.sample(roles, min(8, len(roles))):
        q("role", role, [m["id"] for m in mails if m["role"] == role])
    for c in pick[12:22]:
        p = rng.choice([c["rec"], c["interviewer"]])
        q("person", "email from " + p, [m["id"] for m in mails if p in m["_people"]])
    for c in pick[22:40]:
        t = rng.choice(PARAPHRASE[c["kind"]]).format(company=c["name"])
        q("paraphrase", t, [m["id"] for m in mails if m["_c"] == c["name"] and m["_kind"] == c["kind"]])
    for text, pred in TOPICS:
        q("topic", text, [m["id"] for m in mails if pred(m)])
    for text in OFF_TOPIC:
        q("off-topic", text, [])

    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "mail.jsonl"), "w") as f:
        for m in mails:
            f.write(json.dumps({k: v for k, v in m.items() if not k.startswith("_")}) + "\n")
    with open(os.path.join(out_dir, "mail_queries.jsonl"), "w") as f:
        for x in queries:
            f.write(json.dumps(x) + "\n")
    print("wrote %d emails, %d queries to %s" % (len(mails), len(queries), out_dir))


if __name__ == "__main__":
    main()
