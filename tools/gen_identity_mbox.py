#!/usr/bin/env python3
"""gen_identity_mbox.py: writes data/identity/mailbox.mbox and expected.json,
the "one application per job" set (issue: one job became two rows).

A written mailbox of one person's search: 34 applications at 28 made-up
companies, each job reached under several spellings of its role, the way
real mail spells it: the confirmation's "Site Reliability Engineer", the
recruiter's "SRE", the calendar tool's "<Company> SRE", "Sr. Data Analyst
(m/w/d)", "Backend Engineer - Req 40211", "Front-End Developer". Scheduling
replies sit in the thread (In-Reply-To/References) and name no role. The
traps the other way: two different jobs at one company, the same title with
two requisition ids, senior and junior openings of one title, and a
re-application months after a rejection: each of those is two applications.

Everything is written for CareerOps (made-up companies and people); the
ground truth is the list of jobs it was generated from. Deterministic.
Usage: tools/gen_identity_mbox.py [OUT_DIR]   (default data/identity)
"""
import datetime as dt
import email.utils
import json
import os
import sys

ME = ("Robin Vale", "robin.vale@example.net")

# One entry per true application: company, domain, recruiter, the role as
# each email spells it (confirmation, invite, follow-up...), outcome, days
# after START it starts. Spellings: None = the email names no role (a reply
# in the thread).
JOBS = [
    ("Harbor Logistics", "harborlogistics.example", "Mina Cole",
     ["Site Reliability Engineer", "Harbor Logistics SRE", None], "INTERVIEW", 0),
    ("Quarrystone Bank", "quarrystone.example", "Ivo Marsh",
     ["Software Engineer", "SWE", None, "Software Development Engineer"], "OFFER", 1),
    ("Tidepool Health", "tidepoolhealth.example", "Aiko Brandt",
     ["Product Manager", "PM", None], "REJECTION", 2),
    ("Lanternworks", "lanternworks.example", "Owen Price",
     ["Frontend Developer", "Front-End Engineer", None], "INTERVIEW", 3),
    ("Kinfolk Credit", "kinfolkcredit.example", "Harriet Gale",
     ["Data Scientist", "Data Scientist (Credit Risk)", None], "REJECTION", 4),
    ("Brightforge Robotics", "brightforge.example", "Tariq Nunes",
     ["Machine Learning Engineer", "ML Engineer", None], "INTERVIEW", 5),
    ("Saltmere Foods", "saltmere.example", "Clara Wendt",
     ["QA Engineer", "Quality Assurance Engineer"], "APPLIED", 6),
    ("Ostrava Analytics", "ostrava-analytics.example", "Jonas Berg",
     ["Senior Data Analyst", "Sr. Data Analyst", None], "INTERVIEW", 7),
    ("Pebblebrook Media", "pebblebrook.example", "Dana Frost",
     ["Backend Engineer - Req 40211", "Back End Engineer", None], "REJECTION", 8),
    ("Northwall Systems", "northwall.example", "Eli Sato",
     ["Technical Program Manager", "TPM", None], "OFFER", 9),
    ("Cobaltine", "cobaltine.example", "Rhea Lind",
     ["Business Intelligence Analyst", "BI Analyst"], "APPLIED", 10),
    ("Weserblick Software", "weserblick.example", "Katrin Vogel",
     ["DevOps Engineer (m/w/d)", "DevOps Engineer", None], "INTERVIEW", 11),
    ("Marisol Travel", "marisoltravel.example", "Lucia Prado",
     ["Full Stack Developer", "Full-Stack Engineer", None], "REJECTION", 12),
    ("Glenmoor Energy", "glenmoor.example", "Fraser Doyle",
     ["Platform Engineer", "Platform Engineer II", None], "INTERVIEW", 13),
    ("Verdance Bio", "verdancebio.example", "Noor Haddad",
     ["Research Associate", "Research Associate (Assay Development)"], "APPLIED", 14),
    ("Ironbark Insurance", "ironbark.example", "Gus Whitlow",
     ["Actuarial Analyst", "Actuarial Analyst", None], "REJECTION", 15),
    ("Fjellhaven", "fjellhaven.example", "Sigrid Aas",
     ["Engineering Manager", "EM", None], "INTERVIEW", 16),
    ("Corriedale Retail", "corriedale.example", "Pia Monk",
     ["UX Designer", "Senior UX Designer"], "APPLIED", 17),
    ("Amberline Freight", "amberline.example", "Rui Matos",
     ["Operations Analyst", None, "Operations Analyst"], "OFFER", 18),
    ("Sundial Learning", "sundial-learning.example", "Maya Ortiz",
     ["Content Strategist", "Content Strategist"], "REJECTION", 19),
    ("Kestrelmark", "kestrelmark.example", "Leon Fairfax",
     ["Security Analyst", "Security Analyst", None], "INTERVIEW", 20),
    ("Tamarind Pay", "tamarindpay.example", "Ines Cardoso",
     ["Software Engineer, Payments", "Software Engineer", None], "INTERVIEW", 21),
    # two different jobs at one company: two applications
    ("Driftline Studios", "driftline.example", "Hugo Lamb",
     ["Data Analyst", "Data Analyst"], "REJECTION", 22),
    ("Driftline Studios", "driftline.example", "Hugo Lamb",
     ["Marketing Manager", "Marketing Manager", None], "INTERVIEW", 23),
    # one title, two requisitions: two applications
    ("Meadowgate Clinics", "meadowgate.example", "Olu Bankole",
     ["Clinical Data Coordinator (Req 11840)", "Clinical Data Coordinator (Req 11840)"], "REJECTION", 24),
    ("Meadowgate Clinics", "meadowgate.example", "Olu Bankole",
     ["Clinical Data Coordinator (Req 12977)", "Clinical Data Coordinator (Req 12977)", None], "INTERVIEW", 25),
    # senior and junior openings of one title: two applications
    ("Riverbend Logistics", "riverbend.example", "Zoe Hart",
     ["Senior Supply Chain Analyst", "Senior Supply Chain Analyst"], "REJECTION", 26),
    ("Riverbend Logistics", "riverbend.example", "Zoe Hart",
     ["Junior Supply Chain Analyst", "Junior Supply Chain Analyst", None], "INTERVIEW", 27),
    # a re-application after a rejection: two applications (the second starts 150 days later)
    ("Stonecrop Labs", "stonecrop.example", "Vera Quinn",
     ["Data Engineer", "Data Engineer"], "REJECTION", 28),
    ("Stonecrop Labs", "stonecrop.example", "Vera Quinn",
     ["Data Engineer", "Data Engineer", None], "INTERVIEW", 178),
    ("Wrenfield Partners", "wrenfield.example", "Ada Moyo",
     ["Financial Analyst", "Financial Analyst"], "APPLIED", 30),
    ("Caldera Games", "calderagames.example", "Nico Ferro",
     ["Gameplay Engineer", "Gameplay Engineer", None], "REJECTION", 31),
    ("Bluecairn Water", "bluecairn.example", "Moira Kell",
     ["Project Coordinator", "Project Coordinator", None], "INTERVIEW", 32),
    ("Ellery & Finch", "elleryfinch.example", "Basil Grant",
     ["Technical Writer", "Technical Writer"], "APPLIED", 33),
]

START = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
messages = []
counter = [0]


def new_mid(domain):
    counter[0] += 1
    return "id%04d@%s" % (counter[0], domain)


def add(date, sender, subject, body, domain, reply_to=None, label=None):
    m = {"date": date, "from": sender, "subject": subject, "body": body, "mid": new_mid(domain), "headers": []}
    if reply_to:
        m["headers"] = [("In-Reply-To", "<%s>" % reply_to["mid"]), ("References", "<%s>" % reply_to["mid"])]
    messages.append(m)
    return m


def confirmation(company, domain, role, when):
    body = ("Hi Robin,\n\nThank you for applying for the %s position at %s. We have received your application "
            "and our recruiting team will review it over the coming days.\n\nBest regards,\nThe %s Recruiting Team\n"
            % (role, company, company))
    return add(when, "%s Careers <careers@%s>" % (company, domain), "Thank you for applying to %s" % company, body,
               domain)


def invite(company, domain, recruiter, role, when, thread):
    day = WEEKDAYS[(when + dt.timedelta(days=3)).weekday() % 5]
    if role is None:  # a reply in the thread: no role named
        body = ("Hi Robin,\n\nThanks for your patience. We'd like to invite you to a 45-minute video interview "
                "with the hiring manager. Would %s at 2:00 PM ET work for you?\n\nBest,\n%s\nRecruiter, %s\n"
                % (day, recruiter, company))
        subj = "Re: Thank you for applying to %s" % company
    else:
        body = ("Hi Robin,\n\nI'm %s, a recruiter at %s. We'd like to invite you to an interview for the %s role. "
                "Would %s at 11:00 AM ET work for a 30-minute video call?\n\nBest,\n%s\nRecruiter, %s\n"
                % (recruiter.split()[0], company, role, day, recruiter, company))
        subj = "Interview invitation: %s at %s" % (role, company)
    first, last = recruiter.lower().split()
    return add(when, "%s <%s.%s@%s>" % (recruiter, first, last, domain), subj, body, domain, reply_to=thread)


