#!/usr/bin/env python3
"""Generates data/sample/inbox.mbox, the sample inbox `careerops run` imports,
and data/sample/expected.json, its ground truth.

Everything here is written for CareerOps (hand-written templates, made-up
companies and people, fixed seed): nothing comes from real mailboxes. The
inbox reads like a few weeks of one person's job search, in date order:

* 10 companies, each a full journey: application confirmation, then for some
  a recruiter screen invite, an interview scheduling thread (In-Reply-To /
  References), more rounds, and an offer or a rejection (or silence);
* job alerts and newsletters (List-Unsubscribe), unrelated mail (bank,
  shipping, friends, accounts);
* a few exact duplicates (same Message-ID, same bytes) as a re-export gives;
* one deliberately malformed message (no header block) for the DLQ.

Usage: python3 data/sample/gen_sample.py [OUT_DIR]   (default: this folder)
Same script, same bytes out.
"""
import datetime as dt
import email.utils
import json
import os
import random
import sys

SEED = 20250303
ME = ("Riley Moss", "riley.moss@example.net")
ACCOUNT = "me"

# name, domain, role, ATS style, recruiter, journey outcome, rounds
COMPANIES = [
    ("Bluefin Analytics", "bluefin-analytics.example", "Data Engineer", "greenhouse", "Priya Natarajan", "OFFER", 2),
    ("Cedarline Health", "cedarline.example", "Platform Engineer", "workday", "Marcus Webb", "REJECTION", 0),
    ("Orchard Labs", "orchardlabs.example", "Backend Engineer", "lever", "Sofia Delgado", "OFFER", 3),
    ("Marlin Logistics", "marlinlogistics.example", "Site Reliability Engineer", "direct", "Tom Okafor", "INTERVIEW", 2),
    ("Saltbox Studio", "saltbox.example", "Frontend Engineer", "ashby", "Hana Kim", "REJECTION", 1),
    ("Fernway Energy", "fernway.example", "Data Analyst", "icims", "Grace Liu", "APPLIED", 0),
    ("Halcyon Robotics", "halcyonrobotics.example", "Software Engineer", "greenhouse", "Daniel Reyes", "REJECTION", 2),
    ("Pinecrest Bank", "pinecrestbank.example", "Infrastructure Engineer", "workday", "Olivia Brandt", "INTERVIEW", 1),
    ("Driftwood Games", "driftwoodgames.example", "Gameplay Programmer", "lever", "Sam Achebe", "APPLIED", 0),
    ("Copperleaf Systems", "copperleaf.example", "Product Manager", "direct", "Elena Petrova", "REJECTION", 1),
]

ALERT_COMPANIES = ["Brightwater", "Nimbus Works", "Granite Peak", "Sunfield Media", "Quillfeather", "Ridgeway Foods",
                   "Lanternfly", "Stonebridge Capital", "Wavecrest Telecom", "Ironwood Civic"]
ALERT_ROLES = ["Senior Backend Engineer", "Data Platform Engineer", "Staff Software Engineer", "DevOps Engineer",
               "Machine Learning Engineer", "Analytics Engineer", "Engineering Manager", "Cloud Engineer"]
CITIES = ["Remote", "Boston, MA", "Austin, TX", "Denver, CO", "Seattle, WA", "New York, NY"]