def outcome(company, domain, recruiter, role, label, when, thread):
    first, last = recruiter.lower().split()
    sender = "%s <%s.%s@%s>" % (recruiter, first, last, domain)
    what = ("the %s role" % role) if role else "the role"
    if label == "REJECTION":
        body = ("Hi Robin,\n\nThank you for your interest in %s at %s. After careful consideration, we have decided "
                "not to move forward with your application.\n\nWe wish you the best in your search.\n%s\n"
                % (what, company, recruiter))
        return add(when, sender, "Your application to %s" % company, body, domain, reply_to=thread)
    body = ("Hi Robin,\n\nI'm delighted to offer you %s at %s. Your written offer letter with salary, start date and "
            "benefits is attached; please review and sign by Friday.\n\nCongratulations,\n%s\n"
            % (what, company, recruiter))
    return add(when, sender, "Offer: %s at %s" % (role or "your role", company), body, domain, reply_to=thread)


def job(company, domain, recruiter, spellings, final, start_day):
    t = START + dt.timedelta(days=start_day, hours=start_day % 5)
    conf = confirmation(company, domain, spellings[0], t)
    last = conf
    for i, role in enumerate(spellings[1:]):
        t += dt.timedelta(days=4 + i)
        if final == "APPLIED":  # later mail about the application, still no interview: a status note
            body = ("Hi Robin,\n\nA quick update on your application for the %s position at %s: the team is still "
                    "reviewing applications and we will be in touch soon.\n\nThe %s Recruiting Team\n"
                    % (role, company, company))
            last = add(t, "%s Careers <careers@%s>" % (company, domain), "Your application for %s" % role, body,
                       domain, reply_to=conf)
        else:
            last = invite(company, domain, recruiter, role, t, conf if role is None else None)
    if final in ("REJECTION", "OFFER"):
        t += dt.timedelta(days=6)
        outcome(company, domain, recruiter, spellings[-1] or spellings[0], final, t, last)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "identity")
    os.makedirs(out, exist_ok=True)
    for j in JOBS:
        job(*j)
    messages.sort(key=lambda m: m["date"])
    with open(os.path.join(out, "mailbox.mbox"), "w", newline="\n") as f:
        for m in messages:
            lines = ["From: %s" % m["from"], "To: %s <%s>" % ME, "Subject: %s" % m["subject"],
                     "Date: %s" % email.utils.format_datetime(m["date"]), "Message-ID: <%s>" % m["mid"]]
            lines += ["%s: %s" % h for h in m["headers"]]
            text = "\n".join(lines) + "\n\n" + m["body"]
            addr = m["from"].split("<")[1].rstrip(">")
            f.write("From %s %s\n%s\n" % (addr, m["date"].astimezone(dt.timezone.utc).strftime("%a %b %d %H:%M:%S %Y"),
                                         text))
    per = {}
    for company, _, _, spellings, final, _ in JOBS:
        per.setdefault(company, []).append({"role": spellings[0], "final_stage": final})
    exp = {"messages": len(messages), "applications": len(JOBS),
           "companies": [{"company": c, "jobs": v} for c, v in per.items()]}
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(exp, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