rng = random.Random(SEED)
START = dt.datetime(2025, 3, 3, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

messages = []  # dicts: date, from, to, subject, body, mid, headers, label, company
mid_counter = [0]


def mid(domain):
    mid_counter[0] += 1
    return "%08x.%d@%s" % (rng.getrandbits(32), mid_counter[0], domain)


def add(when, frm, subject, body, label, company=None, domain="example.net", headers=None, to=ME, msgid=None):
    m = {"date": when, "from": frm, "to": to, "subject": subject, "body": body, "label": label,
         "company": company, "mid": msgid or mid(domain), "headers": headers or []}
    messages.append(m)
    return m


def pick(*opts):
    return rng.choice(opts)


def slot(day, hour=None):
    """A weekday moment `day` days after START."""
    t = START + dt.timedelta(days=day, hours=hour if hour is not None else rng.randint(1, 9),
                             minutes=rng.choice([0, 7, 12, 23, 31, 44, 52]))
    while t.weekday() >= 5:
        t += dt.timedelta(days=1)
    return t


def when_text(t):
    return "%s, %s %d at %d:%02d %s ET" % (WEEKDAYS[t.weekday()], t.strftime("%B"), t.day, (t.hour - 1) % 12 + 1,
                                          t.minute, "AM" if t.hour < 12 else "PM")


def sender(c):
    name, domain, role, ats, rec = c[0], c[1], c[2], c[3], c[4]
    if ats == "greenhouse":
        return ("%s Recruiting" % name, "no-reply@us.greenhouse-mail.io")
    if ats == "lever":
        return (name, "no-reply@hire.lever.co")
    if ats == "workday":
        return ("%s Careers" % name, "%s@myworkday.com" % domain.split(".")[0])
    if ats == "ashby":
        return ("%s Hiring Team" % name, "no-reply@ashbyhq.com")
    if ats == "icims":
        return ("%s Talent Acquisition" % name, "careers-%s@talent.icims.com" % domain.split(".")[0])
    return ("%s Careers" % name, "careers@%s" % domain)


def recruiter(c):
    first, last = c[4].split()
    return (c[4], "%s.%s@%s" % (first.lower(), last.lower(), c[1]))


def sig(c):
    return "%s\n%s, %s" % (c[4], pick("Technical Recruiter", "Senior Recruiter", "Talent Partner"), c[0])


def journey(c, day0):
    name, domain, role, ats, rec, outcome, rounds = c
    first = ME[0].split()[0]
    # 1. confirmation
    add(slot(day0), sender(c), pick("Thank you for applying to %s" % name,
                                    "Your application for %s at %s" % (role, name),
                                    "%s: we received your application" % name),
        pick("Hi %s,\n\nThank you for applying to %s. We have received your application for the %s position and "
             "our team will review it carefully.\n\nIf your background is a match, someone from our recruiting team "
             "will reach out about next steps.\n\nBest regards,\nThe %s Recruiting Team" % (first, name, role, name),
             "Dear %s,\n\nThanks for your interest in %s! This note confirms that your application for the %s role "
             "has been submitted successfully.\n\nWe review every application and will be in touch if there is a "
             "fit.\n\n%s Talent Acquisition" % (first, name, role, name)),
        "APPLIED", name, domain)
    day = day0 + rng.randint(3, 6)
    if outcome in ("APPLIED",):
        return
    if outcome == "REJECTION" and rounds == 0:
        add(slot(day), sender(c), pick("Update on your application to %s" % name, "Your %s application" % role),
            "Hi %s,\n\nThank you for your interest in the %s position at %s and for the time you invested in "
            "applying.\n\nAfter careful review, we have decided not to move forward with your application at this "
            "time. We will keep your details on file for future openings.\n\nWe wish you the best in your search.\n\n"
            "The %s Recruiting Team" % (first, role, name, name), "REJECTION", name, domain)
        return
    # 2. recruiter screen invite + scheduling thread
    rname, raddr = recruiter(c)
    # A journey still at the interview stage has its last interview after
    # the sample's last mail (day ~35) by 9-11 days, so once `careerops run` moves the
    # sample to today (latest mail 1-7 days old) it is an upcoming one.
    last_round = outcome == "INTERVIEW" and rounds <= 1
    slot_a, slot_b = (slot(44, 5), slot(45, 6)) if last_round else (slot(day + 3, 5), slot(day + 4, 6))
    invite = add(slot(day), (rname, raddr), pick("%s - next steps with %s" % (role, name),
                                                "Interview invitation: %s at %s" % (role, name)),
                 "Hi %s,\n\nThanks for applying to %s. I'd love to set up a 30-minute phone screen to talk about the %s "
                 "role and your background.\n\nWould %s or %s work for a call? Happy to find another time if neither "
                 "suits you.\n\nBest,\n%s" % (first, name, role, when_text(slot_a), when_text(slot_b), sig(c)),
                 "INTERVIEW", name, domain)
    reply = add(slot(day, 9), ME, "Re: " + invite["subject"],
                "Hi %s,\n\nThanks for reaching out! %s works well for me for the interview.\n\nBest,\n%s\n\n"
                "> Would %s or %s work for a call?" % (rname.split()[0], when_text(slot_a), ME[0], when_text(slot_a),
                                                      when_text(slot_b)),
                "INTERVIEW", name, "example.net", to=(rname, raddr),
                headers=[("In-Reply-To", "<%s>" % invite["mid"]), ("References", "<%s>" % invite["mid"])])
    conf = add(slot(day + 1, 2), (rname, raddr), "Re: " + invite["subject"],
               "Hi %s,\n\nGreat, you're confirmed for your phone screen on %s. I'll call you at the number on your "
               "resume.\n\nTalk soon,\n%s" % (first, when_text(slot_a), sig(c)), "INTERVIEW", name, domain,
               headers=[("In-Reply-To", "<%s>" % reply["mid"]),
                        ("References", "<%s> <%s>" % (invite["mid"], reply["mid"]))])
    day += 6
    # 3. further rounds
    for r in range(1, rounds):
        t = slot(46, 4) if outcome == "INTERVIEW" and r == rounds - 1 else slot(day + 3, 4)
        kind = pick("technical interview", "onsite interview loop", "interview with the hiring manager")
        add(slot(day), (rname, raddr), "%s: %s scheduling" % (name, kind.capitalize()),
            "Hi %s,\n\nThe team enjoyed speaking with you and would like to invite you to a %s for the %s role. "
            "We have you scheduled for %s over video; the invite with the link will follow.\n\nPlease let me know if "
            "that time doesn't work.\n\nBest,\n%s" % (first, kind, role, when_text(t), sig(c)), "INTERVIEW", name,
            domain, headers=[("In-Reply-To", "<%s>" % conf["mid"]), ("References", "<%s>" % conf["mid"])])
        day += rng.randint(5, 8)
    if outcome == "INTERVIEW":
        return
    if outcome == "OFFER":
        add(slot(day), (rname, raddr), pick("Offer letter: %s at %s" % (role, name), "Your offer from %s" % name),
            "Hi %s,\n\nCongratulations! I'm delighted to extend you an offer to join %s as a %s. Your offer letter "
            "with the compensation details is attached for your review.\n\nPlease let us know your decision within a "
            "week; I'm happy to answer any questions.\n\nWarmly,\n%s" % (first, name, role, sig(c)), "OFFER", name,
            domain)
        return
    add(slot(day), (rname, raddr), "Update on your %s interview" % name,
        "Hi %s,\n\nThank you for taking the time to interview with us for the %s role at %s. We enjoyed our "
        "conversations.\n\nUnfortunately, after much consideration we have decided to move forward with other "
        "candidates whose experience more closely matches our needs.\n\nWe appreciate your interest and wish you "
        "all the best.\n\n%s" % (first, role, name, sig(c)), "REJECTION", name, domain)


def alerts():
    boards = [("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com", "linkedin.com"),
              ("Indeed", "alert@indeed.com", "indeed.com"),
              ("Glassdoor Jobs", "noreply@glassdoor.com", "glassdoor.com")]
    for i in range(60):
        board = boards[i % 3]
        jobs = rng.sample(range(len(ALERT_COMPANIES)), 3)
        lines = ["%s\n%s - %s" % (rng.choice(ALERT_ROLES), ALERT_COMPANIES[j], rng.choice(CITIES)) for j in jobs]
        add(slot(rng.randint(0, 34)), board[:2],
            pick("%d new jobs for \"software engineer\"" % rng.randint(3, 40), "Jobs you may be interested in",
                 "New %s jobs in your area" % rng.choice(ALERT_ROLES)),
            "Here are new jobs that match your saved search:\n\n" + "\n\n".join(lines) +
            "\n\nSee all jobs\n\nYou are receiving this alert because you saved a job search. Unsubscribe or manage "
            "your alerts in settings.", "OTHER", None, board[2],
            headers=[("List-Unsubscribe", "<https://%s/unsubscribe/alerts?u=%d>" % (board[2], i)),
                     ("List-Id", "<alerts.%s>" % board[2])])


def newsletters():
    letters = [("The Pragmatic Builder", "digest@pragmaticbuilder.example", "pragmaticbuilder.example"),
               ("Data Weekly", "hello@dataweekly.example", "dataweekly.example"),
               ("Career Compass", "newsletter@careercompass.example", "careercompass.example"),
               ("Remote Work Roundup", "editor@remoteroundup.example", "remoteroundup.example")]
    topics = ["why your on-call rotation is burning people out", "five patterns for idempotent consumers",
              "salary negotiation myths, debunked", "what we learned migrating to columnar storage",
              "how to write a design doc people actually read", "the quiet return of the monolith",
              "portfolio projects that hiring managers remember", "benchmarks that lie and how to spot them"]
    for i in range(48):
        nl = letters[i % 4]
        t = rng.choice(topics)
        add(slot(rng.randint(0, 34)), nl[:2], "%s #%d: %s" % (nl[0], 100 + i, t.capitalize()),
            "This week: %s.\n\nPlus links from readers, a tool of the week and a short interview with a "
            "practitioner.\n\nRead online. You are subscribed to %s; unsubscribe anytime." % (t, nl[0]),
            "OTHER", None, nl[2],
            headers=[("List-Unsubscribe", "<mailto:unsubscribe@%s>" % nl[2]), ("List-Id", "<news.%s>" % nl[2])])


def unrelated():
    kinds = [
        (("Harbor Credit Union", "alerts@harborcu.example"), "Your monthly statement is ready",
         "Hello Riley,\n\nYour statement for account ending in %04d is now available in online banking.\n\n"
         "Harbor Credit Union"),
        (("ParcelGo", "tracking@parcelgo.example"), "Your package is on its way",
         "Good news! Order #%d has shipped and should arrive in 2-3 business days.\n\nTrack your package in the app."),
        (("Jordan Ellis", "jordan.ellis@example.org"), "Dinner on Saturday?",
         "Hey Riley,\n\nA few of us are getting dinner Saturday around 7. You in? Table for %d so far.\n\nJ"),
        (("Cloudnote", "security@cloudnote.example"), "New sign-in to your account",
         "We noticed a new sign-in to your Cloudnote account from a Linux device (code %d). If this was you, "
         "no action is needed."),
        (("City Library", "notices@citylibrary.example"), "Items due soon",
         "Reminder: %d item(s) on your card are due within three days. Renew online to avoid fees."),
        (("Mom", "pat.moss@example.com"), "photos from the weekend",
         "Hi sweetie, here are the pictures from the garden. The tomatoes finally came in! %d of them.\n\nLove, Mom"),
        (("Streamly", "billing@streamly.example"), "Your receipt from Streamly",
         "Thanks for your payment of $%d.99 for your monthly plan."),
        (("Alex Chen", "alex.chen@example.org"), "Re: climbing gym",
         "Thursday works. I'll bring the spare harness. Gym opens at %d."),
    ]
    for i in range(56):
        frm, subj, body = kinds[i % len(kinds)]
        add(slot(rng.randint(0, 34)), frm, subj, body % rng.randint(2, 9999), "OTHER", None,
            frm[1].split("@")[1])


def fmt_addr(a):
    return email.utils.formataddr(a)


def render(m):
    hdr = [("From", fmt_addr(m["from"])), ("To", fmt_addr(m["to"])), ("Subject", m["subject"]),
           ("Date", email.utils.format_datetime(m["date"])), ("Message-ID", "<%s>" % m["mid"])]
    hdr += m["headers"]
    hdr += [("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", "8bit")]
    text = "".join("%s: %s\n" % h for h in hdr) + "\n" + m["body"] + "\n"
    assert "\nFrom " not in text
    return text


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for i, c in enumerate(COMPANIES):
        journey(c, i * 2 + rng.randint(0, 2))
    alerts()
    newsletters()
    unrelated()
    messages.sort(key=lambda m: (m["date"], m["mid"]))
    chunks = [(m, render(m)) for m in messages]
    # Exact duplicates: a re-export repeats a few messages byte for byte.
    for k in rng.sample(range(len(chunks)), 5):
        chunks.insert(min(len(chunks), k + rng.randint(3, 20)), (dict(chunks[k][0], dup=True), chunks[k][1]))
    # One malformed entry: an export that lost the message's header block.
    bad = ("this message lost its header block during export\n\nThe body survived without any header fields, so it "
           "is not a mail message.\n")
    chunks.insert(len(chunks) // 2, (None, bad))
    with open(os.path.join(out, "inbox.mbox"), "w", encoding="utf-8", newline="\n") as f:
        for m, text in chunks:
            d = m["date"] if m else START
            addr = m["from"][1] if m else "MAILER-DAEMON"
            f.write("From %s %s\n%s\n" % (addr, d.astimezone(dt.timezone.utc).strftime("%a %b %d %H:%M:%S %Y"), text))
    labels = {}
    for m in messages:
        labels[m["label"]] = labels.get(m["label"], 0) + 1
    apps = []
    for c in COMPANIES:
        mine = [m for m in messages if m["company"] == c[0]]
        apps.append({"company": c[0], "role": c[2], "final_stage": c[5], "emails": len(mine),
                     "interview_rounds": c[6]})
    expected = {"generator": "data/sample/gen_sample.py", "seed": SEED, "account": ACCOUNT,
                "mbox_entries": len(chunks), "unique_messages": len(messages),
                "duplicates": sum(1 for m, _ in chunks if m and m.get("dup")), "malformed": 1,
                "labels": labels, "applications": apps}
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
